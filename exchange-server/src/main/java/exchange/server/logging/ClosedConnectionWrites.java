package exchange.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.mina.core.write.WriteToClosedSessionException;
import org.slf4j.Marker;

/**
 * Drops QuickFIX/J's error for a write to a connection that was already closed. Over TLS it comes with
 * every Logout: TLS's closing message is still queued when the connection closes, and QuickFIX/J's socket
 * handler logs that as an error with a stack trace (MINA has already taken the connection's filters
 * away, so no filter can keep it from the handler). Nothing was lost: the connection was over, and a
 * FIX message it could not carry waits in its session's store for a resend. Other errors, from
 * QuickFIX/J or anyone, pass.
 *
 * <p>In {@code logback.xml}: {@code <turboFilter class="exchange.server.logging.ClosedConnectionWrites"/>}.
 */
public final class ClosedConnectionWrites extends TurboFilter {
    private static final String QUICKFIX_SOCKETS = "quickfix.mina.";

    @Override
    public FilterReply decide(final Marker marker, final Logger logger, final Level level, final String format,
                              final Object[] params, final Throwable t) {
        if (t instanceof WriteToClosedSessionException && logger.getName().startsWith(QUICKFIX_SOCKETS)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
