package exchange.marketdata.transport;

import org.slf4j.Logger;

/**
 * Logs at most one line per interval, and says how many were held back: for conditions a remote
 * party can cause at any rate (malformed packets, refused requests), which must be visible but must
 * not flood the log. Thread-safe; for the edges, not the hot path (arguments are boxed).
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNs;
    private long nextLogNs = Long.MIN_VALUE;
    private long suppressed;

    public RateLimitedLog(final Logger logger, final long intervalNs) {
        this.logger = logger;
        this.intervalNs = intervalNs;
    }

    /** Logs a warning unless one was logged less than an interval ago. */
    public void warn(final String format, final Object... arguments) {
        final long held;
        synchronized (this) {
            final long nowNs = System.nanoTime();
            if (nextLogNs != Long.MIN_VALUE && nowNs - nextLogNs < 0) {
                suppressed++;
                return;
            }
            nextLogNs = nowNs + intervalNs;
            held = suppressed;
            suppressed = 0;
        }
        if (held > 0) {
            logger.warn(format + " (and " + held + " similar lines held back)", arguments);
        } else {
            logger.warn(format, arguments);
        }
    }
}
