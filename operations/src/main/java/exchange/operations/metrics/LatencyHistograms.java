package exchange.operations.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * One HdrHistogram per {@link LatencyStage}, from 1 ns to a minute at three significant digits.
 * Recording is wait-free and allocation-free from any number of threads (an HdrHistogram
 * {@link Recorder}); {@link #summaries()} moves what was recorded since the last call into a
 * histogram of everything since start and reads its percentiles.
 *
 * <p>{@link #record}: any thread, hot path. {@link #summaries()}: any thread, cold path (allocates).
 */
public final class LatencyHistograms {
    /** Longest latency kept; longer ones count as this. */
    public static final long HIGHEST_NS = 60_000_000_000L;

    private final Map<LatencyStage, Recorder> recorders = new EnumMap<>(LatencyStage.class);
    private final Map<LatencyStage, LongAdder> sums = new EnumMap<>(LatencyStage.class);
    private final Map<LatencyStage, Histogram> sinceStart = new EnumMap<>(LatencyStage.class);
    private final Map<LatencyStage, Histogram> intervals = new EnumMap<>(LatencyStage.class);

    /** Percentiles of one stage since start, in nanoseconds. */
    public record Summary(LatencyStage stage, long count, long sumNs, long p50Ns, long p90Ns, long p99Ns,
                          long p999Ns, long maxNs) {
    }

    public LatencyHistograms() {
        for (final LatencyStage stage : LatencyStage.values()) {
            recorders.put(stage, new Recorder(1, HIGHEST_NS, 3));
            sums.put(stage, new LongAdder());
            sinceStart.put(stage, new Histogram(1, HIGHEST_NS, 3));
        }
    }

    /**
     * Records one latency; a negative one (clocks of two threads a hair apart) counts as 0, a longer one
     * than {@link #HIGHEST_NS} as that.
     */
    public void record(final LatencyStage stage, final long nanos) {
        final long value = Math.min(Math.max(0, nanos), HIGHEST_NS);
        recorders.get(stage).recordValue(value);
        sums.get(stage).add(value);
    }

    /** @return each stage's percentiles since start, in stage order */
    public synchronized Summary[] summaries() {
        final Summary[] out = new Summary[LatencyStage.values().length];
        for (final LatencyStage stage : LatencyStage.values()) {
            final Histogram interval = recorders.get(stage).getIntervalHistogram(intervals.get(stage));
            intervals.put(stage, interval);
            final Histogram all = sinceStart.get(stage);
            all.add(interval);
            final long count = all.getTotalCount();
            out[stage.ordinal()] = new Summary(stage, count, sums.get(stage).sum(),
                count == 0 ? 0 : all.getValueAtPercentile(50), count == 0 ? 0 : all.getValueAtPercentile(90),
                count == 0 ? 0 : all.getValueAtPercentile(99), count == 0 ? 0 : all.getValueAtPercentile(99.9),
                count == 0 ? 0 : all.getMaxValue());
        }
        return out;
    }
}
