package exchange.benchmarks.fix;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One target's figures over the rounds of a run: each round's throughput, and the latencies of all. */
final class Tally {
    final String name;
    final int reportsPerOrder;
    final List<Double> ordersPerSecond = new ArrayList<>();
    final Histogram latency = new Histogram(Round.LONGEST_NS, 3);
    final Histogram sendLag = new Histogram(Round.LONGEST_NS, 3);
    final Map<String, Long> cpuByKindNs = new HashMap<>();
    final Map<String, Long> allocatedByKind = new HashMap<>();
    long cpuNs;
    long allocatedBytes;
    long burstOrders;
    long burstReports;
    long latencyOrders;
    long latencyReports;
    /** Warm-up turns taken before the rounds. */
    int warmUpTurns;

    Tally(final String name, final int reportsPerOrder) {
        this.name = name;
        this.reportsPerOrder = reportsPerOrder;
    }

    void add(final OrderLoad.Burst burst, final CpuMeter.Usage cpu) {
        ordersPerSecond.add(burst.ordersPerSecond());
        burstOrders += burst.orders();
        burstReports += burst.reports();
        cpuNs += cpu.totalNs();
        cpu.byKindNs().forEach((kind, ns) -> cpuByKindNs.merge(kind, ns, Long::sum));
        allocatedBytes += cpu.allocatedBytes();
        cpu.allocatedByKind().forEach((kind, bytes) -> allocatedByKind.merge(kind, bytes, Long::sum));
    }

    void add(final OrderLoad.FixedRate fixed) {
        latency.add(fixed.latency());
        sendLag.add(fixed.sendLag());
        latencyOrders += fixed.orders();
        latencyReports += fixed.reports();
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
        return cpuNs / 1e3 / burstOrders;
    }

    /** @return CPU time per order in the bursts by kind of thread, most first: "execution-reports 12.3, ..." */
    String cpuByKind() {
        return CpuMeter.describe(cpuByKindNs, burstOrders, 1e3);
    }

    /** @return heap allocated per order in the bursts, bytes */
    long allocatedBytesPerOrder() {
        return allocatedBytes / burstOrders;
    }

    /** @return heap allocated per order in the bursts by kind of thread, most first */
    String allocatedByKind() {
        return CpuMeter.describe(allocatedByKind, burstOrders, 1);
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
