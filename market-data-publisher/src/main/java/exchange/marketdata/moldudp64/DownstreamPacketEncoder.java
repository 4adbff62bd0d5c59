package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a MoldUDP64 downstream packet (layout in {@link MoldUdp64}): the header, then message blocks
 * appended one by one, each keeping the Message Count field up to date.
 *
 * <p>Flyweight: one per thread, never allocates. The caller checks {@link #canAppend(int, int)}
 * against its packet size; {@link #appendMessage} only checks the buffer's capacity.
 */
public final class DownstreamPacketEncoder {
    private MutableDirectBuffer buffer;
    private int offset;
    private int limit;
    private int messageCount;

    /** Starts a packet at {@code buffer[offset]} with no message blocks. */
    public DownstreamPacketEncoder wrap(final MutableDirectBuffer buffer, final int offset) {
        buffer.checkLimit(offset + MoldUdp64.HEADER_LENGTH);
        this.buffer = buffer;
        this.offset = offset;
        this.limit = offset + MoldUdp64.HEADER_LENGTH;
        this.messageCount = 0;
        buffer.putShort(offset + MoldUdp64.MESSAGE_COUNT_OFFSET, (short)0, MoldUdp64.BYTE_ORDER);
        return this;
    }

    public DownstreamPacketEncoder session(final MoldSession session) {
        session.copyTo(buffer, offset + MoldUdp64.SESSION_OFFSET);
        return this;
    }

    /** Sequence number of the first message, or of the next message for a heartbeat. */
    public DownstreamPacketEncoder sequenceNumber(final long sequenceNumber) {
        buffer.putLong(offset + MoldUdp64.SEQUENCE_NUMBER_OFFSET, sequenceNumber, MoldUdp64.BYTE_ORDER);
        return this;
    }

    /** Makes this packet a heartbeat (Message Count 0): no message blocks may follow. */
    public DownstreamPacketEncoder heartbeat() {
        return count(MoldUdp64.HEARTBEAT_COUNT);
    }

    /** Makes this packet an end-of-session marker (Message Count 0xFFFF): no message blocks may follow. */
    public DownstreamPacketEncoder endOfSession() {
        return count(MoldUdp64.END_OF_SESSION_COUNT);
    }

    /** Whether a message of {@code messageLength} bytes fits a packet of at most {@code maxPacketLength}. */
    public boolean canAppend(final int messageLength, final int maxPacketLength) {
        return messageCount < MoldUdp64.MAX_MESSAGE_COUNT &&
            encodedLength() + MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH + messageLength <= maxPacketLength;
    }

    /** Appends one message block and counts it. */
    public DownstreamPacketEncoder appendMessage(final DirectBuffer message, final int messageOffset, final int length) {
        if (length > MoldUdp64.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message of " + length + " bytes exceeds a MoldUDP64 block");
        }
        buffer.checkLimit(limit + MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH + length);
        buffer.putShort(limit, (short)length, MoldUdp64.BYTE_ORDER);
        buffer.putBytes(limit + MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH, message, messageOffset, length);
        limit += MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH + length;
        return count(messageCount + 1);
    }

    public int messageCount() {
        return messageCount;
    }

    /** Bytes written so far: the header plus every message block. */
    public int encodedLength() {
        return limit - offset;
    }

    public MutableDirectBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    private DownstreamPacketEncoder count(final int count) {
        messageCount = count;
        buffer.putShort(offset + MoldUdp64.MESSAGE_COUNT_OFFSET, (short)count, MoldUdp64.BYTE_ORDER);
        return this;
    }
}
