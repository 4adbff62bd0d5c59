package exchange.marketdata.publisher;

import org.agrona.collections.Object2ObjectHashMap;

/**
 * A token bucket per requester, in messages: each requester may take {@code messagesPerSecond}, with
 * bursts up to one second's worth. Time is passed in.
 *
 * <p>At most {@code maxRequesters} are tracked; past that, every bucket is forgotten and refilled,
 * which bounds memory at the cost of letting a burst through. Single-threaded (the re-request server's
 * event loop).
 */
public final class RequesterRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long messagesPerSecond;
    private final int maxRequesters;
    private final Object2ObjectHashMap<Object, Bucket> buckets = new Object2ObjectHashMap<>();

    public RequesterRateLimiter(final long messagesPerSecond, final int maxRequesters) {
        this.messagesPerSecond = messagesPerSecond;
        this.maxRequesters = maxRequesters;
    }

    /**
     * Takes up to {@code wanted} messages from the requester's bucket.
     *
     * @return how many the requester may be sent now, from 0 to {@code wanted}.
     */
    public int acquire(final Object requester, final int wanted, final long nowNs) {
        Bucket bucket = buckets.get(requester);
        if (bucket == null) {
            if (buckets.size() >= maxRequesters) {
                buckets.clear();
            }
            bucket = new Bucket(messagesPerSecond, nowNs);
            buckets.put(requester, bucket);
        }
        final long elapsedNs = nowNs - bucket.lastRefillNs;
        if (elapsedNs > 0) {
            final long refill = Math.min(elapsedNs, NANOS_PER_SECOND) * messagesPerSecond / NANOS_PER_SECOND;
            if (refill > 0) {
                bucket.tokens = Math.min(messagesPerSecond, bucket.tokens + refill);
                bucket.lastRefillNs = nowNs;
            }
        }
        final int granted = (int)Math.min(wanted, bucket.tokens);
        bucket.tokens -= granted;
        return granted;
    }

    private static final class Bucket {
        long tokens;
        long lastRefillNs;

        Bucket(final long tokens, final long nowNs) {
            this.tokens = tokens;
            this.lastRefillNs = nowNs;
        }
    }
}
