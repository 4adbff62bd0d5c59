package exchange.benchmarks.fix;

import exchange.matching.Instrument;
import org.HdrHistogram.Histogram;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketInitiator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of {@code bin/bench fix}: QuickFIX/J initiators, one thread per session, over
 * loopback to an acceptor, kept lean so that the two cores go to the acceptor: memory store without
 * persistence, no message log, no data dictionary. Two kinds of round:
 * <ul>
 *   <li>{@link #burst}: each session keeps {@code window} orders unacknowledged, sending its next order
 *       as each acknowledgement arrives, until all its orders are sent; the round's time runs from the
 *       first order sent to the last ExecutionReport owed received;</li>
 *   <li>{@link #fixedRate}: orders at a fixed rate, the sessions taking turns, sent by one pacing thread
 *       whatever comes back; each order's latency runs from when it was due (not when it was sent:
 *       a pacer held up by a stall does not hide the stall) to its acknowledgement, so it is corrected
 *       for coordinated omission.</li>
 * </ul>
 * A reject, an unexpected message or a stall of {@link #STALL_NS} ends the round with an exception.
 */
final class OrderLoad implements Application, AutoCloseable {
    static final long STALL_NS = TimeUnit.SECONDS.toNanos(30);

    private final ThreadedSocketInitiator initiator;
    private final List<LoadSession> sessions = new ArrayList<>();
    private final Map<SessionID, LoadSession> byId = new HashMap<>();
    private final OrderFlow flow;
    private final int reportsPerOrder;

    /** What a burst achieved. */
    record Burst(long orders, long reports, long elapsedNs) {
        double ordersPerSecond() {
            return orders * 1e9 / elapsedNs;
        }
    }

    /** What a fixed-rate round measured: latency of every order, and how late the pacer sent them. */
    record FixedRate(long orders, long reports, Histogram latency, Histogram sendLag) {
    }

    /**
     * Connects the sessions and waits for their logons.
     *
     * @param port            the acceptor's port on 127.0.0.1
     * @param acceptorCompId  the acceptor's CompID
     * @param compIds         the broker CompIDs, one session each
     * @param instruments     the instrument each session trades, as many as sessions
     * @param flow            what each order does
     * @param reportsPerOrder ExecutionReports the acceptor owes each order
     */
    OrderLoad(final int port, final String acceptorCompId, final List<String> compIds, final List<Instrument> instruments,
              final OrderFlow flow, final int reportsPerOrder) throws InterruptedException {
        this.flow = flow;
        this.reportsPerOrder = reportsPerOrder;
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", port);
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "N");
        settings.setString("PersistMessages", "N");
        for (int i = 0; i < compIds.size(); i++) {
            final SessionID id = new SessionID(BenchSessions.BEGIN_STRING, compIds.get(i), acceptorCompId);
            settings.setString(id, "BeginString", id.getBeginString());
            settings.setString(id, "SenderCompID", id.getSenderCompID());
            settings.setString(id, "TargetCompID", id.getTargetCompID());
            final Instrument instrument = instruments.get(i);
            final LoadSession s = new LoadSession(id, flow, instrument.symbol(), instrument.referencePrice(),
                instrument.tickSize());
            sessions.add(s);
            byId.put(id, s);
        }
        try {
            initiator = new ThreadedSocketInitiator(this, new MemoryStoreFactory(), settings, null, new DefaultMessageFactory());
            initiator.start();
        } catch (final ConfigError e) {
            throw new IllegalStateException(e);
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (final LoadSession s : sessions) {
            while (!s.isLoggedOn()) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException(s.id + " did not log on within 30 s");
                }
                Thread.sleep(5);
            }
        }
    }

    /**
     * As many orders as possible: each session keeps {@code window} unacknowledged.
     *
     * @param orders all sessions together; rounded up to a multiple of twice the session count
     */
    Burst burst(final long orders, final int window) throws InterruptedException {
        final long perSession = perSession(orders);
        final CountDownLatch done = new CountDownLatch(sessions.size());
        final List<Round> rounds = new ArrayList<>();
        for (final LoadSession s : sessions) {
            final long first = s.nextIndex();
            final Round r = new Round(first, first + perSession, reportsPerOrder, true, 0, 0, 0, 1, done);
            rounds.add(r);
            s.start(r);
        }
        final long start = System.nanoTime();
        for (final LoadSession s : sessions) {
            for (int w = 0; w < window; w++) {
                s.sendNext();
            }
        }
        await(done, rounds);
        long end = start;
        for (final Round r : rounds) {
            end = Math.max(end, r.doneNs);
        }
        return new Burst(perSession * sessions.size(), reports(rounds), end - start);
    }

    /**
     * Orders at a fixed rate, all sessions taking turns.
     *
     * @param orders       all sessions together; rounded up to a multiple of twice the session count
     * @param ordersPerSec the rate
     */
    FixedRate fixedRate(final long orders, final double ordersPerSec) throws InterruptedException {
        final long perSession = perSession(orders);
        final long intervalNs = Math.max(1, Math.round(1e9 / ordersPerSec));
        final CountDownLatch done = new CountDownLatch(sessions.size());
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        final List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            final LoadSession s = sessions.get(i);
            final long first = s.nextIndex();
            final Round r = new Round(first, first + perSession, reportsPerOrder, false, start, intervalNs, i,
                sessions.size(), done);
            rounds.add(r);
            s.start(r);
        }
        final Histogram sendLag = new Histogram(Round.LONGEST_NS, 3);
        final long total = perSession * sessions.size();
        for (long k = 0; k < total; k++) {
            final long due = start + k * intervalNs;
            long ahead;
            while ((ahead = due - System.nanoTime()) > 0) {
                // A broker's engine waits on its timer: park, leaving the cores to the acceptor.
                LockSupport.parkNanos(ahead);
            }
            sendLag.recordValue(Math.min(Round.LONGEST_NS, -ahead));
            final LoadSession s = sessions.get((int) (k % sessions.size()));
            final Round r = rounds.get((int) (k % sessions.size()));
            s.send(r, r.first + k / sessions.size());
            if (r.failure != null) {
                break;
            }
        }
        await(done, rounds);
        final Histogram latency = new Histogram(Round.LONGEST_NS, 3);
        for (final Round r : rounds) {
            latency.add(r.latency);
        }
        return new FixedRate(total, reports(rounds), latency, sendLag);
    }

    private long perSession(final long orders) {
        final long pairs = Math.max(1, (orders + 2L * sessions.size() - 1) / (2L * sessions.size()));
        return 2 * pairs;
    }

    private static long reports(final List<Round> rounds) {
        long n = 0;
        for (final Round r : rounds) {
            n += r.reports;
        }
        return n;
    }

    /** Waits until every session has all its reports; throws on a failure or a stall. */
    private void await(final CountDownLatch done, final List<Round> rounds) throws InterruptedException {
        long lastProgress = -1;
        long lastChangeNs = System.nanoTime();
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            failIfFailed(rounds);
            final long progress = reports(rounds);
            if (progress != lastProgress) {
                lastProgress = progress;
                lastChangeNs = System.nanoTime();
            } else if (System.nanoTime() - lastChangeNs > STALL_NS) {
                long expected = 0;
                for (final Round r : rounds) {
                    expected += r.expectedReports();
                }
                throw new IllegalStateException("no ExecutionReport for " + TimeUnit.NANOSECONDS.toSeconds(STALL_NS)
                    + " s: " + progress + " of " + expected + " received");
            }
        }
        failIfFailed(rounds);
        for (final Round r : rounds) {
            final String wrong = r.unexpected(flow);
            if (wrong != null) {
                throw new IllegalStateException(wrong);
            }
        }
    }

    private static void failIfFailed(final List<Round> rounds) {
        for (final Round r : rounds) {
            if (r.failure != null) {
                throw new IllegalStateException(r.failure);
            }
        }
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) {
        final long now = System.nanoTime();
        final LoadSession s = byId.get(sessionId);
        if (s != null && s.round() != null) {
            s.received(message, now);
        }
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        final LoadSession s = byId.get(sessionId);
        if (s != null) {
            s.connected(Session.lookupSession(sessionId));
        }
    }

    @Override
    public void onLogon(final SessionID sessionId) {
    }

    @Override
    public void onLogout(final SessionID sessionId) {
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
    }

    /** Logs out and disconnects. */
    @Override
    public void close() {
        initiator.stop(false);
    }
}
