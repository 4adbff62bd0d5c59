package exchange.sequencer;

import exchange.matching.Instrument;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.EventType;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class SequencerTest {
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.builder(1, "AAA").build(),
        Instrument.builder(2, "BBB").build());

    @TempDir
    Path dir;

    private SequencerConfig config() {
        return SequencerConfig.builder(dir).idleStrategy("sleep")
            .engine(exchange.matching.EngineConfig.defaults().orderCapacity(1 << 16).levelCapacity(1 << 12)).build();
    }

    @Test
    void shouldJournalCommandsFromSeveralThreadsEachExactlyOnceInTheJournalsOrder() throws Exception {
        final int threads = 4;
        final int perThread = 2_000;
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, new SystemEpochNanoClock())) {
            final CountDownLatch go = new CountDownLatch(1);
            final List<Thread> workers = new ArrayList<>();
            final long[][] sequences = new long[threads][perThread];
            for (int t = 0; t < threads; t++) {
                final int firm = t + 1;
                final Thread w = new Thread(() -> {
                    try {
                        go.await();
                    } catch (final InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        // each firm rests on its own price so nothing trades: one Accepted and one Booked per order
                        sequences[firm - 1][i] = sequencer.commands().append(
                            TestCommands.limit(1, Side.BUY, (100 + firm) * 100L, 1 + i, firm, TimeInForce.DAY));
                    }
                });
                w.start();
                workers.add(w);
            }
            go.countDown();
            for (final Thread w : workers) {
                w.join();
            }
            assertThat(sequencer.awaitApplied(30, TimeUnit.SECONDS)).isTrue();

            final List<EventLogCollector.Logged> events = EventLogCollector.readAll(sequencer.eventLog());
            assertThat(events).hasSize(2 * threads * perThread);
            final Set<Long> accepted = new HashSet<>();
            long previous = 0;
            for (final EventLogCollector.Logged e : events) {
                assertThat(e.commandSequence()).isGreaterThanOrEqualTo(previous);
                previous = e.commandSequence();
                if (e.event().type() == EventType.ACCEPTED) {
                    final AcceptedEvent a = (AcceptedEvent) e.event();
                    assertThat(a.orderId()).isEqualTo(e.commandSequence());
                    assertThat(accepted.add(a.orderId())).as("accepted once: %d", a.orderId()).isTrue();
                }
            }
            final Set<Long> appended = new HashSet<>();
            for (final long[] perWorker : sequences) {
                for (int i = 0; i < perWorker.length; i++) {
                    appended.add(perWorker[i]);
                    if (i > 0) {
                        assertThat(perWorker[i]).as("a thread's commands keep their order").isGreaterThan(perWorker[i - 1]);
                    }
                }
            }
            assertThat(accepted).isEqualTo(appended);
            assertThat(appended).hasSize(threads * perThread).allMatch(s -> s >= 1 && s <= threads * perThread);
        }
    }
}
