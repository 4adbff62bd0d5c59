package exchange.benchmarks;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.sequencer.CommandWriter;
import exchange.sequencer.EventLogReader;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/bench sequencer}: the whole line on this machine, with real Chronicle files: a gateway
 * thread appends to the journal, the matching thread applies and publishes to the event log.
 * <ul>
 *   <li>throughput: mix-A appended as fast as the gateway thread can, until every command is applied
 *       and its events published;</li>
 *   <li>latency: mix-A appended at a fixed rate; a consumer thread reads the event log and records,
 *       for each command's first event, the time from when the command was due to be appended to
 *       when the consumer read its event (so queueing behind a slow moment counts: corrected for
 *       coordinated omission);</li>
 *   <li>recovery: the time to start a sequencer on the journal of the throughput run, replaying every
 *       command;</li>
 *   <li>the opening rush: ten buy orders for every sell order on one instrument, each sell sweeping
 *       about ten buys, until every order has been applied.</li>
 * </ul>
 */
@Command(name = "sequencer", mixinStandardHelpOptions = true,
    description = "Journal, matching thread and event log end to end: throughput, latency, recovery, opening rush.")
public final class SequencerBenchmark implements Callable<Integer> {
    @Option(names = "--commands", description = "mix-A commands for throughput and recovery (default: ${DEFAULT-VALUE}).")
    int commands = 10_000_000;

    @Option(names = "--latency-commands", description = "mix-A commands for the latency run (default: ${DEFAULT-VALUE}).")
    int latencyCommands = 2_000_000;

    @Option(names = "--rate", description = "commands per second in the latency run (default: ${DEFAULT-VALUE}).")
    int rate = 200_000;

    @Option(names = "--rush-buys", description = "buy orders in the opening rush (default: ${DEFAULT-VALUE}).")
    int rushBuys = 10_000_000;

    @Option(names = "--idle", description = "matching thread idle strategy (default: ${DEFAULT-VALUE}).")
    String idle = "backoff";

