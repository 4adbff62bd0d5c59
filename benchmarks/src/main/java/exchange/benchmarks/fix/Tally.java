package exchange.benchmarks.fix;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One target's figures over the rounds of a run: each round's throughput at each window, and the latencies of
 * all. Its throughput is that of its best window: the highest median of the rounds.
 */
final class Tally {
    final String name;
    final int reportsPerOrder;
    private final Map<Integer, Bursts> byWindow = new LinkedHashMap<>();
    final Histogram latency = new Histogram(Round.LONGEST_NS, 3);
    final Histogram sendLag = new Histogram(Round.LONGEST_NS, 3);
    long latencyOrders;
    long latencyReports;
    /** Warm-up turns taken before the rounds. */
    int warmUpTurns;

    Tally(final String name, final int reportsPerOrder) {
        this.name = name;
        this.reportsPerOrder = reportsPerOrder;
    }

    void add(final int window, final OrderLoad.Burst burst, final CpuMeter.Usage cpu) {
        byWindow.computeIfAbsent(window, w -> new Bursts()).add(burst, cpu);
    }

    void add(final OrderLoad.FixedRate fixed) {
        latency.add(fixed.latency());
        sendLag.add(fixed.sendLag());
        latencyOrders += fixed.orders();
        latencyReports += fixed.reports();
    }

    /** @return the window whose rounds' median throughput is highest (the smaller of two that tie) */
    int bestWindow() {
        int best = 0;
        double bestMedian = -1;
        for (final Map.Entry<Integer, Bursts> e : byWindow.entrySet()) {
            final double median = e.getValue().medianOrdersPerSecond();
            if (median > bestMedian || (median == bestMedian && e.getKey() < best)) {
                best = e.getKey();
                bestMedian = median;
            }
        }
        return best;
    }

    /** The bursts at {@code window}. */
    Bursts at(final int window) {
        return byWindow.get(window);
    }

    /** The bursts at the best window: the target's throughput and the CPU it took. */
    Bursts best() {
        return byWindow.get(bestWindow());
    }

    /** @return each window's median throughput, in the order measured: "32:33628 128:36072" */
    String mediansByWindow() {
        final StringBuilder s = new StringBuilder();
        byWindow.forEach((window, bursts) -> s.append(s.length() == 0 ? "" : " ")
            .append(String.format(Locale.ROOT, "%d:%.0f", window, bursts.medianOrdersPerSecond())));
        return s.toString();
    }

    /** The throughput bursts at one window, over the rounds. */
    static final class Bursts {
        final List<Double> ordersPerSecond = new ArrayList<>();
        final Map<String, Long> cpuByKindNs = new HashMap<>();
        final Map<String, Long> allocatedByKind = new HashMap<>();
        long cpuNs;
        long allocatedBytes;
        long orders;
        long reports;

        void add(final OrderLoad.Burst burst, final CpuMeter.Usage cpu) {
            ordersPerSecond.add(burst.ordersPerSecond());
            orders += burst.orders();
            reports += burst.reports();
            cpuNs += cpu.totalNs();
            cpu.byKindNs().forEach((kind, ns) -> cpuByKindNs.merge(kind, ns, Long::sum));
            allocatedBytes += cpu.allocatedBytes();
            cpu.allocatedByKind().forEach((kind, bytes) -> allocatedByKind.merge(kind, bytes, Long::sum));
        }

        /** @return the median of the rounds' throughputs */
        double medianOrdersPerSecond() {
            final List<Double> sorted = new ArrayList<>(ordersPerSecond);
            sorted.sort(null);
            final int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        /** @return CPU time of the whole process per order in the bursts, microseconds */
        double cpuMicrosPerOrder() {
            return cpuNs / 1e3 / orders;
        }

        /** @return CPU time per order in the bursts by kind of thread, most first: "execution-reports 12.3, ..." */
        String cpuByKind() {
            return CpuMeter.describe(cpuByKindNs, orders, 1e3);
        }

        /** @return heap allocated per order in the bursts, bytes */
        long allocatedBytesPerOrder() {
            return allocatedBytes / orders;
        }

        /** @return heap allocated per order in the bursts by kind of thread, most first */
        String allocatedByKind() {
            return CpuMeter.describe(allocatedByKind, orders, 1);
        }

        /** @return each round's throughput, in run order: "9120 9544 8790" */
        String rounds() {
            final StringBuilder s = new StringBuilder();
            for (final double v : ordersPerSecond) {
                s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", v));
            }
            return s.toString();
        }
    }
}
