package exchange.marketdata.testing;

import exchange.marketdata.moldudp64.PacketSink;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/** A packet sink that keeps a copy of every datagram, for assertions. */
public final class CapturingSink implements PacketSink {
    private final List<byte[]> packets = new ArrayList<>();

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        packets.add(copy);
    }

    public List<byte[]> packets() {
        return packets;
    }

    public byte[] packet(final int index) {
        return packets.get(index);
    }

    public byte[] last() {
        return packets.get(packets.size() - 1);
    }
}