    @Option(names = "--dir", description = "scratch directory for journals, deleted after (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("benchmarks/target/bench-data");

    @Option(names = "--output", description = "JSON results file (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("benchmarks/target/results/sequencer.json");

    private SequencerConfig config(final Path data, final int orderCapacity) {
        return SequencerConfig.builder(data).idleStrategy(idle).snapshotInterval(0)
            .engine(EngineConfig.defaults().orderCapacity(orderCapacity).levelCapacity(1 << 16)).build();
    }

    /** Encodes mix-A command i straight into the journal's buffer: the gateway's work. */
    static final class MixAWriter implements CommandWriter {
        final Workload workload;
        final NewOrderCommand newOrder = new NewOrderCommand();
        final CancelCommand cancel = new CancelCommand();
        final ReplaceCommand replace = new ReplaceCommand();
        int next;

        MixAWriter(final Workload workload) {
            this.workload = workload;
        }

        @Override
        public int write(final MutableDirectBuffer buffer, final int offset) {
            return MixA.encode(workload, next, (org.agrona.concurrent.UnsafeBuffer) buffer, offset, newOrder, cancel, replace);
        }
    }

    private static void awaitApplied(final Sequencer sequencer, final long sequence) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (sequencer.appliedSequence() < sequence) {
            if (sequencer.failure() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("the matching thread stopped or stalled", sequencer.failure());
            }
            // park rather than spin: on two cores a spinning harness thread takes CPU from the threads measured
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
    }

    private double throughput(final Workload workload, final Path data) throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(data, 1 << 20), List.of(MixA.INSTRUMENT),
            new SystemEpochNanoClock())) {
            final MixAWriter writer = new MixAWriter(workload);
            final long start = System.nanoTime();
            for (int i = 0; i < workload.size(); i++) {
                writer.next = i;
                sequencer.commands().append(writer);
            }
            final long appended = System.nanoTime();
            awaitApplied(sequencer, workload.size());
            final long elapsed = System.nanoTime() - start;
            System.out.printf("throughput: %,d commands appended in %,d ms, applied and published in %,d ms%n",
                workload.size(), (appended - start) / 1_000_000, elapsed / 1_000_000);
            return workload.size() * 1e9 / elapsed;
        }
    }

    private Histogram latency(final Workload workload, final Path data) throws Exception {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        try (Sequencer sequencer = Sequencer.start(config(data, 1 << 20), List.of(MixA.INSTRUMENT),
            new SystemEpochNanoClock())) {
            final long intervalNs = 1_000_000_000L / rate;
            final long start = System.nanoTime() + 10_000_000L;
            final long total = workload.size();
            final Thread consumer = new Thread(() -> {
                final org.agrona.concurrent.IdleStrategy idleConsumer = new org.agrona.concurrent.BackoffIdleStrategy(
                    100, 10, 1_000, 20_000);
                try (EventLogReader reader = sequencer.eventLog().newReader()) {
                    final long[] seen = {0};
                    while (seen[0] < total) {
                        idleConsumer.idle(reader.poll((doc, sequence, eventIndex, buffer, offset, length) -> {
                            if (eventIndex == 0) {
                                final long due = start + (sequence - 1) * intervalNs;
                                histogram.recordValue(Math.max(0, System.nanoTime() - due));
                            }
                            seen[0] = sequence;
                        }, 16));
                    }
                }
            }, "latency-consumer");
            consumer.start();
            final MixAWriter writer = new MixAWriter(workload);
            for (int i = 0; i < workload.size(); i++) {
                final long due = start + i * intervalNs;
                long ahead;
                while ((ahead = due - System.nanoTime()) > 0) {
                    // A gateway waits on its sockets: park, leaving the core to the matching thread.
                    java.util.concurrent.locks.LockSupport.parkNanos(ahead);
                }
                writer.next = i;
                sequencer.commands().append(writer);
            }
            consumer.join(TimeUnit.MINUTES.toMillis(5));
        }
        return histogram;
    }

    private long recovery(final Path data) {
        final long start = System.nanoTime();
        try (Sequencer sequencer = Sequencer.start(config(data, 1 << 20), List.of(MixA.INSTRUMENT),
            new SystemEpochNanoClock())) {
            final long elapsed = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("recovery: %,d commands replayed in %,d ms%n", sequencer.recovery().replayedCommands(), elapsed);
            return elapsed;
        }
    }

    private long rush(final Path data) throws Exception {
        final int sells = rushBuys / 10;
        final Instrument rushInstrument = Instrument.builder(1, "RUSH").tickSize(100).maxPriceLevels(1024)
            .referencePrice(100_0000).build();
        try (Sequencer sequencer = Sequencer.start(config(data, Integer.highestOneBit(rushBuys) * 2), List.of(rushInstrument),
            new SystemEpochNanoClock())) {
            final SplittableRandom random = new SplittableRandom(42);
            final NewOrderCommand order = new NewOrderCommand();
            final int[] firm = {1};
            final long[] price = {0};
            final long[] qty = {0};
            final boolean[] buy = {true};
            final CommandWriter writer = (buffer, offset) -> {
                order.wrap(buffer, offset);
                order.init().instrumentId(1).sessionId(firm[0]).firmId(firm[0]);
                order.side(buy[0] ? Side.BUY : Side.SELL).orderType(OrderType.LIMIT).timeInForce(TimeInForce.DAY)
                    .price(price[0]).quantity(qty[0]);
                return order.length();
            };
            final long start = System.nanoTime();
            long appended = 0;
            for (int s = 0; s < sells; s++) {
                for (int b = 0; b < 10; b++) {
                    buy[0] = true;
                    firm[0] = 1 + random.nextInt(8);
                    price[0] = 100_0000 - 100L * random.nextInt(50);
                    qty[0] = 100;
                    sequencer.commands().append(writer);
                }
                buy[0] = false;
                firm[0] = 9;
                price[0] = 95_0000;
                qty[0] = 1_000;
                appended = sequencer.commands().append(writer);
            }
            awaitApplied(sequencer, appended);
            final long elapsed = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("opening rush: %,d buys and %,d sells cleared in %,d ms%n", rushBuys, sells, elapsed);
            return elapsed;
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

    @Override
    public Integer call() throws Exception {
        delete(dir);
        System.out.printf("mix-A: generating %,d commands%n", Math.max(commands, latencyCommands));
        final Workload stream = MixA.generate(MixA.SEED, Math.max(commands, latencyCommands));
        final Workload warm = MixA.generate(MixA.SEED + 1, 1_000_000);

        throughput(warm, dir.resolve("warmup"));
        delete(dir.resolve("warmup"));

        final Workload main = commands == stream.size() ? stream : MixA.generate(MixA.SEED, commands);
        final double perSecond = throughput(main, dir.resolve("throughput"));
        final long recoveryMs = recovery(dir.resolve("throughput"));
        delete(dir.resolve("throughput"));

        final Workload latencyStream = latencyCommands == stream.size() ? stream : MixA.generate(MixA.SEED, latencyCommands);
        final Histogram latency = latency(latencyStream, dir.resolve("latency"));
        delete(dir.resolve("latency"));

        final long rushMs = rush(dir.resolve("rush"));
        delete(dir.resolve("rush"));

        final Results results = new Results()
            .put("workload", "mix-A")
            .put("commands", commands)
            .put("throughput_cmds_per_s", Math.round(perSecond))
            .put("latency_rate_cmds_per_s", rate)
            .put("p50_ns", latency.getValueAtPercentile(50))
            .put("p99_ns", latency.getValueAtPercentile(99))
            .put("p999_ns", latency.getValueAtPercentile(99.9))
            .put("max_ns", latency.getMaxValue())
            .put("recovery_commands", commands)
            .put("recovery_10m_ms", recoveryMs)
            .put("rush_orders", rushBuys + rushBuys / 10)
            .put("rush_11m_orders_ms", rushMs)
            .put("idle_strategy", idle)
            .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("%nend to end: %,.0f commands/s; latency at %,d/s (ns): p50 %d, p99 %d, p99.9 %d, max %d%n",
            perSecond, rate, latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
            latency.getValueAtPercentile(99.9), latency.getMaxValue());
        System.out.printf("recovery of %,d commands: %,d ms; opening rush of %,d orders: %,d ms%n", commands, recoveryMs,
            rushBuys + rushBuys / 10, rushMs);
        results.write(output);
        System.out.println("wrote " + output);
        delete(dir);
        return 0;
    }
}
