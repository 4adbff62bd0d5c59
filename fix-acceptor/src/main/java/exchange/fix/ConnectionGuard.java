package exchange.fix;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.mina.SessionConnector;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Protects the acceptor from connections that are not FIX sessions: QuickFIX/J's decoder keeps every
 * byte of a message it has not seen the end of (a BodyLength of a billion makes it wait for a
 * billion bytes), and a connection that never sends a Logon holds a socket for ever. This filter, in
 * front of QuickFIX/J's codec, closes a connection
 * <ul>
 *   <li>whose undecoded bytes (what the codec holds waiting for the rest of a message) pass a limit;</li>
 *   <li>that has not logged on to a configured session within a time after connecting.</li>
 * </ul>
 * Both are logged with the remote address, as is a connection whose TLS handshake fails. Sessions
 * that behave never notice it: it reads one attribute per received buffer.
 */
public final class ConnectionGuard extends IoFilterAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final int maxPendingBytes;
    private final long logonWaitMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread t = new Thread(r, "fix-connection-guard");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param maxPendingBytes  most bytes of an unfinished message a connection may have sent
     * @param logonWaitMillis  how long a new connection has to log on
     */
    public ConnectionGuard(final int maxPendingBytes, final long logonWaitMillis) {
        this.maxPendingBytes = maxPendingBytes;
        this.logonWaitMillis = logonWaitMillis;
    }

    @Override
    public void sessionOpened(final NextFilter next, final IoSession session) throws Exception {
        timer.schedule(() -> {
            if (session.isConnected() && session.getAttribute(SessionConnector.QF_SESSION) == null) {
                LOG.warn("closing connection from {}: no logon to a configured session within {} ms",
                    session.getRemoteAddress(), logonWaitMillis);
                session.closeNow();
            }
        }, logonWaitMillis, TimeUnit.MILLISECONDS);
        next.sessionOpened(session);
    }

    @Override
    public void messageReceived(final NextFilter next, final IoSession session, final Object message) throws Exception {
        if (message instanceof IoBuffer incoming) {
            final long pending = pendingBytes(session) + incoming.remaining();
            if (pending > maxPendingBytes) {
                LOG.warn("closing connection from {} ({}): {} bytes without the end of a FIX message (limit {})",
                    session.getRemoteAddress(), session.getAttribute(SessionConnector.QF_SESSION), pending, maxPendingBytes);
                incoming.position(incoming.limit());
                session.closeNow();
                return;
            }
        }
        next.messageReceived(session, message);
    }

    /**
     * A connection whose TLS fails (a client that does not speak TLS to a TLS session, or does not trust
     * its certificate) is logged with its remote address and the reason, one line. When no FIX session is
     * bound to the connection, this filter closes it and QuickFIX/J does not hear of it (it would log the
     * stack trace as an error, and there is nothing else to do for a connection without a session); with a
     * session bound, QuickFIX/J gets the exception and disconnects the session.
     */
    @Override
    public void exceptionCaught(final NextFilter next, final IoSession session, final Throwable cause) throws Exception {
        final Object fixSession = session.getAttribute(SessionConnector.QF_SESSION);
        final SSLException tls = tlsCause(cause);
        if (tls != null) {
            LOG.warn("connection from {}{}: TLS failed: {}", session.getRemoteAddress(),
                fixSession == null ? "" : " (" + fixSession + ")", tls.getMessage());
            if (fixSession == null) {
                session.closeOnFlush(); // what TLS still has to say (its alert) goes out first
                return;
            }
        }
        next.exceptionCaught(session, cause);
    }

    /** @return the TLS failure in an exception's chain of causes (the exception itself included), or null */
    public static SSLException tlsCause(final Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    /** What the codec holds of unfinished messages: its cumulative buffer, kept as a session attribute. */
    private static long pendingBytes(final IoSession session) {
        long pending = 0;
        for (final Object key : session.getAttributeKeys()) {
            if (session.getAttribute(key) instanceof IoBuffer buffer) {
                pending += buffer.remaining();
            }
        }
        return pending;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
