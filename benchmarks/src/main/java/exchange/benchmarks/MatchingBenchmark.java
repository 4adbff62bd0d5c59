package exchange.benchmarks;

import exchange.core2.core.common.cmd.OrderCommand;
import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.EventSink;
import exchange.matching.event.TradeEvent;
import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/bench matching}: the order book alone, on one thread, on the mix-A stream. Measures our
 * engine's throughput and per-command latency, the heap each resting order costs, and exchange-core
 * 0.5.3's order book on the same stream in the same run; our engine on mix-B ({@link MixB}), run for
 * run beside mix-A, so that the cost of market structure shows as their ratio, and mix-A's own stream on
 * mix-B's engine configuration, which isolates what the features cost orders that do not use them;
 * and the time to uncross the opening auction of a 1,000,000-order pre-open book
 * ({@link OpeningAuction}).
 *
 * <p>Commands are turned into each engine's own format outside the timed region, a chunk at a time;
 * only applying them is timed. Throughput is the median of several fresh runs.
 */
@Command(name = "matching", mixinStandardHelpOptions = true,
    description = "Order book throughput, latency and memory on mix-A, against exchange-core 0.5.3; mix-B (mix-A "
        + "with stops, icebergs, post-only and self-trade prevention) in the same run; the opening auction of a "
        + "1,000,000-order pre-open book.")
public final class MatchingBenchmark implements Callable<Integer> {
    private static final int CHUNK = 1 << 20;
    private static final int RESTING_ORDERS = 1_000_000;

    @Option(names = "--commands", description = "Measured mix-A commands (default: ${DEFAULT-VALUE}).")
    int commands = 10_000_000;

    @Option(names = "--warmup", description = "Warm-up commands (default: ${DEFAULT-VALUE}).")
    int warmup = 2_000_000;

    @Option(names = "--runs", description = "Timed runs per engine; the median counts (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--output", description = "JSON results file (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("benchmarks/target/results/matching.json");

    /** Counts events and traded quantity: the least a consumer does. */
    static final class CountingSink implements EventSink {
        long events;
        long trades;
        long tradedQty;

        @Override
        public void onEvent(final MutableDirectBuffer buffer, final int offset, final int length) {
            events++;
            if (buffer.getByte(offset + 2) == 4) {
                trades++;
                tradedQty += buffer.getLong(offset + TradeEvent.QUANTITY_OFFSET);
            }
        }
    }

    /** Our engine's commands for one chunk, encoded once per run outside the timed region. */
    static final class EncodedChunk {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CHUNK * 128]);
        final int[] offsets = new int[CHUNK];
        final NewOrderCommand newOrder = new NewOrderCommand();
        final CancelCommand cancel = new CancelCommand();
        final ReplaceCommand replace = new ReplaceCommand();
        int size;

