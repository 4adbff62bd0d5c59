package exchange.benchmarks.fix;

import exchange.benchmarks.Results;
import exchange.matching.Instrument;
import exchange.server.ExchangeConfig;
import exchange.server.ExchangeServer;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bin/bench fix}: FIX order entry end to end. QuickFIX/J initiators ({@link OrderLoad}) send
 * orders over loopback to the whole exchange started in this process ({@link ExchangeServer}: FIX
 * acceptor, risk gateway, journal, matching thread, event log, ExecutionReport sender), then, in the same
 * run, the same load to a bare QuickFIX/J acceptor ({@link BareAcceptor}) set up like the exchange's:
 * the cost of the FIX engine alone. What each order does is the {@link OrderFlow}.
 *
 * <p>Both targets are started once and run, their load sessions logged on, to the end, as an exchange runs
 * all day: the exchange carries the day's orders so far into each round (its memory, its garbage
 * collector's work), and its code is compiled once, not a start-up's code again each round. After
 * warm-up turns each, the two take turns for a few rounds, each with a short warm-up, so that both meet
 * much the same machine (the figures of a shared machine wander by more than the difference measured).
 * The one that waits is idle: its threads park.
 * In each round: latency at a fixed rate, from when each order was due to its acknowledgement
 * (HdrHistogram, corrected for coordinated omission); then the throughput, a burst for each window (orders
 * each session keeps unacknowledged), counted until every ExecutionReport owed has arrived. A target's
 * throughput is the median of its rounds at its best window: the most it sustains, which takes the
 * exchange, with more hand-offs between threads on an order's way, more orders in flight than the bare
 * acceptor. Latencies are those of all rounds together.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
    description = "FIX order entry over loopback: the whole exchange against a bare QuickFIX/J acceptor "
        + "(throughput with every ExecutionReport received, latency at a fixed rate).")
public final class FixBenchmark implements Callable<Integer> {
    /** The target: the exchange sustains at least this share of the bare acceptor's throughput. */
    static final double TARGET_RATIO = 0.8;
    /**
     * A warm-up turn in which the JIT compilers (summed over their threads) took less than this share of
     * the turn's time ends the warm-up: the target runs compiled code from then on. On two cores the
     * exchange, with more code than the bare acceptor, needs two or three turns of 100,000 orders; with
     * one, its first round was still being compiled (a quarter of the CPU in perf).
     */
    static final int QUIET_JIT_PERCENT = 5;

    @Option(names = "--workload", description = "new-cancel (each order cancelled once acknowledged) or pairs "
        + "(buys and sells that trade) (default: ${DEFAULT-VALUE}).")
    String workload = OrderFlow.NEW_CANCEL.label;

    @Option(names = "--sessions", description = "FIX sessions, each with its own initiator thread (default: ${DEFAULT-VALUE}).")
    int sessions = 4;

    @Option(names = "--window", split = ",", defaultValue = "32,128,512", description = "Unacknowledged orders each "
        + "session keeps in a throughput burst; with several, comma-separated, each round has a burst at each, and "
        + "each target's throughput is that of its best (default: ${DEFAULT-VALUE}).")
    List<Integer> windows;

    @Option(names = "--rounds", description = "Turns each target takes (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--orders", description = "Orders in each round's throughput burst, all sessions together (default: ${DEFAULT-VALUE}).")
    long orders = 60_000;

    @Option(names = "--warmup", description = "Orders sent to each target in a warm-up turn before the rounds, not "
        + "measured; each round then starts with a tenth as many; 0 for none (default: ${DEFAULT-VALUE}).")
    long warmup = 100_000;

    @Option(names = "--warmup-turns", description = "Most warm-up turns a target takes: it takes another while the JIT "
        + "compilers spent more than " + QUIET_JIT_PERCENT + "%% of the last turn's time compiling (default: ${DEFAULT-VALUE}).")
    int warmupTurns = 6;

    @Option(names = "--rate", description = "Orders per second in the latency runs, all sessions together (default: ${DEFAULT-VALUE}).")
    int rate = 5_000;

