package exchange.benchmarks;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.service.MarketDataService;
import exchange.marketdata.service.SessionNames;
import exchange.matching.EngineConfig;
import exchange.matching.MatchingEngine;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogWriter;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code bin/bench marketdata}: the matching engine at full speed on mix-A, publishing its events to
 * a real event log as the sequencer's matching thread does (a document every 256 commands), once
 * alone and once with the market-data service reading that log on its own threads (translator to
 * the market-data log, sender to UDP multicast on loopback), in the same process; each run does both,
 * which one first alternating from run to run.
 *
 * <p>Figures: the engine's commands per second in both cases (the target: with market data at least
 * 90% of without: the engine never waits for market data); ITCH messages and packets per second sent,
 * from the engine's first command to the last packet; and event-to-wire latency per message, from the
 * command's time stamp (taken just before the engine applies it, as the sequencer stamps commands) to
 * when the packet carrying the message is handed to the socket. At full speed that latency is mostly
 * queueing, whenever the publisher runs behind the engine; a last run paces the engine
 * ({@code --paced-rate}) to show it without. Also, for reference, the engine with a sink that only
 * counts (no event log).
 */
@Command(name = "marketdata", mixinStandardHelpOptions = true,
    description = "The market-data publisher fed by the matching engine at full speed on mix-A: messages/s, packets/s, "
        + "event-to-wire latency, and the engine's rate with and without market data.")
public final class MarketDataBenchmark implements Callable<Integer> {
    private static final int COMMANDS_PER_DOCUMENT = 256; // as the sequencer's matching loop
    private static final int ORDER_CAPACITY = 1 << 20;
    private static final int STAMP_OFFSET = exchange.matching.command.Command.TIMESTAMP_OFFSET;

    @Option(names = "--commands", description = "Measured mix-A commands per run (default: ${DEFAULT-VALUE}).")
    int commands = 5_000_000;

    @Option(names = "--warmup", description = "Warm-up commands (default: ${DEFAULT-VALUE}).")
    int warmup = 1_000_000;

    @Option(names = "--runs", description = "Runs of each kind, alternating; medians count (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--paced-rate", description = "Commands/s of the paced run, whose latency is not queueing behind a "
        + "saturated publisher; 0 for none (default: ${DEFAULT-VALUE}).")
    int pacedRate = 500_000;

    @Option(names = "--idle", description = "Idle strategy of the market-data threads (default: ${DEFAULT-VALUE}).")
    String idle = "backoff";

    @Option(names = "--group", description = "Multicast group on loopback (default: ${DEFAULT-VALUE}).")
    String group = "239.192.0.77";

