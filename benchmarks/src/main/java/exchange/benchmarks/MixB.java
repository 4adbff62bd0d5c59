package exchange.benchmarks;

/**
 * The "mix-B" workload: mix-A with market structure (stops, icebergs, post-only orders, self-trade
 * prevention across eight firms); see {@link MixA}, which defines both.
 */
public final class MixB {
    /** The seed of the measured stream; warm-up uses another. */
    public static final long SEED = MixA.SEED + 2;

    private MixB() {
    }

    /**
     * @param seed  random seed
     * @param count number of commands
     * @return the stream, reproducible from its seed
     */
    public static Workload generate(final long seed, final int count) {
        return MixA.generate(seed, count, true);
    }
}
