package exchange.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldException;
import quickfix.FieldNotFound;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.BeginString;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;
import quickfix.field.Text;
import quickfix.mina.SessionConnector;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks every Logon on a connection not yet logged on before QuickFIX/J sees it, with the exchange's
 * own rules ({@link ExchangeApplication#logonRefusal}: exchange open, HeartBtInt, Username and
 * Password). QuickFIX/J would act on a Logon before asking the exchange:
 * <ul>
 *   <li>with ResetSeqNumFlag 141=Y it resets the session (both sequence numbers back to 1, the messages
 *       kept for the broker's ResendRequests thrown away);</li>
 *   <li>at a MsgSeqNum below the expected one it answers "MsgSeqNum too low, expecting N", telling the
 *       expected number to anyone who knows the CompID;</li>
 *   <li>at the expected MsgSeqNum it counts the refused Logon, so that the broker's own next Logon, at
 *       that number, is then "too low".</li>
 * </ul>
 * So a stranger who knew a CompID could throw away the ExecutionReports waiting for a broker, or put its
 * sequence numbers out of step, without knowing its password.
 *
 * <p>A refused Logon gets a Logout with the reason, numbered 1 and outside the session's sequence (it is
 * not stored, and the session's numbers and store are not touched), and the connection is closed; a
 * taken one goes on to QuickFIX/J, which checks it again as before. The password check costs tens of
 * milliseconds of CPU, so it runs on a small pool, not on MINA's I/O threads (which serve every
 * connection); meanwhile the connection's reads are suspended and anything more it sent is held and
 * passed on after the Logon, in order. Connections already logged on, and every other message, pass
 * straight through. An address that has failed the password check {@code MaxFailedLogonsPerMinute}
 * times in a minute is refused without a check ({@link FailedLogons}), so a password guesser can neither
 * try on nor keep this pool busy.
 */
public final class LogonGuard extends IoFilterAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogonGuard.class);
    private static final String HELD = LogonGuard.class.getName() + ".held";
    private static final String RESET_FLAG = "\u0001141=Y\u0001";
    private static final String LOGON_TYPE = "\u000135=A\u0001";

    private final ExchangeApplication application;
    private final FailedLogons failedLogons;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService checks = Executors.newFixedThreadPool(2, r -> {
        final Thread t = new Thread(r, "fix-logon-check-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * @param application  the exchange's rules for a Logon
     * @param failedLogons Logons refused for their username or password, by address
     */
    LogonGuard(final ExchangeApplication application, final FailedLogons failedLogons) {
        this.application = application;
        this.failedLogons = failedLogons;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void messageReceived(final NextFilter next, final IoSession session, final Object message) throws Exception {
        if (message instanceof String fix) {
            final List<String> held = (List<String>) session.getAttribute(HELD);
            if (held != null) {
                synchronized (held) {
                    if (session.getAttribute(HELD) == held) {
                        held.add(fix);
                        return;
                    }
                }
            } else if (session.getAttribute(SessionConnector.QF_SESSION) == null && fix.contains(LOGON_TYPE)) {
                final List<String> hold = new ArrayList<>();
                session.setAttribute(HELD, hold);
                session.suspendRead();
                checks.execute(() -> check(next, session, fix, hold));
                return;
            }
        }
        next.messageReceived(session, message);
    }

    private void check(final NextFilter next, final IoSession session, final String fix, final List<String> held) {
        try {
            if (!session.isConnected()) {
                return;
            }
            final Message logon = parse(fix);
            final Session qf = logon == null ? null : Session.lookupSession(MessageUtils.getReverseSessionID(logon));
            // an unreadable message, an unknown session, a Logon without HeartBtInt: QuickFIX/J refuses them
            // without a reset
            final String refusal = qf == null || !logon.isSetField(108) ? null
                : refusal(qf.getSessionID(), logon, session.getRemoteAddress());
            if (refusal != null) {
                session.removeAttribute(HELD);
                final String logout = logout(logon, refusal);
                qf.getLog().onIncoming(fix); // the session's message log has every message, these two included
                qf.getLog().onOutgoing(logout);
                session.write(logout);
                session.closeOnFlush();
                return;
            }
            if (qf != null && fix.contains(RESET_FLAG)) {
                application.resetAsked(qf.getSessionID());
            }
            next.messageReceived(session, fix);
            synchronized (held) {
                for (final String m : held) {
                    next.messageReceived(session, m);
                }
                session.removeAttribute(HELD);
            }
            session.resumeRead();
        } catch (final RuntimeException | FieldNotFound e) {
            LOG.warn("closing connection from {}: its Logon could not be checked", session.getRemoteAddress(), e);
            session.closeNow();
        }
    }

    /**
     * The exchange's refusal; none for a Logon it cannot read (a HeartBtInt that is no number): QuickFIX/J
     * answers. From an address that has failed {@code MaxFailedLogonsPerMinute} times in the last minute,
     * a refusal without any check (and without the password hash's cost).
     */
    private String refusal(final SessionID sessionId, final Message logon, final Object remote) throws FieldNotFound {
        final String address = FailedLogons.address(remote);
        final long waitNs = failedLogons.lockedOutNs(address);
        if (waitNs > 0) {
            final long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNs + TimeUnit.SECONDS.toNanos(1) - 1));
            LOG.warn("session {}: logon refused unchecked, {} failed logons from {} in the last minute", sessionId,
                failedLogons.perMinute(), remote);
            return "Too many failed logons from " + address + ": at most " + failedLogons.perMinute()
                + " a minute (MaxFailedLogonsPerMinute); try again in " + seconds + " s";
        }
        try {
            final String refusal = application.logonRefusal(sessionId, logon, remote);
            if (ExchangeApplication.WRONG_CREDENTIALS.equals(refusal)) {
                failedLogons.failed(address);
            }
            return refusal;
        } catch (final FieldException e) {
            return null;
        }
    }

    private static Message parse(final String fix) {
        try {
            return new Message(fix, false);
        } catch (final InvalidMessage e) {
            return null;
        }
    }

    private static String logout(final Message logon, final String reason) throws FieldNotFound {
        final Message logout = new Message();
        final Message.Header header = logout.getHeader();
        header.setString(BeginString.FIELD, logon.getHeader().getString(BeginString.FIELD));
        header.setString(MsgType.FIELD, MsgType.LOGOUT);
        header.setInt(MsgSeqNum.FIELD, 1);
        header.setString(SenderCompID.FIELD, logon.getHeader().getString(TargetCompID.FIELD));
        header.setString(TargetCompID.FIELD, logon.getHeader().getString(SenderCompID.FIELD));
        header.setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC), true);
        logout.setString(Text.FIELD, reason);
        return logout.toString();
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
