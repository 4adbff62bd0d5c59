package exchange.conformance;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.mina.core.service.IoAcceptor;
import org.apache.mina.core.service.IoService;
import org.apache.mina.core.service.IoServiceListener;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;

/**
 * A bare QuickFIX/J 2.3.2 acceptor on a free loopback port, with the session settings that the
 * QuickFIX/J acceptance scripts need (see the README.md of each quickfixj-acceptance folder): the
 * session ISLD->TW in FIX.4.2, FIX.4.4 and FIXT.1.1 (FIX 5.0), as QuickFIX/J's own acceptance server
 * has them. Its application rejects every application message with UnsupportedMessageType, and
 * counts them per session.
 *
 * <p>As a {@link ServerControl} it lets a runner wait until the previous script's connection is
 * really gone instead of guessing with a pause, and it applies {@code iSET_SESSION}. "Gone" needs
 * care: QuickFIX/J queues an END_OF_STREAM event when a socket closes and, when it handles it,
 * disconnects whatever connection the session has by then. A client that reconnects as soon as
 * it sees the close can have its new Logon dropped by the old connection's event. So the acceptor
 * is ready only when MINA has finished with every old socket (its sessionDestroyed comes after
 * the END_OF_STREAM event is queued), the event queue is empty, and every session is
 * disconnected, logged out and reset to sequence number 1.
 */
final class QuickFixAcceptor implements ServerControl, AutoCloseable {
    static final String SENDER_COMP_ID = AcceptanceDialect.SERVER_COMP_ID;
    static final String TARGET_COMP_ID = AcceptanceDialect.CLIENT_COMP_ID;

    /** The settings of every session, exactly as the acceptance scripts' READMEs list them. */
    static final Map<String, String> SESSION_SETTINGS = Map.ofEntries(
            Map.entry("ConnectionType", "acceptor"),
            Map.entry("SenderCompID", SENDER_COMP_ID),
            Map.entry("StartTime", "00:00:00"),
            Map.entry("EndTime", "00:00:00"),
            Map.entry("NonStopSession", "Y"),
            Map.entry("ResetOnDisconnect", "Y"),
            Map.entry("ResetOnLogon", "N"),
            Map.entry("ResetOnLogout", "N"),
            Map.entry("CheckLatency", "Y"),
            Map.entry("MaxLatency", "120"),
            Map.entry("CheckCompID", "Y"),
            Map.entry("ValidateSequenceNumbers", "Y"),
            Map.entry("RejectGarbledMessage", "N"),
            Map.entry("ResendRequestChunkSize", "0"),
            Map.entry("SendRedundantResendRequests", "N"),
            Map.entry("EnableLastMsgSeqNumProcessed", "N"),
            Map.entry("EnableNextExpectedMsgSeqNum", "N"),
            Map.entry("UseDataDictionary", "Y"),
            Map.entry("ValidateIncomingMessage", "Y"),
            Map.entry("ValidateUserDefinedFields", "Y"),
            Map.entry("AllowUnknownMsgFields", "N"),
            Map.entry("ValidateFieldsOutOfOrder", "Y"),
            Map.entry("ValidateFieldsHaveValues", "Y"),
            Map.entry("ValidateUnorderedGroupFields", "Y"),
            Map.entry("PersistMessages", "Y"),
            Map.entry("SocketAcceptAddress", "127.0.0.1"),
            Map.entry("SocketAcceptPort", "0"),
            Map.entry("SocketTcpNoDelay", "Y"));

    private static final long POLL_INTERVAL_NS = Duration.ofMillis(1).toNanos();

    private final SocketAcceptor acceptor;
    private final List<SessionID> sessionIds;
    private final Map<SessionID, AtomicInteger> applicationMessages = new ConcurrentHashMap<>();
    private final AtomicInteger openSockets = new AtomicInteger();
    private final int port;

