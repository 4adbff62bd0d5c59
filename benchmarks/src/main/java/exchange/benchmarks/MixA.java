package exchange.benchmarks;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.PostOnlyPolicy;
import exchange.matching.SelfTradePrevention;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
import exchange.matching.event.EventSink;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The "mix-A" workload, defined once: one instrument, prices around a mid with a realistic spread,
 * roughly 60% new limit orders (about one in eight crossing the spread), 25% cancels of live orders,
 * 10% replaces (half a new price, half a smaller quantity) and 5% market or IOC orders. Seeded and
 * reproducible: the same seed and length give the same stream.
 *
 * <p>"mix-B" ({@link MixB}) is mix-A with market structure, the same mix of commands with features on
 * a quarter of the new limit orders: of all commands, 5% stop or stop-limit orders one to five ticks
 * beyond the touch, 5% icebergs of 400 to 4,000 showing a quarter, 5% post-only orders at or near
 * the touch (repriced when they would take), 45% plain new limits; cancels, replaces and immediate
 * orders as in mix-A; self-trade prevention on for its eight firms ({@link #MIX_B_CONFIG}). Cancels
 * reach waiting stops too; a replace drawn for a stop cancels it instead.
 *
 * <p>To cancel and replace only live orders, the generator feeds every command to a tracking engine
 * and follows its events; that pass is not part of any measurement. The size of the aggressive orders
 * follows the book's depth, so the book stays near {@link #TARGET_RESTING_ORDERS} orders however long
 * the stream.
 */
public final class MixA {
    /** The seed of the measured stream; warm-up uses another. */
    public static final long SEED = 20_261_127L;
    public static final int INSTRUMENT_ID = 1;
    public static final Instrument INSTRUMENT =
        Instrument.builder(INSTRUMENT_ID, "MIXA").tickSize(100).lotSize(1).referencePrice(100_0000).build();
    public static final long TICK = 100;
    public static final long MID = 100_0000;
    public static final int TARGET_RESTING_ORDERS = 5_000;
    /** Nanoseconds between the time stamps of successive commands: 10 M commands per second. */
    public static final long COMMAND_SPACING_NS = 100;
    public static final int FIRMS = 8;
    /** The mix-B instrument: mix-A's, with post-only orders that would take repriced a tick away. */
    public static final Instrument MIX_B_INSTRUMENT = Instrument.builder(INSTRUMENT_ID, "MIXB").tickSize(100).lotSize(1)
        .referencePrice(100_0000).postOnlyPolicy(PostOnlyPolicy.REPRICE).build();
    /**
     * mix-B's engine: self-trade prevention for every firm (cancel the resting order by default;
     * firms 3 and 4 cancel the aggressor, 5 decrements, 6 cancels both), room for its stops and icebergs.
     */
    public static final EngineConfig MIX_B_CONFIG = EngineConfig.defaults().orderCapacity(1 << 20)
        .extrasCapacity(1 << 18).selfTradePrevention(SelfTradePrevention.CANCEL_RESTING)
        .firmSelfTradePrevention(3, SelfTradePrevention.CANCEL_AGGRESSOR)
        .firmSelfTradePrevention(4, SelfTradePrevention.CANCEL_AGGRESSOR)
        .firmSelfTradePrevention(5, SelfTradePrevention.DECREMENT)
        .firmSelfTradePrevention(6, SelfTradePrevention.CANCEL_BOTH);

    private final SplittableRandom random;
    private final Workload workload;
    private final MatchingEngine tracker;
    private final LiveOrders live = new LiveOrders();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelCommand cancel = new CancelCommand();
    private final ReplaceCommand replace = new ReplaceCommand();

    private final boolean marketStructure;

    private MixA(final long seed, final int count, final boolean marketStructure) {
        this.random = new SplittableRandom(seed);
        this.marketStructure = marketStructure;
        this.workload = new Workload(count, marketStructure);
        final EventDecoder decoder = new EventDecoder();
        // One sink class for both trackers: the engine's event call site then sees two sink classes in
        // a run (this and the measured runs' counting sink), as it did before mix-B, and stays inlined.
        final EventSink sink = (b, o, l) -> decoder.decode(b, o, live);
        this.tracker = marketStructure
            ? new MatchingEngine(List.of(MIX_B_INSTRUMENT), MIX_B_CONFIG, sink)
            : new MatchingEngine(List.of(INSTRUMENT), EngineConfig.defaults().orderCapacity(1 << 20), sink);
        newOrder.wrap(buffer, 0);
        cancel.wrap(buffer, 0);
        replace.wrap(buffer, 0);
    }

    /**
     * @param seed  random seed
     * @param count number of commands
     * @return the stream
     */
    public static Workload generate(final long seed, final int count) {
        return generate(seed, count, false);
    }

    static Workload generate(final long seed, final int count, final boolean marketStructure) {
        final MixA mix = new MixA(seed, count, marketStructure);
        for (int i = 0; i < count; i++) {
            mix.next(i + 1L);
        }
        return mix.workload;
    }

    private void next(final long sequence) {
        final int r = random.nextInt(100);
        if (marketStructure && r < 15) {
            // mix-B: a quarter of mix-A's new limit orders carry a feature, 5% of all commands each
            if (r < 5) {
                stop(sequence);
            } else if (r < 10) {
                iceberg(sequence);
            } else {
                postOnly(sequence);
            }
        } else if (r < 60 || live.size() == 0) {
            newLimit(sequence);
        } else if (r < 85) {
            final int i = random.nextInt(live.size());
            add(Workload.CANCEL, live.side(i), live.id(i), 0, 0, sequence);
        } else if (r < 95) {
            replace(sequence, random.nextInt(live.size()));
        } else {
            immediate(sequence);
        }
    }

    private long bestBid() {
        return tracker.bestBid(INSTRUMENT_ID);
    }

    private long bestAsk() {
        return tracker.bestAsk(INSTRUMENT_ID);
    }

    private long aggressorQty() {
        final double pressure = Math.max(0.5, (double) live.size() / TARGET_RESTING_ORDERS);
        return 100L * (5 + random.nextInt(20)) * Math.round(Math.max(1, pressure * pressure));
    }

    private void newLimit(final long sequence) {
        final boolean buy = random.nextBoolean();
        final long bid = bestBid();
        final long ask = bestAsk();
        final long price;
        final long qty;
        if (random.nextInt(8) == 0) {
            final long touch = buy ? (ask > 0 ? ask : MID) : (bid > 0 ? bid : MID);
            price = buy ? touch + TICK * random.nextInt(3) : Math.max(TICK, touch - TICK * random.nextInt(3));
            qty = aggressorQty();
        } else {
            final int depth = (int) Math.min(60, -Math.log(1 - random.nextDouble()) * 4);
            if (buy) {
                final long top = bid > 0 ? bid : (ask > 0 ? ask - TICK : MID - TICK);
                price = Math.max(TICK, Math.min(top, ask > 0 ? ask - TICK : top) - depth * TICK);
            } else {
                final long top = ask > 0 ? ask : (bid > 0 ? bid + TICK : MID + TICK);
                price = Math.max(top, bid > 0 ? bid + TICK : top) + depth * TICK;
            }
            qty = 100L * (1 + random.nextInt(10));
        }
        add(Workload.NEW_LIMIT, buy ? Workload.BUY : Workload.SELL, sequence, price, qty, sequence);
    }

    /** A stop (half of them stop-limits) one to five ticks beyond the touch and the last trade. */
    private void stop(final long sequence) {
        final boolean buy = random.nextBoolean();
        final long last = tracker.lastTradePrice(INSTRUMENT_ID) > 0 ? tracker.lastTradePrice(INSTRUMENT_ID) : MID;
        final long offset = TICK * (1 + random.nextInt(5));
        final long stopPrice = buy ? Math.max(last, bestAsk() > 0 ? bestAsk() : last) + offset
            : Math.max(TICK, Math.min(last, bestBid() > 0 ? bestBid() : last) - offset);
        final long limit = random.nextBoolean() ? 0 : buy ? stopPrice + 2 * TICK : Math.max(TICK, stopPrice - 2 * TICK);
        add(Workload.NEW_STOP, buy ? Workload.BUY : Workload.SELL, sequence, limit, 100L * (1 + random.nextInt(10)),
            sequence, stopPrice, 0);
    }

    /** A resting limit order of 400 to 4,000 showing a quarter. */
    private void iceberg(final long sequence) {
        final boolean buy = random.nextBoolean();
        final long qty = 400L * (1 + random.nextInt(10));
        add(Workload.NEW_ICEBERG, buy ? Workload.BUY : Workload.SELL, sequence, passivePrice(buy), qty, sequence, 0,
            qty / 4);
    }

    /** A post-only order at the touch or up to two ticks through it (those are repriced). */
    private void postOnly(final long sequence) {
        final boolean buy = random.nextBoolean();
        final long touch = buy ? (bestBid() > 0 ? bestBid() : MID - TICK) : (bestAsk() > 0 ? bestAsk() : MID + TICK);
        final long price = buy ? touch + TICK * random.nextInt(3) : Math.max(TICK, touch - TICK * random.nextInt(3));
        add(Workload.NEW_POST_ONLY, buy ? Workload.BUY : Workload.SELL, sequence, price, 100L * (1 + random.nextInt(10)),
            sequence, 0, 0);
    }

    /** A price on the order's own side, a few ticks behind the touch. */
    private long passivePrice(final boolean buy) {
        final long bid = bestBid();
        final long ask = bestAsk();
        final int depth = (int) Math.min(60, -Math.log(1 - random.nextDouble()) * 4);
        if (buy) {
            final long top = bid > 0 ? bid : (ask > 0 ? ask - TICK : MID - TICK);
            return Math.max(TICK, Math.min(top, ask > 0 ? ask - TICK : top) - depth * TICK);
        }
        final long top = ask > 0 ? ask : (bid > 0 ? bid + TICK : MID + TICK);
        return Math.max(top, bid > 0 ? bid + TICK : top) + depth * TICK;
    }

    private void immediate(final long sequence) {
        final boolean buy = random.nextBoolean();
        final byte side = buy ? Workload.BUY : Workload.SELL;
        if (random.nextBoolean()) {
            add(Workload.NEW_MARKET, side, sequence, 0, aggressorQty() / 2, sequence);
        } else {
            final long touch = buy ? bestAsk() : bestBid();
            final long base = touch > 0 ? touch : MID;
            final long price = buy ? base + TICK : Math.max(TICK, base - TICK);
            add(Workload.NEW_IOC, side, sequence, price, aggressorQty() / 2, sequence);
        }
    }

    private void replace(final long sequence, final int i) {
        if (live.isStop(i)) {
            add(Workload.CANCEL, live.side(i), live.id(i), 0, 0, sequence);
            return;
        }
        final long leaves = live.orderQty(i) - live.cum(i);
        if (random.nextBoolean() && leaves > 1) {
            final long reduceBy = 1 + random.nextLong(leaves - 1);
            final int at = add(Workload.REDUCE, live.side(i), live.id(i), live.price(i), live.orderQty(i) - reduceBy,
                sequence);
            workload.reduceBy[at] = (int) reduceBy;
        } else {
            final long step = TICK * (1 + random.nextInt(3));
            final long price = random.nextBoolean() || live.price(i) <= step ? live.price(i) + step : live.price(i) - step;
            add(Workload.MOVE, live.side(i), live.id(i), price, live.orderQty(i), sequence);
        }
    }

    private int add(final byte kind, final byte side, final long orderId, final long price, final long qty,
                    final long sequence) {
        return add(kind, side, orderId, price, qty, sequence, 0, 0);
    }

    private int add(final byte kind, final byte side, final long orderId, final long price, final long qty,
                    final long sequence, final long stopPrice, final long display) {
        final int firm = 1 + (int) (orderId % FIRMS);
        final int at = workload.add(kind, side, orderId, price, qty, firm);
        if (workload.stopPrice != null) {
            workload.stopPrice[at] = stopPrice;
            workload.display[at] = display;
        }
        encode(workload, at, buffer, 0, newOrder, cancel, replace);
        tracker.onCommand(buffer, 0);
        return at;
    }

    /**
     * Encodes command i of a workload as the engine's command record.
     *
     * @return the record's length
     */
    static int encode(final Workload w, final int i, final UnsafeBuffer buffer, final int offset,
                      final NewOrderCommand newOrder, final CancelCommand cancel, final ReplaceCommand replace) {
        final long sequence = i + 1L;
        final long timestampNs = sequence * COMMAND_SPACING_NS;
        final Side side = w.side[i] == Workload.BUY ? Side.BUY : Side.SELL;
        switch (w.kind[i]) {
            case Workload.NEW_LIMIT, Workload.NEW_MARKET, Workload.NEW_IOC -> {
                newOrder.wrap(buffer, offset);
                newOrder.init().sequence(sequence).timestampNs(timestampNs).instrumentId(INSTRUMENT_ID)
                    .sessionId(w.firm[i]).firmId(w.firm[i]);
                newOrder.side(side)
                    .orderType(w.kind[i] == Workload.NEW_MARKET ? OrderType.MARKET : OrderType.LIMIT)
                    .timeInForce(w.kind[i] == Workload.NEW_LIMIT ? TimeInForce.DAY : TimeInForce.IOC)
                    .price(w.price[i])
                    .quantity(w.qty[i]);
                return newOrder.length();
            }
            case Workload.NEW_STOP, Workload.NEW_ICEBERG, Workload.NEW_POST_ONLY -> {
                newOrder.wrap(buffer, offset);
                newOrder.init().sequence(sequence).timestampNs(timestampNs).instrumentId(INSTRUMENT_ID)
                    .sessionId(w.firm[i]).firmId(w.firm[i]);
                final boolean stop = w.kind[i] == Workload.NEW_STOP;
                newOrder.side(side)
                    .orderType(stop ? (w.price[i] == 0 ? OrderType.STOP : OrderType.STOP_LIMIT) : OrderType.LIMIT)
                    .timeInForce(TimeInForce.DAY)
                    .price(w.price[i])
                    .stopPrice(w.stopPrice[i])
                    .displayQuantity(w.display[i])
                    .postOnly(w.kind[i] == Workload.NEW_POST_ONLY)
                    .quantity(w.qty[i]);
                return newOrder.length();
            }
            case Workload.CANCEL -> {
                cancel.wrap(buffer, offset);
                cancel.init().sequence(sequence).timestampNs(timestampNs).instrumentId(INSTRUMENT_ID)
                    .sessionId(w.firm[i]).firmId(w.firm[i]);
                cancel.orderId(w.orderId[i]);
                return cancel.length();
            }
            case Workload.MOVE, Workload.REDUCE -> {
                replace.wrap(buffer, offset);
                replace.init().sequence(sequence).timestampNs(timestampNs).instrumentId(INSTRUMENT_ID)
                    .sessionId(w.firm[i]).firmId(w.firm[i]);
                replace.orderId(w.orderId[i]);
                replace.price(w.price[i]).quantity(w.qty[i]).side(side).orderType(OrderType.LIMIT)
                    .timeInForce(TimeInForce.DAY);
                return replace.length();
            }
            default -> throw new IllegalStateException("unknown kind " + w.kind[i]);
        }
    }

    /** The tracking engine's live orders, followed from its events; swap-remove arrays, no boxing. */
    private static final class LiveOrders implements EventHandler {
        private final Long2LongHashMap index = new Long2LongHashMap(-1);
        private long[] ids = new long[1 << 16];
        private long[] prices = new long[1 << 16];
        private long[] orderQtys = new long[1 << 16];
        private long[] cums = new long[1 << 16];
        private byte[] sides = new byte[1 << 16];
        private boolean[] stops = new boolean[1 << 16];
        private int size;

        int size() {
            return size;
        }

        long id(final int i) {
            return ids[i];
        }

        long price(final int i) {
            return prices[i];
        }

        long orderQty(final int i) {
            return orderQtys[i];
        }

        long cum(final int i) {
            return cums[i];
        }

        byte side(final int i) {
            return sides[i];
        }

        /** @return true for a stop that has not triggered: it can be cancelled, not replaced */
        boolean isStop(final int i) {
            return stops[i];
        }

        @Override
        public void onAccepted(final AcceptedEvent e) {
            if (e.orderType().isStop()) {
                track(e.orderId(), e.price(), e.orderQty(), 0, e.side(), true);
            }
        }

        @Override
        public void onBooked(final BookedEvent e) {
            final long at = index.get(e.orderId());
            if (at >= 0) {
                prices[(int) at] = e.price();
                stops[(int) at] = false; // a triggered stop that rests
                return;
            }
            track(e.orderId(), e.price(), e.orderQty(), e.orderQty() - e.leavesQty(), e.side(), false);
        }

        @Override
        public void onRestated(final RestatedEvent e) {
            final long at = index.get(e.orderId());
            if (at >= 0) {
                orderQtys[(int) at] = e.orderQty();
            }
        }

        private void track(final long orderId, final long price, final long orderQty, final long cum, final Side side,
                           final boolean stop) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                prices = java.util.Arrays.copyOf(prices, size * 2);
                orderQtys = java.util.Arrays.copyOf(orderQtys, size * 2);
                cums = java.util.Arrays.copyOf(cums, size * 2);
                sides = java.util.Arrays.copyOf(sides, size * 2);
                stops = java.util.Arrays.copyOf(stops, size * 2);
            }
            ids[size] = orderId;
            prices[size] = price;
            orderQtys[size] = orderQty;
            cums[size] = cum;
            sides[size] = side == Side.BUY ? Workload.BUY : Workload.SELL;
            stops[size] = stop;
            index.put(orderId, size);
            size++;
        }

        @Override
        public void onTrade(final TradeEvent e) {
            update(e.buy());
            update(e.sell());
        }

        private void update(final TradeParty p) {
            final long at = index.get(p.orderId());
            if (at < 0) {
                return;
            }
            if (p.leavesQty() == 0) {
                remove(p.orderId());
            } else {
                cums[(int) at] = p.cumQty();
            }
        }

        @Override
        public void onCancelled(final CancelledEvent e) {
            remove(e.orderId());
        }

        @Override
        public void onReplaced(final ReplacedEvent e) {
            final long at = index.get(e.orderId());
            if (at < 0) {
                return;
            }
            if (e.leavesQty() == 0) {
                remove(e.orderId());
            } else {
                prices[(int) at] = e.price();
                orderQtys[(int) at] = e.orderQty();
            }
        }

        private void remove(final long orderId) {
            final long at = index.remove(orderId);
            if (at < 0) {
                return;
            }
            final int i = (int) at;
            final int last = --size;
            if (i != last) {
                ids[i] = ids[last];
                prices[i] = prices[last];
                orderQtys[i] = orderQtys[last];
                cums[i] = cums[last];
                sides[i] = sides[last];
                stops[i] = stops[last];
                index.put(ids[i], i);
            }
        }
    }
}
