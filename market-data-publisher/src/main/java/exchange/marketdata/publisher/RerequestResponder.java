package exchange.marketdata.publisher;

import exchange.marketdata.moldudp64.DownstreamPacketEncoder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.PacketSink;
import exchange.marketdata.moldudp64.RequestPacketDecoder;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.store.MessageStoreReader;
import exchange.marketdata.transport.RateLimitedLog;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers MoldUDP64 request packets from the market-data log: the requested messages go back as
 * ordinary downstream packets of the same session, each at most {@code maxPacketBytes} long.
 *
 * <p>A request is served up to {@code maxMessagesPerRequest}, up to the end of the log and up to what
 * the rate limits allow (the requester's own and the server's total); the requester asks again for the
 * rest. A request that is not 20
 * bytes, names another session, starts outside the log ({@code < 1} or after the last message) or
 * asks for nothing is ignored and logged (one line per second at most): never an exception.
 *
 * <p>Single-threaded (the server's event loop). Allocates nothing per request but the log line of a
 * refused one.
 */
public final class RerequestResponder {
    private static final Logger LOG = LoggerFactory.getLogger(RerequestResponder.class);

    private final MoldSession session;
    private final MessageStore store;
    private final MessageStoreReader reader;
    private final int maxPacketBytes;
    private final int maxMessagesPerRequest;
    private final RequesterRateLimiter rateLimiter;
    private final RequestPacketDecoder request = new RequestPacketDecoder();
    private final DownstreamPacketEncoder packet = new DownstreamPacketEncoder();
    private final UnsafeBuffer packetBuffer;
    private final UnsafeBuffer message;
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, 1_000_000_000L);
    /** Counters written by the server's thread only, read by any (monitoring, tests): volatile, never torn or stale. */
    private volatile long requestsServed;
    private volatile long requestsRefused;
    private volatile long messagesServed;

    /**
     * @param reader a reader of {@code store} owned by this responder's thread.
     */
    public RerequestResponder(
        final MoldSession session,
        final MessageStore store,
        final MessageStoreReader reader,
        final int maxPacketBytes,
        final int maxMessagesPerRequest,
        final RequesterRateLimiter rateLimiter) {
        this.session = session;
        this.store = store;
        this.reader = reader;
        this.maxPacketBytes = maxPacketBytes;
        this.maxMessagesPerRequest = maxMessagesPerRequest;
        this.rateLimiter = rateLimiter;
        this.packetBuffer = new UnsafeBuffer(new byte[maxPacketBytes]);
        this.message = new UnsafeBuffer(new byte[store.maxMessageLength()]);
    }

    /**
     * Handles one datagram received from {@code requester}.
     *
     * @param reply where the answer goes (to the requester).
     * @return the number of messages sent back; 0 if the request was refused.
     */
    public int onRequest(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Object requester,
        final long nowNs,
        final PacketSink reply) {
        request.wrap(buffer, offset, length);
        if (!request.isWellFormed()) {
            return refuse("ignored a {}-byte datagram from {}: a MoldUDP64 request is 20 bytes", length, requester);
        }
        if (!request.sessionMatches(session)) {
            return refuse("ignored a request from {} for session '{}': this is session '{}'",
                requester, request.sessionName(), session);
        }
        final long first = request.sequenceNumber();
        final long last = store.lastSequence();
        final int requested = request.requestedMessageCount();
        if (first < 1 || first > last || requested == 0) {
            return refuse("ignored a request from {} for {} messages from {}: the log holds 1 to {}",
                requester, requested, first, last);
        }
        final int wanted = (int)Math.min(Math.min(requested, maxMessagesPerRequest), last - first + 1);
        final int granted = rateLimiter.acquire(requester, wanted, nowNs);
        if (granted == 0) {
            return refuse("ignored a request from {} for {} messages from {}: rate limit reached",
                requester, requested, first);
        }
        requestsServed++;
        final int sent = send(first, granted, reply);
        messagesServed += sent;
        return sent;
    }

    private int send(final long first, final int count, final PacketSink reply) {
        packet.wrap(packetBuffer, 0).session(session).sequenceNumber(first);
        int sent = 0;
        for (long sequence = first; sequence < first + count; sequence++) {
            final int length = reader.read(sequence, message, 0);
            if (length == MessageStoreReader.NOT_FOUND) {
                break;
            }
            if (!packet.canAppend(length, maxPacketBytes)) {
                reply.send(packetBuffer, 0, packet.encodedLength());
                packet.wrap(packetBuffer, 0).session(session).sequenceNumber(sequence);
            }
            packet.appendMessage(message, 0, length);
            sent++;
        }
        if (packet.messageCount() > 0) {
            reply.send(packetBuffer, 0, packet.encodedLength());
        }
        return sent;
    }

    private int refuse(final String format, final Object... arguments) {
        requestsRefused++;
        refusals.warn(format, arguments);
        return 0;
    }

    public long requestsServed() {
        return requestsServed;
    }

    public long requestsRefused() {
        return requestsRefused;
    }

    /** Messages sent back, all requesters together. */
    public long messagesServed() {
        return messagesServed;
    }
}
