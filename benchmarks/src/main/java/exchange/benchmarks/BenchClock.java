package exchange.benchmarks;

/**
 * Nanoseconds since the epoch from {@link System#nanoTime()} and one reading of the wall clock: cheap,
 * monotonic, and the same on every thread of the process, so a time stamp taken on one thread and a
 * reading on another subtract into a latency.
 */
final class BenchClock {
    private final long offsetNs = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    long epochNs() {
        return offsetNs + System.nanoTime();
    }
}
