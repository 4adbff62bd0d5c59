package exchange.marketdata.store;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * A {@link MessageStore} in a Chronicle Queue: messages in batches, one excerpt per batch, surviving
 * restarts.
 *
 * <pre>
 * excerpt:  0  first sequence number (i64)
 *           8  message count (i32)
 *          12  each message: length (u16), then its bytes
 * </pre>
 *
 * <p><b>Why batches.</b> A Chronicle excerpt per message costs about 200 ns to write; the feed writes
 * several million messages a second at full engine speed. {@link #appendToBatch} only copies the
 * message into the open batch; {@link #commit()} writes the batch as one excerpt, and only then do
 * its messages count ({@link #lastSequence()}) and survive a crash. A crash loses the open batch whole,
 * never part of an excerpt; whoever writes the store regenerates what it lost.
 *
 * <p><b>How a sequence number finds its excerpt.</b> The queue's clock is pinned, so a session never
 * rolls: all its excerpts live in one cycle, numbered densely from 0. Readers tail excerpt after
 * excerpt; a reader asked for a sequence elsewhere (a retransmission request) finds its excerpt by a
 * binary search on the excerpts' first sequence numbers, about twenty reads for a day. Reopening reads
 * the last excerpt to recover the last sequence number. One directory per MoldUDP64 session; a session
 * holds at most {@link RollCycle#maxMessagesPerCycle()} excerpts ({@link RollCycles#FAST_DAILY}: some
 * four billion). A wall-clock roll would split a session that crosses midnight, hence the pin.
 *
 * <p>Threading: as {@link MessageStore}. Appender and tailers are created on first use, on the thread
 * that uses them, as Chronicle wants. Appending, committing and reading never allocate after warm-up.
 */
public final class ChronicleMessageStore implements MessageStore {
    /** Big enough for any ITCH 5.0 message with room to spare. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 512;

    /** Bytes of messages (with their length fields) in one excerpt at most. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 64 * 1024;

    /** Roll cycle of the store; its clock is pinned, so it never rolls. */
    public static final RollCycle ROLL_CYCLE = RollCycles.FAST_DAILY;

    /** The pinned clock, in epoch milliseconds: every session lives in the cycle of this instant. */
    public static final long PINNED_TIME_MS = 0;

    static final int FIRST_SEQUENCE_OFFSET = 0;
    static final int COUNT_OFFSET = 8;
    static final int HEADER_LENGTH = 12;
    static final int LENGTH_FIELD = 2;

    private final Path directory;
    private final int maxMessageLength;
    private final int maxBatchBytes;
    private final SingleChronicleQueue queue;
    private final int cycle;
    private final UnsafeBuffer batch;
    private int batchLength = HEADER_LENGTH;
    private int batchCount;
    private long appended;
    private ExcerptAppender appender;
    private volatile long lastSequence;

    /** Opens (or creates) the store in {@code directory} and recovers its last sequence number. */
    public ChronicleMessageStore(final Path directory, final int maxMessageLength, final int maxBatchBytes) {
        if (maxMessageLength < 1 || maxMessageLength > 0xFFFF || maxBatchBytes < maxMessageLength + LENGTH_FIELD) {
            throw new IllegalArgumentException("max message length " + maxMessageLength + " and batch bytes "
                + maxBatchBytes + " do not fit");
        }
        this.directory = directory;
        this.maxMessageLength = maxMessageLength;
        this.maxBatchBytes = maxBatchBytes;
        this.batch = new UnsafeBuffer(new byte[HEADER_LENGTH + maxBatchBytes]);
        this.queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(ROLL_CYCLE)
            .timeProvider(() -> PINNED_TIME_MS)
            .build();
        this.cycle = queue.cycle();
        this.lastSequence = recoverLastSequence();
        this.appended = lastSequence;
    }

    public ChronicleMessageStore(final Path directory, final int maxMessageLength) {
        this(directory, maxMessageLength, DEFAULT_MAX_BATCH_BYTES);
    }

    public ChronicleMessageStore(final Path directory) {
        this(directory, DEFAULT_MAX_MESSAGE_LENGTH, DEFAULT_MAX_BATCH_BYTES);
    }

    private long recoverLastSequence() {
        final long lastIndex = exchange.sequencer.QueueFiles.lastDocumentIndex(queue);
        if (lastIndex < 0) {
            return NULL_SEQUENCE;
        }
        if (ROLL_CYCLE.toCycle(lastIndex) != cycle) {
            throw new IllegalStateException(directory + " holds excerpts outside the session's cycle " + cycle);
        }
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(lastIndex)) {
                throw new IllegalStateException(directory + ": cannot read its last excerpt");
            }
            try (DocumentContext document = tailer.readingDocument()) {
                final Bytes<?> bytes = document.wire().bytes();
                final long first = bytes.readLong();
                final int count = bytes.readInt();
                return first + count - 1;
            }
        }
    }

    @Override
    public long append(final DirectBuffer buffer, final int offset, final int length) {
        final long sequence = appendToBatch(buffer, offset, length);
        commit();
        return sequence;
    }

    @Override
    public long appendToBatch(final DirectBuffer buffer, final int offset, final int length) {
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException("message length " + length + " not in [0, " + maxMessageLength + "]");
        }
        if (batchLength + LENGTH_FIELD + length > batch.capacity()) {
            commit();
        }
        batch.putShort(batchLength, (short)length);
        batch.putBytes(batchLength + LENGTH_FIELD, buffer, offset, length);
        batchLength += LENGTH_FIELD + length;
        batchCount++;
        return ++appended;
    }

    @Override
    public void commit() {
        if (batchCount == 0) {
            return;
        }
        if (appender == null) {
            appender = queue.createAppender();
        }
        batch.putLong(FIRST_SEQUENCE_OFFSET, appended - batchCount + 1);
        batch.putInt(COUNT_OFFSET, batchCount);
        try (DocumentContext document = appender.writingDocument()) {
            document.wire().bytes().write(batch.byteArray(), 0, batchLength);
        }
        lastSequence = appended; // volatile: the batch is readable from now on
        batchLength = HEADER_LENGTH;
        batchCount = 0;
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public int maxMessageLength() {
        return maxMessageLength;
    }

    @Override
    public MessageStoreReader newReader() {
        return new Reader();
    }

    public Path directory() {
        return directory;
    }

    /** Commits the open batch, then closes the queue. */
    @Override
    public void close() {
        if (batchCount > 0 && !queue.isClosed()) {
            commit();
        }
        queue.close();
    }

    /** Serves messages from a copy of one excerpt at a time; tails, or seeks by binary search. */
    private final class Reader implements MessageStoreReader {
        private final UnsafeBuffer excerpt = new UnsafeBuffer(new byte[HEADER_LENGTH + maxBatchBytes]);
        private ExcerptTailer tailer;
        private boolean tailerAfterCurrent;
        private long excerptNumber = -1;
        private long first = NULL_SEQUENCE;
        private int count;
        private long nextSequence = NULL_SEQUENCE;
        private int nextOffset;

        @Override
        public int read(final long sequenceNumber, final MutableDirectBuffer destination, final int offset) {
            if (sequenceNumber < 1 || sequenceNumber > lastSequence) {
                return NOT_FOUND;
            }
            if (tailer == null) {
                tailer = queue.createTailer();
            }
            if (sequenceNumber == first + count && excerptNumber >= 0 && load(excerptNumber + 1)) {
                nextSequence = first;
                nextOffset = HEADER_LENGTH;
            } else if (sequenceNumber < first || sequenceNumber >= first + count) {
                if (!load(search(sequenceNumber))) {
                    throw new IllegalStateException(directory + ": no excerpt holds sequence " + sequenceNumber);
                }
                nextSequence = first;
                nextOffset = HEADER_LENGTH;
            }
            if (sequenceNumber < nextSequence) {
                nextSequence = first;
                nextOffset = HEADER_LENGTH;
            }
            while (nextSequence < sequenceNumber) {
                nextOffset += LENGTH_FIELD + (excerpt.getShort(nextOffset) & 0xFFFF);
                nextSequence++;
            }
            final int length = excerpt.getShort(nextOffset) & 0xFFFF;
            destination.putBytes(offset, excerpt, nextOffset + LENGTH_FIELD, length);
            nextOffset += LENGTH_FIELD + length;
            nextSequence++;
            return length;
        }

        /** The number of the last excerpt whose first sequence is at most {@code sequence}. */
        private long search(final long sequence) {
            tailerAfterCurrent = false;
            long low = 0;
            long high = ROLL_CYCLE.toSequenceNumber(queue.lastIndex());
            while (low < high) {
                final long mid = (low + high + 1) >>> 1;
                if (firstSequenceOf(mid) <= sequence) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low;
        }

        private long firstSequenceOf(final long number) {
            if (!tailer.moveToIndex(ROLL_CYCLE.toIndex(cycle, number))) {
                throw new IllegalStateException(directory + ": excerpt " + number + " is missing");
            }
            try (DocumentContext document = tailer.readingDocument()) {
                return document.wire().bytes().readLong();
            }
        }

        /** Copies excerpt {@code number}; false if it is not (yet) written. */
        private boolean load(final long number) {
            if (number != excerptNumber + 1 || !tailerAfterCurrent) {
                if (!tailer.moveToIndex(ROLL_CYCLE.toIndex(cycle, number))) {
                    return false;
                }
            }
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    tailerAfterCurrent = false;
                    return false;
                }
                final Bytes<?> bytes = document.wire().bytes();
                final int length = (int)bytes.readRemaining();
                bytes.read(excerpt.byteArray(), 0, length);
            }
            excerptNumber = number;
            first = excerpt.getLong(FIRST_SEQUENCE_OFFSET);
            count = excerpt.getInt(COUNT_OFFSET);
            tailerAfterCurrent = true;
            return true;
        }

        @Override
        public void close() {
            if (tailer != null) {
                tailer.close();
            }
        }
    }
}
