package exchange.conformance;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import exchange.fix.FixSession;
import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.matching.command.SetPhaseCommand;
import exchange.fix.SessionRole;
import exchange.sequencer.EventLog;
import exchange.sequencer.NoonZone;
import exchange.sequencer.PositionStore;
import exchange.sequencer.TradingSchedule;
import exchange.server.ExchangeConfig;
import exchange.server.ExchangeServer;
import quickfix.Session;
import quickfix.SessionID;

/**
 * The real exchange, started in this JVM from the repository's {@code config/conformance} (read in
 * place) with its data in a temporary folder and its FIX acceptor on a free port: what
 * {@code bin/exchange --config config/conformance} runs, minus the process.
 *
 * <p>The schedule's time zone is moved so that the exchange's local time is about noon whenever the
 * tests run: the trading day cannot end, and Day orders cannot expire, in the middle of a run.
 *
 * <p>As a {@link ServerControl} it makes runs deterministic: before a script's first connection it
 * waits until every earlier connection is closed and handled by its session (logged out, reset where
 * the session resets on disconnect, its message dispatcher thread gone), until the matching thread has
 * applied every command, and
 * until the ExecutionReport sender and the drop-copy feeds have sent everything the event log holds,
 * the cancels on disconnect of the previous script's orders included. So nothing a script caused can
 * reach the next one.
 */
final class ExchangeUnderTest implements ServerControl, AutoCloseable {
    private static final long POLL_INTERVAL_NS = Duration.ofMillis(1).toNanos();
    /** How QuickFIX/J's ThreadedSocketAcceptor names the thread that handles one session's messages. */
    private static final String SESSION_DISPATCHER = "QF/J Session dispatcher: ";

    private final ExchangeServer server;
    private final List<PositionStore> consumerPositions = new ArrayList<>();

    private ExchangeUnderTest(ExchangeServer server, Path dataDir) {
        this.server = server;
        Path positions = dataDir.resolve("positions");
        consumerPositions.add(new PositionStore(positions, "execution-reports", false));
        for (FixSession session : server.fix().sessions().all()) {
            if (session.role() == SessionRole.DROP_COPY) {
                consumerPositions.add(new PositionStore(positions, "drop-copy-" + session.number(), false));
            }
        }
    }

    /**
     * Starts the exchange of a configuration folder.
     *
     * @param configDir the configuration, e.g. the repository's {@code config/conformance}
     * @param dataDir   an empty folder for its journals, stores and positions
     */
    static ExchangeUnderTest start(Path configDir, Path dataDir) {
        ExchangeServer server = ExchangeServer.start(ExchangeConfig.load(configDir, Map.of(
                ExchangeConfig.DATA_DIR, dataDir.toString(),
                ExchangeConfig.FIX_PORT, "0",
                "exchange.admin.port", "0",
                TradingSchedule.ZONE, NoonZone.now().getId())));
        return new ExchangeUnderTest(server, dataDir);
    }

    ExchangeServer server() {
        return server;
    }

    int port() {
        return server.fixPort();
    }

    /** A runner for the exchange, waiting on it rather than pausing before connections. */
    ScriptRunner runner(RunOptions options) {
        return runner(options, this);
    }

    /** A runner for the exchange that waits with the given control, e.g. {@link #forSession}. */
    ScriptRunner runner(RunOptions options, ServerControl control) {
        InetSocketAddress address = server.fix().addresses().get(0);
        return new ScriptRunner("127.0.0.1", address.getPort(), options, control);
    }

