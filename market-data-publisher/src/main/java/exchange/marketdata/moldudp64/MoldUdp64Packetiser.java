package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Batches messages into MoldUDP64 downstream packets and numbers them.
 *
 * <ul>
 *   <li>{@link #append} adds a message to the open packet, first sending the open packet if the
 *   message would take it past {@code maxPacketLength} bytes (header included);</li>
 *   <li>{@link #flush} sends the open packet now;</li>
 *   <li>{@link #sendHeartbeatIfIdle} sends a heartbeat (Message Count 0, the next sequence number)
 *   when nothing was sent for {@code heartbeatIntervalNs}; after {@link #endSession} it sends
 *   end-of-session packets (Message Count 0xFFFF) instead, as MoldUDP64 asks.</li>
 * </ul>
 *
 * <p>Time is passed in, never read. Single-threaded; allocation-free after construction.
 */
public final class MoldUdp64Packetiser {
    /** Default packet size: 1,400 bytes of UDP payload stay under a 1,500-byte Ethernet MTU. */
    public static final int DEFAULT_MAX_PACKET_LENGTH = 1400;

    private final MoldSession session;
    private final int maxPacketLength;
    private final long heartbeatIntervalNs;
    private final PacketSink sink;
    private final DownstreamPacketEncoder packet = new DownstreamPacketEncoder();
    private final DownstreamPacketEncoder control = new DownstreamPacketEncoder();
    private final UnsafeBuffer packetBuffer;
    private final UnsafeBuffer controlBuffer = new UnsafeBuffer(new byte[MoldUdp64.HEADER_LENGTH]);

    private long nextSequenceNumber;
    private long lastSendNs;
    private boolean sessionEnded;
    private long packetsSent;
    private long heartbeatsSent;

    /**
     * @param maxPacketLength largest datagram payload in bytes, header included (at least 23).
     * @param heartbeatIntervalNs idle time after which a heartbeat goes out.
     * @param firstSequenceNumber sequence number of the first message appended (1 for a new session).
     * @param nowNs the current time, which starts the first heartbeat interval.
     */
    public MoldUdp64Packetiser(
        final MoldSession session,
        final int maxPacketLength,
        final long heartbeatIntervalNs,
        final long firstSequenceNumber,
        final long nowNs,
        final PacketSink sink) {
        if (maxPacketLength < MoldUdp64.HEADER_LENGTH + MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH + 1) {
            throw new IllegalArgumentException("max packet length too small: " + maxPacketLength);
        }
        if (heartbeatIntervalNs <= 0) {
            throw new IllegalArgumentException("heartbeat interval must be positive: " + heartbeatIntervalNs);
        }
        if (firstSequenceNumber < MoldUdp64.FIRST_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + firstSequenceNumber);
        }
        this.session = session;
        this.maxPacketLength = maxPacketLength;
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.sink = sink;
        this.packetBuffer = new UnsafeBuffer(new byte[maxPacketLength]);
        this.nextSequenceNumber = firstSequenceNumber;
        this.lastSendNs = nowNs;
        openPacket();
    }

    /**
     * Adds one message, sending the open packet first if the message does not fit in it.
     *
     * @return the sequence number given to the message.
     * @throws IllegalArgumentException if the message cannot fit even an empty packet.
     * @throws IllegalStateException after {@link #endSession}.
     */
    public long append(final DirectBuffer message, final int offset, final int length, final long nowNs) {
        if (sessionEnded) {
            throw new IllegalStateException("session " + session + " has ended");
        }
        if (length > maxMessageLength()) {
            throw new IllegalArgumentException(
                "message of " + length + " bytes cannot fit a packet of " + maxPacketLength + " bytes");
        }
        if (!packet.canAppend(length, maxPacketLength)) {
            flush(nowNs);
        }
        if (packet.messageCount() == 0) {
            packet.sequenceNumber(nextSequenceNumber);
        }
        packet.appendMessage(message, offset, length);
        return nextSequenceNumber++;
    }

    /**
     * Sends the open packet if it holds any message.
     *
     * @return true if a packet was sent.
     */
    public boolean flush(final long nowNs) {
        if (packet.messageCount() == 0) {
            return false;
        }
        sink.send(packetBuffer, 0, packet.encodedLength());
        packetsSent++;
        lastSendNs = nowNs;
        openPacket();
        return true;
    }

    /**
     * Sends a heartbeat, or an end-of-session packet once the session has ended, if nothing was sent
     * for the heartbeat interval and no message is waiting.
     *
     * @return true if a packet was sent.
     */
    public boolean sendHeartbeatIfIdle(final long nowNs) {
        if (packet.messageCount() != 0 || nowNs - lastSendNs < heartbeatIntervalNs) {
            return false;
        }
        sendControl(nowNs);
        return true;
    }

    /** Sends any open packet, then an end-of-session packet; later idle periods repeat it. */
    public void endSession(final long nowNs) {
        flush(nowNs);
        sessionEnded = true;
        sendControl(nowNs);
    }

    /** Largest message that fits an empty packet. */
    public int maxMessageLength() {
        return maxPacketLength - MoldUdp64.HEADER_LENGTH - MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH;
    }

    /** The sequence number the next appended message will get. */
    public long nextSequenceNumber() {
        return nextSequenceNumber;
    }

    /** Messages appended but not yet sent. */
    public int pendingMessageCount() {
        return packet.messageCount();
    }

    public boolean isSessionEnded() {
        return sessionEnded;
    }

    public MoldSession session() {
        return session;
    }

    /** Packets carrying messages sent so far. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Heartbeat and end-of-session packets sent so far. */
    public long heartbeatsSent() {
        return heartbeatsSent;
    }

    private void openPacket() {
        packet.wrap(packetBuffer, 0).session(session).sequenceNumber(nextSequenceNumber);
    }

    private void sendControl(final long nowNs) {
        control.wrap(controlBuffer, 0).session(session).sequenceNumber(nextSequenceNumber);
        if (sessionEnded) {
            control.endOfSession();
        } else {
            control.heartbeat();
        }
        sink.send(controlBuffer, 0, control.encodedLength());
        heartbeatsSent++;
        lastSendNs = nowNs;
    }
}
