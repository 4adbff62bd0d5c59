package exchange.sequencer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The prefaulter keeps the pages ahead of the event log's writer populated, chunk after chunk (a
 * chunk is 64 MB), and what the writer wrote reads back unchanged.
 */
class QueuePrefaulterTest {
    private static final int EVENT_BYTES = 1_000;
    private static final long AHEAD_EXPECTED = 8L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldStayAheadOfTheWriterAcrossChunks() throws InterruptedException {
        final UnsafeBuffer event = new UnsafeBuffer(new byte[EVENT_BYTES]);
        event.putShort(0, (short) EVENT_BYTES);
        long sequence = 0;
        try (EventLog log = EventLog.open(dir.resolve("events"))) {
            final EventLogWriter writer = new EventLogWriter(log, 1 << 18);
            try (QueuePrefaulter prefaulter = new QueuePrefaulter(log.prefault())) {
                assumeTrue(prefaulter.active(), "madvise(MADV_POPULATE_WRITE) is not available here");
                // 150 MB: past two chunk boundaries
                while (sequence < 150_000) {
                    for (int i = 0; i < 2_000; i++) {
                        writer.beginCommand(++sequence);
                        event.putLong(8, sequence);
                        writer.onEvent(event, 0, EVENT_BYTES);
                        writer.endCommand();
                    }
                    writer.flush();
                    awaitAhead(prefaulter, log.prefault());
                }
            }
            writer.close();
            assertThat(log.lastEntry()).isEqualTo(new EventLog.End(sequence, 1, true));
            final long[] read = {0};
            try (EventLogReader reader = log.newReader()) {
                int polled;
                do {
                    polled = reader.poll((doc, seq, index, buffer, offset, length) -> {
                        assertThat(length).isEqualTo(EVENT_BYTES);
                        assertThat(buffer.getLong(offset + 8)).isEqualTo(seq);
                        assertThat(seq).isEqualTo(read[0] + 1);
                        read[0] = seq;
                    }, 1_000);
                } while (polled > 0);
            }
            assertThat(read[0]).isEqualTo(sequence);
        }
    }

    private static void awaitAhead(final QueuePrefaulter prefaulter, final QueuePrefaulter.Writer writer)
        throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        final long writerAt = writer.position();
        while (prefaulter.populatedUpTo(0) < writerAt + AHEAD_EXPECTED) {
            // a kernel without MADV_POPULATE_WRITE is found out by the first call, once there is a file
            assumeFalse(prefaulter.unsupported(), "madvise(MADV_POPULATE_WRITE) is not supported by this kernel");
            assertThat(System.nanoTime()).as("populated up to %d, writer at %d", prefaulter.populatedUpTo(0), writerAt)
                .isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