    @Override
    public void awaitReadyForNewConnection(Duration timeout) throws TimeoutException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        String busy;
        while ((busy = busy()) != null) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new TimeoutException("the exchange is still busy: " + busy);
            }
            LockSupport.parkNanos(POLL_INTERVAL_NS);
        }
    }

    /**
     * A control that waits for one session only: until it is disconnected, logged out, reset where it
     * resets on disconnect, and its message dispatcher thread is gone. For scripts that talk to that session
     * alone and send no order, played while scripts of other sessions are under way; what other sessions
     * and the rest of the exchange do is not waited for.
     */
    ServerControl forSession(SessionID sessionId) {
        ExchangeUnderTest exchange = this;
        return new ServerControl() {
            @Override
            public void awaitReadyForNewConnection(Duration timeout) throws TimeoutException {
                long deadlineNs = System.nanoTime() + timeout.toNanos();
                String busy;
                while ((busy = busy(sessionId)) != null) {
                    if (System.nanoTime() - deadlineNs > 0) {
                        throw new TimeoutException(sessionId + " is still busy: " + busy);
                    }
                    LockSupport.parkNanos(POLL_INTERVAL_NS);
                }
            }

            @Override
            public void setSession(String id, String setting, String value) {
                exchange.setSession(id, setting, value);
            }
        };
    }

    /** What one session is still doing about earlier connections, or {@code null} when nothing. */
    private static String busy(SessionID sessionId) {
        Session session = Session.lookupSession(sessionId);
        if (session.hasResponder() || session.isLoggedOn()) {
            return "still connected";
        }
        if (session.getResetOnDisconnect() && (session.getExpectedSenderNum() != 1 || session.getExpectedTargetNum() != 1)) {
            return "not reset yet";
        }
        String dispatcher = SESSION_DISPATCHER + sessionId;
        for (Thread thread : liveThreads()) {
            if (thread.getName().equals(dispatcher)) {
                return dispatcher + " still running";
            }
        }
        return null;
    }

    /** What the exchange is still doing about earlier connections, or {@code null} when nothing. */
    private String busy() {
        if (server.fix().openConnections() != 0) {
            return server.fix().openConnections() + " connections open";
        }
        if (server.fix().queuedEvents() != 0) {
            return server.fix().queuedEvents() + " QuickFIX/J events queued";
        }
        String dispatcher = liveSessionDispatcher();
        if (dispatcher != null) {
            return dispatcher + " still running";
        }
        for (FixSession fixSession : server.fix().sessions().all()) {
            Session session = Session.lookupSession(fixSession.sessionId());
            if (session.hasResponder() || session.isLoggedOn()) {
                return fixSession.sessionId() + " still connected";
            }
            if (session.getResetOnDisconnect()
                    && (session.getExpectedSenderNum() != 1 || session.getExpectedTargetNum() != 1)) {
                return fixSession.sessionId() + " not reset yet";
            }
        }
        if (server.sequencer().appliedSequence() < server.sequencer().commands().lastSequence()) {
            return "commands not applied yet";
        }
        if (server.fix().sender().liveOrders() != 0) {
            return server.fix().sender().liveOrders() + " orders live (not cancelled on disconnect yet)";
        }
        EventLog.End end = server.sequencer().eventLog().lastEntry();
        for (PositionStore store : consumerPositions) {
            PositionStore.Position position = store.load();
            if (!end.equals(EventLog.End.EMPTY) && (position.commandSequence() != end.commandSequence()
                    || position.eventIndex() != end.nextEventIndex() - 1)) {
                return "a report sender behind the event log";
            }
        }
        return null;
    }

    /**
     * The name of a QuickFIX/J session dispatcher thread still alive, or {@code null}. With no connection
     * open there should be none: each ends once it has handled its connection's end of stream. One that
     * is ending can still take a new connection's message into its queue and never handle it
     * (QuickFIX/J 2.3.2's ThreadPerSessionEventHandlingStrategy), so a script must not connect before
     * it is gone.
     */
    private static String liveSessionDispatcher() {
        for (Thread thread : liveThreads()) {
            if (thread.getName().startsWith(SESSION_DISPATCHER)) {
                return thread.getName();
            }
        }
        return null;
    }

    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        List<Thread> live = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (threads[i].isAlive()) {
                live.add(threads[i]);
            }
        }
        return live;
    }

    @Override
    public void setSession(String sessionId, String setting, String value) {
        Session session = Session.lookupSession(new SessionID(sessionId));
        if (session == null) {
            throw new IllegalArgumentException("no session " + sessionId);
        }
        try {
            switch (setting) {
                case "NEXTSENDERSEQNUM" -> session.setNextSenderMsgSeqNum(Integer.parseInt(value));
                case "NEXTTARGETSEQNUM" -> session.setNextTargetMsgSeqNum(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown setting " + setting);
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot set " + setting + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setPhase(String symbol, String phase) {
        Instrument instrument = server.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instrument " + symbol));
        TradingPhase to;
        try {
            to = TradingPhase.valueOf(phase);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no trading phase " + phase + " (" + java.util.Arrays.toString(
                    TradingPhase.values()) + ")");
        }
        server.sequencer().commands().append((buffer, offset) -> {
            SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset);
            c.init().instrumentId(instrument.id());
            c.phase(to);
            return c.length();
        });
    }

    @Override
    public void close() {
        consumerPositions.forEach(PositionStore::close);
        server.close();
    }
}
