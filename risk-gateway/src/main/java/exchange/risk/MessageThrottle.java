package exchange.risk;

/**
 * A sliding-window message throttle: at most {@code limit} messages admitted in any one second. It
 * keeps the admission times of the last {@code limit} admitted messages in a ring; a message is
 * admitted when fewer than {@code limit} have been, or when the oldest of the last {@code limit} was
 * admitted at least one second ago. So the window slides with every message (no fixed one-second
 * buckets whose edges let twice the rate through), and a refused message does not count against the
 * session.
 *
 * <p>Time is passed in ({@code nowNs}, any monotonic nanosecond clock such as {@link System#nanoTime()});
 * nothing here reads a clock. One session thread only. Never allocates; holds 12 bytes per message of
 * the limit.
 */
final class MessageThrottle {
    static final long WINDOW_NS = 1_000_000_000L;

    private final int limit;
    private final long[] admittedAtNs;
    /** Refusals counted when each admitted message went in, to say how many came since. */
    private final int[] refusedBefore;
    private int oldest;
    private int admitted;
    private int refused;
    private int lastRate;

    /** @param limit messages per second, 1 or more */
    MessageThrottle(final int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("messages per second must be 1 or more: " + limit);
        }
        this.limit = limit;
        this.admittedAtNs = new long[limit];
        this.refusedBefore = new int[limit];
    }

    int limit() {
        return limit;
    }

    /**
     * @param nowNs the message's arrival time
     * @return true when admitted, false when the session is over its rate
     */
    boolean tryAcquire(final long nowNs) {
        if (admitted < limit) {
            final int slot = oldest + admitted < limit ? oldest + admitted : oldest + admitted - limit;
            admittedAtNs[slot] = nowNs;
            refusedBefore[slot] = refused;
            admitted++;
            return true;
        }
        if (nowNs - admittedAtNs[oldest] >= WINDOW_NS) {
            admittedAtNs[oldest] = nowNs; // the oldest leaves the window, this one takes its slot
            refusedBefore[oldest] = refused;
            oldest = oldest + 1 == limit ? 0 : oldest + 1;
            return true;
        }
        refused++;
        // Every one of the last `limit` admitted messages, and every refusal since the oldest of them,
        // arrived within the last second: a lower bound of the rate the session is trying.
        lastRate = limit + (refused - refusedBefore[oldest]);
        return false;
    }

    /** @return messages in the last second, this one included, at the last refusal (at least limit + 1) */
    int lastRefusedRate() {
        return lastRate;
    }
}
