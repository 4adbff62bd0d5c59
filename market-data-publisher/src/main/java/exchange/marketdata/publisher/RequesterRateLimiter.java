package exchange.marketdata.publisher;

import org.agrona.collections.Object2ObjectHashMap;

/**
 * A token bucket per requester, in messages: each requester may take {@code messagesPerSecond}, with
 * bursts up to one second's worth; and one bucket for all requesters together, of
 * {@code totalMessagesPerSecond}. A requester is a UDP source address, which anyone can forge: without
 * the total, a flood of requests from ever new sources would each get a full bucket. Time is passed in.
 *
 * <p>At most {@code maxRequesters} are tracked; past that, every bucket is forgotten and refilled,
 * which bounds memory at the cost of letting a burst through. Single-threaded (the re-request server's
 * event loop).
 */
public final class RequesterRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long messagesPerSecond;
    private final long totalMessagesPerSecond;
    private final int maxRequesters;
    private final Object2ObjectHashMap<Object, Bucket> buckets = new Object2ObjectHashMap<>();
    private Bucket total;

    public RequesterRateLimiter(final long messagesPerSecond, final long totalMessagesPerSecond, final int maxRequesters) {
        this.messagesPerSecond = messagesPerSecond;
        this.totalMessagesPerSecond = totalMessagesPerSecond;
        this.maxRequesters = maxRequesters;
    }

    /**
     * Takes up to {@code wanted} messages from the requester's bucket.
     *
     * @return how many the requester may be sent now, from 0 to {@code wanted}: what both its own
     *     bucket and the total one hold.
     */
    public int acquire(final Object requester, final int wanted, final long nowNs) {
        if (total == null) {
            total = new Bucket(totalMessagesPerSecond, nowNs);
        }
        Bucket bucket = buckets.get(requester);
        if (bucket == null) {
            if (buckets.size() >= maxRequesters) {
                buckets.clear();
            }
            bucket = new Bucket(messagesPerSecond, nowNs);
            buckets.put(requester, bucket);
        }
        bucket.refill(messagesPerSecond, nowNs);
        total.refill(totalMessagesPerSecond, nowNs);
        final int granted = (int)Math.min(wanted, Math.min(bucket.tokens, total.tokens));
        bucket.tokens -= granted;
        total.tokens -= granted;
        return granted;
    }

    private static final class Bucket {
        long tokens;
        long lastRefillNs;

        Bucket(final long tokens, final long nowNs) {
            this.tokens = tokens;
            this.lastRefillNs = nowNs;
        }

        void refill(final long perSecond, final long nowNs) {
            final long elapsedNs = nowNs - lastRefillNs;
            if (elapsedNs > 0) {
                final long refill = Math.min(elapsedNs, NANOS_PER_SECOND) * perSecond / NANOS_PER_SECOND;
                if (refill > 0) {
                    tokens = Math.min(perSecond, tokens + refill);
                    lastRefillNs = nowNs;
                }
            }
        }
    }
}
