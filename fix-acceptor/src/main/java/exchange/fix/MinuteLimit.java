package exchange.fix;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} of something in any minute, a sliding window: the times of the last
 * {@code limit} counted ones; one more is counted when the oldest of them is a minute old.
 * <ul>
 *   <li>ResendRequests (2) of one session ({@code MaxResendRequestsPerMinute}). QuickFIX/J answers each by
 *       reading the asked-for range back from the session's store, parsing, stamping and sending every
 *       message again: a request for the whole day costs the server seconds of CPU on a busy day, and a
 *       broken or hostile engine asking again and again would take the cores from every other session.
 *       A broker recovering from a gap asks once or a few times.</li>
 *   <li>Logons refused for a wrong username or password from one address ({@code MaxFailedLogonsPerMinute},
 *       {@link FailedLogons}).</li>
 * </ul>
 * Not thread-safe: one thread at a time, or the caller's lock.
 */
final class MinuteLimit {
    static final long WINDOW_NS = TimeUnit.MINUTES.toNanos(1);

    private final long[] admitted;
    private int oldest;

    /** @param limit how many a minute, at least 1 */
    MinuteLimit(final int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of at least 1 a minute: " + limit);
        }
        admitted = new long[limit];
        Arrays.fill(admitted, Long.MIN_VALUE);
    }

    /**
     * @param nowNs a monotonic time ({@link System#nanoTime()})
     * @return true when one more is within the limit (and counted), false when it is one too many
     */
    boolean admit(final long nowNs) {
        if (full(nowNs)) {
            return false;
        }
        admitted[oldest] = nowNs;
        oldest = (oldest + 1) % admitted.length;
        return true;
    }

    /** @return true when one more now would be one too many (nothing is counted) */
    boolean full(final long nowNs) {
        final long first = admitted[oldest];
        return first != Long.MIN_VALUE && nowNs - first < WINDOW_NS;
    }

    /** @return nanoseconds until one more is within the limit again, 0 when it is now */
    long waitNs(final long nowNs) {
        return full(nowNs) ? admitted[oldest] + WINDOW_NS - nowNs : 0;
    }

    /** @return true when the newest counted one is a minute old or more: the window is empty */
    boolean idle(final long nowNs) {
        final long newest = admitted[(oldest + admitted.length - 1) % admitted.length];
        return newest == Long.MIN_VALUE || nowNs - newest >= WINDOW_NS;
    }

    /** @return the most a minute */
    int limit() {
        return admitted.length;
    }
}
