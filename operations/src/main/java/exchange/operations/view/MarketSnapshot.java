package exchange.operations.view;

import exchange.matching.TradingPhase;
import exchange.operations.day.InstrumentDay;
import exchange.operations.day.TradeRecord;

import java.util.List;
import java.util.Map;

/**
 * What the market looks like, as of one moment of the event log: every instrument's phase, top of book,
 * depth and day figures, the last trades, the standing kill switches and the day's counters. Immutable;
 * made by the {@link MarketView}'s thread, read by any.
 *
 * @param consumedThrough every event of every command up to this sequence is in this snapshot
 * @param instruments     in instrument id order
 * @param trades          the last trades across instruments, newest first
 * @param killSwitches    the kill switches that are on
 * @param counters        the day's counts
 */
public record MarketSnapshot(long consumedThrough, List<InstrumentView> instruments,
                             List<TradeRecord> trades, List<KillSwitch> killSwitches, Counters counters) {
    /** Before the first event. */
    public static final MarketSnapshot EMPTY = new MarketSnapshot(0, List.of(), List.of(), List.of(),
        new Counters(0, 0, Map.of(), Map.of()));

    /** One price level: price in 1/10,000, total quantity, order count. */
    public record Level(long price, long quantity, int orders) {
    }

    /**
     * One instrument.
     *
     * @param bids   best first, at most the view's depth
     * @param asks   best first, at most the view's depth
     * @param day    the day's trading figures
     * @param trades its last trades, newest first
     */
    public record InstrumentView(int id, String symbol, TradingPhase phase, List<Level> bids, List<Level> asks,
                                 InstrumentDay.Figures day, List<TradeRecord> trades) {
        /** @return the best bid, or null */
        public Level bestBid() {
            return bids.isEmpty() ? null : bids.get(0);
        }

        /** @return the best ask, or null */
        public Level bestAsk() {
            return asks.isEmpty() ? null : asks.get(0);
        }

        /** @return the last trade, or null */
        public TradeRecord lastTrade() {
            return trades.isEmpty() ? null : trades.get(0);
        }
    }

    /** A kill switch that is on: a firm's (account null) or one of its accounts'. */
    public record KillSwitch(String firm, int firmId, String account, int accountId) {
    }

    /**
     * The day's counts (since the last DayEnded, or since the log's start).
     *
     * @param accepted         orders accepted by the engine
     * @param trades           trades
     * @param rejectsByReason  Rejected events by RejectReason name (the risk gateway's refusals included)
     * @param cancelsByReason  Cancelled events by CancelReason name (expiries included)
     */
    public record Counters(long accepted, long trades, Map<String, Long> rejectsByReason,
                           Map<String, Long> cancelsByReason) {
    }

    /** @return the instrument with this symbol, or null */
    public InstrumentView instrument(final String symbol) {
        for (final InstrumentView i : instruments) {
            if (i.symbol().equals(symbol)) {
                return i;
            }
        }
        return null;
    }
}
