package exchange.marketdata.publisher;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.PacketSink;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.store.MessageStoreReader;
import exchange.marketdata.transport.DatagramChannelSink;
import exchange.marketdata.transport.DatagramHandler;
import exchange.marketdata.transport.DatagramInbound;
import exchange.marketdata.transport.UdpChannels;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * The MoldUDP64 re-request server: a UDP unicast socket on {@link MarketDataConfig#rerequestAddress()}
 * whose requests a {@link RerequestResponder} answers from the market-data log, back to each
 * requester's own address and port.
 *
 * <p>Runs on one event-loop thread of the given group, which owns the responder and its log reader.
 */
public final class RerequestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RerequestServer.class);

    private final DatagramChannel channel;
    private final MessageStoreReader reader;
    private final RerequestResponder responder;

    private RerequestServer(final DatagramChannel channel, final MessageStoreReader reader, final RerequestResponder responder) {
        this.channel = channel;
        this.reader = reader;
        this.responder = responder;
    }

    /** Binds the server and starts answering. Blocks until bound; throws if it cannot bind. */
    public static RerequestServer start(final MarketDataConfig config, final MessageStore store, final EventLoopGroup group)
        throws InterruptedException {
        final MessageStoreReader reader = store.newReader();
        final RerequestResponder responder = new RerequestResponder(
            config.session(),
            store,
            reader,
            config.maxPacketBytes(),
            config.maxMessagesPerRequest(),
            new RequesterRateLimiter(config.maxMessagesPerSecondPerRequester(), config.maxMessagesPerSecondTotal(), 4096));
        final Replies replies = new Replies(responder);
        final DatagramChannel channel = UdpChannels.openUnicast(
            group, config.rerequestAddress(), config.receiveBufferBytes(), new DatagramInbound(replies));
        replies.channel = channel;
        LOG.info("MoldUDP64 re-request server for session {} on {}", config.session(), channel.localAddress());
        return new RerequestServer(channel, reader, responder);
    }

    /** The address actually bound (its port is the ephemeral one when the configured port was 0). */
    public InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    public RerequestResponder responder() {
        return responder;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        // The reader belongs to the event-loop thread: close it there.
        channel.eventLoop().submit(reader::close).syncUninterruptibly();
    }

    /** Bridges a received datagram to the responder, with a sink that replies to its sender. */
    private static final class Replies implements DatagramHandler, PacketSink {
        private final RerequestResponder responder;
        private DatagramChannel channel;
        private InetSocketAddress requester;

        Replies(final RerequestResponder responder) {
            this.responder = responder;
        }

        @Override
        public void onDatagram(final DirectBuffer buffer, final int offset, final int length, final InetSocketAddress sender) {
            requester = sender;
            responder.onRequest(buffer, offset, length, sender, System.nanoTime(), this);
        }

        @Override
        public void send(final DirectBuffer buffer, final int offset, final int length) {
            channel.write(new DatagramPacket(DatagramChannelSink.copy(channel, buffer, offset, length), requester),
                channel.voidPromise());
            channel.flush();
        }
    }
}