    @Option(names = "--duration", description = "Seconds of latency measurement per target, shared among the rounds (default: ${DEFAULT-VALUE}).")
    double durationSeconds = 15;

    @Option(names = "--message-log", description = "FIX message logging of both acceptors: 'file' as the "
        + "configuration's logback.xml does, or 'off' (default: ${DEFAULT-VALUE}).")
    String messageLog = "file";

    @Option(names = "--config", description = "The exchange's configuration folder to start from (default: ${DEFAULT-VALUE}).")
    Path config = Path.of("config");

    @Option(names = "--dir", description = "Scratch folder for journals, FIX stores and logs; deleted after a "
        + "successful run (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("benchmarks/target/bench-data/fix");

    @Option(names = "--output", description = "JSON results file (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("benchmarks/target/results/fix.json");

    private OrderFlow flow;
    private BenchSessions bench;
    private final List<Instrument> traded = new ArrayList<>();
    private Path previousLogs;

    @Override
    public Integer call() throws Exception {
        flow = OrderFlow.of(workload);
        if (windows.isEmpty() || windows.stream().distinct().count() < windows.size()) {
            throw new IllegalArgumentException("--window takes one or more different windows, comma-separated");
        }
        if (sessions < 1 || windows.stream().anyMatch(w -> w < 1) || rounds < 1 || orders < 1 || warmup < 0
            || rate <= 0 || durationSeconds <= 0 || warmupTurns < 1) {
            throw new IllegalArgumentException("--sessions, --window, --rounds, --orders, --rate, --duration and "
                + "--warmup-turns must be positive");
        }
        if (!"file".equals(messageLog) && !"off".equals(messageLog)) {
            throw new IllegalArgumentException("--message-log must be file or off");
        }
        final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        delete(dir);
        bench = BenchSessions.write(config, dir.resolve("config"), sessions);
        System.out.printf("bin/bench fix: %s, %d sessions, windows %s, %,d warm-up orders, %d rounds of %,d orders, latency at "
                + "%,d orders/s for %.1f s; FIX messages logged: %s; load average %.2f on %d cpus%n", flow.label, sessions,
            windowsText(), warmup, rounds, orders, rate, durationSeconds, messageLog, loadAtStart,
            Runtime.getRuntime().availableProcessors());

        final Tally exchange = new Tally("exchange", flow.exchangeReports);
        final Tally bare = new Tally("bare QuickFIX/J", flow.bareReports);
        // Both targets run, and their loads stay logged on, from the first warm-up turn to the last round, as an
        // exchange runs all day: the rounds measure code that is compiled once, not a start-up's code again.
        final Path data = dir.resolve("exchange-data");
        logTo("exchange-0");
        try (ExchangeServer server = ExchangeServer.start(ExchangeConfig.load(bench.configDir(),
                Map.of(ExchangeConfig.DATA_DIR, data.toString(), ExchangeConfig.FIX_PORT, "0",
                    "exchange.admin.port", "0", "exchange.md.rerequest.address", "127.0.0.1:0")));
             BareAcceptor acceptor = new BareAcceptor(bench.acceptorSettings(dir.resolve("bare-store")))) {
            for (int i = 0; i < sessions; i++) {
                traded.add(server.instruments().get(i % server.instruments().size()));
            }
            try (OrderLoad toExchange = new OrderLoad(server.fixPort(), BenchSessions.EXCHANGE_COMP_ID, bench.compIds(),
                     traded, flow, exchange.reportsPerOrder);
                 OrderLoad toBare = new OrderLoad(acceptor.port(), BenchSessions.BARE_COMP_ID, bench.compIds(), traded,
                     flow, bare.reportsPerOrder)) {
                for (int round = warmup > 0 ? 0 : 1; round <= rounds; round++) {
                    logTo("exchange-" + round);
                    writeBack();
                    measure(round, exchange, toExchange);
                    System.gc();
                    logTo("bare-" + round);
                    writeBack();
                    measure(round, bare, toBare);
                    System.gc();
                }
            }
        }

        final Results results = results(exchange, bare, loadAtStart);
        System.out.println();
        for (final int window : windows) {
            System.out.printf("window %d (median of %d rounds): exchange %,.0f orders/s, bare QuickFIX/J %,.0f orders/s: "
                    + "ratio %.3f%n", window, rounds, exchange.at(window).medianOrdersPerSecond(),
                bare.at(window).medianOrdersPerSecond(), ratioAt(exchange, bare, window));
        }
        System.out.printf("throughput (each target's best window): exchange %,.0f orders/s (window %d), bare QuickFIX/J "
                + "%,.0f orders/s (window %d): ratio %s (target %.2f)%n", exchange.best().medianOrdersPerSecond(),
            exchange.bestWindow(), bare.best().medianOrdersPerSecond(), bare.bestWindow(),
            results.get("ratio_vs_baseline"), TARGET_RATIO);
        System.out.printf("CPU per order at those windows (us): exchange %.1f (%s)%n  bare QuickFIX/J %.1f (%s)%n",
            exchange.best().cpuMicrosPerOrder(), exchange.best().cpuByKind(), bare.best().cpuMicrosPerOrder(),
            bare.best().cpuByKind());
        System.out.printf("heap allocated per order at those windows (bytes): exchange %,d (%s)%n  bare QuickFIX/J %,d (%s)%n",
            exchange.best().allocatedBytesPerOrder(), exchange.best().allocatedByKind(), bare.best().allocatedBytesPerOrder(),
            bare.best().allocatedByKind());
        System.out.printf("latency at %,d orders/s (us): exchange p50 %s, p99 %s, p99.9 %s; bare QuickFIX/J p50 %s, p99 %s, "
                + "p99.9 %s%n", rate, results.get("p50_us"), results.get("p99_us"), results.get("p999_us"),
            results.get("baseline_qfj_p50_us"), results.get("baseline_qfj_p99_us"), results.get("baseline_qfj_p999_us"));
        results.write(output);
        System.out.println("wrote " + output);
        delete(dir);
        return 0;
    }

    /**
     * Gives each turn log files of its own, so that neither target pays for rolling over (and compressing)
     * the other's, and drops the previous turn's.
     */
    private void logTo(final String turn) throws IOException {
        if ("file".equals(messageLog)) {
            ExchangeLogging.apply(bench.configDir().resolve("logback.xml"), dir.resolve("logs").resolve(turn));
            if (previousLogs != null) {
                delete(previousLogs);
            }
            previousLogs = dir.resolve("logs").resolve(turn);
        }
    }

    /** One round of one target: a short warm-up, fixed rate, a burst at each window; round 0 only warms up. */
    private void measure(final int round, final Tally tally, final OrderLoad load) throws InterruptedException {
        if (round == 0) {
            warmUp(tally, load);
            return;
        }
        if (warmup >= 10) {
            warmUpBursts(load, warmup / 10);
        }
        // the fixed rate first, after the same short warm-up whatever the windows: the more orders the bursts
        // before it hold, the more likely a young collection falls in it
        final long[] gcBeforeFixed = gcPauses();
        final OrderLoad.FixedRate fixed = load.fixedRate(Math.max(1, Math.round(rate * durationSeconds / rounds)), rate);
        final long[] gcAfterFixed = gcPauses();
        tally.add(fixed);
        final Histogram h = fixed.latency();
        System.out.printf("round %d, %s: at %,d orders/s latency (us) p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f; pacer "
                + "late by p99 %.1f us; GC paused %,d ms in %d pauses%n", round, tally.name, rate,
            micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)),
            micros(h.getMaxValue()), micros(fixed.sendLag().getValueAtPercentile(99)), gcAfterFixed[1] - gcBeforeFixed[1],
            gcAfterFixed[0] - gcBeforeFixed[0]);
        for (final int window : windows) {
            final long compiledMs = compilationMs();
            final long[] gcBefore = gcPauses();
            final CpuMeter cpu = CpuMeter.start();
            final OrderLoad.Burst burst = load.burst(orders, window);
            final CpuMeter.Usage used = cpu.stop();
            final long burstCompileMs = compilationMs() - compiledMs;
            final long[] gcAfter = gcPauses();
            tally.add(window, burst, used);
            System.out.printf("round %d, %s, window %d: %,.0f orders/s (%,d orders, %,d reports in %,d ms); per order, CPU "
                    + "%.1f us (%s); heap allocated %,d bytes (%s); JIT compiling %,d ms; GC paused %,d ms in %d pauses%n",
                round, tally.name, window, burst.ordersPerSecond(), burst.orders(), burst.reports(),
                burst.elapsedNs() / 1_000_000, used.totalNs() / 1e3 / burst.orders(),
                CpuMeter.describe(used.byKindNs(), burst.orders(), 1e3), used.allocatedBytes() / burst.orders(),
                CpuMeter.describe(used.allocatedByKind(), burst.orders(), 1), burstCompileMs, gcAfter[1] - gcBefore[1],
                gcAfter[0] - gcBefore[0]);
        }
    }

