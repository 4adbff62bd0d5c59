package exchange.sequencer;

import exchange.matching.Flyweight;
import exchange.matching.event.EventType;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tails the event log for one consumer, at the consumer's own pace. Events are handed over in place
 * (the log's mapped memory), a whole document at a time.
 *
 * <p>One thread only. Never allocates while reading.
 */
public final class EventLogReader implements AutoCloseable {
    private final ExcerptTailer tailer;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private long skipUpToSequence = -1;
    private int skipUpToEvent = -1;
    private long lastSequence;
    private int lastEventIndex = -1;
    private long lastDocumentIndex = -1;

    EventLogReader(final EventLog log) {
        this.tailer = log.queue().createTailer();
    }

    /**
     * Positions the reader just after an event that was consumed before (a consumer's stored position).
     *
     * @param documentIndex   the document holding it
     * @param commandSequence its command
     * @param eventIndex      its index within the command
     * @return true when the document is in the log
     */
    public boolean seekAfter(final long documentIndex, final long commandSequence, final int eventIndex) {
        if (!tailer.moveToIndex(documentIndex)) {
            return false;
        }
        skipUpToSequence = commandSequence;
        skipUpToEvent = eventIndex;
        lastDocumentIndex = documentIndex;
        lastSequence = commandSequence;
        lastEventIndex = eventIndex;
        return true;
    }

    /**
     * Positions a reader that has read nothing yet just after the log's last DayEnded event, reading the
     * log through once to find it, or back at the start when no trading day has ended: where a consumer
     * that has never run begins, so that it takes up the current trading day rather than the whole
     * history (a drop-copy session added months after the exchange started).
     *
     * @return true when a trading day had ended
     */
    public boolean seekToCurrentDay() {
        final long[] dayEnded = {-1, 0, 0};
        final EventLogConsumer find = (documentIndex, commandSequence, eventIndex, buffer, offset, length) -> {
            if (Flyweight.typeCodeAt(buffer, offset) == EventType.DAY_ENDED.code()) {
                dayEnded[0] = documentIndex;
                dayEnded[1] = commandSequence;
                dayEnded[2] = eventIndex;
            }
        };
        while (poll(find, 1024) > 0) {
            // to the end of the log
        }
        if (dayEnded[0] < 0) {
            tailer.toStart();
            skipUpToSequence = -1;
            skipUpToEvent = -1;
            lastSequence = 0;
            lastEventIndex = -1;
            lastDocumentIndex = -1;
            return false;
        }
        return seekAfter(dayEnded[0], dayEnded[1], (int) dayEnded[2]);
    }

    /** Positions the reader at the end of the log: only events written from now on will be read. */
    public void seekToEnd() {
        tailer.toEnd();
    }

    /**
     * Delivers the events of up to {@code maxDocuments} documents.
     *
     * @param consumer     receives each event
     * @param maxDocuments most documents to read
     * @return events delivered
     * @throws CorruptJournalException when a document is damaged
     * @throws RuntimeException         what the consumer threw: the next poll delivers again the event it
     *                                  threw on, and goes on from there
     */
    public int poll(final EventLogConsumer consumer, final int maxDocuments) {
        int delivered = 0;
        for (int d = 0; d < maxDocuments; d++) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    break;
                }
                final long documentIndex = dc.index();
                final Bytes<?> bytes = dc.wire().bytes();
                final int length = (int) bytes.readRemaining();
                view.wrap(bytes.addressForRead(bytes.readPosition()), length);
                try {
                    delivered += deliver(consumer, documentIndex, length);
                } catch (final RuntimeException e) {
                    // The consumer failed on an event (or the document is damaged). Closing the document would
                    // move past it, and a consumer that goes on after an error (the report sender, the drop
                    // copy) would never see the rest of its events. It is read again at the next poll instead,
                    // from the event that failed: nothing is skipped, and nothing delivered twice.
                    dc.rollbackOnClose();
                    skipUpToSequence = lastSequence;
                    skipUpToEvent = lastEventIndex;
                    throw e;
                }
            }
        }
        return delivered;
    }

    private int deliver(final EventLogConsumer consumer, final long documentIndex, final int length) {
        int delivered = 0;
        int at = 0;
        while (at < length) {
            if (at + EventLog.ENTRY_HEADER_LENGTH > length) {
                throw damaged(documentIndex);
            }
            final long sequence = view.getLong(at + EventLog.ENTRY_SEQUENCE_OFFSET);
            final int first = view.getInt(at + EventLog.ENTRY_FIRST_EVENT_OFFSET);
            final int count = view.getShort(at + EventLog.ENTRY_COUNT_OFFSET) & 0xFFFF;
            at += EventLog.ENTRY_HEADER_LENGTH;
            for (int i = 0; i < count; i++) {
                if (at + 2 > length) {
                    throw damaged(documentIndex);
                }
                final int eventLength = view.getShort(at) & 0xFFFF;
                if (eventLength < 3 || at + eventLength > length) {
                    throw damaged(documentIndex);
                }
                final int eventIndex = first + i;
                if (sequence > skipUpToSequence || (sequence == skipUpToSequence && eventIndex > skipUpToEvent)) {
                    consumer.onEvent(documentIndex, sequence, eventIndex, view, at, eventLength);
                    lastDocumentIndex = documentIndex;
                    lastSequence = sequence;
                    lastEventIndex = eventIndex;
                    delivered++;
                }
                at += eventLength;
            }
        }
        return delivered;
    }

    private static CorruptJournalException damaged(final long documentIndex) {
        return new CorruptJournalException("event log document " + Long.toHexString(documentIndex) + " is damaged");
    }

    /** @return the document of the last event delivered (or sought), -1 before any */
    public long lastDocumentIndex() {
        return lastDocumentIndex;
    }

    /** @return the command of the last event delivered (or sought) */
    public long lastCommandSequence() {
        return lastSequence;
    }

    /** @return the index within its command of the last event delivered (or sought), -1 before any */
    public int lastEventIndex() {
        return lastEventIndex;
    }

    /** Lets another thread take the reader over (Chronicle checks that one thread uses a tailer). */
    public void handOver() {
        tailer.singleThreadedCheckReset();
    }

    @Override
    public void close() {
        tailer.singleThreadedCheckReset();
        tailer.close();
    }
}
