package exchange.matching;

/**
 * The book of one instrument: its two sides, its trading phase and its last trade price. The orders
 * and levels themselves live in the engine's shared stores.
 *
 * <p>Matching thread only.
 */
final class OrderBook {
    private final Instrument instrument;
    private final BookSide bids;
    private final BookSide asks;
    private final BookSide[] sides;
    private TradingPhase phase = TradingPhase.CONTINUOUS;
    private long lastTradePrice;

    OrderBook(final Instrument instrument) {
        this.instrument = instrument;
        this.bids = new BookSide(true, instrument.maxPriceLevels());
        this.asks = new BookSide(false, instrument.maxPriceLevels());
        this.sides = new BookSide[] {bids, asks};
    }

    Instrument instrument() {
        return instrument;
    }

    int id() {
        return instrument.id();
    }

    BookSide bids() {
        return bids;
    }

    BookSide asks() {
        return asks;
    }

    /** @return both sides, buy side first */
    BookSide[] sides() {
        return sides;
    }

    /** @return the side an order of this side rests on. */
    BookSide own(final boolean sell) {
        return sell ? asks : bids;
    }

    /** @return the side an order of this side trades against. */
    BookSide contra(final boolean sell) {
        return sell ? bids : asks;
    }

    TradingPhase phase() {
        return phase;
    }

    void phase(final TradingPhase phase) {
        this.phase = phase;
    }

    /** @return the last trade price, 0 before the first trade. */
    long lastTradePrice() {
        return lastTradePrice;
    }

    void lastTradePrice(final long price) {
        this.lastTradePrice = price;
    }
}
