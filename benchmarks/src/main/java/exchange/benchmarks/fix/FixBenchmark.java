package exchange.benchmarks.fix;

import exchange.benchmarks.Results;
import exchange.matching.Instrument;
import exchange.server.ExchangeConfig;
import exchange.server.ExchangeServer;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bin/bench fix}: FIX order entry end to end. QuickFIX/J initiators ({@link OrderLoad}) send
 * orders over loopback to the whole exchange started in this process ({@link ExchangeServer}: FIX
 * acceptor, risk gateway, journal, matching thread, event log, ExecutionReport sender), then, in the same
 * run, the same load to a bare QuickFIX/J acceptor ({@link BareAcceptor}) set up like the exchange's
 * and answering each order with one ExecutionReport: the cost of the FIX engine alone.
 *
 * <p>For each: a warm-up burst; the throughput, a burst where every session keeps a window of orders
 * unacknowledged, counted until every ExecutionReport owed has arrived (the exchange owes each order an
 * acknowledgement and a fill, see {@link LoadSession}; the bare acceptor one report); then latency at a
 * fixed rate, from when each order was due to its acknowledgement (HdrHistogram, corrected for
 * coordinated omission).
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
    description = "FIX order entry over loopback: the whole exchange against a bare QuickFIX/J acceptor "
        + "(throughput with every ExecutionReport received, latency at a fixed rate).")
public final class FixBenchmark implements Callable<Integer> {
    /** The target: the exchange sustains at least this share of the bare acceptor's throughput. */
    static final double TARGET_RATIO = 0.8;

    @Option(names = "--sessions", description = "FIX sessions, each with its own initiator thread (default: ${DEFAULT-VALUE}).")
    int sessions = 4;

    @Option(names = "--window", description = "Unacknowledged orders each session keeps in the throughput burst (default: ${DEFAULT-VALUE}).")
    int window = 32;

    @Option(names = "--orders", description = "Orders in the throughput burst, all sessions together (default: ${DEFAULT-VALUE}).")
    long orders = 200_000;

    @Option(names = "--warmup", description = "Orders in the warm-up burst before measuring each target (default: ${DEFAULT-VALUE}).")
    long warmup = 50_000;

    @Option(names = "--rate", description = "Orders per second in the latency round, all sessions together (default: ${DEFAULT-VALUE}).")
    int rate = 5_000;

    @Option(names = "--duration", description = "Seconds of the latency round (default: ${DEFAULT-VALUE}).")
    double durationSeconds = 20;

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

