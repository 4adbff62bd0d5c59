package exchange.sequencer;

import exchange.matching.testing.CommandStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ConsumerAgentTest {
    @TempDir
    Path dir;

    @Test
    void shouldResumeAStoppedConsumerExactlyAfterTheLastEventItHandled() throws Exception {
        try (Sequencer sequencer = Sequencer.start(RecoveryTest.config(dir, 0, 16 * 1024), RecoveryTest.INSTRUMENTS,
            RecoveryTest.fixedClock())) {
            RecoveryTest.append(sequencer, CommandStream.generate(21L, 3_000));
            final List<EventLogCollector.Logged> all = EventLogCollector.readAll(sequencer.eventLog());

            final EventLogCollector seen = new EventLogCollector();
            final ConsumerAgent first = new ConsumerAgent("risk", sequencer.eventLog(),
                new PositionStore(dir.resolve("positions"), "risk", false), seen, 3);
            first.onStart();
            first.doWork();
            first.doWork();
            first.onClose(); // stopped after a few documents
            final int firstPart = seen.events().size();
            assertThat(firstPart).isPositive().isLessThan(all.size());

            final ConsumerAgent second = new ConsumerAgent("risk", sequencer.eventLog(),
                new PositionStore(dir.resolve("positions"), "risk", false), seen, 1_000);
            second.onStart();
            while (second.doWork() > 0) {
                // to the end
            }
            second.onClose();
            assertThat(seen.events()).as("every event once, in order").containsExactlyElementsOf(all);
        }
    }

    @Test
    void shouldTreatADamagedPositionFileAsNoPosition() throws Exception {
        final Path positions = dir.resolve("positions");
        try (PositionStore store = new PositionStore(positions, "md", false)) {
            store.save(42, 7, 3);
            assertThat(store.load()).isEqualTo(new PositionStore.Position(42, 7, 3));
        }
        final byte[] bytes = java.nio.file.Files.readAllBytes(positions.resolve("md.pos"));
        bytes[9] ^= 1;
        java.nio.file.Files.write(positions.resolve("md.pos"), bytes);
        try (PositionStore store = new PositionStore(positions, "md", false)) {
            assertThat(store.load().isNone()).isTrue();
        }
    }
}
