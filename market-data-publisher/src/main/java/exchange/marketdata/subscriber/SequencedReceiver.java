package exchange.marketdata.subscriber;

import exchange.marketdata.moldudp64.DownstreamPacketDecoder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.MoldUdp64;
import exchange.marketdata.moldudp64.SequencedMessageHandler;
import org.agrona.DirectBuffer;

/**
 * Turns MoldUDP64 downstream packets, arriving with losses, duplicates and out of order, into messages
 * delivered exactly once and strictly in sequence, from sequence 1.
 *
 * <ul>
 *   <li>The session is the one configured, or else the first one seen; packets of any other session
 *   are counted and dropped.</li>
 *   <li>Every packet (heartbeats and end of session too) tells how far the session has gone. Messages
 *   after a gap wait in a {@link ReorderBuffer}; the missing range, from the next expected message up
 *   to the first one held (at most {@code maxMessagesPerRequest}), is asked for at once.</li>
 *   <li>One request is outstanding at a time. It is sent again, from wherever delivery then stands,
 *   when {@code rerequestTimeoutNs} passes with no progress; a new one follows as soon as it is
 *   answered and a gap remains.</li>
 *   <li>A late joiner starts at sequence 1: the first packet it sees opens a gap from 1.</li>
 * </ul>
 *
 * <p>Time is passed in. Single-threaded (the subscriber's event loop): {@link #onPacket} and
 * {@link #onTimer} must come from the same thread; the progress getters may be read from any thread.
 * Allocation-free after construction, but for reading the session from the first packet.
 */
public final class SequencedReceiver {
    private final SequencedMessageHandler handler;
    private final RerequestSender rerequestSender;
    private final int maxMessagesPerRequest;
    private final long rerequestTimeoutNs;
    private final ReorderBuffer reorderBuffer;
    private final DownstreamPacketDecoder packet = new DownstreamPacketDecoder();
    private final SequencedMessageHandler onMessage = this::onMessage;

    private MoldSession session;
    private long nextExpected = MoldUdp64.FIRST_SEQUENCE_NUMBER;
    private long knownUpTo = MoldUdp64.FIRST_SEQUENCE_NUMBER;
    private boolean requestOutstanding;
    private long requestEnd;
    private long requestSentNs;
    private long lastProgressNs;
    private volatile long deliveredUpTo;
    private volatile boolean endOfSessionSeen;
    private volatile boolean complete;

    private long malformedPackets;
    private long otherSessionPackets;
    private long duplicateMessages;
    private long unbufferedMessages;
    private long requestsSent;

    /**
     * @param session the session to follow, or null to follow the first one seen.
     * @param reorderCapacity messages held across a gap, a power of two.
     * @param maxMessageLength largest message held across a gap; a longer one is asked for again.
     * @throws IllegalArgumentException if {@code reorderCapacity * maxMessageLength} bytes do not fit
     *     one array.
     */
    public SequencedReceiver(
        final MoldSession session,
        final SequencedMessageHandler handler,
        final RerequestSender rerequestSender,
        final int maxMessagesPerRequest,
        final long rerequestTimeoutNs,
        final int reorderCapacity,
        final int maxMessageLength) {
        if (maxMessagesPerRequest < 1 || maxMessagesPerRequest > 0xFFFF) {
            throw new IllegalArgumentException("max messages per request not in [1, 65535]: " + maxMessagesPerRequest);
        }
        this.session = session;
        this.handler = handler;
        this.rerequestSender = rerequestSender;
        this.maxMessagesPerRequest = maxMessagesPerRequest;
        this.rerequestTimeoutNs = rerequestTimeoutNs;
        this.reorderBuffer = new ReorderBuffer(reorderCapacity, maxMessageLength);
    }

    /** Takes one datagram, from the multicast feed or from the re-request server. */
    public void onPacket(final DirectBuffer buffer, final int offset, final int length, final long nowNs) {
        packet.wrap(buffer, offset, length);
        if (!packet.isWellFormed()) {
            malformedPackets++;
            return;
        }
        if (session == null) {
            session = packet.session();
        } else if (!packet.sessionMatches(session)) {
            otherSessionPackets++;
            return;
        }
        knownUpTo = Math.max(knownUpTo, packet.nextSequenceNumber());
        if (packet.isEndOfSession()) {
            endOfSessionSeen = true;
        }
        final long before = nextExpected;
        if (packet.messagesCarried() > 0) {
            packet.forEachMessage(onMessage);
        }
        if (nextExpected != before) {
            lastProgressNs = nowNs;
            deliveredUpTo = nextExpected - 1;
        }
        requestIfGap(nowNs);
        if (endOfSessionSeen && nextExpected >= knownUpTo) {
            complete = true;
        }
    }

    /** Re-sends a request that timed out. Call periodically, more often than the timeout. */
    public void onTimer(final long nowNs) {
        requestIfGap(nowNs);
    }

    private void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length) {
        if (sequence < nextExpected) {
            duplicateMessages++;
        } else if (sequence == nextExpected) {
            handler.onMessage(sequence, buffer, offset, length);
            nextExpected++;
            while (reorderBuffer.contains(nextExpected)) {
                reorderBuffer.deliver(nextExpected, handler);
                nextExpected++;
            }
        } else if (reorderBuffer.contains(sequence)) {
            duplicateMessages++;
        } else if (!reorderBuffer.put(sequence, nextExpected, buffer, offset, length)) {
            unbufferedMessages++;
        }
    }

    private void requestIfGap(final long nowNs) {
        if (nextExpected >= knownUpTo) {
            requestOutstanding = false;
            return;
        }
        if (requestOutstanding && nextExpected < requestEnd &&
            nowNs - Math.max(requestSentNs, lastProgressNs) < rerequestTimeoutNs) {
            return;
        }
        final long limit = Math.min(knownUpTo, nextExpected + maxMessagesPerRequest);
        long end = nextExpected + 1;
        while (end < limit && !reorderBuffer.contains(end)) {
            end++;
        }
        rerequestSender.request(session, nextExpected, (int)(end - nextExpected));
        requestsSent++;
        requestOutstanding = true;
        requestEnd = end;
        requestSentNs = nowNs;
    }

    /** Sequence number of the next message to deliver. Receiver thread. */
    public long nextExpectedSequence() {
        return nextExpected;
    }

    /** Sequence number of the last message delivered, 0 before the first. Any thread. */
    public long deliveredUpTo() {
        return deliveredUpTo;
    }

    /** Whether an end-of-session packet was seen. Any thread. */
    public boolean isEndOfSessionSeen() {
        return endOfSessionSeen;
    }

    /** Whether the session has ended and every one of its messages was delivered. Any thread. */
    public boolean isComplete() {
        return complete;
    }

    /** The session followed, null until the first packet when none was configured. */
    public MoldSession session() {
        return session;
    }

    public long malformedPackets() {
        return malformedPackets;
    }

    public long otherSessionPackets() {
        return otherSessionPackets;
    }

    public long duplicateMessages() {
        return duplicateMessages;
    }

    /** Messages that arrived too far ahead of a gap to be held; they are asked for again later. */
    public long unbufferedMessages() {
        return unbufferedMessages;
    }

    public long requestsSent() {
        return requestsSent;
    }
}
