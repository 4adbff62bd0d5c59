package exchange.sequencer;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a queue directory before Chronicle opens it, so that files that are not a queue's give a
 * clear message at once instead of a lock timeout; and finds a queue's last document in a way that a
 * crash cannot fool.
 */
public final class QueueFiles {
    private static final String METADATA = "metadata.cq4t";

    private QueueFiles() {
    }

    /**
     * @param dir  the queue directory
     * @param what "journal" or "event log", for the message
     * @throws CorruptJournalException when the directory holds a metadata file that is not Chronicle's
     */
    static void checkMetadata(final Path dir, final String what) {
        final Path metadata = dir.resolve(METADATA);
        if (!Files.exists(metadata)) {
            return;
        }
        final byte[] head = new byte[64];
        int read;
        try (InputStream in = Files.newInputStream(metadata)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot open the " + what + " in " + dir + ": " + METADATA
                + " cannot be read: " + e.getMessage(), e);
        }
        if (read < head.length || !new String(head, StandardCharsets.ISO_8859_1).contains("STStore")) {
            throw new CorruptJournalException("cannot open the " + what + " in " + dir + ": " + metadata
                + " is not a Chronicle Queue metadata file; the directory holds something else or is damaged");
        }
    }

    /**
     * The index of a queue's last complete document, or -1 when it has none.
     *
     * <p>Chronicle's own ways to the end ({@code toEnd()} backwards, {@code lastIndex()}) trust the
     * store's write position; after a writer was killed in the middle of a document they can fail to
     * reach it and then, without assertions, quietly wind to the <em>start</em> of the queue. Here the
     * end is found by {@code moveToIndex}, which reports a document cut short as not there: the
     * documents present in a cycle are a prefix of its sequence numbers, so an exponential then binary
     * search over them finds the last, in the newest cycle that has one.
     *
     * @param queue the queue, open
     * @return the last complete document's index, -1 for an empty queue
     */
    public static long lastDocumentIndex(final SingleChronicleQueue queue) {
        final int first = queue.firstCycle();
        int cycle = queue.lastCycle();
        if (first == Integer.MAX_VALUE || cycle == Integer.MIN_VALUE || cycle < first) {
            return -1;
        }
        final RollCycle roll = queue.rollCycle();
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                if (present(tailer, roll.toIndex(cycle, 0))) {
                    long low = 0;
                    long high = 1;
                    while (present(tailer, roll.toIndex(cycle, high))) {
                        low = high;
                        high <<= 1;
                    }
                    while (high - low > 1) {
                        final long mid = (low + high) >>> 1;
                        if (present(tailer, roll.toIndex(cycle, mid))) {
                            low = mid;
                        } else {
                            high = mid;
                        }
                    }
                    return roll.toIndex(cycle, low);
                }
                final int previous;
                try {
                    previous = queue.nextCycle(cycle, TailerDirection.BACKWARD);
                } catch (final java.text.ParseException e) {
                    throw new CorruptJournalException("cannot list the cycles of " + queue.fileAbsolutePath()
                        + ": " + e.getMessage(), e);
                }
                if (previous < first || previous >= cycle) {
                    return -1;
                }
                cycle = previous;
            }
        }
    }

    private static boolean present(final ExcerptTailer tailer, final long index) {
        if (!tailer.moveToIndex(index)) {
            return false;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            return dc.isPresent() && dc.index() == index;
        }
    }
}