    @Option(names = "--dir", description = "Scratch directory for logs, deleted after (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("benchmarks/target/bench-data/marketdata");

    @Option(names = "--output", description = "JSON results file (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("benchmarks/target/results/marketdata.json");

    private final BenchClock clock = new BenchClock();

    /** The whole workload, encoded once, outside any timed region. */
    private static final class Encoded {
        final UnsafeBuffer buffer;
        final int[] offsets;

        Encoded(final Workload workload) {
            offsets = new int[workload.size()];
            buffer = new UnsafeBuffer(new byte[Math.multiplyExact(workload.size(), 128)]);
            final NewOrderCommand newOrder = new NewOrderCommand();
            final CancelCommand cancel = new CancelCommand();
            final ReplaceCommand replace = new ReplaceCommand();
            int at = 0;
            for (int i = 0; i < workload.size(); i++) {
                offsets[i] = at;
                at += MixA.encode(workload, i, buffer, at, newOrder, cancel, replace);
            }
        }
    }

    /** What one run measured. */
    private record Run(double commandsPerS, long messages, long packets, double messagesPerS, double packetsPerS,
                       Histogram latencies, long lagMs, long mdCpuNs) {
    }

    /** CPU time of the market-data threads (translator "md-translator", sockets "md-io-..."), ns. */
    private static long marketDataCpuNs() {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith("md-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * Applies the workload on this thread, stamping each command with the time and writing the events to
     * a fresh event log; with market data, a service tails that log and the run ends when its last
     * packet is out.
     */
    private Run run(final Encoded encoded, final Path runDir, final boolean marketData) throws Exception {
        return run(encoded, runDir, marketData, 0);
    }

    private Run run(final Encoded encoded, final Path runDir, final boolean marketData, final int rate) throws Exception {
        try (EventLog log = EventLog.open(runDir.resolve("events"));
             EventLogWriter writer = new EventLogWriter(log, 256 * 1024)) {
            final MatchingEngine engine = new MatchingEngine(List.of(MixA.INSTRUMENT),
                EngineConfig.defaults().orderCapacity(ORDER_CAPACITY), writer);
            final long startEpochNs = clock.epochNs();
            final WireProbe probe = new WireProbe(clock,
                SessionNames.midnightEpochNs(SessionNames.tradingDate(startEpochNs, ZoneOffset.UTC), ZoneOffset.UTC));
            final MarketDataService service = marketData ? MarketDataService.start(marketDataConfig(runDir), log,
                List.of(MixA.INSTRUMENT), ORDER_CAPACITY, ZoneOffset.UTC, probe) : null;
            try {
                final long elapsedNs = applyAll(encoded, engine, writer, rate);
                if (service == null) {
                    return new Run(encoded.offsets.length * 1e9 / elapsedNs, 0, 0, 0, 0, null, 0, 0);
                }
                final long engineDoneEpochNs = startEpochNs + elapsedNs;
                awaitSent(service, log, probe);
                final long mdCpuNs = marketDataCpuNs(); // before the threads end
                final double seconds = (probe.lastSendEpochNs() - startEpochNs) / 1e9;
                return new Run(encoded.offsets.length * 1e9 / elapsedNs, probe.messages(), probe.packets(),
                    probe.messages() / seconds, probe.packets() / seconds, probe.latencies().copy(),
                    Math.max(0, (probe.lastSendEpochNs() - engineDoneEpochNs) / 1_000_000), mdCpuNs);
            } finally {
                if (service != null) {
                    service.close();
                }
            }
        }
    }

    /**
     * The matching loop: stamp, apply, and publish a document every {@value #COMMANDS_PER_DOCUMENT}
     * commands, or as soon as the loop has caught up when paced (as the sequencer's loop does).
     *
     * @param rate commands per second, 0 for as fast as the engine goes
     */
    private long applyAll(final Encoded encoded, final MatchingEngine engine, final EventLogWriter writer,
        final int rate) {
        final UnsafeBuffer buffer = encoded.buffer;
        final int[] offsets = encoded.offsets;
        final long intervalNs = rate > 0 ? 1_000_000_000L / rate : 0;
        final long start = System.nanoTime();
        for (int i = 0; i < offsets.length; i++) {
            if (intervalNs > 0 && System.nanoTime() < start + i * intervalNs) {
                writer.flush(); // caught up: publish now, as the matching loop does
                while (System.nanoTime() < start + i * intervalNs) {
                    Thread.onSpinWait();
                }
            }
            final int offset = offsets[i];
            buffer.putLong(offset + STAMP_OFFSET, clock.epochNs());
            writer.beginCommand(i + 1L);
            engine.onCommand(buffer, offset);
            writer.endCommand();
            if ((i + 1) % COMMANDS_PER_DOCUMENT == 0) {
                writer.flush();
            }
        }
        writer.flush();
        return System.nanoTime() - start;
    }

    private static void awaitSent(final MarketDataService service, final EventLog log, final WireProbe probe) {
        final EventLog.End end = log.lastEntry();
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!service.isCaughtUpWith(end) || probe.messages() < service.lastSequence()) {
            if (service.failure() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("market data stopped or stalled", service.failure());
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
    }

    private MarketDataConfig marketDataConfig(final Path runDir) {
        return MarketDataConfig.from(new Properties())
            .with(MarketDataConfig.STORE_DIR, runDir.resolve("market-data").toString())
            .with(MarketDataConfig.GROUP, group)
            .with(MarketDataConfig.REREQUEST_ADDRESS, "127.0.0.1:0")
            .with(MarketDataConfig.SENDER_IDLE_STRATEGY, idle)
            .with(MarketDataConfig.TRANSLATOR_IDLE_STRATEGY, idle);
    }

    /** The engine alone with a sink that counts: no event log, no market data. */
    private double bare(final Encoded encoded) {
        final MatchingEngine engine = new MatchingEngine(List.of(MixA.INSTRUMENT),
            EngineConfig.defaults().orderCapacity(ORDER_CAPACITY), new MatchingBenchmark.CountingSink());
        final long start = System.nanoTime();
        for (final int offset : encoded.offsets) {
            encoded.buffer.putLong(offset + STAMP_OFFSET, clock.epochNs());
            engine.onCommand(encoded.buffer, offset);
        }
        return encoded.offsets.length * 1e9 / (System.nanoTime() - start);
    }

    @Override
    public Integer call() throws Exception {
        delete(dir);
        System.out.printf("mix-A: generating %,d warm-up and %,d measured commands%n", warmup, commands);
        final Encoded warm = new Encoded(MixA.generate(MixA.SEED + 1, warmup));
        final Encoded measured = new Encoded(MixA.generate(MixA.SEED, commands));
        for (int i = 0; i < 2; i++) {
            bare(warm);
            run(warm, dir.resolve("warm-alone-" + i), false);
            run(warm, dir.resolve("warm-md-" + i), true);
        }
        delete(dir);
        final double[] alone = new double[runs];
        final double[] withMd = new double[runs];
        final double[] bare = new double[runs];
        final Run[] mdRuns = new Run[runs];
        for (int r = 0; r < runs; r++) {
            bare[r] = bare(measured);
            // Alternate which goes first, so that neither always runs on a machine the other has warmed.
            if (r % 2 == 1) {
                mdRuns[r] = run(measured, dir.resolve("md-" + r), true);
                delete(dir);
            }
            alone[r] = run(measured, dir.resolve("alone-" + r), false).commandsPerS();
            delete(dir);
            if (r % 2 == 0) {
                mdRuns[r] = run(measured, dir.resolve("md-" + r), true);
                delete(dir);
            }
            withMd[r] = mdRuns[r].commandsPerS();
            System.out.printf("run %d (%s first): engine %,.0f commands/s alone, %,.0f with market data (%,d messages in "
                    + "%,d packets, %,.0f messages/s, last packet %,d ms after the engine's last command); bare engine %,.0f%n",
                r + 1, r % 2 == 0 ? "alone" : "market data", alone[r], withMd[r], mdRuns[r].messages(),
                mdRuns[r].packets(), mdRuns[r].messagesPerS(), mdRuns[r].lagMs(), bare[r]);
        }
        final Run paced = pacedRate > 0 ? run(measured, dir.resolve("paced"), true, pacedRate) : null;
        delete(dir);
        final Run median = medianRun(mdRuns);
        final Histogram latency = median.latencies();
        final double alonePerS = median(alone);
        final double withMdPerS = median(withMd);
        final Results results = new Results()
            .put("workload", "mix-A")
            .put("commands", commands)
            .put("runs", runs)
            .put("messages_per_s", Math.round(median.messagesPerS()))
            .put("packets_per_s", Math.round(median.packetsPerS()))
            .put("p50_ns", latency.getValueAtPercentile(50))
            .put("p99_ns", latency.getValueAtPercentile(99))
            .put("p999_ns", latency.getValueAtPercentile(99.9))
            .put("max_ns", latency.getMaxValue())
            .put("engine_throughput_cmds_per_s", Math.round(alonePerS))
            .put("engine_with_md_throughput_cmds_per_s", Math.round(withMdPerS))
            .put("ratio_with_md", Math.round(withMdPerS / alonePerS * 1000) / 1000.0)
            .put("meets_90_percent_target", withMdPerS >= 0.9 * alonePerS ? "yes" : "no")
            .put("engine_bare_throughput_cmds_per_s", Math.round(median(bare)))
            .put("messages", median.messages())
            .put("packets", median.packets())
            .put("md_lag_after_engine_ms", median.lagMs())
            .put("paced_rate_cmds_per_s", pacedRate)
            .put("paced_p50_ns", paced == null ? 0 : paced.latencies().getValueAtPercentile(50))
            .put("paced_p99_ns", paced == null ? 0 : paced.latencies().getValueAtPercentile(99))
            .put("paced_p999_ns", paced == null ? 0 : paced.latencies().getValueAtPercentile(99.9))
            .put("paced_max_ns", paced == null ? 0 : paced.latencies().getMaxValue())
            .put("md_cpu_ns_per_message", median.mdCpuNs() / Math.max(1, median.messages()))
            .put("md_cores", Math.round(median.mdCpuNs() / 1e9 / (median.messages() / median.messagesPerS()) * 100) / 100.0)
            .put("latency_from", "command time stamp (taken just before the engine applies it)")
            .put("latency_to", "MoldUDP64 packet handed to the socket (Netty channel write)")
            .put("md_idle_strategy", idle)
            .put("cpus", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("%nengine alone (with its event log): %,.0f commands/s; with market data: %,.0f (%.1f%%; target 90%%)%n",
            alonePerS, withMdPerS, withMdPerS / alonePerS * 100);
        System.out.printf("market data: %,.0f ITCH messages/s, %,.0f packets/s; event-to-wire latency (ns): p50 %,d, p99 %,d, "
                + "p99.9 %,d, max %,d%n", median.messagesPerS(), median.packetsPerS(), latency.getValueAtPercentile(50),
            latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9), latency.getMaxValue());
        if (paced != null) {
            System.out.printf("paced at %,d commands/s: event-to-wire latency (ns): p50 %,d, p99 %,d, p99.9 %,d, max %,d%n",
                pacedRate, paced.latencies().getValueAtPercentile(50), paced.latencies().getValueAtPercentile(99),
                paced.latencies().getValueAtPercentile(99.9), paced.latencies().getMaxValue());
        }
        System.out.printf("market-data threads: %,d ns of CPU per message, %.2f cores on average until the last packet%n",
            median.mdCpuNs() / Math.max(1, median.messages()),
            median.mdCpuNs() / 1e9 / (median.messages() / median.messagesPerS()));
        System.out.printf("engine with a counting sink (no event log): %,.0f commands/s%n", median(bare));
        results.write(output);
        System.out.println("wrote " + output);
        delete(dir);
        return 0;
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The run with the median engine rate with market data. */
    private static Run medianRun(final Run[] runs) {
        final Run[] sorted = runs.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(Run::commandsPerS));
        return sorted[sorted.length / 2];
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
