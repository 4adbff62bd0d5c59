package exchange.server;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that stops reading its socket while the exchange has thousands of reports for it: the
 * other sessions are answered as usual and the matching thread keeps up; the slow session's reports
 * wait (in its message store, once its write queue passes MaxScheduledWriteRequests and it is
 * disconnected).
 */
@Timeout(180)
class SlowSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SLOW_ORDERS = 30_000;

    @TempDir
    Path dir;

    @Test
    void shouldAnswerOtherSessionsWhileOneStopsReading() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        ShippedConfig.set(config.resolve("risk.properties"), "exchange.risk.throttle.messagesPerSecond", "100000");
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir));
             RawFixConnection slow = new RawFixConnection(server.fixPort(), "BROKER1", 4096);
             FixTestClient other = ShippedConfig.connect(server.fixPort(), "BROKER2", dir.resolve("clients"))) {
            assertThat(slow.logon("broker1", "broker1-demo")).containsEntry(35, "A");
            assertThat(other.awaitLogon(WAIT)).isTrue();
            // from here on the slow session never reads: each IOC order earns it two reports
            final Thread flood = new Thread(() -> {
                try {
                    for (int i = 0; i < SLOW_ORDERS; i++) {
                        slow.send(slow.message("D", "11=F" + i, "21=1", "55=AAPL", "54=1", "60=20260101-00:00:00",
                            "38=1", "40=2", "44=180", "59=3"));
                    }
                } catch (final java.io.IOException e) {
                    // disconnected by the exchange: its write queue was full
                }
            }, "flood");
            flood.start();
            for (int i = 0; i < 200; i++) {
                other.send(FixOrders.limit("O" + i, "MSFT", '1', "1", "420"));
                assertThat(other.next("8", WAIT).getChar(150)).as("acknowledgement of order %d", i).isEqualTo('0');
            }
            flood.join(TimeUnit.SECONDS.toMillis(120));
            // The flood has handed its last bytes to the kernel, not the exchange: on loopback megabytes of
            // orders can still be in the sockets' buffers, so wait for the engine to have them (or give up).
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.sequencer().appliedSequence() < SLOW_ORDERS + 200 && System.nanoTime() < deadlineNs) {
                Thread.sleep(10);
            }
            assertThat(server.sequencer().awaitApplied(60, TimeUnit.SECONDS)).as("matching thread caught up").isTrue();
            assertThat(server.sequencer().failure()).isNull();
            // the engine took every order of the slow session, even though none of its reports was read
            assertThat(server.sequencer().appliedSequence()).isGreaterThanOrEqualTo(SLOW_ORDERS + 200);
        }
    }
}