    private QuickFixAcceptor(List<AcceptanceDialect> dialects, List<String> targetCompIds) throws ConfigError {
        SessionSettings settings = new SessionSettings();
        sessionIds = new ArrayList<>();
        for (AcceptanceDialect dialect : dialects) {
            for (String targetCompId : targetCompIds) {
                SessionID sessionId = dialect.session(targetCompId);
                SESSION_SETTINGS.forEach((key, value) -> settings.setString(sessionId, key, value));
                dialect.dictionarySettings.forEach((key, value) -> settings.setString(sessionId, key, value));
                settings.setString(sessionId, "BeginString", dialect.beginString);
                settings.setString(sessionId, "TargetCompID", targetCompId);
                sessionIds.add(sessionId);
                applicationMessages.put(sessionId, new AtomicInteger());
            }
        }
        acceptor = new SocketAcceptor(new RejectingApplication(applicationMessages), new MemoryStoreFactory(),
                settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
        acceptor.start();
        IoAcceptor endpoint = acceptor.getEndpoints().iterator().next();
        endpoint.addListener(new SocketCounter(openSockets));
        port = ((InetSocketAddress) endpoint.getLocalAddress()).getPort();
    }

    /** Starts an acceptor with the sessions ISLD->TW of FIX.4.2, FIX.4.4 and FIXT.1.1. */
    static QuickFixAcceptor start() throws ConfigError {
        return new QuickFixAcceptor(List.of(AcceptanceDialect.values()), List.of(TARGET_COMP_ID));
    }

    /** Starts an acceptor with a FIX.4.4 session ISLD->target for each target CompID. */
    static QuickFixAcceptor start(List<String> targetCompIds) throws ConfigError {
        return new QuickFixAcceptor(List.of(AcceptanceDialect.FIX44), targetCompIds);
    }

    int port() {
        return port;
    }

    /** How many application messages of a session reached the application (and were rejected). */
    int applicationMessages(SessionID sessionId) {
        return applicationMessages.get(sessionId).get();
    }

    /** A runner for this acceptor, waiting on it rather than pausing before connections. */
    ScriptRunner runner(RunOptions options) {
        return new ScriptRunner("127.0.0.1", port, options, this);
    }

    @Override
    public void awaitReadyForNewConnection(Duration timeout) throws TimeoutException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!allSessionsIdle()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new TimeoutException("sessions still busy: " + describeSessions());
            }
            LockSupport.parkNanos(POLL_INTERVAL_NS);
        }
    }

    private boolean allSessionsIdle() {
        if (openSockets.get() != 0 || acceptor.getQueueSize() != 0) {
            return false;
        }
        for (SessionID sessionId : sessionIds) {
            Session session = Session.lookupSession(sessionId);
            if (session.hasResponder() || session.isLoggedOn()
                    || session.getExpectedSenderNum() != 1 || session.getExpectedTargetNum() != 1) {
                return false;
            }
        }
        return true;
    }

    private String describeSessions() {
        StringBuilder description = new StringBuilder("open sockets=" + openSockets.get()
                + " queued events=" + acceptor.getQueueSize() + "; ");
        for (SessionID sessionId : sessionIds) {
            Session session = Session.lookupSession(sessionId);
            description.append(sessionId).append(" connected=").append(session.hasResponder())
                    .append(" loggedOn=").append(session.isLoggedOn())
                    .append(" nextSender=").append(session.getExpectedSenderNum())
                    .append(" nextTarget=").append(session.getExpectedTargetNum()).append("; ");
        }
        return description.toString();
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
    public void close() {
        acceptor.stop(true);
    }

    /** Counts the acceptor's sockets from creation to the end of MINA's handling of their close. */
    private static final class SocketCounter implements IoServiceListener {
        private final AtomicInteger openSockets;

        SocketCounter(AtomicInteger openSockets) {
            this.openSockets = openSockets;
        }

        @Override
        public void sessionCreated(IoSession session) {
            openSockets.incrementAndGet();
        }

        @Override
        public void sessionDestroyed(IoSession session) {
            openSockets.decrementAndGet();
        }

        @Override
        public void sessionClosed(IoSession session) {
        }

        @Override
        public void serviceActivated(IoService service) {
        }

        @Override
        public void serviceIdle(IoService service, IdleStatus idleStatus) {
        }

        @Override
        public void serviceDeactivated(IoService service) {
        }
    }

    /** Rejects every application message: the acceptance scripts never need one answered. */
    private static final class RejectingApplication implements Application {
        private final Map<SessionID, AtomicInteger> applicationMessages;

        RejectingApplication(Map<SessionID, AtomicInteger> applicationMessages) {
            this.applicationMessages = applicationMessages;
        }

        @Override
        public void fromApp(Message message, SessionID sessionId) throws UnsupportedMessageType {
            applicationMessages.get(sessionId).incrementAndGet();
            throw new UnsupportedMessageType();
        }

        @Override
        public void onCreate(SessionID sessionId) {
        }

        @Override
        public void onLogon(SessionID sessionId) {
        }

        @Override
        public void onLogout(SessionID sessionId) {
        }

        @Override
        public void toAdmin(Message message, SessionID sessionId) {
        }

        @Override
        public void fromAdmin(Message message, SessionID sessionId) {
        }

        @Override
        public void toApp(Message message, SessionID sessionId) {
        }
    }
}
