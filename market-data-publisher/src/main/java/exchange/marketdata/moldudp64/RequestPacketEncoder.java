package exchange.marketdata.moldudp64;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a MoldUDP64 request packet (layout in {@link MoldUdp64}): 20 bytes asking a re-request
 * server for {@code requestedMessageCount} messages from {@code sequenceNumber}. Flyweight; never
 * allocates.
 */
public final class RequestPacketEncoder {
    private MutableDirectBuffer buffer;
    private int offset;

    public RequestPacketEncoder wrap(final MutableDirectBuffer buffer, final int offset) {
        buffer.checkLimit(offset + MoldUdp64.REQUEST_LENGTH);
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public RequestPacketEncoder session(final MoldSession session) {
        session.copyTo(buffer, offset + MoldUdp64.SESSION_OFFSET);
        return this;
    }

    public RequestPacketEncoder sequenceNumber(final long sequenceNumber) {
        buffer.putLong(offset + MoldUdp64.SEQUENCE_NUMBER_OFFSET, sequenceNumber, MoldUdp64.BYTE_ORDER);
        return this;
    }

    /** @param requestedMessageCount 1 to 65,535. */
    public RequestPacketEncoder requestedMessageCount(final int requestedMessageCount) {
        if (requestedMessageCount < 1 || requestedMessageCount > 0xFFFF) {
            throw new IllegalArgumentException("requested message count out of range: " + requestedMessageCount);
        }
        buffer.putShort(
            offset + MoldUdp64.REQUESTED_MESSAGE_COUNT_OFFSET, (short)requestedMessageCount, MoldUdp64.BYTE_ORDER);
        return this;
    }

    public int encodedLength() {
        return MoldUdp64.REQUEST_LENGTH;
    }
}
