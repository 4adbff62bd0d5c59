package exchange.marketdata.publisher;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.MoldUdp64Packetiser;
import exchange.marketdata.moldudp64.PacketSink;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.transport.BatchingDatagramSink;
import exchange.marketdata.transport.RateLimitedLog;
import exchange.marketdata.transport.UdpChannels;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The publishing side for a writer that sends what it appends, on its own thread: the writer appends a
 * message to the session's market-data log and hands the same bytes to {@link #send}; packets fill up
 * as it goes and leave, in one batch per {@link #endOfBatch()}, through a Netty channel whose event
 * loop does the system calls. Retransmissions come from the log, through a {@link RerequestServer}.
 *
 * <p>Compared with {@link MarketDataPublisher} (a sender thread tailing the log), nothing reads the
 * log back and no thread waits on another: the market-data service uses this one, so that all of
 * market data costs one thread (plus the event loop's sends) however fast the engine goes.
 *
 * <p>Writer thread only, but for the volatile progress getters. {@link #send} and
 * {@link #endOfBatch()} never allocate on the writer's side but for Netty's pooled buffers.
 */
public final class InlinePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InlinePublisher.class);

    /** Packets queued for the event loop at most: a few event-log batches' worth. */
    public static final int QUEUE_CAPACITY = 16_384;

    private final EventLoopGroup group;
    private final DatagramChannel channel;
    private final BatchingDatagramSink sink;
    private final MoldUdp64Packetiser packetiser;
    private final RerequestServer rerequestServer;
    private long nowNs = System.nanoTime();
    private volatile long sentUpTo;
    private volatile boolean sessionEnded;

    private InlinePublisher(final EventLoopGroup group, final DatagramChannel channel, final BatchingDatagramSink sink,
        final MoldUdp64Packetiser packetiser, final RerequestServer rerequestServer) {
        this.group = group;
        this.channel = channel;
        this.sink = sink;
        this.packetiser = packetiser;
        this.rerequestServer = rerequestServer;
        this.sentUpTo = packetiser.nextSequenceNumber() - 1;
    }

    /**
     * Opens the sockets. The first message sent is numbered {@code store.lastSequence() + 1}: anything
     * already in the log is for subscribers to ask for again.
     *
     * @param sentPackets shown every packet on the event loop as it is written to the socket, or null
     * @throws InterruptedException if interrupted while binding
     */
    public static InlinePublisher start(final MarketDataConfig config, final MessageStore store, final PacketSink sentPackets)
        throws InterruptedException {
        final EventLoopGroup group = UdpChannels.newEventLoopGroup(1, "md-io-" + config.session());
        try {
            final DatagramChannel channel = UdpChannels.openMulticastSender(
                group, config.networkInterface(), config.ttl(), config.loopback(), new SendFailureLog());
            final BatchingDatagramSink sink = new BatchingDatagramSink(channel, config.groupAddress(), QUEUE_CAPACITY,
                sentPackets);
            final MoldUdp64Packetiser packetiser = new MoldUdp64Packetiser(config.session(), config.maxPacketBytes(),
                config.heartbeatIntervalNs(), store.lastSequence() + 1, System.nanoTime(), sink);
            final RerequestServer rerequestServer = RerequestServer.start(config, store, group);
            LOG.info("publishing session {} to {} on {} from sequence {}", config.session(), config.groupAddress(),
                config.interfaceName(), packetiser.nextSequenceNumber());
            return new InlinePublisher(group, channel, sink, packetiser, rerequestServer);
        } catch (final InterruptedException | RuntimeException ex) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw ex;
        }
    }

    /**
     * Whether there is room for another batch: the packets queued for the socket are under half the
     * queue (a batch of the service's size fits in the other half; a larger one waits in
     * {@link #send} for room) and the channel is writable. A writer that finds none waits before
     * reading more: back-pressure stops at it, never at the engine.
     */
    public boolean hasRoomForABatch() {
        return sink.queued() < sink.capacity() / 2 && sink.isWritable();
    }

    /**
     * Adds the message just appended to the log (its sequence number is the log's). The clock is read
     * once a batch, not once a message: a packet filled within a batch counts as sent at its end.
     */
    public void send(final DirectBuffer message, final int offset, final int length) {
        packetiser.append(message, offset, length, nowNs);
    }

    /**
     * Ends a batch: hands its full packets to the socket, and the open one too unless the socket is
     * still busy with earlier packets. Then the open packet keeps filling with the next batch, so that a
     * feed too busy for one packet per batch sends fuller packets rather than falling behind; it leaves
     * at the latest when the writer has nothing more to read ({@link #idle()}). A heartbeat goes too
     * once due: a batch of events that publish nothing (rejects, orders that never rest, a restart's
     * replay of what the log holds) is idle time for the feed, however busy the writer.
     */
    public void endOfBatch() {
        nowNs = System.nanoTime();
        if (sink.queued() == 0) {
            packetiser.flush(nowNs);
        }
        packetiser.sendHeartbeatIfIdle(nowNs);
        sink.flush();
        sentUpTo = packetiser.nextSequenceNumber() - 1 - packetiser.pendingMessageCount();
    }

    /** When the writer has nothing to read: sends the open packet, and a heartbeat (or the end of session again) once due. */
    public void idle() {
        nowNs = System.nanoTime();
        final boolean flushed = packetiser.flush(nowNs);
        if (packetiser.sendHeartbeatIfIdle(nowNs) || flushed) {
            sink.flush();
        }
        sentUpTo = packetiser.nextSequenceNumber() - 1;
    }

    /** Sends what is open, then the end-of-session packet; idle periods repeat it from then on. */
    public void endSession() {
        nowNs = System.nanoTime();
        packetiser.endSession(nowNs);
        sink.flush();
        sentUpTo = packetiser.nextSequenceNumber() - 1;
        sessionEnded = true;
    }

    /** Sequence number of the last message handed to the socket's event loop. Any thread. */
    public long sentUpTo() {
        return sentUpTo;
    }

    /** Whether the end of session has been sent. Any thread. */
    public boolean isSessionEnded() {
        return sessionEnded;
    }

    /** Where the re-request server listens (the real port when the configured one was 0). */
    public InetSocketAddress rerequestAddress() {
        return rerequestServer.localAddress();
    }

    public RerequestServer rerequestServer() {
        return rerequestServer;
    }

    /** Closes the sockets once the event loop has sent what was queued. The log stays open. */
    @Override
    public void close() {
        sink.flush();
        rerequestServer.close();
        channel.eventLoop().submit(() -> { }).syncUninterruptibly(); // the queued sends run first
        channel.close().syncUninterruptibly();
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
