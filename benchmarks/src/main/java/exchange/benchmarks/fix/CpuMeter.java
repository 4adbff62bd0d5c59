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

    private CpuMeter() {
        processStartNs = processCpuNs();
        for (final long id : THREADS.getAllThreadIds()) {
            final long ns = THREADS.getThreadCpuTime(id);
            if (ns >= 0) {
                threadStartNs.put(id, ns);
            }
        }
    }

    /** @return a meter running from now */
    static CpuMeter start() {
        return new CpuMeter();
    }

    /** CPU time over the interval: in all, and by kind of thread. */
    record Usage(long totalNs, Map<String, Long> byKindNs) {
    }

    /** @return the CPU time since {@link #start()} */
    Usage stop() {
        final Map<String, Long> byKind = new TreeMap<>();
        long threadsNs = 0;
        for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            final long ns = THREADS.getThreadCpuTime(info.getThreadId());
            if (ns < 0) {
                continue;
            }
            final long used = ns - threadStartNs.getOrDefault(info.getThreadId(), 0L);
            byKind.merge(kind(info.getThreadName()), used, Long::sum);
            threadsNs += used;
        }
        final long totalNs = processCpuNs() - processStartNs;
        byKind.put(OTHER, Math.max(0, totalNs - threadsNs));
        return new Usage(totalNs, byKind);
    }

    /** @return CPU time per order by kind of thread, most first: "execution-reports 12.3, ..." in microseconds */
    static String describe(final Map<String, Long> byKindNs, final long orders) {
        final List<Map.Entry<String, Long>> kinds = new ArrayList<>(byKindNs.entrySet());
        kinds.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        final StringBuilder s = new StringBuilder();
        for (final Map.Entry<String, Long> k : kinds) {
            final double micros = k.getValue() / 1e3 / orders;
            if (micros >= 0.05) {
                s.append(s.length() == 0 ? "" : ", ").append(k.getKey()).append(String.format(Locale.ROOT, " %.1f", micros));
            }
        }
        return s.toString();
    }

    /** Threads of one kind together: the acceptor's sessions, the load's sessions, the socket threads... */
    static String kind(final String threadName) {
        if (threadName.startsWith("QF/J Session dispatcher:")) {
            return threadName.contains(":" + BenchSessions.EXCHANGE_COMP_ID + "->") ? "acceptor sessions" : "load sessions";
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
