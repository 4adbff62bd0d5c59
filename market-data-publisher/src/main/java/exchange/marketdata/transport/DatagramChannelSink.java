package exchange.marketdata.transport;

import exchange.marketdata.moldudp64.PacketSink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import org.agrona.DirectBuffer;

import java.net.InetSocketAddress;

/**
 * A {@link PacketSink} that writes each datagram to a Netty channel, addressed to one fixed target.
 *
 * <p>Copies the datagram into a pooled buffer and hands it to the channel without waiting: never
 * blocks. Callable from any thread; from outside the event loop Netty queues a task, so callers that
 * must not build an unbounded queue check {@link #isWritable()} first. Send failures reach the
 * channel's pipeline ({@code exceptionCaught}).
 */
public final class DatagramChannelSink implements PacketSink {
    private final Channel channel;
    private final InetSocketAddress target;

    public DatagramChannelSink(final Channel channel, final InetSocketAddress target) {
        this.channel = channel;
        this.target = target;
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length) {
        channel.writeAndFlush(new DatagramPacket(copy(channel, buffer, offset, length), target), channel.voidPromise());
    }

    /** Whether the channel's outbound queue is below its high-water mark. */
    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Copies {@code buffer[offset, offset + length)} into a pooled direct buffer of the channel's allocator. */
    public static ByteBuf copy(final Channel channel, final DirectBuffer buffer, final int offset, final int length) {
        final ByteBuf copy = channel.alloc().directBuffer(length, length);
        final byte[] array = buffer.byteArray();
        if (array != null) {
            copy.writeBytes(array, buffer.wrapAdjustment() + offset, length);
        } else {
            for (int i = 0; i < length; i++) {
                copy.writeByte(buffer.getByte(offset + i));
            }
        }
        return copy;
    }
}
