package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;

/** Where a packetiser or a re-request responder sends a finished datagram. */
@FunctionalInterface
public interface PacketSink {
    /**
     * Sends {@code buffer[offset, offset + length)} as one datagram. The buffer is reused once this
     * returns: the sink copies what it keeps. Must not block.
     */
    void send(DirectBuffer buffer, int offset, int length);
}
