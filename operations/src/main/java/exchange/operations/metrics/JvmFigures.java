package exchange.operations.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's figures at one moment, from its management beans: heap and non-heap memory, each garbage
 * collector's collections and time, threads, uptime, processors and load.
 *
 * @param heapUsedBytes      heap in use
 * @param heapCommittedBytes heap the JVM holds
 * @param heapMaxBytes       most heap it may hold, -1 when unbounded
 * @param nonHeapUsedBytes   metaspace, code cache and the like
 * @param collectors         one entry per collector
 * @param threads            live threads
 * @param uptimeMs           since the JVM started
 * @param processors         available to the JVM
 * @param loadAverage        system load over the last minute, negative when unknown
 */
public record JvmFigures(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long nonHeapUsedBytes,
                         List<Collector> collectors, int threads, long uptimeMs, int processors, double loadAverage) {
    /** One garbage collector: its name, collections and total time in them since start. */
    public record Collector(String name, long collections, long timeMs) {
    }

    /** @return the figures now; allocates */
    public static JvmFigures now() {
        final MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        final MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        final List<Collector> collectors = new ArrayList<>();
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(new Collector(gc.getName(), Math.max(0, gc.getCollectionCount()),
                Math.max(0, gc.getCollectionTime())));
        }
        return new JvmFigures(heap.getUsed(), heap.getCommitted(), heap.getMax(), nonHeap.getUsed(),
            List.copyOf(collectors), ManagementFactory.getThreadMXBean().getThreadCount(),
            ManagementFactory.getRuntimeMXBean().getUptime(), Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
