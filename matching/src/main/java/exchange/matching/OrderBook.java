package exchange.matching;

/**
 * The book of one instrument: its two sides, its waiting stop orders (two more sides, keyed by stop
 * price, in the order they would trigger), its trading phase and its last trade price. The orders
 * and levels themselves live in the engine's shared stores.
 *
 * <p>Matching thread only.
 */
final class OrderBook {
    private final Instrument instrument;
    private final BookSide bids;
    private final BookSide asks;
    private final BookSide[] sides;
    private final BookSide buyStops;
    private final BookSide sellStops;
    private final BookSide[] stopSides;
    private TradingPhase phase = TradingPhase.CONTINUOUS;
    private long lastTradePrice;
    private long lowestPrint = NO_PRINT_LOW;
    private long highestPrint = NO_PRINT_HIGH;
    private long referencePrice;
    private long collarLow = Long.MIN_VALUE;
    private long collarHigh = Long.MAX_VALUE;
    private long breakerWindowEndNs;
    private long volatilityEndNs;
    private long bandReference;
    private long bandLow = Long.MIN_VALUE;
    private long bandHigh = Long.MAX_VALUE;
    private boolean changed;
    private boolean mayHoldAuctionOnly;
    private boolean indicativePublished;
    private long publishedPrice;
    private long publishedPairedQty;
    private long publishedImbalanceQty;
    private byte publishedImbalanceSide;

    private static final long NO_PRINT_LOW = Long.MAX_VALUE;
    private static final long NO_PRINT_HIGH = Long.MIN_VALUE;

    OrderBook(final Instrument instrument) {
        this.instrument = instrument;
        this.bids = new BookSide(true, instrument.maxPriceLevels());
        this.asks = new BookSide(false, instrument.maxPriceLevels());
        this.sides = new BookSide[] {bids, asks};
        // A buy stop triggers at or above its stop price, so the lowest triggers first: ordered like
        // offers. A sell stop triggers at or below, the highest first: ordered like bids.
        this.buyStops = new BookSide(false, instrument.maxPriceLevels());
        this.sellStops = new BookSide(true, instrument.maxPriceLevels());
        this.stopSides = new BookSide[] {buyStops, sellStops};
        referencePrice(instrument.referencePrice());
    }

    /**
     * @return the static reference price: the instrument's, then the price of the last auction that
     *         traded
     */
    long referencePrice() {
        return referencePrice;
    }

    /** Sets the static reference price, and with it the price collar around it. */
    void referencePrice(final long price) {
        this.referencePrice = price;
        final int bps = instrument.priceCollarBps();
        if (bps == 0 || price <= 0) {
            collarLow = Long.MIN_VALUE;
            collarHigh = Long.MAX_VALUE;
        } else {
            final long width = width(price, bps);
            collarLow = price - width;
            collarHigh = saturatedAdd(price, width);
        }
    }

    /**
     * @return {@code price * bps / 10,000} for a positive price, exact where the product passes a long's
     *         range (a reference price of a trillion with a 10% collar does), {@link Long#MAX_VALUE} where
     *         the width itself does
     */
    static long width(final long price, final int bps) {
        final long product = price * bps;
        if (Math.multiplyHigh(price, bps) == 0 && product >= 0) {
            return product / 10_000;
        }
        final long whole = price / 10_000;
        if (whole > Long.MAX_VALUE / bps) {
            return Long.MAX_VALUE;
        }
        return saturatedAdd(whole * bps, price % 10_000 * bps / 10_000);
    }

    private static long saturatedAdd(final long a, final long b) {
        return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
    }

    /** @return the lowest limit the static collar allows, {@link Long#MIN_VALUE} without one */
    long collarLow() {
        return collarLow;
    }

    /** @return the highest limit the static collar allows, {@link Long#MAX_VALUE} without one */
    long collarHigh() {
        return collarHigh;
    }

    /** @return until when (ns) the circuit breaker measures from the reference price, after the open */
    long breakerWindowEndNs() {
        return breakerWindowEndNs;
    }

    void breakerWindowEndNs(final long ns) {
        this.breakerWindowEndNs = ns;
    }

    /** @return when (ns) the current volatility auction ends */
    long volatilityEndNs() {
        return volatilityEndNs;
    }

    void volatilityEndNs(final long ns) {
        this.volatilityEndNs = ns;
    }

