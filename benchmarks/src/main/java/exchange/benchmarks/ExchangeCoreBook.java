package exchange.benchmarks;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import exchange.core2.core.common.MatcherTradeEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * exchange-core 0.5.3's fastest order book ({@link OrderBookDirectImpl}: adaptive radix trees, pooled
 * orders) driven directly with the same stream, the way its own matching engine drives it: one
 * {@link OrderCommand} per command, {@link IOrderBook#processCommand}, events chained on the command.
 * Only the order book is measured, as for our engine: no risk engine, no disruptor, no journal.
 *
 * <p>Mapping: limit Day to GTC (same book semantics within a day), market to IOC at an extreme price,
 * cancel to CANCEL_ORDER, a new price to MOVE_ORDER (loses priority in both), a lower quantity to
 * REDUCE_ORDER (keeps priority in both).
 */
final class ExchangeCoreBook {
    private static final long MARKET_BUY_PRICE = Long.MAX_VALUE / 4;

    private final IOrderBook book;
    private long tradedQty;
    private long trades;

    ExchangeCoreBook() {
        final CoreSymbolSpecification spec = CoreSymbolSpecification.builder()
            .symbolId(MixA.INSTRUMENT_ID)
            .type(SymbolType.FUTURES_CONTRACT)
            .baseCurrency(1)
            .quoteCurrency(2)
            .baseScaleK(1)
            .quoteScaleK(1)
            .build();
        final Map<Integer, Integer> pools = new HashMap<>();
        pools.put(ObjectsPool.DIRECT_ORDER, 1 << 16);
        pools.put(ObjectsPool.DIRECT_BUCKET, 1 << 12);
        pools.put(ObjectsPool.ART_NODE_4, 1 << 14);
        pools.put(ObjectsPool.ART_NODE_16, 1 << 13);
        pools.put(ObjectsPool.ART_NODE_48, 1 << 12);
        pools.put(ObjectsPool.ART_NODE_256, 1 << 11);
        book = new OrderBookDirectImpl(spec, new ObjectsPool(pools), OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
            LoggingConfiguration.DEFAULT);
    }

    /**
     * Fills a reusable command with command i of the workload.
     */
    static void fill(final Workload w, final int i, final OrderCommand cmd) {
        cmd.orderId = w.orderId[i];
        cmd.symbol = MixA.INSTRUMENT_ID;
        cmd.uid = w.firm[i];
        cmd.timestamp = (i + 1L) * MixA.COMMAND_SPACING_NS;
        cmd.action = w.side[i] == Workload.BUY ? OrderAction.BID : OrderAction.ASK;
        cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        cmd.matcherEvent = null;
        switch (w.kind[i]) {
            case Workload.NEW_LIMIT -> {
                cmd.command = OrderCommandType.PLACE_ORDER;
                cmd.orderType = OrderType.GTC;
                cmd.price = w.price[i];
                cmd.reserveBidPrice = w.price[i];
                cmd.size = w.qty[i];
            }
            case Workload.NEW_IOC -> {
                cmd.command = OrderCommandType.PLACE_ORDER;
                cmd.orderType = OrderType.IOC;
                cmd.price = w.price[i];
                cmd.reserveBidPrice = w.price[i];
                cmd.size = w.qty[i];
            }
            case Workload.NEW_MARKET -> {
                cmd.command = OrderCommandType.PLACE_ORDER;
                cmd.orderType = OrderType.IOC;
                cmd.price = cmd.action == OrderAction.BID ? MARKET_BUY_PRICE : 0;
                cmd.reserveBidPrice = cmd.price;
                cmd.size = w.qty[i];
            }
            case Workload.CANCEL -> cmd.command = OrderCommandType.CANCEL_ORDER;
            case Workload.MOVE -> {
                cmd.command = OrderCommandType.MOVE_ORDER;
                cmd.price = w.price[i];
            }
            case Workload.REDUCE -> {
                cmd.command = OrderCommandType.REDUCE_ORDER;
                cmd.size = w.reduceBy[i];
            }
            default -> throw new IllegalStateException("unknown kind " + w.kind[i]);
        }
    }

    /** Applies one command. */
    void apply(final OrderCommand cmd) {
        IOrderBook.processCommand(book, cmd);
    }

    /** Sums the trades a command produced, for the cross-check with our engine (not timed). */
    void count(final OrderCommand cmd) {
        for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == exchange.core2.core.common.MatcherEventType.TRADE) {
                trades++;
                tradedQty += e.size;
            }
        }
    }

    long trades() {
        return trades;
    }

    long tradedQty() {
        return tradedQty;
    }

    int restingOrders() {
        return book.getOrdersNum(OrderAction.ASK) + book.getOrdersNum(OrderAction.BID);
    }
}
