package exchange.fix;

import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.BeginSeqNo;
import quickfix.field.HeartBtInt;
import quickfix.field.MsgType;
import quickfix.field.NewSeqNo;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QuickFIX/J application of the exchange's sessions. Logon: only configured CompID pairs reach
 * here (QuickFIX/J refuses the rest); Username (553) and Password (554) are checked against the
 * session's salted hash and a mismatch gets a Logout with a reason, as does a HeartBtInt (108) outside
 * 1 to 60 seconds. A ResendRequest whose BeginSeqNo (7) is not positive gets a session Reject (373=5),
 * and a SequenceReset more than a million ahead a Logout with the reason. A session that sends more
 * ResendRequests in a minute than its {@code MaxResendRequestsPerMinute} is logged out with a reason
 * ({@link MinuteLimit}). Application messages go by MsgType to {@link OrderEntry}; a type the
 * exchange does not take gets a BusinessMessageReject (j) from QuickFIX/J, and a drop-copy session may
 * not trade at all.
 */
public final class ExchangeApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeApplication.class);
    /** The Logout's Text for a Logon whose Username or Password does not match: which one is not said. */
    static final String WRONG_CREDENTIALS = "Invalid username or password";
    /**
     * The HeartBtInt (108) a Logon may ask for, in seconds. QuickFIX/J takes any value that is not
     * negative, and 0 turns its heartbeat timeout off: a client whose connection dies without a FIN
     * (a pulled cable, a NAT that forgets the flow) would then hold its session, and its open orders
     * under cancel on disconnect, for ever; a huge interval does the same for hours.
     */
    static final int MIN_HEART_BT_INT = 1;
    static final int MAX_HEART_BT_INT = 60;
    /** How far ahead of the expected MsgSeqNum a broker's SequenceReset (4) may set the next one. */
    static final int MAX_SEQUENCE_RESET_JUMP = 1_000_000;

    private volatile boolean open;
    private final FixSessions sessions;
    private final OrderEntry orderEntry;
    private final EpochNanoClock clock;
    private final SessionListener listener;
    private final FixObserver observer;
    private final Map<SessionID, MinuteLimit> resendLimits = new ConcurrentHashMap<>();
    private final Map<SessionID, Integer> nextSentWhenItLeft = new ConcurrentHashMap<>();

    /** Told when a session logs on or off: drop copy, operators. */
    public interface SessionListener {
        void onLogon(FixSession session);

        void onLogout(FixSession session);
    }

    public ExchangeApplication(final FixSessions sessions, final OrderEntry orderEntry, final EpochNanoClock clock,
                               final SessionListener listener) {
        this(sessions, orderEntry, clock, listener, FixObserver.NONE);
    }

    /** @param observer told of every message in and out and of each request's time to the journal */
    public ExchangeApplication(final FixSessions sessions, final OrderEntry orderEntry, final EpochNanoClock clock,
                               final SessionListener listener, final FixObserver observer) {
        this.sessions = sessions;
        this.orderEntry = orderEntry;
        this.clock = clock;
        this.listener = listener;
        this.observer = observer;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        LOG.debug("session {} created", sessionId);
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        final FixSession session = sessions.byId(sessionId);
        LOG.info("session {} logged on", sessionId);
        if (session != null) {
            listener.onLogon(session);
        }
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        rememberWhereItLeft(sessionId);
        final FixSession session = sessions.byId(sessionId);
        LOG.info("session {} logged out", sessionId);
        if (session == null) {
            return;
        }
        if (session.cancelOnDisconnect() && session.role() == SessionRole.ORDER_ENTRY) {
            orderEntry.cancelOnDisconnect(session);
            LOG.info("session {}: open orders cancelled on disconnect", sessionId);
        }
        listener.onLogout(session);
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        observer.messageSent(sessionId);
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, RejectLogon {
        observer.messageReceived(sessionId);
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.RESEND_REQUEST.equals(msgType)) {
            // BeginSeqNo is a SeqNum, positive: QuickFIX/J looks up every number of the range in the store
            // and keeps each one it does not find, so a range from minus two billion runs out of memory
            if (message.getInt(BeginSeqNo.FIELD) < 1) {
                throw new IncorrectTagValue(BeginSeqNo.FIELD);
            }
            limitResendRequests(sessionId);
            return;
        }
        if (MsgType.SEQUENCE_RESET.equals(msgType)) {
            limitSequenceReset(sessionId, message);
            return;
        }
        if (!MsgType.LOGON.equals(msgType)) {
            return;
        }
        final Session s = Session.lookupSession(sessionId);
        final String refusal = logonRefusal(sessionId, message, s == null ? "?" : s.getRemoteAddress());
        if (refusal != null) {
            throw new RejectLogon(refusal);
        }
    }

    /**
     * The exchange's own checks of a Logon (QuickFIX/J has checked the CompIDs and the message): the
     * exchange is open, HeartBtInt (108) is 1 to 60 seconds, Username (553) and Password (554) match the
     * session's. Each refusal is logged with the remote address.
     *
     * @param sessionId the session the Logon is for (the exchange's side first)
     * @param logon     the Logon
     * @param remote    where it came from, for the log
     * @return the reason to give in the Logout, or null when the Logon is taken
     * @throws FieldNotFound when HeartBtInt is missing
     */
    String logonRefusal(final SessionID sessionId, final Message logon, final Object remote) throws FieldNotFound {
        if (!open) {
            LOG.info("session {}: logon refused, the exchange is still starting", sessionId);
            return "The exchange is starting; log on again in a few seconds";
        }
        final int heartBtInt = logon.getInt(HeartBtInt.FIELD);
        if (heartBtInt < 0) {
            // QuickFIX/J's own answer (QFJ-648), which its acceptance script 'QFJ648_NegativeHeartBtInt' expects
            LOG.warn("session {}: logon refused, HeartBtInt {} (from {})", sessionId, heartBtInt, remote);
            return "HeartBtInt must not be negative";
        }
        if (heartBtInt < MIN_HEART_BT_INT || heartBtInt > MAX_HEART_BT_INT) {
            LOG.warn("session {}: logon refused, HeartBtInt {} (from {})", sessionId, heartBtInt, remote);
            return "HeartBtInt must be " + MIN_HEART_BT_INT + " to " + MAX_HEART_BT_INT + " seconds";
        }
        final FixSession session = sessions.byId(sessionId);
        if (session == null || session.passwordHash().isEmpty()) {
            return null;
        }
        final String username = logon.isSetField(553) ? logon.getString(553) : "";
        final String password = logon.isSetField(554) ? logon.getString(554) : "";
        if (!session.username().equals(username) || !Passwords.matches(password, session.passwordHash())) {
            LOG.warn("session {}: logon refused, wrong username or password (from {})", sessionId, remote);
            return WRONG_CREDENTIALS;
        }
        return null;
    }

    /**
     * Logs a session out, with the reason, when its SequenceReset (4) would take its next MsgSeqNum more
     * than {@link #MAX_SEQUENCE_RESET_JUMP} ahead. QuickFIX/J takes a SequenceReset by walking every number
     * from 1 to NewSeqNo (to drop queued messages it skips): NewSeqNo two billion keeps a core busy for
     * seconds, from one message; a broker's engine never has a million messages to skip.
     */
    private static void limitSequenceReset(final SessionID sessionId, final Message message)
        throws FieldNotFound, RejectLogon {
        final Session s = Session.lookupSession(sessionId);
        if (s == null || !message.isSetField(NewSeqNo.FIELD)) {
            return;
        }
        final int newSeqNo = message.getInt(NewSeqNo.FIELD);
        final int expected = s.getExpectedTargetNum();
        if ((long) newSeqNo - expected > MAX_SEQUENCE_RESET_JUMP) {
            LOG.warn("session {}: logged out, SequenceReset to {} while expecting {} (from {})", sessionId, newSeqNo,
                expected, s.getRemoteAddress());
            throw new RejectLogon("SequenceReset NewSeqNo " + newSeqNo + " is more than " + MAX_SEQUENCE_RESET_JUMP
                + " ahead of " + expected);
        }
    }

    /**
     * Counts a ResendRequest against the session's limit; one too many logs the session out before
     * QuickFIX/J resends anything. QuickFIX/J's way to end a session from this callback with a Logout
     * that gives the reason is {@link RejectLogon} (its name notwithstanding, it works for any message:
     * Logout with the text, then disconnect). The broker may log on again; a ResendRequest is admitted
     * again once its oldest counted one is a minute old.
     */
    private void limitResendRequests(final SessionID sessionId) throws RejectLogon {
        final FixSession session = sessions.byId(sessionId);
        if (session == null || session.resendRequestsPerMinute() == 0) {
            return;
        }
        final MinuteLimit limit = resendLimits.computeIfAbsent(sessionId,
            id -> new MinuteLimit(session.resendRequestsPerMinute()));
        if (!limit.admit(System.nanoTime())) {
            final Session s = Session.lookupSession(sessionId);
            LOG.warn("session {}: logged out, more than {} ResendRequests in a minute (from {})", sessionId,
                limit.limit(), s == null ? "?" : s.getRemoteAddress());
            throw new RejectLogon("Too many ResendRequests: at most " + limit.limit()
                + " a minute (MaxResendRequestsPerMinute)");
        }
    }

    /**
     * Remembers the number of the next message the exchange will send the session: called when it logs
     * out or its connection drops, and for every session at start.
     */
    void rememberWhereItLeft(final SessionID sessionId) {
        final Session s = Session.lookupSession(sessionId);
        if (s == null) {
            return;
        }
        try {
            nextSentWhenItLeft.put(sessionId, s.getStore().getNextSenderMsgSeqNum());
        } catch (final IOException e) {
            LOG.warn("session {}: its message store cannot be read", sessionId, e);
        }
    }

    /**
     * Told of a Logon with ResetSeqNumFlag=Y that the exchange takes, before QuickFIX/J resets the session:
     * both sides start again at 1 (FIX), so what the exchange sent while the broker was away, ExecutionReports
     * included, will not be resent. Says so in the log, with how many, for the operator asked about a
     * missing report.
     */
    void resetAsked(final SessionID sessionId) {
        final Session s = Session.lookupSession(sessionId);
        final Integer left = nextSentWhenItLeft.get(sessionId);
        if (s == null || left == null) {
            return;
        }
        try {
            final int next = s.getStore().getNextSenderMsgSeqNum();
            if (next > left) {
                final int n = next - left;
                LOG.warn("session {}: Logon with ResetSeqNumFlag=Y: {} message{} sent while it was away (MsgSeqNum {} to {}) "
                    + "will not be resent", sessionId, n, n == 1 ? "" : "s", left, next - 1);
            }
        } catch (final IOException e) {
            LOG.warn("session {}: its message store cannot be read", sessionId, e);
        }
    }

    /**
     * Lets sessions log on: called once the ExecutionReport sender knows the day's orders again (until
     * then a ClOrdID used earlier today could not be recognised).
     */
    public void open() {
        open = true;
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) throws DoNotSend {
        observer.messageSent(sessionId);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, UnsupportedMessageType {
        observer.messageReceived(sessionId);
        final FixSession session = sessions.byId(sessionId);
        final String type = message.getHeader().getString(MsgType.FIELD);
        if (session == null) {
            throw new UnsupportedMessageType();
        }
        if (session.role() == SessionRole.DROP_COPY) {
            rejectOnDropCopy(session, message, type);
            return;
        }
        final long now = clock.nanoTime();
        // The throttle's time: a monotonic clock, so that a wall clock set back (an NTP step) does not hold
        // a busy session over its rate until it is back where it was, nor one set forward let a burst through.
        final long arrivedNs = System.nanoTime();
        switch (type) {
            case MsgType.ORDER_SINGLE -> orderEntry.newOrder(session, message, arrivedNs);
            case MsgType.ORDER_CANCEL_REQUEST -> orderEntry.cancel(session, message, arrivedNs);
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> orderEntry.replace(session, message, arrivedNs);
            case MsgType.ORDER_STATUS_REQUEST -> orderEntry.status(session, message, arrivedNs);
            case MsgType.ORDER_MASS_CANCEL_REQUEST -> orderEntry.massCancel(session, message, arrivedNs);
            default -> throw new UnsupportedMessageType();
        }
        observer.requestHandled(now, clock.nanoTime());
    }

    /**
     * A drop-copy session may not trade: a BusinessMessageReject (j) that says so, reason 6 (not
     * authorized). A message the exchange takes from no session gets the answer every session gets.
     */
    private void rejectOnDropCopy(final FixSession session, final Message message, final String type)
        throws FieldNotFound, UnsupportedMessageType {
        switch (type) {
            case MsgType.ORDER_SINGLE, MsgType.ORDER_CANCEL_REQUEST, MsgType.ORDER_CANCEL_REPLACE_REQUEST,
                MsgType.ORDER_STATUS_REQUEST, MsgType.ORDER_MASS_CANCEL_REQUEST -> { }
            default -> throw new UnsupportedMessageType();
        }
        final Message reject = FixMessages.of(MsgType.BUSINESS_MESSAGE_REJECT);
        reject.setInt(45, message.getHeader().getInt(34)); // RefSeqNum
        reject.setString(372, type); // RefMsgType
        if (message.isSetField(11)) {
            reject.setString(379, message.getString(11)); // BusinessRejectRefID
        }
        // BusinessRejectReason 6, not authorized: the session may not, whenever it asks (4, application
        // not available, would say the exchange is down and invite a retry).
        reject.setInt(380, 6);
        reject.setString(58, "A drop-copy session may not send orders");
        sessions.send(session, reject);
    }
}
