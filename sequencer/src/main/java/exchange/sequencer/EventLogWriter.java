package exchange.sequencer;

import exchange.matching.event.EventSink;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Puts the engine's events into the event log: the engine's {@link EventSink} on the matching thread.
 * Events gather in a batch that becomes one document when the matching loop has caught up with the
 * journal (or the batch is full), so a busy engine pays for a document per batch, not per event,
 * and a quiet one publishes at once.
 *
 * <p>Recovery support: {@link #suppressAll} discards every event (replaying commands whose events are
 * already in the log), and {@link #skipFirst} discards the first events of one command (the part of a
 * command's events that made it into the log before a crash), so that nothing is written twice.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
public final class EventLogWriter implements EventSink, AutoCloseable {
    private final ExcerptAppender appender;
    private final UnsafeBuffer batch;
    private final MappedChunkAdvisor advisor;
    private int length;
    private int entryStart = -1;
    private long commandSequence;
    private int nextEventIndex;
    private int skip;
    private boolean suppressAll;
    private long documents;
    private long events;

    /**
     * @param log        the event log
     * @param batchBytes largest document
     */
    public EventLogWriter(final EventLog log, final int batchBytes) {
        this.appender = log.queue().createAppender();
        this.advisor = new MappedChunkAdvisor(log.prefault());
        // off the heap, so that a flush is one memory-to-memory copy (a heap array goes through a slower loop)
        this.batch = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(batchBytes));
    }

    /**
     * Starts the events of a command.
     *
     * @param sequence the command's sequence
     */
    public void beginCommand(final long sequence) {
        commandSequence = sequence;
        nextEventIndex = 0;
        entryStart = -1;
    }

    /** Ends the events of the current command: its entry is marked complete. */
    public void endCommand() {
        if (entryStart >= 0) {
            final int flags = EventLog.ENTRY_FLAGS_OFFSET + entryStart;
            batch.putByte(flags, (byte) (batch.getByte(flags) | EventLog.FLAG_LAST));
            entryStart = -1;
        }
        skip = 0;
    }

    /** @param suppress true to discard every event until called with false */
    public void suppressAll(final boolean suppress) {
        this.suppressAll = suppress;
    }

    /** @param count how many of the next command's first events are already in the log */
    public void skipFirst(final int count) {
        this.skip = count;
    }

    @Override
    public void onEvent(final MutableDirectBuffer buffer, final int offset, final int eventLength) {
        final int index = nextEventIndex++;
        if (suppressAll || index < skip) {
            return;
        }
        if (eventLength + EventLog.ENTRY_HEADER_LENGTH > batch.capacity()) {
            throw new IllegalStateException("event of " + eventLength + " bytes does not fit a document");
        }
        if (length + eventLength + (entryStart < 0 ? EventLog.ENTRY_HEADER_LENGTH : 0) > batch.capacity()) {
            flush();
        }
        if (entryStart < 0 || (batch.getShort(entryStart + EventLog.ENTRY_COUNT_OFFSET) & 0xFFFF) == 0xFFFF) {
            entryStart = length;
            batch.putLong(length + EventLog.ENTRY_SEQUENCE_OFFSET, commandSequence);
            batch.putInt(length + EventLog.ENTRY_FIRST_EVENT_OFFSET, index);
            batch.putShort(length + EventLog.ENTRY_COUNT_OFFSET, (short) 0);
            batch.putShort(length + EventLog.ENTRY_FLAGS_OFFSET, (short) 0);
            length += EventLog.ENTRY_HEADER_LENGTH;
        }
        batch.putBytes(length, buffer, offset, eventLength);
        length += eventLength;
        final int countAt = entryStart + EventLog.ENTRY_COUNT_OFFSET;
        batch.putShort(countAt, (short) ((batch.getShort(countAt) & 0xFFFF) + 1));
        events++;
    }

    /** @return true when events wait in the batch */
    public boolean hasPending() {
        return length > 0;
    }

    /** Writes the batch as one document, if there is anything in it. */
    public void flush() {
        if (length == 0) {
            return;
        }
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().unsafeWrite(batch.addressOffset(), length);
            advisor.wrote(dc.wire().bytes());
        }
        length = 0;
        entryStart = -1;
        documents++;
    }

    /** @return documents written */
    public long documents() {
        return documents;
    }

    /** @return events written */
    public long events() {
        return events;
    }

    /** Lets another thread take the writer over (Chronicle checks that one thread uses an appender). */
    void handOver() {
        appender.singleThreadedCheckReset();
    }

    @Override
    public void close() {
        handOver();
        flush();
        appender.close();
    }
}