    /** @return the windows as given, "32,128,512" */
    private String windowsText() {
        return String.join(",", windows.stream().map(String::valueOf).toList());
    }

    /**
     * Warm-up turns of {@code --warmup} orders until the JIT compilers are quiet (or {@code --warmup-turns}
     * have been taken): the rounds measure the sustained rate of compiled code, for both targets alike.
     */
    private void warmUp(final Tally tally, final OrderLoad load) throws InterruptedException {
        for (int turn = 1; turn <= warmupTurns; turn++) {
            final long compiledMs = compilationMs();
            final OrderLoad.Burst w = warmUpBursts(load, warmup);
            final long compileMs = compilationMs() - compiledMs;
            final double compilePercent = compileMs * 100.0 / Math.max(1, w.elapsedNs() / 1_000_000);
            System.out.printf("warm-up %d, %s: %,.0f orders/s (%,d orders), JIT compiling %,d ms (%.0f%% of the turn)%n",
                turn, tally.name, w.ordersPerSecond(), w.orders(), compileMs, compilePercent);
            tally.warmUpTurns = turn;
            if (compilePercent < QUIET_JIT_PERCENT) {
                return;
            }
        }
    }

    /**
     * Warm-up orders shared out over the windows, a burst at each, so that every window's first measured
     * burst runs compiled code (at the first window only, the exchange's first burst at 512 compiled for
     * 660-1,050 ms).
     *
     * @return the bursts together: their orders, reports and time
     */
    private OrderLoad.Burst warmUpBursts(final OrderLoad load, final long orders) throws InterruptedException {
        long sent = 0;
        long reports = 0;
        long elapsedNs = 0;
        for (int i = 0; i < windows.size(); i++) {
            final long share = orders / windows.size() + (i < orders % windows.size() ? 1 : 0);
            if (share > 0) {
                final OrderLoad.Burst burst = load.burst(share, windows.get(i));
                sent += burst.orders();
                reports += burst.reports();
                elapsedNs += burst.elapsedNs();
            }
        }
        return new OrderLoad.Burst(sent, reports, elapsedNs);
    }

