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

import java.nio.file.Path;

/**
 * A {@link MessageStore} in a Chronicle Queue: one excerpt per message, surviving restarts.
 *
 * <p><b>How a sequence number finds its excerpt.</b> Chronicle numbers the excerpts of one cycle (one
 * file) densely from 0, and an index is {@code rollCycle.toIndex(cycle, numberInCycle)}. This store
 * pins the queue's clock to a constant, so a session never rolls: all its messages live in one cycle
 * and message {@code n} is excerpt {@code n - 1} of it. No side index has to be kept, rebuilt after a
 * restart or kept consistent with the queue; reopening recovers the last sequence number from the
 * queue's last index. The price is one directory per MoldUDP64 session (the session is the unit a
 * subscriber recovers within anyway) and a cap of {@link RollCycle#maxMessagesPerCycle()} messages per
 * session ({@link RollCycles#FAST_DAILY}: about four billion, a full day of Nasdaq volume several times
 * over). A wall-clock roll would instead split a session that crosses midnight in two cycles with
 * independent numbering, which is why the clock is pinned.
 *
 * <p>Each excerpt holds the message's sequence number (8 bytes) and then the message; readers check
 * the number, so a queue that does not follow the rule fails loudly instead of serving wrong data.
 *
 * <p>Threading: as {@link MessageStore}. Appender and tailers are created on first use, on the thread
 * that uses them, as Chronicle wants. Appending and reading never allocate after warm-up.
 */
public final class ChronicleMessageStore implements MessageStore {
    /** Big enough for any ITCH 5.0 message with room to spare. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 512;

    /** Roll cycle of the store; its clock is pinned, so it never rolls. */
    public static final RollCycle ROLL_CYCLE = RollCycles.FAST_DAILY;

    /** The pinned clock, in epoch milliseconds: every session lives in the cycle of this instant. */
    public static final long PINNED_TIME_MS = 0;

    private static final int SEQUENCE_LENGTH = Long.BYTES;

    private final Path directory;
    private final int maxMessageLength;
    private final SingleChronicleQueue queue;
    private final int cycle;
    private final byte[] appendScratch;
    private ExcerptAppender appender;
    private volatile long lastSequence;

    /** Opens (or creates) the store in {@code directory} and recovers its last sequence number. */
    public ChronicleMessageStore(final Path directory, final int maxMessageLength) {
        this.directory = directory;
        this.maxMessageLength = maxMessageLength;
        this.appendScratch = new byte[maxMessageLength];
        this.queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(ROLL_CYCLE)
            .timeProvider(() -> PINNED_TIME_MS)
            .build();
        this.cycle = queue.cycle();
        this.lastSequence = recoverLastSequence();
    }

    public ChronicleMessageStore(final Path directory) {
        this(directory, DEFAULT_MAX_MESSAGE_LENGTH);
    }

    private long recoverLastSequence() {
        final long lastIndex = queue.lastIndex();
        if (lastIndex < 0) {
            return NULL_SEQUENCE;
        }
        if (ROLL_CYCLE.toCycle(lastIndex) != cycle) {
            throw new IllegalStateException(directory + " holds excerpts outside the session's cycle " + cycle);
        }
        return ROLL_CYCLE.toSequenceNumber(lastIndex) + 1;
    }

    @Override
    public long append(final DirectBuffer buffer, final int offset, final int length) {
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException("message length " + length + " not in [0, " + maxMessageLength + "]");
        }
        if (appender == null) {
            appender = queue.createAppender();
        }
        final long sequence = lastSequence + 1;
        buffer.getBytes(offset, appendScratch, 0, length);
        try (DocumentContext document = appender.writingDocument()) {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeLong(sequence);
            bytes.write(appendScratch, 0, length);
        }
        lastSequence = sequence; // volatile: publishes the new last sequence to other threads
        return sequence;
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

    @Override
    public void close() {
        queue.close();
    }

    private final class Reader implements MessageStoreReader {
        private final byte[] scratch = new byte[maxMessageLength];
        private ExcerptTailer tailer;
        private long positionedAt = MessageStore.NULL_SEQUENCE;

        @Override
        public int read(final long sequenceNumber, final MutableDirectBuffer destination, final int offset) {
            if (sequenceNumber < 1) {
                return NOT_FOUND;
            }
            if (tailer == null) {
                tailer = queue.createTailer();
            }
            if (sequenceNumber != positionedAt && !seek(sequenceNumber)) {
                return NOT_FOUND;
            }
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return NOT_FOUND;
                }
                final Bytes<?> bytes = document.wire().bytes();
                final long stored = bytes.readLong();
                if (stored != sequenceNumber) {
                    throw new IllegalStateException(
                        directory + ": excerpt for sequence " + sequenceNumber + " holds " + stored);
                }
                final int length = (int)bytes.readRemaining();
                bytes.read(scratch, 0, length);
                destination.putBytes(offset, scratch, 0, length);
                positionedAt = sequenceNumber + 1;
                return length;
            }
        }

        private boolean seek(final long sequenceNumber) {
            if (tailer.moveToIndex(ROLL_CYCLE.toIndex(cycle, sequenceNumber - 1))) {
                positionedAt = sequenceNumber;
                return true;
            }
            positionedAt = MessageStore.NULL_SEQUENCE;
            return false;
        }

        @Override
        public void close() {
            if (tailer != null) {
                tailer.close();
            }
        }
    }
}
