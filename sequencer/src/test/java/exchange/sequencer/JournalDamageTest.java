package exchange.sequencer;

import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.sequencer.crash.MidWriteChild;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class JournalDamageTest {
    @TempDir
    Path dir;

    static Process java(final Class<?> main, final String... args) throws Exception {
        final List<String> command = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true",
            "-Dlogback.configurationFile=logback-quiet.xml", main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void shouldRefuseToStartWhenACommandInTheMiddleOfTheJournalIsDamaged() throws Exception {
        final Path data = dir.resolve("damaged");
        try (Sequencer sequencer = Sequencer.start(RecoveryTest.config(data, 0, 64 * 1024), RecoveryTest.INSTRUMENTS,
            RecoveryTest.fixedClock())) {
            RecoveryTest.append(sequencer, exchange.matching.testing.CommandStream.generate(5L, 100));
        }
        final Path file;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(data.resolve("journal"))) {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = java.nio.file.Files.readAllBytes(file);
        final int at = findSequence(bytes, 50);
        bytes[at - 8 + 2] = 99; // the record's type byte
        java.nio.file.Files.write(file, bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sequencer.start(RecoveryTest.config(data, 0, 64 * 1024),
                RecoveryTest.INSTRUMENTS, RecoveryTest.fixedClock()))
            .isInstanceOf(CorruptJournalException.class)
            .hasMessageContaining("unknown command type 99")
            .hasMessageContaining("will not start");
    }

    /** @return the offset of the command record field "sequence" holding this value */
    private static int findSequence(final byte[] bytes, final long sequence) {
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 8; i + 8 <= bytes.length; i++) {
            if (b.getLong(i) == sequence && (b.getShort(i - 8) & 0xFFFF) >= 32 && (b.getShort(i - 8) & 0xFFFF) < 512
                && b.get(i - 6) > 0 && b.get(i - 6) < 16) {
                return i;
            }
        }
        throw new AssertionError("sequence " + sequence + " not found");
    }

    @Test
    void shouldSayWhyWhenTheJournalDirectoryCannotBeRead() throws Exception {
        final Path data = dir.resolve("garbage");
        java.nio.file.Files.createDirectories(data.resolve("journal"));
        java.nio.file.Files.write(data.resolve("journal").resolve("metadata.cq4t"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sequencer.start(RecoveryTest.config(data, 0, 64 * 1024),
                RecoveryTest.INSTRUMENTS, RecoveryTest.fixedClock()))
            .isInstanceOf(CorruptJournalException.class)
            .hasMessageContaining("cannot open the journal");
    }

    @Test
    void shouldIgnoreAnEntryCutShortByACrashAndCarryOn() throws Exception {
        final Path journalDir = dir.resolve("journal");
        final Process child = java(MidWriteChild.class, journalDir.toString());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertThat(in.readLine()).isEqualTo("MIDWRITE");
        }
        new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        final long start = System.nanoTime();
        try (CommandJournal journal = CommandJournal.open(journalDir, Durability.PAGE_CACHE, new SystemEpochNanoClock())) {
            assertThat(journal.lastSequence()).isEqualTo(10);
            assertThat(journal.tornEntryFound()).as("the torn entry is reported").isTrue();
            final long next = journal.append(TestCommands.limit(1, Side.SELL, 101_0000, 5, 2, TimeInForce.DAY));
            assertThat(next).isEqualTo(11);
            try (JournalReader reader = journal.newReader()) {
                int read = 0;
                while (reader.read((record, length, index) -> { })) {
                    read++;
                }
                assertThat(read).isEqualTo(11);
            }
        }
        System.out.println("recovered from a torn entry in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        try (CommandJournal reopened = CommandJournal.open(journalDir, Durability.PAGE_CACHE, new SystemEpochNanoClock())) {
            assertThat(reopened.tornEntryFound()).as("a clean journal reports nothing").isFalse();
            assertThat(reopened.lastSequence()).isEqualTo(11);
        }
    }
}
