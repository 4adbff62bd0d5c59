package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import exchange.sequencer.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.SessionID;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class FixObserverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Records what the gateway tells it. */
    private static final class Recorder implements FixObserver {
        final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
        final List<long[]> requests = new CopyOnWriteArrayList<>();
        final List<long[]> reports = new CopyOnWriteArrayList<>();

        @Override
        public void messageReceived(final SessionID session) {
            received.computeIfAbsent(session.getTargetCompID(), k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public void messageSent(final SessionID session) {
            sent.computeIfAbsent(session.getTargetCompID(), k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public void requestHandled(final long receivedNs, final long doneNs) {
            requests.add(new long[] {receivedNs, doneNs});
        }

        @Override
        public void reportSent(final long eventTimestampNs, final long readNs, final long sentNs) {
            reports.add(new long[] {eventTimestampNs, readNs, sentNs});
        }

        long received(final String compId) {
            return received.getOrDefault(compId, new AtomicLong()).get();
        }

        long sent(final String compId) {
            return sent.getOrDefault(compId, new AtomicLong()).get();
        }
    }

    @Test
    void shouldTellTheObserverOfEachMessageInAndOutAndOfEachRequestAndReport() throws Exception {
        final Recorder recorder = new Recorder();
        try (TestVenue venue = new TestVenue(dir, TestVenue.riskSettings(), recorder);
             FixTestClient broker1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(broker1.awaitLogon(WAIT)).isTrue();
            final long receivedAtLogon = recorder.received("BROKER1");
            final long sentAtLogon = recorder.sent("BROKER1");
            assertThat(receivedAtLogon).as("the Logon").isPositive();
            assertThat(sentAtLogon).as("the Logon answer").isPositive();

            broker1.send(FixOrders.limit("B1", "AAA", '1', "100", "101.25"));
            assertThat(broker1.next("8", WAIT).getChar(150)).isEqualTo('0');

            assertThat(recorder.received("BROKER1")).isEqualTo(receivedAtLogon + 1);
            assertThat(recorder.sent("BROKER1")).isEqualTo(sentAtLogon + 1);
            assertThat(recorder.received("BROKER2")).isZero();
            // the gateway tells the observer a request is handled after handing it on: its report can come first
            Await.until(() -> !recorder.requests.isEmpty(), WAIT, () -> "the request handled");
            assertThat(recorder.requests).hasSize(1);
            assertThat(recorder.requests.get(0)[1]).isGreaterThanOrEqualTo(recorder.requests.get(0)[0]);
            // the sender tells the observer just after QuickFIX/J has sent the report
            Await.until(() -> !recorder.reports.isEmpty(), WAIT, () -> "the report sent");
            assertThat(recorder.reports).hasSize(1);
            final long[] report = recorder.reports.get(0);
            assertThat(report[0]).as("the event's time stamp is the journal's").isPositive();
            assertThat(report[2]).isGreaterThanOrEqualTo(report[1]);
        }
    }
}
