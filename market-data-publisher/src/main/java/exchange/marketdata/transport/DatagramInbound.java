package exchange.marketdata.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each received datagram to a {@link DatagramHandler} as an Agrona buffer over Netty's memory:
 * no copy when Netty's buffer is direct with a known address (the usual case) or heap-backed.
 * Event-loop thread only; a handler's exception is logged and the channel keeps reading.
 */
public final class DatagramInbound extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramInbound.class);

    private final DatagramHandler handler;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final RateLimitedLog errors = new RateLimitedLog(LOG, 1_000_000_000L);
    private byte[] copy = new byte[0];

    public DatagramInbound(final DatagramHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final DatagramPacket packet) {
        final ByteBuf content = packet.content();
        final int length = content.readableBytes();
        if (content.hasMemoryAddress()) {
            view.wrap(content.memoryAddress() + content.readerIndex(), length);
        } else if (content.hasArray()) {
            view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), length);
        } else {
            if (copy.length < length) {
                copy = new byte[length];
            }
            content.getBytes(content.readerIndex(), copy, 0, length);
            view.wrap(copy, 0, length);
        }
        handler.onDatagram(view, 0, length, packet.sender());
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        errors.warn("datagram handling failed on {}: {}", ctx.channel(), cause.toString());
    }
}