        void encode(final Workload w, final int from, final int to) {
            int at = 0;
            size = to - from;
            for (int i = from; i < to; i++) {
                offsets[i - from] = at;
                at += MixA.encode(w, i, buffer, at, newOrder, cancel, replace);
            }
        }
    }

    static MatchingEngine newEngine(final EventSink sink) {
        return new MatchingEngine(List.of(MixA.INSTRUMENT), EngineConfig.defaults().orderCapacity(1 << 20), sink);
    }

    static MatchingEngine newMixBEngine(final EventSink sink) {
        return new MatchingEngine(List.of(MixA.MIX_B_INSTRUMENT), MixA.MIX_B_CONFIG, sink);
    }

    static long runOurs(final Workload w, final EncodedChunk chunk, final MatchingEngine engine) {
        long elapsed = 0;
        for (int from = 0; from < w.size(); from += CHUNK) {
            final int to = Math.min(w.size(), from + CHUNK);
            chunk.encode(w, from, to);
            final UnsafeBuffer buffer = chunk.buffer;
            final int[] offsets = chunk.offsets;
            final int n = chunk.size;
            final long start = System.nanoTime();
            for (int j = 0; j < n; j++) {
                engine.onCommand(buffer, offsets[j]);
            }
            elapsed += System.nanoTime() - start;
        }
        return elapsed;
    }

    static long runExchangeCore(final Workload w, final OrderCommand[] chunk, final ExchangeCoreBook book,
                                final boolean count) {
        long elapsed = 0;
        for (int from = 0; from < w.size(); from += CHUNK) {
            final int to = Math.min(w.size(), from + CHUNK);
            for (int i = from; i < to; i++) {
                ExchangeCoreBook.fill(w, i, chunk[i - from]);
            }
            final int n = to - from;
            final long start = System.nanoTime();
            for (int j = 0; j < n; j++) {
                book.apply(chunk[j]);
            }
            elapsed += System.nanoTime() - start;
            if (count) {
                for (int j = 0; j < n; j++) {
                    book.count(chunk[j]);
                }
            }
        }
        return elapsed;
    }

    static Histogram latencies(final Workload w, final EncodedChunk chunk) {
        final Histogram histogram = new Histogram(1_000_000_000L, 3);
        final MatchingEngine engine = newEngine(new CountingSink());
        for (int from = 0; from < w.size(); from += CHUNK) {
            final int to = Math.min(w.size(), from + CHUNK);
            chunk.encode(w, from, to);
            for (int j = 0; j < chunk.size; j++) {
                final long start = System.nanoTime();
                engine.onCommand(chunk.buffer, chunk.offsets[j]);
                histogram.recordValue(System.nanoTime() - start);
            }
        }
        return histogram;
    }

    static long timerOverheadNs() {
        final Histogram h = new Histogram(1_000_000_000L, 3); // a pause on a shared machine must not abort the run
        for (int i = 0; i < 1_000_000; i++) {
            final long start = System.nanoTime();
            h.recordValue(System.nanoTime() - start);
        }
        return h.getValueAtPercentile(50);
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        final Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Builds a book of one million resting orders (500 per level, 1,000 levels a side) in an engine
     * sized for exactly that, and divides the heap it holds by the order count.
     */
    static double bytesPerRestingOrder() {
        final Instrument wide = Instrument.builder(1, "WIDE").tickSize(100).maxPriceLevels(1024).build();
        final long before = usedHeap();
        final CountingSink sink = new CountingSink();
        final MatchingEngine engine = new MatchingEngine(List.of(wide),
            EngineConfig.defaults().orderCapacity(RESTING_ORDERS).levelCapacity(2048).extrasCapacity(1024), sink);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final NewOrderCommand order = new NewOrderCommand();
        order.wrap(buffer, 0);
        for (int i = 0; i < RESTING_ORDERS; i++) {
            final boolean buy = (i & 1) == 0;
            final long level = (i / 2) % 1000;
            order.init().sequence(i + 1L).timestampNs(i + 1L).instrumentId(1).sessionId(1 + i % 8).firmId(1 + i % 8);
            order.side(buy ? Side.BUY : Side.SELL).orderType(OrderType.LIMIT).timeInForce(TimeInForce.DAY)
                .price(buy ? (1000 - level) * 100 : (1001 + level) * 100).quantity(100);
            engine.onCommand(buffer, 0);
        }
        if (engine.liveOrderCount() != RESTING_ORDERS) {
            throw new IllegalStateException("expected " + RESTING_ORDERS + " resting orders, got " + engine.liveOrderCount());
        }
        final long after = usedHeap();
        final double perOrder = (double) (after - before) / RESTING_ORDERS;
        if (engine.liveOrderCount() == 0) { // keeps the engine reachable until measured
            throw new IllegalStateException();
        }
        return perOrder;
    }

    static double median(final long[] values) {
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf("mix-A and mix-B: generating %,d warm-up and %,d measured commands each%n", warmup, commands);
        final Workload warm = MixA.generate(MixA.SEED + 1, warmup);
        final Workload stream = MixA.generate(MixA.SEED, commands);
        final Workload warmB = MixB.generate(MixB.SEED + 1, warmup);
        final Workload streamB = MixB.generate(MixB.SEED, commands);
        System.out.printf("mix-A: %.1f%% new limit, %.1f%% cancel, %.1f%% replace (%.1f%% price, %.1f%% qty down), "
                + "%.1f%% market, %.1f%% IOC%n",
            stream.percent(Workload.NEW_LIMIT), stream.percent(Workload.CANCEL),
            stream.percent(Workload.MOVE) + stream.percent(Workload.REDUCE), stream.percent(Workload.MOVE),
            stream.percent(Workload.REDUCE), stream.percent(Workload.NEW_MARKET), stream.percent(Workload.NEW_IOC));
        System.out.printf("mix-B: %.1f%% stop, %.1f%% iceberg, %.1f%% post-only, %.1f%% new limit, %.1f%% cancel, "
                + "%.1f%% replace, %.1f%% market or IOC; self-trade prevention on for %d firms%n",
            streamB.percent(Workload.NEW_STOP), streamB.percent(Workload.NEW_ICEBERG),
            streamB.percent(Workload.NEW_POST_ONLY), streamB.percent(Workload.NEW_LIMIT), streamB.percent(Workload.CANCEL),
            streamB.percent(Workload.MOVE) + streamB.percent(Workload.REDUCE),
            streamB.percent(Workload.NEW_MARKET) + streamB.percent(Workload.NEW_IOC), MixA.FIRMS);

        final EncodedChunk chunk = new EncodedChunk();
        final OrderCommand[] ecChunk = new OrderCommand[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            ecChunk[i] = new OrderCommand();
        }

        for (int i = 0; i < 2; i++) {
            runOurs(warm, chunk, newEngine(new CountingSink()));
            runOurs(warmB, chunk, newMixBEngine(new CountingSink()));
            runExchangeCore(warm, ecChunk, new ExchangeCoreBook(), false);
        }

        final long[] ours = new long[runs];
        final long[] oursB = new long[runs];
        final long[] oursAonB = new long[runs];
        final long[] theirs = new long[runs];
        CountingSink oursSink = null;
        CountingSink mixBSink = null;
        ExchangeCoreBook theirBook = null;
        MatchingEngine lastEngine = null;
        for (int r = 0; r < runs; r++) {
            oursSink = new CountingSink();
            lastEngine = newEngine(oursSink);
            ours[r] = runOurs(stream, chunk, lastEngine);
            mixBSink = new CountingSink();
            oursB[r] = runOurs(streamB, chunk, newMixBEngine(mixBSink));
            oursAonB[r] = runOurs(stream, chunk, newMixBEngine(new CountingSink()));
            theirBook = new ExchangeCoreBook();
            theirs[r] = runExchangeCore(stream, ecChunk, theirBook, r == runs - 1);
            System.out.printf("run %d: ours mix-A %,.0f commands/s, mix-B %,.0f commands/s, mix-A on the mix-B engine %,.0f "
                    + "commands/s; exchange-core mix-A %,.0f commands/s%n", r + 1, commands * 1e9 / ours[r],
                commands * 1e9 / oursB[r], commands * 1e9 / oursAonB[r], commands * 1e9 / theirs[r]);
        }
        final double oursPerS = commands * 1e9 / median(ours);
        final double mixBPerS = commands * 1e9 / median(oursB);
        final double mixAOnBPerS = commands * 1e9 / median(oursAonB);
        final double theirsPerS = commands * 1e9 / median(theirs);
        System.out.printf("cross-check: ours %,d trades / %,d shares, exchange-core %,d trades / %,d shares; "
                + "resting orders at the end: ours %,d, exchange-core %,d%n",
            oursSink.trades, oursSink.tradedQty, theirBook.trades(), theirBook.tradedQty(),
            lastEngine.liveOrderCount(), theirBook.restingOrders());

        final long[] uncross = new long[3];
        OpeningAuction.Result auction = null;
        for (int r = 0; r < uncross.length; r++) {
            auction = OpeningAuction.uncross(RESTING_ORDERS, false);
            uncross[r] = auction.elapsedNs;
        }
        final double uncrossMs = median(uncross) / 1e6;
        final double withAuctionOnlyMs = OpeningAuction.uncross(RESTING_ORDERS, true).elapsedNs / 1e6;

        final long timer = timerOverheadNs();
        final Histogram latency = latencies(stream, chunk);
        final double bytesPerOrder = bytesPerRestingOrder();

        final Results results = new Results()
            .put("workload", "mix-A")
            .put("commands", commands)
            .put("throughput_cmds_per_s", Math.round(oursPerS))
            .put("p50_ns", latency.getValueAtPercentile(50))
            .put("p99_ns", latency.getValueAtPercentile(99))
            .put("p999_ns", latency.getValueAtPercentile(99.9))
            .put("max_ns", latency.getMaxValue())
            .put("timer_overhead_ns", timer)
            .put("bytes_per_resting_order", Math.round(bytesPerOrder * 10) / 10.0)
            .put("mixB_throughput_cmds_per_s", Math.round(mixBPerS))
            .put("mixB_vs_mixA", Math.round(mixBPerS / oursPerS * 100) / 100.0)
            .put("mixA_on_mixB_engine_vs_mixA", Math.round(mixAOnBPerS / oursPerS * 100) / 100.0)
            .put("auction_uncross_1m_orders_ms", Math.round(uncrossMs * 10) / 10.0)
            .put("auction_uncross_1m_orders_with_auction_only_ms", Math.round(withAuctionOnlyMs * 10) / 10.0)
            .put("auction_uncross_1m_orders_trades", auction.trades)
            .put("exchange_core_throughput_cmds_per_s", Math.round(theirsPerS))
            .put("ratio_vs_exchange_core", Math.round(oursPerS / theirsPerS * 100) / 100.0)
            .put("events", oursSink.events)
            .put("trades", oursSink.trades)
            .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("%nour engine:    %,.0f commands/s (median of %d runs of %,d)%n", oursPerS, runs, commands);
        System.out.printf("exchange-core: %,.0f commands/s  -> ratio ours/theirs %.2f%n", theirsPerS, oursPerS / theirsPerS);
        System.out.printf("our engine, mix-B: %,.0f commands/s (%.0f%% of mix-A; %,d events, %,d trades)%n", mixBPerS,
            100 * mixBPerS / oursPerS, mixBSink.events, mixBSink.trades);
        System.out.printf("our engine, mix-A on the mix-B engine (self-trade prevention on, post-only repriced): %,.0f "
            + "commands/s (%.0f%% of mix-A)%n", mixAOnBPerS, 100 * mixAOnBPerS / oursPerS);
        System.out.printf("opening auction of %,d pre-open orders: uncross in %.1f ms (median of %d): %,d trades, "
                + "%,d shares, %,d events, %,d orders left; with auction-only orders to expire: %.1f ms%n",
            auction.restingBefore, uncrossMs, uncross.length, auction.trades, auction.tradedQty, auction.events,
            auction.restingAfter, withAuctionOnlyMs);
        System.out.printf("latency per command (ns, includes ~%d ns of timer): p50 %d, p99 %d, p99.9 %d, max %d%n", timer,
            latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
            latency.getMaxValue());
        System.out.printf("heap per resting order at %,d resting orders: %.1f bytes%n", RESTING_ORDERS, bytesPerOrder);
        results.write(output);
        System.out.println("wrote " + output);
        return 0;
    }
}
