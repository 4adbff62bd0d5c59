package exchange.sequencer;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.testing.CommandStream;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(120)
class RecoveryTest {
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.builder(1, "AAA").build(),
        Instrument.builder(2, "BBB").maxPriceLevels(6).build());

    @TempDir
    Path dir;

    static SequencerConfig config(final Path dataDir, final long snapshotInterval, final int batchBytes) {
        return SequencerConfig.builder(dataDir).idleStrategy("sleep").snapshotInterval(snapshotInterval)
            .batchBytes(batchBytes)
            .engine(EngineConfig.defaults().orderCapacity(1 << 14).levelCapacity(1 << 10)).build();
    }

    /** Appends a generated stream; the journal stamps its own sequences and times. */
    static void append(final Sequencer sequencer, final List<byte[]> commands) throws InterruptedException {
        for (final byte[] c : commands) {
            sequencer.commands().append(TestCommands.copyOf(c));
        }
        assertThat(sequencer.awaitApplied(60, TimeUnit.SECONDS)).as("applied, failure: %s", sequencer.failure()).isTrue();
    }

    /** The whole run without interruption: the reference every recovery must reproduce. */
    private List<EventLogCollector.Logged> uninterrupted(final List<byte[]> commands) throws Exception {
        final Path reference = dir.resolve("reference");
        try (Sequencer sequencer = Sequencer.start(config(reference, 0, 256 * 1024), INSTRUMENTS, fixedClock())) {
            append(sequencer, commands);
            return EventLogCollector.readAll(sequencer.eventLog());
        }
    }

    /** A clock that counts, so that two runs stamp the same times and write the same bytes. */
    static org.agrona.concurrent.EpochNanoClock fixedClock() {
        final long[] t = {1_795_770_000_000_000_000L};
        return () -> t[0] += 1_000;
    }

    @Test
    void shouldContinueAfterARestartAsIfThereHadBeenNone() throws Exception {
        final List<byte[]> commands = CommandStream.generate(11L, 4_000);
        final List<EventLogCollector.Logged> expected = uninterrupted(commands);
        final Path data = dir.resolve("restarted");
        final org.agrona.concurrent.EpochNanoClock clock = fixedClock();
        try (Sequencer first = Sequencer.start(config(data, 0, 256 * 1024), INSTRUMENTS, clock)) {
            append(first, commands.subList(0, 1_500));
        }
        try (Sequencer second = Sequencer.start(config(data, 0, 256 * 1024), INSTRUMENTS, clock)) {
            assertThat(second.recovery().replayedCommands()).isEqualTo(1_500);
            assertThat(second.commands().lastSequence()).isEqualTo(1_500);
            append(second, commands.subList(1_500, commands.size()));
            assertThat(EventLogCollector.readAll(second.eventLog())).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void shouldReplayOnlyTheJournalAfterTheNewestSnapshot() throws Exception {
        final List<byte[]> commands = CommandStream.generate(12L, 5_000);
        final List<EventLogCollector.Logged> expected = uninterrupted(commands);
        final Path data = dir.resolve("snapshots");
        final org.agrona.concurrent.EpochNanoClock clock = fixedClock();
        try (Sequencer first = Sequencer.start(config(data, 1_000, 256 * 1024), INSTRUMENTS, clock)) {
            append(first, commands.subList(0, 3_500));
        }
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            assertThat(files.count()).as("snapshot files kept").isEqualTo(2);
        }
        try (Sequencer second = Sequencer.start(config(data, 1_000, 256 * 1024), INSTRUMENTS, clock)) {
            assertThat(second.recovery().snapshotSequence()).isGreaterThanOrEqualTo(2_000);
            assertThat(second.recovery().replayedCommands()).isLessThanOrEqualTo(1_500);
            append(second, commands.subList(3_500, commands.size()));
            assertThat(EventLogCollector.readAll(second.eventLog())).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void shouldUseAnOlderSnapshotWhenTheNewestIsDamaged() throws Exception {
        final List<byte[]> commands = CommandStream.generate(13L, 3_000);
        final Path data = dir.resolve("damaged-snapshot");
        final org.agrona.concurrent.EpochNanoClock clock = fixedClock();
        try (Sequencer first = Sequencer.start(config(data, 1_000, 256 * 1024), INSTRUMENTS, clock)) {
            append(first, commands.subList(0, 2_500));
        }
        final List<Path> snapshots;
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            snapshots = files.sorted(Comparator.naturalOrder()).toList();
        }
        assertThat(snapshots).hasSize(2);
        final Path newest = snapshots.get(1);
        final long older = Long.parseLong(snapshots.get(0).getFileName().toString().substring(9, 29));
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(newest, bytes);
        try (Sequencer second = Sequencer.start(config(data, 1_000, 256 * 1024), INSTRUMENTS, clock)) {
            assertThat(second.recovery().snapshotSequence()).isEqualTo(older);
            assertThat(second.recovery().replayedCommands()).isEqualTo(second.recovery().eventLogEnd() - older);
        }
    }

    @Test
    void shouldPublishOnlyTheMissingEventsOfACommandCutShortByACrash() throws Exception {
        final List<byte[]> commands = CommandStream.generate(14L, 2_000);
        final List<EventLogCollector.Logged> expected = uninterrupted(commands);
        // Find a command with several events and rebuild the log as a crash would have left it: complete up
        // to the command before, and only the first events of that one.
        final long cut = expected.stream().filter(e -> e.eventIndex() >= 2).findFirst().orElseThrow().commandSequence();
        final Path data = dir.resolve("cut");
        copy(dir.resolve("reference").resolve("journal"), data.resolve("journal"));
        try (EventLog log = EventLog.open(data.resolve("events"));
             EventLogWriter writer = new EventLogWriter(log, 64 * 1024)) {
            long current = -1;
            for (final EventLogCollector.Logged e : expected) {
                if (e.commandSequence() > cut || (e.commandSequence() == cut && e.eventIndex() >= 2)) {
                    break;
                }
                if (e.commandSequence() != current) {
                    if (current >= 0) {
                        writer.endCommand();
                    }
                    writer.beginCommand(e.commandSequence());
                    current = e.commandSequence();
                }
                writer.onEvent(new UnsafeBuffer(e.bytes()), 0, e.bytes().length);
            }
            writer.flush(); // no endCommand: the last command is cut short
        }
        try (Sequencer second = Sequencer.start(config(data, 0, 256 * 1024), INSTRUMENTS, fixedClock())) {
            assertThat(second.recovery().republishedFrom()).isEqualTo(cut);
            assertThat(second.awaitApplied(30, TimeUnit.SECONDS)).isTrue();
            assertThat(EventLogCollector.readAll(second.eventLog())).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void shouldRefuseToStartOnAnEventLogThatIsAheadOfItsJournal() throws Exception {
        final List<byte[]> commands = CommandStream.generate(15L, 500);
        uninterrupted(commands);
        final Path data = dir.resolve("mismatch");
        copy(dir.resolve("reference").resolve("events"), data.resolve("events"));
        assertThatThrownBy(() -> Sequencer.start(config(data, 0, 256 * 1024), INSTRUMENTS, fixedClock()))
            .isInstanceOf(CorruptJournalException.class).hasMessageContaining("not from the same run");
    }

    @Test
    void shouldSpreadTheEventsOfAHugeCommandOverSeveralDocuments() throws Exception {
        final List<byte[]> commands = CommandStream.generate(16L, 3_000);
        final List<EventLogCollector.Logged> expected = uninterrupted(commands);
        final Path data = dir.resolve("small-documents");
        try (Sequencer sequencer = Sequencer.start(config(data, 0, 16 * 1024), INSTRUMENTS, fixedClock())) {
            append(sequencer, commands);
            assertThat(EventLogCollector.readAll(sequencer.eventLog())).containsExactlyElementsOf(expected);
        }
    }

    static void copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (final Path p : files.toList()) {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
