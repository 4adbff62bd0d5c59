package exchange.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.Session;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks a Logon that asks for a sequence reset (ResetSeqNumFlag 141=Y) before QuickFIX/J sees it.
 * QuickFIX/J resets the session (both sequence numbers back to 1, the messages kept for the broker's
 * ResendRequests thrown away) as soon as it reads the flag, and only then asks the exchange whether
 * the Logon is taken: a stranger who knows a CompID could throw away the ExecutionReports waiting for
 * a broker and put its sequence numbers out of step without knowing its password.
 *
 * <p>So such a Logon, on a connection not yet logged on, is checked here first with the exchange's
 * own rules ({@link ExchangeApplication#logonRefusal}). A refused one gets a Logout with the reason,
 * numbered 1 as the broker asked (the session's own numbers and store are not touched), and the
 * connection is closed; a taken one goes on to QuickFIX/J. The password check costs tens of
 * milliseconds of CPU, so it runs on a small pool, not on MINA's I/O threads (which serve every
 * connection); meanwhile the connection's reads are suspended and anything more it sent is held and
 * passed on after the Logon, in order. Connections already logged on, and every other message, pass
 * straight through.
 */
public final class LogonResetGuard extends IoFilterAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogonResetGuard.class);
    private static final String HELD = LogonResetGuard.class.getName() + ".held";
    private static final String RESET_FLAG = "\u0001141=Y\u0001";
    private static final String LOGON_TYPE = "\u000135=A\u0001";

    private final ExchangeApplication application;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService checks = Executors.newFixedThreadPool(2, r -> {
        final Thread t = new Thread(r, "fix-logon-check-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** @param application the exchange's rules for a Logon */
    public LogonResetGuard(final ExchangeApplication application) {
        this.application = application;
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
            } else if (session.getAttribute(SessionConnector.QF_SESSION) == null && fix.contains(RESET_FLAG)
                && fix.contains(LOGON_TYPE)) {
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
                : application.logonRefusal(qf.getSessionID(), logon, session.getRemoteAddress());
            if (refusal != null) {
                session.removeAttribute(HELD);
                final String logout = logout(logon, refusal);
                qf.getLog().onIncoming(fix); // the session's message log has every message, these two included
                qf.getLog().onOutgoing(logout);
                session.write(logout);
                session.closeOnFlush();
                return;
            }
            if (qf != null) {
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
