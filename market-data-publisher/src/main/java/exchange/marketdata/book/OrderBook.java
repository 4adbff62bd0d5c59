package exchange.marketdata.book;

import exchange.marketdata.itch.ItchWire;

/**
 * The book of one instrument (one Stock Locate) as rebuilt from the feed: bid and ask price levels,
 * the last trade, the latest indicative auction, the last cross and the trading state. Read it on the thread that feeds its
 * {@link OrderBookBuilder}; it is valid until the next message.
 */
public final class OrderBook {
    /** {@link #lastTradePrice()} before any trade. */
    public static final long NO_TRADE = -1;

    private final int stockLocate;
    private final PriceLevels bids;
    private final PriceLevels asks;
    private long stockCode = ItchWire.packAlpha8("");
    private char tradingState = ' ';
    private long lastTradePrice = NO_TRADE;
    private long lastTradeShares;
    private long lastMatchNumber;
    private long tradeCount;
    private final IndicativeAuction indicative = new IndicativeAuction();
    private long lastCrossPrice = NO_TRADE;
    private long lastCrossShares;
    private long lastCrossMatchNumber;
    private char lastCrossType = ' ';

    OrderBook(final int stockLocate, final int initialLevels) {
        this.stockLocate = stockLocate;
        this.bids = new PriceLevels(true, initialLevels);
        this.asks = new PriceLevels(false, initialLevels);
    }

    public int stockLocate() {
        return stockLocate;
    }

    /** The symbol as packed by {@link ItchWire#packAlpha8(CharSequence)}; blank until seen. */
    public long stockCode() {
        return stockCode;
    }

    /** The symbol, or {@code "#<locate>"} until a message naming it was seen. Allocates. */
    public String stock() {
        final String symbol = ItchWire.unpackAlpha8(stockCode);
        return symbol.isEmpty() ? "#" + stockLocate : symbol;
    }

    public PriceLevels bids() {
        return bids;
    }

    public PriceLevels asks() {
        return asks;
    }

    /** Trading State of the last Stock Trading Action, space before any. */
    public char tradingState() {
        return tradingState;
    }

    /** Price of the last printable trade, in 1/10,000, or {@link #NO_TRADE}. */
    public long lastTradePrice() {
        return lastTradePrice;
    }

    public long lastTradeShares() {
        return lastTradeShares;
    }

    public long lastMatchNumber() {
        return lastMatchNumber;
    }

    /** Printable trades seen. */
    public long tradeCount() {
        return tradeCount;
    }

    /** The latest Net Order Imbalance Indicator; {@link IndicativeAuction#present()} false before any. */
    public IndicativeAuction indicative() {
        return indicative;
    }

    /** Price of the last Cross Trade, in 1/10,000, or {@link #NO_TRADE} before any. */
    public long lastCrossPrice() {
        return lastCrossPrice;
    }

    /** Shares of the last Cross Trade; 0 when the auction matched nothing. */
    public long lastCrossShares() {
        return lastCrossShares;
    }

    public long lastCrossMatchNumber() {
        return lastCrossMatchNumber;
    }

    /** Cross Type of the last Cross Trade: O opening, C closing, H halt or volatility auction. */
    public char lastCrossType() {
        return lastCrossType;
    }

    void cross(final long price, final long shares, final long matchNumber, final char crossType) {
        lastCrossPrice = price;
        lastCrossShares = shares;
        lastCrossMatchNumber = matchNumber;
        lastCrossType = crossType;
    }

    void stockCode(final long stockCode) {
        this.stockCode = stockCode;
    }

    void tradingState(final char tradingState) {
        this.tradingState = tradingState;
    }

    PriceLevels side(final boolean buy) {
        return buy ? bids : asks;
    }

    void trade(final long price, final long shares, final long matchNumber) {
        lastTradePrice = price;
        lastTradeShares = shares;
        lastMatchNumber = matchNumber;
        tradeCount++;
    }

    /**
     * The book as text: symbol, state, last trade, then up to {@code depth} levels a side as
     * {@code shares@price (orders)}. Allocates: tools and tests only.
     */
    public String describe(final int depth) {
        final StringBuilder text = new StringBuilder(stock()).append(" [").append(stockLocate).append(']');
        if (tradingState != ' ') {
            text.append(" state=").append(tradingState);
        }
        if (lastTradePrice != NO_TRADE) {
            text.append(" last=").append(lastTradeShares).append('@').append(Prices.format(lastTradePrice))
                .append(" match=").append(lastMatchNumber).append(" trades=").append(tradeCount);
        }
        appendSide(text.append("\n  bid:"), bids, depth);
        appendSide(text.append("\n  ask:"), asks, depth);
        return text.toString();
    }

    private static void appendSide(final StringBuilder text, final PriceLevels side, final int depth) {
        for (int level = 0; level < Math.min(depth, side.size()); level++) {
            text.append(' ').append(side.shares(level)).append('@').append(Prices.format(side.price(level)))
                .append(" (").append(side.orderCount(level)).append(')');
        }
    }
}
