package exchange.marketdata.subscriber;

import exchange.marketdata.moldudp64.SequencedMessageHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Holds messages that arrived ahead of a gap until the gap is filled: a ring of {@code capacity}
 * fixed-size slots indexed by sequence number, so it holds messages in
 * {@code [nextExpected, nextExpected + capacity)}.
 *
 * <p>A slot is free when it holds no sequence number at or after the caller's {@code nextExpected}, so
 * nothing has to be cleared when delivery moves on. Single-threaded; allocation-free after
 * construction.
 */
final class ReorderBuffer {
    private static final long EMPTY = 0;

    private final int mask;
    private final int slotLength;
    private final long[] sequences;
    private final int[] lengths;
    private final UnsafeBuffer slots;

    /**
     * @param capacity number of slots, a power of two.
     * @param slotLength largest message held, in bytes.
     */
    ReorderBuffer(final int capacity, final int slotLength) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        if ((long)capacity * slotLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a reorder buffer of " + capacity + " messages of up to " + slotLength
                + " bytes does not fit one array of at most " + Integer.MAX_VALUE + " bytes");
        }
        this.mask = capacity - 1;
        this.slotLength = slotLength;
        this.sequences = new long[capacity];
        this.lengths = new int[capacity];
        this.slots = new UnsafeBuffer(new byte[capacity * slotLength]);
    }

    int capacity() {
        return sequences.length;
    }

    /**
     * Keeps message {@code sequence}, which must be after {@code nextExpected}.
     *
     * @return false if it is too far ahead or too long to keep (it will be asked for again).
     */
    boolean put(final long sequence, final long nextExpected, final DirectBuffer buffer, final int offset, final int length) {
        if (sequence - nextExpected >= sequences.length || length > slotLength) {
            return false;
        }
        final int slot = (int)sequence & mask;
        sequences[slot] = sequence;
        lengths[slot] = length;
        slots.putBytes(slot * slotLength, buffer, offset, length);
        return true;
    }

    boolean contains(final long sequence) {
        return sequences[(int)sequence & mask] == sequence;
    }

    /** Hands message {@code sequence} to {@code handler} and frees its slot; it must be {@link #contains held}. */
    void deliver(final long sequence, final SequencedMessageHandler handler) {
        final int slot = (int)sequence & mask;
        sequences[slot] = EMPTY;
        handler.onMessage(sequence, slots, slot * slotLength, lengths[slot]);
    }
}
