package exchange.marketdata.itch;

import org.agrona.MutableDirectBuffer;

/**
 * Base of the ITCH encoder flyweights: the header fields every message shares.
 *
 * <p>{@link #wrap(MutableDirectBuffer, int)} writes the Message Type byte and checks the buffer has
 * room for {@link #encodedLength()} bytes; the caller then sets every field (fields it does not set
 * keep whatever bytes the buffer held). One encoder per thread; never allocates.
 *
 * @param <E> the concrete encoder, so that setters chain.
 */
public abstract class ItchEncoder<E extends ItchEncoder<E>> {
    protected MutableDirectBuffer buffer;
    protected int offset;

    /** The Message Type byte this encoder writes. */
    public abstract byte messageType();

    /** The fixed length of the message, in bytes, as the specification gives it. */
    public abstract int encodedLength();

    /**
     * Points this flyweight at {@code buffer[offset]} and writes the Message Type there.
     *
     * @throws IndexOutOfBoundsException if the buffer cannot hold the message at that offset.
     */
    public final E wrap(final MutableDirectBuffer buffer, final int offset) {
        buffer.checkLimit(offset + encodedLength());
        this.buffer = buffer;
        this.offset = offset;
        buffer.putByte(offset + ItchHeader.MESSAGE_TYPE_OFFSET, messageType());
        return self();
    }

    public final MutableDirectBuffer buffer() {
        return buffer;
    }

    public final int offset() {
        return offset;
    }

    /** @param stockLocate 0 to 65,535; 0 for market-wide messages. */
    public final E stockLocate(final int stockLocate) {
        ItchWire.putUint16(buffer, offset + ItchHeader.STOCK_LOCATE_OFFSET, stockLocate);
        return self();
    }

    /** @param trackingNumber 0 to 65,535. */
    public final E trackingNumber(final int trackingNumber) {
        ItchWire.putUint16(buffer, offset + ItchHeader.TRACKING_NUMBER_OFFSET, trackingNumber);
        return self();
    }

    /** @param timestampNs nanoseconds since midnight, below 2^48. */
    public final E timestampNs(final long timestampNs) {
        ItchWire.putUint48(buffer, offset + ItchHeader.TIMESTAMP_OFFSET, timestampNs);
        return self();
    }

    @SuppressWarnings("unchecked")
    protected final E self() {
        return (E)this;
    }
}
