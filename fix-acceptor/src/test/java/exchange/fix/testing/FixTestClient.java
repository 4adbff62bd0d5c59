package exchange.fix.testing;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.MemoryStoreFactory;
import quickfix.MessageStoreFactory;
import quickfix.RejectLogon;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A broker's FIX engine for tests: a real QuickFIX/J initiator over TCP that logs on with a username
 * and password, sends messages, and queues every application message it receives (and each Logout
 * text) for the test to take in order.
 */
public final class FixTestClient implements Application, AutoCloseable {
    private final SocketInitiator initiator;
    private final SessionID sessionId;
    private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> logouts = new LinkedBlockingQueue<>();
    private final List<Message> all = new ArrayList<>();
    private final String username;
    private final String password;
    private volatile boolean loggedOn;

    private volatile boolean possDupNext;
    private final List<String> rejectsSent = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** How to connect. */
    public record Options(String beginString, String senderCompId, String targetCompId, int port, String username,
                          String password, Path storeDir) {
        public Options withCredentials(final String user, final String pass) {
            return new Options(beginString, senderCompId, targetCompId, port, user, pass, storeDir);
        }
    }

    private FixTestClient(final Options o) throws ConfigError {
        this.username = o.username();
        this.password = o.password();
        final SessionSettings settings = new SessionSettings();
        final boolean fixt = "FIXT.1.1".equals(o.beginString());
        sessionId = new SessionID(o.beginString(), o.senderCompId(), o.targetCompId());
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", o.port());
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("ResetOnLogon", "N");
        // As strict as a broker's engine out of the box for every standard field the exchange sends. But
        // QuickFIX/J caches one DataDictionary per file for the whole JVM, shared by this client and the
        // exchange in the same test: user-defined tags (5000 and up) must pass here as they do at the
        // exchange, which reads SelfTradePrevention (8000) from orders (it sends none).
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("AllowUnknownMsgFields", "N");
        if (fixt) {
            settings.setString(sessionId, "DefaultApplVerID", "FIX.5.0SP2");
            settings.setString(sessionId, "TransportDataDictionary", "FIXT11.xml");
            settings.setString(sessionId, "AppDataDictionary", "FIX50SP2.xml");
        } else {
            settings.setString(sessionId, "DataDictionary", o.beginString().replace(".", "") + ".xml");
        }
        settings.setString(sessionId, "BeginString", o.beginString());
        settings.setString(sessionId, "SenderCompID", o.senderCompId());
        settings.setString(sessionId, "TargetCompID", o.targetCompId());
        final MessageStoreFactory store;
        if (o.storeDir() != null) {
            settings.setString("FileStorePath", o.storeDir().toString());
            store = new FileStoreFactory(settings);
        } else {
            store = new MemoryStoreFactory();
        }
        initiator = new SocketInitiator(this, store, settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
    }

    /**
     * Starts the initiator; it logs on (and keeps reconnecting) by itself.
     */
    public static FixTestClient start(final Options options) {
        try {
            final FixTestClient client = new FixTestClient(options);
            client.initiator.start();
            return client;
        } catch (final ConfigError e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return true once logged on */
    public boolean awaitLogon(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!loggedOn && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return loggedOn;
    }

    public boolean isLoggedOn() {
        return loggedOn;
    }

    public SessionID sessionId() {
        return sessionId;
    }

    /** Sends an application message. */
    public void send(final Message message) {
        try {
            Session.sendToTarget(message, sessionId);
        } catch (final SessionNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the next application message received, of any type
     * @throws AssertionError when none came in time
     */
    public Message next(final Duration timeout) throws InterruptedException {
        final Message m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + timeout + " on " + sessionId);
        }
        return m;
    }

    /** @return the next message, which must be of this type */
    public Message next(final String msgType, final Duration timeout) throws InterruptedException, FieldNotFound {
        final Message m = next(timeout);
        if (!msgType.equals(m.getHeader().getString(MsgType.FIELD))) {
            throw new AssertionError("expected a " + msgType + " but received " + m);
        }
        return m;
    }

    /**
     * Sends a cancel or replace of a live order and checks the OrderCancelReject it gets: the order
     * stays as it was, so the answer carries its OrderID and OrdStatus and CxlRejReason 99 (other).
     *
     * @return the reject
     */
    public Message refusedAsLive(final Message request, final String orderId, final char ordStatus, final String text,
                                 final Duration timeout) throws InterruptedException, FieldNotFound {
        send(request);
        return nextRefusedAsLive(orderId, ordStatus, "F".equals(request.getHeader().getString(MsgType.FIELD)) ? '1' : '2',
            text, timeout);
    }

    /**
     * Takes the next OrderCancelReject and checks it refuses a request about a live order: its OrderID and
     * OrdStatus, CxlRejReason 99 (other), CxlRejResponseTo and Text.
     *
     * @param responseTo 1 for a cancel, 2 for a replace
     * @return the reject
     */
    public Message nextRefusedAsLive(final String orderId, final char ordStatus, final char responseTo, final String text,
                                     final Duration timeout) throws InterruptedException, FieldNotFound {
        final Message reject = next("9", timeout);
        final String what = "reject " + reject;
        assertEquals(what, orderId, reject.getString(37));
        assertEquals(what, ordStatus, reject.getChar(39));
        assertEquals(what, 99, reject.getInt(102));
        assertEquals(what, responseTo, reject.getChar(434));
        assertEquals(what, text, reject.getString(58));
        return reject;
    }

    private static void assertEquals(final String what, final Object expected, final Object actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + " but was " + actual + " in the " + what);
        }
    }

    /**
     * For an assertion that nothing comes: a message that does arrive is taken off the queue, so a test that
     * goes on receiving after a false answer has lost it.
     *
     * @return nothing arrived within the time
     */
    public boolean nothingWithin(final Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /** @return the Text of the next Logout received, or null */
    public String nextLogoutText(final Duration timeout) throws InterruptedException {
        return logouts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return how many application messages are waiting */
    public int pending() {
        return received.size();
    }

    /** Logs out and stops. */
    @Override
    public void close() {
        initiator.stop(true);
        if (!rejectsSent.isEmpty()) {
            throw new AssertionError("the client's data dictionary refused messages of the exchange: " + rejectsSent);
        }
    }

    @Override
    public void onCreate(final SessionID sessionId) {
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        loggedOn = true;
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        loggedOn = false;
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        try {
            final String type = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.LOGON.equals(type) && username != null) {
                message.setString(553, username);
                message.setString(554, password);
            }
            if (MsgType.REJECT.equals(type) || MsgType.BUSINESS_MESSAGE_REJECT.equals(type)) {
                rejectsSent.add(message.toString());
            }
        } catch (final FieldNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws RejectLogon, FieldNotFound {
        if (MsgType.LOGOUT.equals(message.getHeader().getString(MsgType.FIELD))) {
            logouts.add(message.isSetField(58) ? message.getString(58) : "");
        }
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        if (possDupNext) {
            possDupNext = false;
            message.getHeader().setBoolean(43, true);
            // the original sending time is earlier than this sending, which QuickFIX/J has stamped by now:
            // a later one is refused with a session Reject (OrigSendingTime after SendingTime)
            message.getHeader().setUtcTimeStamp(122,
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1));
        }
    }

    /**
     * Sends an application message as a possible duplicate (PossDupFlag 43=Y, OrigSendingTime 122), as
     * an engine does when it resends: QuickFIX/J's {@code send} clears both, so they go on in toApp.
     */
    public synchronized void sendAsPossibleDuplicate(final Message message) {
        possDupNext = true;
        send(message);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) {
        synchronized (all) {
            all.add(message);
        }
        received.add(message);
    }

    /**
     * @return the Reject (3) and BusinessMessageReject (j) messages this client sent: what its
     *         dictionary found wrong in the exchange's messages; empty when the exchange is correct
     */
    public List<String> rejectsSent() {
        return List.copyOf(rejectsSent);
    }

    /** @return every application message received so far, in order */
    public List<Message> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}
