package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;

/**
 * Reads a MoldUDP64 request packet (layout in {@link MoldUdp64}). A datagram is a request only if it
 * is exactly 20 bytes long ({@link #isWellFormed()}). Flyweight; never allocates.
 */
public final class RequestPacketDecoder {
    private DirectBuffer buffer;
    private int offset;
    private int length;

    public RequestPacketDecoder wrap(final DirectBuffer buffer, final int offset, final int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    public boolean isWellFormed() {
        return length == MoldUdp64.REQUEST_LENGTH;
    }

    public boolean sessionMatches(final MoldSession session) {
        return session.matches(buffer, offset + MoldUdp64.SESSION_OFFSET);
    }

    /** The session field, padding removed. Allocates: for logging a refused request. */
    public String sessionName() {
        return buffer.getStringWithoutLengthAscii(offset + MoldUdp64.SESSION_OFFSET, MoldUdp64.SESSION_LENGTH)
            .stripTrailing();
    }

    public long sequenceNumber() {
        return buffer.getLong(offset + MoldUdp64.SEQUENCE_NUMBER_OFFSET, MoldUdp64.BYTE_ORDER);
    }

    public int requestedMessageCount() {
        return buffer.getShort(offset + MoldUdp64.REQUESTED_MESSAGE_COUNT_OFFSET, MoldUdp64.BYTE_ORDER) & 0xFFFF;
    }
}
