package exchange.marketdata.publisher;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.MoldUdp64Packetiser;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.transport.DatagramChannelSink;
import exchange.marketdata.transport.RateLimitedLog;
import exchange.marketdata.transport.UdpChannels;
import exchange.sequencer.AgentErrors;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The publishing side wired together: a {@link MulticastSenderAgent} on its own thread tails the
 * market-data log into multicast packets, and a {@link RerequestServer} answers retransmission
 * requests from the same log. Whoever writes the log (the translator from engine events to ITCH)
 * only calls {@link MessageStore#append}; this class never touches the producer's thread.
 *
 * <p>On start the sender resumes after the last message already in the log ({@code lastSequence + 1}):
 * after a restart, subscribers recover anything they missed through the re-request server, as they
 * would after any loss.
 */
public final class MarketDataPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataPublisher.class);
    private static final int MAX_MESSAGES_PER_WORK = 256;

    private final EventLoopGroup group;
    private final DatagramChannel senderChannel;
    private final MulticastSenderAgent sender;
    private final AgentRunner senderRunner;
    private final RerequestServer rerequestServer;

    private MarketDataPublisher(
        final EventLoopGroup group,
        final DatagramChannel senderChannel,
        final MulticastSenderAgent sender,
        final AgentRunner senderRunner,
        final RerequestServer rerequestServer) {
        this.group = group;
        this.senderChannel = senderChannel;
        this.sender = sender;
        this.senderRunner = senderRunner;
        this.rerequestServer = rerequestServer;
    }

    /**
     * Opens the sockets and starts the sender thread. Logs the resolved configuration.
     *
     * @throws InterruptedException if interrupted while binding.
     */
    public static MarketDataPublisher start(final MarketDataConfig config, final MessageStore store)
        throws InterruptedException {
        LOG.info("starting market-data publisher; {}", config.describe());
        final EventLoopGroup group = UdpChannels.newEventLoopGroup(1, "md-publisher-io");
        try {
            final DatagramChannel channel = UdpChannels.openMulticastSender(
                group, config.networkInterface(), config.ttl(), config.loopback(), new SendFailureLog());
            final DatagramChannelSink sink = new DatagramChannelSink(channel, config.groupAddress());
            final SystemNanoClock clock = SystemNanoClock.INSTANCE;
            final MoldUdp64Packetiser packetiser = new MoldUdp64Packetiser(
                config.session(),
                config.maxPacketBytes(),
                config.heartbeatIntervalNs(),
                store.lastSequence() + 1,
                clock.nanoTime(),
                sink);
            final MulticastSenderAgent sender = new MulticastSenderAgent(
                store.newReader(), packetiser, clock, sink::isWritable, MAX_MESSAGES_PER_WORK, store.maxMessageLength());
            final RerequestServer rerequestServer = RerequestServer.start(config, store, group);
            // The sender stops itself at a bug (MulticastSenderAgent): the handler logs that once, with its trace.
            final AgentRunner runner = new AgentRunner(
                config.newSenderIdleStrategy(), AgentErrors.of(LOG, "market-data sender"), null, sender);
            AgentRunner.startOnThread(runner);
            LOG.info("publishing session {} to {} on {} from sequence {}",
                config.session(), config.groupAddress(), config.interfaceName(), packetiser.nextSequenceNumber());
            return new MarketDataPublisher(group, channel, sender, runner, rerequestServer);
        } catch (final InterruptedException | RuntimeException ex) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw ex;
        }
    }

    /** Ends the session once everything appended so far is sent: see {@link MulticastSenderAgent}. */
    public void endSession() {
        sender.requestEndOfSession();
    }

    /** Sequence number of the last message handed to the network. */
    public long sentUpTo() {
        return sender.sentUpTo();
    }

    /** Where the re-request server listens (the real port when the configured one was 0). */
    public InetSocketAddress rerequestAddress() {
        return rerequestServer.localAddress();
    }

    public RerequestServer rerequestServer() {
        return rerequestServer;
    }

    /** Stops the sender thread, then closes the sockets and the I/O thread. The store stays open. */
    @Override
    public void close() {
        senderRunner.close();
        rerequestServer.close();
        senderChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Logs failed multicast sends (one line per second at most). */
    private static final class SendFailureLog extends ChannelInboundHandlerAdapter {
        private final RateLimitedLog log = new RateLimitedLog(LOG, 1_000_000_000L);

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            log.warn("multicast send failed: {}", cause.toString());
        }
    }
}
