package exchange.sequencer;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a queue's last document when its writer died in the middle of the next one: a document
 * left open (as a SIGKILL leaves it) at every position around Chronicle's index spacing, which is
 * where Chronicle's own backward toEnd() could fail and wind to the start of the queue.
 */
class QueueEndTest {
    @TempDir
    Path dir;

    private static SingleChronicleQueue open(final Path dir) {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(RollCycles.FAST_DAILY).timeoutMS(1_000).build();
    }

    @ParameterizedTest(name = "{0} complete documents, then one cut short")
    @ValueSource(ints = {0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000})
    void shouldFindTheLastCompleteDocumentAfterOneCutShort(final int complete) {
        final Path queueDir = dir.resolve("q" + complete);
        long lastWritten = -1;
        try (SingleChronicleQueue writer = open(queueDir)) {
            final ExcerptAppender appender = writer.createAppender();
            for (int i = 0; i < complete; i++) {
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().writeLong(i);
                }
                lastWritten = appender.lastIndexAppended();
            }
            // the writer dies here: a document begun, its bytes partly written, never finished
            final DocumentContext torn = appender.writingDocument();
            torn.wire().bytes().writeLong(-1L).writeLong(-1L);

            try (SingleChronicleQueue reader = open(queueDir)) {
                final long last = QueueFiles.lastDocumentIndex(reader);
                assertThat(last).isEqualTo(lastWritten);
                if (complete > 0) {
                    try (ExcerptTailer tailer = reader.createTailer()) {
                        assertThat(tailer.moveToIndex(last)).isTrue();
                        try (DocumentContext dc = tailer.readingDocument()) {
                            assertThat(dc.wire().bytes().readLong()).isEqualTo(complete - 1);
                        }
                    }
                }
            }
            torn.rollbackOnClose();
            torn.close();
        }
    }

    @ParameterizedTest(name = "{0} documents")
    @ValueSource(ints = {0, 1, 64, 300})
    void shouldFindTheLastDocumentOfAQueueClosedCleanly(final int documents) {
        final Path queueDir = dir.resolve("c" + documents);
        long lastWritten = -1;
        try (SingleChronicleQueue writer = open(queueDir)) {
            final ExcerptAppender appender = writer.createAppender();
            for (int i = 0; i < documents; i++) {
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().writeLong(i);
                }
                lastWritten = appender.lastIndexAppended();
            }
        }
        try (SingleChronicleQueue reader = open(queueDir)) {
            assertThat(QueueFiles.lastDocumentIndex(reader)).isEqualTo(lastWritten);
        }
    }
}
