package exchange.marketdata.transport;

import org.agrona.DirectBuffer;

import java.net.InetSocketAddress;

/** Receives datagrams on a channel's event-loop thread. The buffer is only valid during the call. */
@FunctionalInterface
public interface DatagramHandler {
    void onDatagram(DirectBuffer buffer, int offset, int length, InetSocketAddress sender);
}
