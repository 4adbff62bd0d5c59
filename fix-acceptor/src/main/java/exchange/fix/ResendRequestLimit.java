package exchange.fix;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * How many ResendRequests (2) one session may send in a minute. QuickFIX/J answers each by reading the
 * asked-for range back from the session's store, parsing, stamping and sending every message again: a
 * request for the whole day costs the server seconds of CPU on a busy day, and a broken or hostile
 * engine asking again and again would take the cores from every other session. A broker recovering
 * from a gap asks once or a few times.
 *
 * <p>A sliding window: the times of the last {@code limit} admitted requests; one more is admitted
 * when the oldest of them is a minute old. One per session, used only on its QuickFIX/J thread.
 */
final class ResendRequestLimit {
    static final long WINDOW_NS = TimeUnit.MINUTES.toNanos(1);

    private final long[] admitted;
    private int oldest;

    /** @param limit requests a minute, at least 1 */
    ResendRequestLimit(final int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of at least 1 ResendRequest a minute: " + limit);
        }
        admitted = new long[limit];
        Arrays.fill(admitted, Long.MIN_VALUE);
    }

    /**
     * @param nowNs a monotonic time ({@link System#nanoTime()})
     * @return true when the request is within the limit (and counted), false when it is one too many
     */
    boolean admit(final long nowNs) {
        final long first = admitted[oldest];
        if (first != Long.MIN_VALUE && nowNs - first < WINDOW_NS) {
            return false;
        }
        admitted[oldest] = nowNs;
        oldest = (oldest + 1) % admitted.length;
        return true;
    }

    /** @return the most requests a minute */
    int limit() {
        return admitted.length;
    }
}