    /** @return the garbage collectors' pauses so far: how many, and their time in ms */
    private static long[] gcPauses() {
        long count = 0;
        long ms = 0;
        for (final java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** @return the JIT compilers' time so far, summed over their threads (ms); 0 when the JVM does not say */
    private static long compilationMs() {
        final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private Results results(final Tally exchange, final Tally bare, final double loadAtStart) {
        final Tally.Bursts best = exchange.best();
        final Tally.Bursts bareBest = bare.best();
        final double ratio = best.medianOrdersPerSecond() / bareBest.medianOrdersPerSecond();
        final StringBuilder ratios = new StringBuilder();
        for (final int window : windows) {
            ratios.append(ratios.length() == 0 ? "" : " ")
                .append(String.format(Locale.ROOT, "%d:%.3f", window, ratioAt(exchange, bare, window)));
        }
        final Results results = new Results()
            .put("workload", flow.label)
            .put("sessions", sessions)
            .put("windows", windowsText())
            .put("window", exchange.bestWindow())
            .put("baseline_qfj_window", bare.bestWindow())
            .put("rounds", rounds)
            .put("orders", orders)
            .put("warmup_orders", warmup)
            .put("warmup_turns", exchange.warmUpTurns)
            .put("baseline_qfj_warmup_turns", bare.warmUpTurns)
            .put("throughput_orders_per_s", Math.round(best.medianOrdersPerSecond()))
            .put("baseline_qfj_throughput_orders_per_s", Math.round(bareBest.medianOrdersPerSecond()))
            .put("ratio_vs_baseline", Math.round(ratio * 1000) / 1000.0)
            .put("target_ratio", TARGET_RATIO)
            .put("throughput_by_window_orders_per_s", exchange.mediansByWindow())
            .put("baseline_qfj_throughput_by_window_orders_per_s", bare.mediansByWindow())
            .put("ratio_by_window", ratios.toString())
            .put("throughput_rounds_orders_per_s", best.rounds())
            .put("baseline_qfj_throughput_rounds_orders_per_s", bareBest.rounds())
            .put("cpu_us_per_order", Math.round(best.cpuMicrosPerOrder() * 10) / 10.0)
            .put("baseline_qfj_cpu_us_per_order", Math.round(bareBest.cpuMicrosPerOrder() * 10) / 10.0)
            .put("cpu_us_per_order_by_thread", best.cpuByKind())
            .put("baseline_qfj_cpu_us_per_order_by_thread", bareBest.cpuByKind())
            .put("alloc_bytes_per_order", best.allocatedBytesPerOrder())
            .put("baseline_qfj_alloc_bytes_per_order", bareBest.allocatedBytesPerOrder())
            .put("rate_orders_per_s", rate);
        percentiles(results, "", exchange);
        percentiles(results, "baseline_qfj_", bare);
        return results
            .put("reports_per_order", exchange.reportsPerOrder)
            .put("baseline_qfj_reports_per_order", bare.reportsPerOrder)
            .put("throughput_orders", best.orders)
            .put("throughput_reports", best.reports)
            .put("baseline_qfj_throughput_orders", bareBest.orders)
            .put("baseline_qfj_throughput_reports", bareBest.reports)
            .put("latency_orders", exchange.latencyOrders)
            .put("latency_reports", exchange.latencyReports)
            .put("baseline_qfj_latency_orders", bare.latencyOrders)
            .put("baseline_qfj_latency_reports", bare.latencyReports)
            .put("message_log", messageLog)
            .put("load_average_at_start", Math.round(loadAtStart * 100) / 100.0)
            .put("cpus", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /** @return the exchange's median throughput at the window over the bare acceptor's */
    private static double ratioAt(final Tally exchange, final Tally bare, final int window) {
        return exchange.at(window).medianOrdersPerSecond() / bare.at(window).medianOrdersPerSecond();
    }

    private static void percentiles(final Results results, final String prefix, final Tally tally) {
        final Histogram h = tally.latency;
        results.put(prefix + "p50_us", micros(h.getValueAtPercentile(50)))
            .put(prefix + "p99_us", micros(h.getValueAtPercentile(99)))
            .put(prefix + "p999_us", micros(h.getValueAtPercentile(99.9)))
            .put(prefix + "max_us", micros(h.getMaxValue()))
            .put(prefix + "send_lag_p99_us", micros(tally.sendLag.getValueAtPercentile(99)));
    }

    private static double micros(final long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    /**
     * Writes the page cache's dirty pages to disk ({@code sync}) before a turn. The kernel writes a file's
     * pages back some 30 seconds after they were dirtied, on its own threads: without this, what one
     * target wrote (the exchange its journal, event log and market-data store; both their FIX message
     * stores and logs) was written back in the other's turn, taking CPU from it. The bare acceptor's second
     * round was then 6-29% slower than its others in three of six runs. Neither target's bursts now pay for
     * writing back files: a running exchange would, all day, for its own.
     */
    private static void writeBack() throws InterruptedException {
        try {
            final Process sync = new ProcessBuilder("sync").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!sync.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                sync.destroyForcibly();
            }
        } catch (final IOException e) {
            // no sync here: the turns share the write-back as before
        }
    }

    private static void delete(final Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