    /** One target's figures. */
    private record Measured(OrderLoad.Burst throughput, OrderLoad.FixedRate latency) {
    }

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || window < 1 || orders < 1 || warmup < 0 || rate <= 0 || durationSeconds <= 0) {
            throw new IllegalArgumentException("--sessions, --window, --orders, --rate and --duration must be positive");
        }
        if (!"file".equals(messageLog) && !"off".equals(messageLog)) {
            throw new IllegalArgumentException("--message-log must be file or off");
        }
        final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        delete(dir);
        final BenchSessions bench = BenchSessions.write(config, dir.resolve("config"), sessions);
        if ("file".equals(messageLog)) {
            ExchangeLogging.apply(bench.configDir().resolve("logback.xml"), dir.resolve("logs"));
        }
        System.out.printf("bin/bench fix: %d sessions, window %d, %,d orders (+%,d warm-up), latency at %,d orders/s "
            + "for %.1f s; FIX messages logged: %s; load average %.2f on %d cpus%n", sessions, window, orders, warmup,
            rate, durationSeconds, messageLog, loadAtStart, Runtime.getRuntime().availableProcessors());

        final List<String> symbols = new ArrayList<>();
        final List<String> prices = new ArrayList<>();
        final Measured exchange;
        try (ExchangeServer server = ExchangeServer.start(ExchangeConfig.load(bench.configDir(),
            Map.of(ExchangeConfig.DATA_DIR, dir.resolve("exchange-data").toString(), ExchangeConfig.FIX_PORT, "0")))) {
            final List<Instrument> instruments = server.instruments();
            for (int i = 0; i < sessions; i++) {
                final Instrument instrument = instruments.get(i % instruments.size());
                symbols.add(instrument.symbol());
                prices.add(BigDecimal.valueOf(instrument.referencePrice(), 4).stripTrailingZeros().toPlainString());
            }
            try (OrderLoad load = new OrderLoad(server.fixPort(), bench.compIds(), symbols, prices, 2)) {
                exchange = measure("exchange", load);
            }
        }
        System.gc();
        final Measured baseline;
        try (BareAcceptor bare = new BareAcceptor(bench.acceptorSettings(dir.resolve("baseline-store")));
             OrderLoad load = new OrderLoad(bare.port(), bench.compIds(), symbols, prices, 1)) {
            baseline = measure("bare QuickFIX/J", load);
        }

        final double ratio = exchange.throughput().ordersPerSecond() / baseline.throughput().ordersPerSecond();
        final Results results = new Results()
            .put("workload", "limit Day orders, buy and sell in turn at one price per symbol: each acknowledged and filled")
            .put("sessions", sessions)
            .put("window", window)
            .put("orders", exchange.throughput().orders())
            .put("throughput_orders_per_s", Math.round(exchange.throughput().ordersPerSecond()))
            .put("baseline_qfj_throughput_orders_per_s", Math.round(baseline.throughput().ordersPerSecond()))
            .put("ratio_vs_baseline", Math.round(ratio * 1000) / 1000.0)
            .put("target_ratio", TARGET_RATIO)
            .put("rate_orders_per_s", rate)
            .put("latency_orders", exchange.latency().orders())
            .put("p50_us", micros(exchange.latency().latency().getValueAtPercentile(50)))
            .put("p99_us", micros(exchange.latency().latency().getValueAtPercentile(99)))
            .put("p999_us", micros(exchange.latency().latency().getValueAtPercentile(99.9)))
            .put("max_us", micros(exchange.latency().latency().getMaxValue()))
            .put("baseline_qfj_p50_us", micros(baseline.latency().latency().getValueAtPercentile(50)))
            .put("baseline_qfj_p99_us", micros(baseline.latency().latency().getValueAtPercentile(99)))
            .put("baseline_qfj_p999_us", micros(baseline.latency().latency().getValueAtPercentile(99.9)))
            .put("baseline_qfj_max_us", micros(baseline.latency().latency().getMaxValue()))
            .put("send_lag_p99_us", micros(exchange.latency().sendLag().getValueAtPercentile(99)))
            .put("baseline_qfj_send_lag_p99_us", micros(baseline.latency().sendLag().getValueAtPercentile(99)))
            .put("reports_per_order", 2)
            .put("baseline_qfj_reports_per_order", 1)
            .put("throughput_reports", exchange.throughput().reports())
            .put("baseline_qfj_throughput_reports", baseline.throughput().reports())
            .put("latency_reports", exchange.latency().reports())
            .put("baseline_qfj_latency_reports", baseline.latency().reports())
            .put("message_log", messageLog)
            .put("load_average_at_start", Math.round(loadAtStart * 100) / 100.0)
            .put("cpus", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("%nthroughput: exchange %,.0f orders/s, bare QuickFIX/J %,.0f orders/s: ratio %.2f (target %.2f)%n",
            exchange.throughput().ordersPerSecond(), baseline.throughput().ordersPerSecond(), ratio, TARGET_RATIO);
        System.out.printf("latency at %,d orders/s (us): exchange p50 %s, p99 %s, p99.9 %s; bare QuickFIX/J p50 %s, p99 %s, p99.9 %s%n",
            rate, results.get("p50_us"), results.get("p99_us"), results.get("p999_us"), results.get("baseline_qfj_p50_us"),
            results.get("baseline_qfj_p99_us"), results.get("baseline_qfj_p999_us"));
        results.write(output);
        System.out.println("wrote " + output);
        delete(dir);
        return 0;
    }

    private Measured measure(final String name, final OrderLoad load) throws InterruptedException {
        if (warmup > 0) {
            final OrderLoad.Burst w = load.burst(warmup, window);
            System.out.printf("%s: warm-up %,d orders at %,.0f orders/s%n", name, w.orders(), w.ordersPerSecond());
        }
        final OrderLoad.Burst burst = load.burst(orders, window);
        System.out.printf("%s: %,d orders and %,d ExecutionReports in %,d ms: %,.0f orders/s%n", name, burst.orders(),
            burst.reports(), burst.elapsedNs() / 1_000_000, burst.ordersPerSecond());
        final OrderLoad.FixedRate fixed = load.fixedRate(Math.round(rate * durationSeconds), rate);
        final Histogram h = fixed.latency();
        System.out.printf("%s: %,d orders at %,d orders/s, latency (us) p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f; "
                + "pacer late by p99 %.1f us%n", name, fixed.orders(), rate, micros(h.getValueAtPercentile(50)),
            micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()),
            micros(fixed.sendLag().getValueAtPercentile(99)));
        return new Measured(burst, fixed);
    }

    private static double micros(final long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
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
