package exchange.marketdata.publisher;

import exchange.marketdata.moldudp64.MoldUdp64Packetiser;
import exchange.marketdata.store.MessageStoreReader;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.BooleanSupplier;

/**
 * Tails the market-data log into the packetiser: each {@link #doWork()} moves up to
 * {@code maxMessagesPerWork} new messages into packets, sends the open packet once it has caught up
 * with the log (so a quiet feed has no added latency and a busy one sends full packets), and sends a
 * heartbeat when idle.
 *
 * <p>The producer only ever appends to the log; this agent reads at its own pace, so a slow network
 * never slows the producer. When the channel reports it cannot take more ({@code canSend} false), the
 * agent stops reading until it can: back-pressure stays between the agent and the network.
 *
 * <p>{@link #requestEndOfSession()} may be called from any thread: once everything in the log has been
 * sent, the agent sends the end-of-session packet, then repeats it instead of heartbeats.
 *
 * <p>Agent thread only (but for {@link #requestEndOfSession()} and the volatile progress getters).
 * Never allocates in {@link #doWork()}.
 */
public final class MulticastSenderAgent implements Agent {
    private final MessageStoreReader reader;
    private final MoldUdp64Packetiser packetiser;
    private final NanoClock clock;
    private final BooleanSupplier canSend;
    private final int maxMessagesPerWork;
    private final UnsafeBuffer message;
    private volatile boolean endOfSessionRequested;
    private volatile long sentUpTo;

    /**
     * @param reader this agent's own reader of the log; closed with the agent.
     * @param packetiser numbers messages from the log's next unsent sequence number.
     * @param maxMessageLength largest message in the log.
     */
    public MulticastSenderAgent(
        final MessageStoreReader reader,
        final MoldUdp64Packetiser packetiser,
        final NanoClock clock,
        final BooleanSupplier canSend,
        final int maxMessagesPerWork,
        final int maxMessageLength) {
        this.reader = reader;
        this.packetiser = packetiser;
        this.clock = clock;
        this.canSend = canSend;
        this.maxMessagesPerWork = maxMessagesPerWork;
        this.message = new UnsafeBuffer(new byte[maxMessageLength]);
        this.sentUpTo = packetiser.nextSequenceNumber() - 1;
    }

    /** Moves new messages to the network; a bug (an exception) stops the agent, loudly. */
    @Override
    public int doWork() {
        try {
            return sendAvailable();
        } catch (final RuntimeException ex) {
            throw new AgentTerminationException(ex);
        }
    }

    private int sendAvailable() {
        // Read the request before the log: a request made after the last append then guarantees that
        // the reads below see every message, so "caught up" really means "everything was sent".
        final boolean endRequested = endOfSessionRequested;
        final long nowNs = clock.nanoTime();
        int work = 0;
        boolean caughtUp = false;
        while (work < maxMessagesPerWork && !packetiser.isSessionEnded()) {
            if (!canSend.getAsBoolean()) {
                return work;
            }
            final int length = reader.read(packetiser.nextSequenceNumber(), message, 0);
            if (length == MessageStoreReader.NOT_FOUND) {
                caughtUp = true;
                break;
            }
            packetiser.append(message, 0, length, nowNs);
            work++;
        }
        if (caughtUp) {
            if (packetiser.flush(nowNs)) {
                work++;
            }
            if (endRequested && !packetiser.isSessionEnded()) {
                packetiser.endSession(nowNs);
                work++;
            }
        }
        if (packetiser.sendHeartbeatIfIdle(nowNs)) {
            work++;
        }
        sentUpTo = packetiser.nextSequenceNumber() - 1 - packetiser.pendingMessageCount();
        return work;
    }

    /** Asks for the end-of-session packet once every message now in the log is sent. Any thread. */
    public void requestEndOfSession() {
        endOfSessionRequested = true;
    }

    /** Sequence number of the last message handed to the network. Any thread. */
    public long sentUpTo() {
        return sentUpTo;
    }

    /** Whether the end-of-session packet went out. Agent thread, or after the agent stopped. */
    public boolean isSessionEnded() {
        return packetiser.isSessionEnded();
    }

    @Override
    public void onClose() {
        reader.close();
    }

    @Override
    public String roleName() {
        return "md-sender";
    }
}
