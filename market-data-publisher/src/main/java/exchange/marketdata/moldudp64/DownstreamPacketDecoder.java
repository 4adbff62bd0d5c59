package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;

/**
 * Reads a MoldUDP64 downstream packet (layout in {@link MoldUdp64}).
 *
 * <p>{@link #wrap} checks the framing once: the header is whole, the Message Count matches the message
 * blocks, and no block runs past the datagram. Only a packet that passed ({@link #isWellFormed()}) may
 * be read further. Flyweight: one per thread, never allocates.
 */
public final class DownstreamPacketDecoder {
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private boolean wellFormed;

    /** Wraps the datagram at {@code buffer[offset, offset + length)} and checks its framing. */
    public DownstreamPacketDecoder wrap(final DirectBuffer buffer, final int offset, final int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.wellFormed = checkFraming();
        return this;
    }

    public boolean isWellFormed() {
        return wellFormed;
    }

    public boolean sessionMatches(final MoldSession session) {
        return session.matches(buffer, offset + MoldUdp64.SESSION_OFFSET);
    }

    /** The session field. Allocates: once per session, not per packet. */
    public MoldSession session() {
        return MoldSession.readFrom(buffer, offset + MoldUdp64.SESSION_OFFSET);
    }

    /** Sequence number of the first message, or of the next message for a heartbeat or end of session. */
    public long sequenceNumber() {
        return buffer.getLong(offset + MoldUdp64.SEQUENCE_NUMBER_OFFSET, MoldUdp64.BYTE_ORDER);
    }

    /** The raw Message Count field: 0 for a heartbeat, 0xFFFF for end of session. */
    public int messageCount() {
        return buffer.getShort(offset + MoldUdp64.MESSAGE_COUNT_OFFSET, MoldUdp64.BYTE_ORDER) & 0xFFFF;
    }

    public boolean isHeartbeat() {
        return messageCount() == MoldUdp64.HEARTBEAT_COUNT;
    }

    public boolean isEndOfSession() {
        return messageCount() == MoldUdp64.END_OF_SESSION_COUNT;
    }

    /** Number of messages carried: 0 for heartbeats and end of session. */
    public int messagesCarried() {
        final int count = messageCount();
        return count == MoldUdp64.END_OF_SESSION_COUNT ? 0 : count;
    }

    /** Sequence number after the last message carried (the next one expected). */
    public long nextSequenceNumber() {
        return sequenceNumber() + messagesCarried();
    }

    /**
     * Hands each message to {@code handler} with its sequence number, in order.
     *
     * @return the number of messages delivered.
     * @throws IllegalStateException if the packet is not well formed.
     */
    public int forEachMessage(final SequencedMessageHandler handler) {
        if (!wellFormed) {
            throw new IllegalStateException("packet is not well formed");
        }
        final int count = messagesCarried();
        final long first = sequenceNumber();
        int position = offset + MoldUdp64.HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            final int messageLength = buffer.getShort(position, MoldUdp64.BYTE_ORDER) & 0xFFFF;
            position += MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH;
            handler.onMessage(first + i, buffer, position, messageLength);
            position += messageLength;
        }
        return count;
    }

    private boolean checkFraming() {
        if (length < MoldUdp64.HEADER_LENGTH || sequenceNumber() < 0) {
            return false;
        }
        final int count = messageCount();
        if (count == MoldUdp64.HEARTBEAT_COUNT || count == MoldUdp64.END_OF_SESSION_COUNT) {
            return length == MoldUdp64.HEADER_LENGTH;
        }
        final int end = offset + length;
        int position = offset + MoldUdp64.HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            if (position + MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH > end) {
                return false;
            }
            position += MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH + (buffer.getShort(position, MoldUdp64.BYTE_ORDER) & 0xFFFF);
        }
        return position == end;
    }
}
