package exchange.operations.metrics;

import exchange.fix.FixObserver;
import quickfix.SessionID;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The FIX gateway's figures for operators: messages in and out of each session, and the latency of
 * the FIX stages ({@link LatencyStage}). Given to the gateway as its {@link FixObserver}.
 *
 * <p>Observer methods: any thread, hot path; they count and record, allocating only the first time a
 * session is seen. Readers: any thread.
 */
public final class FixMetrics implements FixObserver {
    private final ConcurrentHashMap<SessionID, Counters> sessions = new ConcurrentHashMap<>();
    private final LatencyHistograms latencies = new LatencyHistograms();

    /** One session's message counts. */
    private static final class Counters {
        final AtomicLong received = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
    }

    private Counters counters(final SessionID session) {
        final Counters c = sessions.get(session);
        return c != null ? c : sessions.computeIfAbsent(session, s -> new Counters());
    }

    @Override
    public void messageReceived(final SessionID session) {
        counters(session).received.incrementAndGet();
    }

    @Override
    public void messageSent(final SessionID session) {
        counters(session).sent.incrementAndGet();
    }

    @Override
    public void requestHandled(final long receivedNs, final long doneNs) {
        latencies.record(LatencyStage.FIX_IN_TO_JOURNAL, doneNs - receivedNs);
    }

    @Override
    public void reportSent(final long eventTimestampNs, final long readNs, final long sentNs) {
        latencies.record(LatencyStage.JOURNAL_TO_EVENT, readNs - eventTimestampNs);
        latencies.record(LatencyStage.EVENT_TO_REPORT, sentNs - readNs);
    }

    /** @return messages received on a session since start, administrative ones included */
    public long received(final SessionID session) {
        final Counters c = sessions.get(session);
        return c == null ? 0 : c.received.get();
    }

    /** @return messages sent on a session since start, administrative ones included */
    public long sent(final SessionID session) {
        final Counters c = sessions.get(session);
        return c == null ? 0 : c.sent.get();
    }

    /** @return the latency histograms */
    public LatencyHistograms latencies() {
        return latencies;
    }
}
