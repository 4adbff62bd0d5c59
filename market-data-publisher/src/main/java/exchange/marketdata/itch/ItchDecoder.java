package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Base of the ITCH decoder flyweights: the header fields every message shares.
 *
 * <p>Getters read straight from the wrapped buffer; they do not check the Message Type or the length,
 * which is the job of {@link ItchMessageDispatcher}. One decoder per thread; never allocates.
 */
public abstract class ItchDecoder {
    protected DirectBuffer buffer;
    protected int offset;

    /** The fixed length of the message, in bytes, as the specification gives it. */
    public abstract int encodedLength();

    /** Points this flyweight at {@code buffer[offset]}. */
    public ItchDecoder wrap(final DirectBuffer buffer, final int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public final DirectBuffer buffer() {
        return buffer;
    }

    public final int offset() {
        return offset;
    }

    public final char messageType() {
        return ItchWire.getChar(buffer, offset + ItchHeader.MESSAGE_TYPE_OFFSET);
    }

    public final int stockLocate() {
        return ItchWire.getUint16(buffer, offset + ItchHeader.STOCK_LOCATE_OFFSET);
    }

    public final int trackingNumber() {
        return ItchWire.getUint16(buffer, offset + ItchHeader.TRACKING_NUMBER_OFFSET);
    }

    /** Nanoseconds since midnight. */
    public final long timestampNs() {
        return ItchWire.getUint48(buffer, offset + ItchHeader.TIMESTAMP_OFFSET);
    }
}
