package exchange.benchmarks;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.TradingPhase;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.SetPhaseCommand;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The opening auction of a large pre-open book: the book is built in pre-open (not timed), then the
 * move to continuous trading, which uncrosses it, is timed on its own.
 *
 * <p>The book: buy limits around a mid plus 20 ticks and sell limits around the mid minus 20 ticks,
 * each spread over some 2,000 price levels (a triangular distribution, 1,000 ticks wide either side),
 * 100 to 1,000 shares each, from eight firms; the last 0.5% are market orders. About a third of the
 * book crosses. Optionally one order in a thousand is auction-only (at the open), which makes the
 * uncross also look through the whole book for the auction-only orders left to expire.
 */
final class OpeningAuction {
    static final int INSTRUMENT_ID = 1;
    private static final long MID = 100_0000;
    private static final long TICK = 100;
    private static final Instrument INSTRUMENT = Instrument.builder(INSTRUMENT_ID, "OPEN").tickSize(TICK)
        .referencePrice(MID).maxPriceLevels(4096).build();

    /** What one uncross did. */
    static final class Result {
        long elapsedNs;
        long events;
        long trades;
        long tradedQty;
        long restingBefore;
        long restingAfter;
    }

    private OpeningAuction() {
    }

    /**
     * @param orders        the pre-open book's size
     * @param withAuctionOnly whether one order in a thousand is at-the-open
     * @return the timing and size of the uncross
     */
    static Result uncross(final int orders, final boolean withAuctionOnly) {
        final MatchingBenchmark.CountingSink sink = new MatchingBenchmark.CountingSink();
        final MatchingEngine engine = new MatchingEngine(List.of(INSTRUMENT),
            EngineConfig.defaults().orderCapacity(orders + 1024).levelCapacity(8192), sink);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final SetPhaseCommand phase = new SetPhaseCommand();
        phase.wrap(buffer, 0);
        long sequence = 1;
        phase.init().sequence(sequence++).timestampNs(sequence).instrumentId(INSTRUMENT_ID);
        phase.phase(TradingPhase.PRE_OPEN);
        engine.onCommand(buffer, 0);

        final SplittableRandom random = new SplittableRandom(20_261_127L);
        final NewOrderCommand order = new NewOrderCommand();
        order.wrap(buffer, 0);
        final int markets = orders / 200;
        for (int i = 0; i < orders; i++) {
            final boolean buy = (i & 1) == 0;
            final int firm = 1 + random.nextInt(8);
            // triangular around the centre: the sum of two uniforms
            final long offset = (random.nextInt(1001) + random.nextInt(1001) - 1000) * TICK;
            final long price = Math.max(TICK, (buy ? MID + 20 * TICK : MID - 20 * TICK) + offset);
            final boolean market = i >= orders - markets;
            order.init().sequence(sequence++).timestampNs(sequence).instrumentId(INSTRUMENT_ID).sessionId(firm)
                .firmId(firm);
            order.side(buy ? Side.BUY : Side.SELL)
                .orderType(market ? OrderType.MARKET : OrderType.LIMIT)
                .timeInForce(withAuctionOnly && i % 1000 == 999 ? TimeInForce.AT_THE_OPEN : TimeInForce.DAY)
                .price(market ? 0 : price)
                .quantity(100L * (1 + random.nextInt(10)));
            engine.onCommand(buffer, 0);
        }
        final Result result = new Result();
        result.restingBefore = engine.liveOrderCount();
        final long eventsBefore = sink.events;
        phase.wrap(buffer, 0);
        phase.init().sequence(sequence++).timestampNs(sequence).instrumentId(INSTRUMENT_ID);
        phase.phase(TradingPhase.CONTINUOUS);
        final long start = System.nanoTime();
        engine.onCommand(buffer, 0);
        result.elapsedNs = System.nanoTime() - start;
        result.events = sink.events - eventsBefore;
        result.trades = sink.trades;
        result.tradedQty = sink.tradedQty;
        result.restingAfter = engine.liveOrderCount();
        if (engine.phase(INSTRUMENT_ID) != TradingPhase.CONTINUOUS) {
            throw new IllegalStateException("the book did not open");
        }
        return result;
    }
}