    /**
     * Sets the circuit breaker's band for the next aggressor: around the last trade price, or the
     * reference price during the opening window or before the first trade.
     *
     * @param nowNs engine time
     */
    void updateBand(final long nowNs) {
        final long reference = nowNs < breakerWindowEndNs || lastTradePrice == 0 ? referencePrice : lastTradePrice;
        if (reference == bandReference) {
            return;
        }
        bandReference = reference;
        final int bps = instrument.circuitBreakerBps();
        if (bps == 0 || reference <= 0) {
            bandLow = Long.MIN_VALUE;
            bandHigh = Long.MAX_VALUE;
        } else {
            final long width = width(reference, bps);
            bandLow = reference - width;
            bandHigh = saturatedAdd(reference, width);
        }
    }

    /** @return true when the instrument has a circuit breaker */
    boolean hasCircuitBreaker() {
        return instrument.circuitBreakerBps() != 0;
    }

    /** @return the lowest price a trade may print at before the circuit breaker trips */
    long bandLow() {
        return bandLow;
    }

    /** @return the highest price a trade may print at before the circuit breaker trips */
    long bandHigh() {
        return bandHigh;
    }

    /** @return the price auction ties resolve towards: the last trade price, or the reference price. */
    long auctionReferencePrice() {
        return lastTradePrice > 0 ? lastTradePrice : referencePrice;
    }

    /** Notes that an auction-only order may rest: the next auction looks for them to expire. */
    void auctionOnlyEntered() {
        mayHoldAuctionOnly = true;
    }

    /** @return true when an auction-only order may rest, since the last auction */
    boolean mayHoldAuctionOnly() {
        return mayHoldAuctionOnly;
    }

    void auctionOnlyExpired() {
        mayHoldAuctionOnly = false;
    }

    /** Notes that resting quantity changed, so a call phase recomputes its indicative auction. */
    void changed() {
        changed = true;
    }

    /** @return true when resting quantity changed since {@link #clearChanged()}. */
    boolean hasChanged() {
        return changed;
    }

    void clearChanged() {
        changed = false;
    }

    /** Forgets the last published indicative auction: the next is published whatever it is. */
    void resetIndicative() {
        indicativePublished = false;
        changed = true;
    }

    /** @return true when these values differ from the last published indicative auction, or none was. */
    boolean indicativeDiffers(final long price, final long pairedQty, final long imbalanceQty, final byte side) {
        return !indicativePublished || price != publishedPrice || pairedQty != publishedPairedQty
            || imbalanceQty != publishedImbalanceQty || side != publishedImbalanceSide;
    }

    /** Remembers a published indicative auction. */
    void indicativePublished(final long price, final long pairedQty, final long imbalanceQty, final byte side) {
        indicativePublished = true;
        publishedPrice = price;
        publishedPairedQty = pairedQty;
        publishedImbalanceQty = imbalanceQty;
        publishedImbalanceSide = side;
    }

    boolean indicativePublished() {
        return indicativePublished;
    }

    long publishedPrice() {
        return publishedPrice;
    }

    long publishedPairedQty() {
        return publishedPairedQty;
    }

    long publishedImbalanceQty() {
        return publishedImbalanceQty;
    }

    byte publishedImbalanceSide() {
        return publishedImbalanceSide;
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

    /** @return the waiting stops of a side, the next to trigger best */
    BookSide stops(final boolean sell) {
        return sell ? sellStops : buyStops;
    }

    /** @return both stop sides, buy stops first */
    BookSide[] stopSides() {
        return stopSides;
    }

    /** @return true when stop orders wait on this book. */
    boolean hasWaitingStops() {
        return !buyStops.isEmpty() || !sellStops.isEmpty();
    }

    /** Notes a trade price, for the stops it may trigger. */
    void recordPrint(final long price) {
        if (price < lowestPrint) {
            lowestPrint = price;
        }
        if (price > highestPrint) {
            highestPrint = price;
        }
    }

    /** @return true when a trade printed since {@link #clearPrints()}. */
    boolean hasPrints() {
        return highestPrint != NO_PRINT_HIGH;
    }

    /** @return the lowest trade price since {@link #clearPrints()}. */
    long lowestPrint() {
        return lowestPrint;
    }

    /** @return the highest trade price since {@link #clearPrints()}. */
    long highestPrint() {
        return highestPrint;
    }

    void clearPrints() {
        lowestPrint = NO_PRINT_LOW;
        highestPrint = NO_PRINT_HIGH;
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
