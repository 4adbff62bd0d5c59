package exchange.benchmarks.fix;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time this process spends over an interval, in all and by kind of thread. On a machine shared
 * with other work the throughput wanders with what the others do; the CPU time each order costs does
 * much less, and says where it goes. Threads that end during the interval are missed by the breakdown
 * (the total counts them); what no Java thread accounts for (garbage collection, the JIT compiler's
 * native work) is {@value #OTHER}.
 */
final class CpuMeter {
    static final String OTHER = "GC, JIT and other";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStartNs;
    private final Map<Long, Long> threadStartNs = new HashMap<>();
    private final Map<Long, Long> threadStartBytes = new HashMap<>();

    private CpuMeter() {
        processStartNs = processCpuNs();
        for (final long id : THREADS.getAllThreadIds()) {
            final long ns = THREADS.getThreadCpuTime(id);
            if (ns >= 0) {
                threadStartNs.put(id, ns);
            }
            threadStartBytes.put(id, allocatedBytes(id));
        }
    }

    /** @return a meter running from now */
    static CpuMeter start() {
        return new CpuMeter();
    }

    /**
     * CPU time over the interval, in all and by kind of thread, and heap allocated by kind of thread
     * (threads that allocate on the heap are Java threads, so the bytes leave nothing out but ended threads).
     */
    record Usage(long totalNs, Map<String, Long> byKindNs, long allocatedBytes, Map<String, Long> allocatedByKind) {
    }

    /** @return the CPU time and allocation since {@link #start()} */
    Usage stop() {
        final Map<String, Long> byKind = new TreeMap<>();
        final Map<String, Long> bytesByKind = new TreeMap<>();
        long threadsNs = 0;
        long bytes = 0;
        for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            final String kind = kind(info.getThreadName());
            final long allocated = allocatedBytes(info.getThreadId()) - threadStartBytes.getOrDefault(info.getThreadId(), 0L);
            if (allocated > 0) {
                bytesByKind.merge(kind, allocated, Long::sum);
                bytes += allocated;
            }
            final long ns = THREADS.getThreadCpuTime(info.getThreadId());
            if (ns < 0) {
                continue;
            }
            final long used = ns - threadStartNs.getOrDefault(info.getThreadId(), 0L);
            byKind.merge(kind, used, Long::sum);
            threadsNs += used;
        }
        final long totalNs = processCpuNs() - processStartNs;
        byKind.put(OTHER, Math.max(0, totalNs - threadsNs));
        return new Usage(totalNs, byKind, bytes, bytesByKind);
    }

    private static long allocatedBytes(final long threadId) {
        return Math.max(0, ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(threadId));
    }

    /**
     * @param byKind  amounts by kind of thread
     * @param orders  orders they were spent on
     * @param divisor unit of the figures (1,000 for microseconds from nanoseconds, 1 for bytes)
     * @return the amounts per order by kind of thread, most first: "execution-reports 12.3, ..."
     */
    static String describe(final Map<String, Long> byKind, final long orders, final double divisor) {
        final List<Map.Entry<String, Long>> kinds = new ArrayList<>(byKind.entrySet());
        kinds.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        final StringBuilder s = new StringBuilder();
        for (final Map.Entry<String, Long> k : kinds) {
            final double perOrder = k.getValue() / divisor / orders;
            if (perOrder >= 0.05) {
                s.append(s.length() == 0 ? "" : ", ").append(k.getKey())
                    .append(String.format(Locale.ROOT, divisor == 1 ? " %.0f" : " %.1f", perOrder));
            }
        }
        return s.toString();
    }

    /** Threads of one kind together: the acceptor's sessions, the load's sessions, the socket threads... */
    static String kind(final String threadName) {
        if (threadName.startsWith("QF/J Session dispatcher:")) {
            return threadName.contains(":" + BenchSessions.EXCHANGE_COMP_ID + "->")
                || threadName.contains(":" + BenchSessions.BARE_COMP_ID + "->") ? "acceptor sessions" : "load sessions";
        }
        if (threadName.startsWith("NioProcessor-")) {
            return "socket I/O (both ends)";
        }
        if (threadName.startsWith("C1 CompilerThread") || threadName.startsWith("C2 CompilerThread")) {
            return "JIT compiler";
        }
        return threadName.replaceAll("\\d+", "n");
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
