package exchange.sequencer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * The outbound event log: every engine event, in order, each with the sequence of the command that
 * caused it and its index among that command's events. A Chronicle Queue rolled daily (UTC), written
 * by the matching thread only ({@link EventLogWriter}) and tailed by any number of consumers, each at
 * its own pace ({@link EventLogReader}); a slow consumer never slows the writer.
 *
 * <p>Document layout: one or more entries, each the events of one command (or a fragment of them,
 * when a command's events do not fit one document):
 * <pre>
 *   0  command sequence (i64)
 *   8  index of the entry's first event among the command's events (i32)
 *  12  event count (u16)
 *  14  flags (u8): bit 0 = the command's last events
 *  15  reserved (u8)
 *  16  the events, each a complete record starting with its u16 length
 * </pre>
 * A document is written whole or not at all, so after a crash the log ends at a known command and
 * event: {@link #lastEntry()}.
 */
public final class EventLog implements AutoCloseable {
    public static final int ENTRY_SEQUENCE_OFFSET = 0;
    public static final int ENTRY_FIRST_EVENT_OFFSET = 8;
    public static final int ENTRY_COUNT_OFFSET = 12;
    public static final int ENTRY_FLAGS_OFFSET = 14;
    public static final int ENTRY_HEADER_LENGTH = 16;
    public static final int FLAG_LAST = 1;

    private final SingleChronicleQueue queue;
    private final Path dir;
    private final QueuePrefaulter.Writer prefault = new QueuePrefaulter.Writer();
    private final Doorbell doorbell = new Doorbell();

    private EventLog(final SingleChronicleQueue queue, final Path dir) {
        this.queue = queue;
        this.dir = dir;
    }

    /**
     * @param dir the event log directory
     * @return the open log
     */
    public static EventLog open(final Path dir) {
        QueueFiles.checkMetadata(dir, "event log");
        try {
            return new EventLog(SingleChronicleQueueBuilder.binary(dir.toFile())
                .rollCycle(RollCycles.FAST_DAILY)
                .timeoutMS(5_000)
                .build(), dir);
        } catch (final RuntimeException e) {
            throw new CorruptJournalException("cannot open the event log in " + dir + ": " + e.getMessage(), e);
        }
    }

    SingleChronicleQueue queue() {
        return queue;
    }

    /** @return where the writer says how far it has written, for a {@link QueuePrefaulter} */
    QueuePrefaulter.Writer prefault() {
        return prefault;
    }

    /** @return rung by the matching thread after each batch of events it publishes */
    public Doorbell doorbell() {
        return doorbell;
    }

    /** @return the log's directory */
    public Path dir() {
        return dir;
    }

    /** Where the log ends: the command and event of its last entry. */
    public record End(long commandSequence, int nextEventIndex, boolean commandComplete) {
        /** The end of an empty log. */
        public static final End EMPTY = new End(0, 0, true);
    }

    /**
     * Reads the log's last document and returns its last entry: recovery resumes after it.
     *
     * @return the end, {@link End#EMPTY} for an empty log
     * @throws CorruptJournalException when the last document is not a valid list of entries
     */
    public End lastEntry() {
        final long last = QueueFiles.lastDocumentIndex(queue);
        if (last < 0) {
            return End.EMPTY;
        }
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(last)) {
                throw new CorruptJournalException("the event log's last document " + Long.toHexString(last)
                    + " cannot be read");
            }
            return lastEntry(tailer);
        }
    }

    private static End lastEntry(final ExcerptTailer tailer) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new CorruptJournalException("the event log's last document cannot be read");
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final int length = (int) bytes.readRemaining();
            final UnsafeBuffer view = new UnsafeBuffer(bytes.addressForRead(bytes.readPosition()), length);
            End end = null;
            int at = 0;
            while (at < length) {
                if (at + ENTRY_HEADER_LENGTH > length) {
                    throw new CorruptJournalException("event log document " + Long.toHexString(dc.index())
                        + " ends inside an entry header");
                }
                final long sequence = view.getLong(at + ENTRY_SEQUENCE_OFFSET);
                final int first = view.getInt(at + ENTRY_FIRST_EVENT_OFFSET);
                final int count = view.getShort(at + ENTRY_COUNT_OFFSET) & 0xFFFF;
                final boolean last = (view.getByte(at + ENTRY_FLAGS_OFFSET) & FLAG_LAST) != 0;
                at += ENTRY_HEADER_LENGTH;
                for (int i = 0; i < count; i++) {
                    if (at + 2 > length) {
                        throw new CorruptJournalException("event log document " + Long.toHexString(dc.index())
                            + " ends inside an event");
                    }
                    at += view.getShort(at) & 0xFFFF;
                }
                end = new End(sequence, first + count, last);
            }
            if (at != length || end == null) {
                throw new CorruptJournalException("event log document " + Long.toHexString(dc.index()) + " is damaged");
            }
            return end;
        }
    }

    /** @return a reader at the start of the log; for one thread */
    public EventLogReader newReader() {
        return new EventLogReader(this);
    }

    @Override
    public void close() {
        queue.close();
    }
}
