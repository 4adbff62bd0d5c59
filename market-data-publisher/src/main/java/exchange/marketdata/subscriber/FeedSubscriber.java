package exchange.marketdata.subscriber;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.MoldUdp64;
import exchange.marketdata.moldudp64.RequestPacketEncoder;
import exchange.marketdata.moldudp64.SequencedMessageHandler;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.marketdata.transport.DatagramChannelSink;
import exchange.marketdata.transport.DatagramHandler;
import exchange.marketdata.transport.DatagramInbound;
import exchange.marketdata.transport.UdpChannels;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Subscribes to the feed: joins the multicast group, recovers gaps from the re-request server and
 * delivers every message of the session, from sequence 1, strictly in order, to a
 * {@link SequencedMessageHandler} (wrap an ITCH handler in an {@link ItchSequencedDispatcher}).
 *
 * <p>Two sockets share one event-loop thread, on which the handler is called: the multicast socket,
 * and an ephemeral unicast socket that sends requests and receives the answers (so that several
 * subscribers on one host, sharing the multicast port, each get their own retransmissions). The logic
 * is a {@link SequencedReceiver}; a timer re-sends requests that time out.
 */
public final class FeedSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscriber.class);

    private final EventLoopGroup group;
    private final DatagramChannel multicastChannel;
    private final DatagramChannel rerequestChannel;
    private final SequencedReceiver receiver;
    private final ScheduledFuture<?> timer;
    private final Feed feed;
    private final Answers answers;

    private FeedSubscriber(
        final EventLoopGroup group,
        final DatagramChannel multicastChannel,
        final DatagramChannel rerequestChannel,
        final SequencedReceiver receiver,
        final ScheduledFuture<?> timer,
        final Feed feed,
        final Answers answers) {
        this.group = group;
        this.multicastChannel = multicastChannel;
        this.rerequestChannel = rerequestChannel;
        this.receiver = receiver;
        this.timer = timer;
        this.feed = feed;
        this.answers = answers;
    }

    /**
     * Joins the feed described by {@code config} and starts delivering.
     *
     * @param session the session to follow, or null to follow the first one seen.
     * @param dropPolicy test hook; {@link PacketDropPolicy#NONE} in production.
     * @throws InterruptedException if interrupted while binding or joining.
     */
    public static FeedSubscriber start(
        final MarketDataConfig config,
        final MoldSession session,
        final SequencedMessageHandler handler,
        final PacketDropPolicy dropPolicy) throws InterruptedException {
        final EventLoopGroup group = UdpChannels.newEventLoopGroup(1, "md-subscriber");
        try {
            final Feed feed = new Feed(dropPolicy);
            final Answers answers = new Answers(feed, config.rerequestAddress());
            final DatagramChannel rerequestChannel = UdpChannels.openUnicast(
                group, new InetSocketAddress(0), config.receiveBufferBytes(), new DatagramInbound(answers));
            final Requests requests = new Requests(new DatagramChannelSink(rerequestChannel, config.rerequestAddress()));
            feed.receiver = new SequencedReceiver(
                session,
                handler,
                requests,
                config.maxMessagesPerRequest(),
                config.rerequestTimeoutNs(),
                config.reorderCapacity(),
                ChronicleMessageStore.DEFAULT_MAX_MESSAGE_LENGTH);
            final DatagramChannel multicastChannel = UdpChannels.openMulticastReceiver(
                group, config.groupAddress(), config.networkInterface(), config.receiveBufferBytes(),
                new DatagramInbound(feed));
            final long periodMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(config.rerequestTimeoutNs()) / 4);
            final SequencedReceiver receiver = feed.receiver;
            final ScheduledFuture<?> timer = multicastChannel.eventLoop().scheduleAtFixedRate(
                () -> receiver.onTimer(System.nanoTime()), periodMs, periodMs, TimeUnit.MILLISECONDS);
            LOG.info("subscribed to {} on {}; re-requests to {} from {}",
                config.groupAddress(), config.interfaceName(), config.rerequestAddress(), rerequestChannel.localAddress());
            return new FeedSubscriber(group, multicastChannel, rerequestChannel, receiver, timer, feed, answers);
        } catch (final InterruptedException | RuntimeException ex) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw ex;
        }
    }

    /** Sequence number of the last message delivered, 0 before the first. Any thread. */
    public long deliveredUpTo() {
        return receiver.deliveredUpTo();
    }

    /** Whether the end-of-session packet was seen. Any thread. */
    public boolean isEndOfSessionSeen() {
        return receiver.isEndOfSessionSeen();
    }

    /** Whether the session has ended and every one of its messages was delivered. Any thread. */
    public boolean isComplete() {
        return receiver.isComplete();
    }

    /** Multicast packets thrown away by the drop policy. Any thread. */
    public long droppedPackets() {
        return feed.dropped;
    }

    /**
     * Datagrams on the re-request socket that did not come from the re-request server, thrown away.
     * Any thread.
     */
    public long foreignPackets() {
        return answers.foreign;
    }

    /** The unicast socket that sends requests and receives their answers. */
    public InetSocketAddress rerequestLocalAddress() {
        return (InetSocketAddress)rerequestChannel.localAddress();
    }

    /**
     * Runs {@code query} on the subscriber's thread, where the handler's state may be read safely, and
     * returns its result.
     *
     * @throws IllegalStateException if it does not complete within {@code timeoutMs}.
     */
    public <T> T onSubscriberThread(final Supplier<T> query, final long timeoutMs) {
        try {
            return multicastChannel.eventLoop().submit(query::get).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } catch (final ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("query on the subscriber thread failed", ex);
        }
    }

    /** The receiver's counters; read them through {@link #onSubscriberThread}. */
    public SequencedReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        timer.cancel(false);
        multicastChannel.close().syncUninterruptibly();
        rerequestChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Multicast datagrams: counted, passed through the drop policy, then to the receiver. */
    private static final class Feed implements DatagramHandler {
        private final PacketDropPolicy dropPolicy;
        private SequencedReceiver receiver;
        private long packets;
        private volatile long dropped;

        Feed(final PacketDropPolicy dropPolicy) {
            this.dropPolicy = dropPolicy;
        }

        @Override
        public void onDatagram(
            final DirectBuffer buffer, final int offset, final int length, final InetSocketAddress sender) {
            if (dropPolicy.drop(++packets)) {
                dropped = dropped + 1; // single writer
                return;
            }
            receiver.onPacket(buffer, offset, length, System.nanoTime());
        }
    }

    /**
     * Datagrams on the re-request socket: only the re-request server's go to the receiver. The socket's
     * port is open to anyone, and a packet that passed would be delivered as the feed (a forged
     * message under the next sequence number, its genuine one then dropped as a duplicate). The
     * server answers from the address it is bound to, the configured one; when that is a wildcard,
     * only the port is checked.
     */
    private static final class Answers implements DatagramHandler {
        private final Feed feed;
        private final InetSocketAddress server;
        private final boolean anyAddress;
        private volatile long foreign;

        Answers(final Feed feed, final InetSocketAddress server) {
            this.feed = feed;
            this.server = server;
            this.anyAddress = server.getAddress() == null || server.getAddress().isAnyLocalAddress();
        }

        @Override
        public void onDatagram(
            final DirectBuffer buffer, final int offset, final int length, final InetSocketAddress sender) {
            if (sender == null || sender.getPort() != server.getPort() ||
                !anyAddress && !server.getAddress().equals(sender.getAddress())) {
                foreign = foreign + 1; // single writer
                return;
            }
            feed.receiver.onPacket(buffer, offset, length, System.nanoTime());
        }
    }

    /** Encodes request packets and sends them on the re-request socket (event-loop thread). */
    private static final class Requests implements RerequestSender {
        private final DatagramChannelSink sink;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MoldUdp64.REQUEST_LENGTH]);
        private final RequestPacketEncoder encoder = new RequestPacketEncoder();

        Requests(final DatagramChannelSink sink) {
            this.sink = sink;
        }

        @Override
        public void request(final MoldSession session, final long fromSequence, final int count) {
            encoder.wrap(buffer, 0).session(session).sequenceNumber(fromSequence).requestedMessageCount(count);
            sink.send(buffer, 0, encoder.encodedLength());
        }
    }
}
