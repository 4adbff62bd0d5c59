package exchange.risk;

import exchange.matching.Instrument;
import exchange.matching.OrderType;
import exchange.matching.TradingPhase;
import exchange.risk.RiskConfig.InstrumentLimits;

import java.math.BigInteger;

/**
 * One instrument's limits, its risk price collar worked out once from its reference price, and its
 * trading phase as last seen in the event log.
 *
 * <p>The valuation price of an order is what its notional and its credit reservation are computed
 * at: the limit price for orders that have one; for market orders, the collar's upper bound (no
 * resting order can be priced above it, since every limit order passed the collar, so neither side
 * of a market order can trade above it), or the reference price itself when the collar is off.
 *
 * <p>Thread-safe: the phase is volatile, the rest is fixed at start-up.
 */
final class InstrumentRisk {
    private static final long BASIS = 10_000;

    private final Instrument instrument;
    private final long maxOrderQty;
    private final long maxOrderNotional;
    private final int collarBasisPoints;
    private final long collarLow;
    private final long collarHigh;
    private final long marketValuationPrice;
    private volatile TradingPhase phase = TradingPhase.CONTINUOUS; // the engine's phase of a new book

    InstrumentRisk(final Instrument instrument, final InstrumentLimits limits) {
        this.instrument = instrument;
        this.maxOrderQty = limits.maxOrderQty();
        this.maxOrderNotional = limits.maxOrderNotional();
        this.collarBasisPoints = limits.collarBasisPoints();
        final long reference = instrument.referencePrice();
        if (hasCollar()) {
            // Low rounds up, high rounds down: a price on a bound is inside. Worked out exactly (once, at
            // start): reference x (10,000 + basis points) may pass a long's range for a price a long holds,
            // and a high bound past it leaves every long price inside.
            final BigInteger[] low = BigInteger.valueOf(reference).multiply(BigInteger.valueOf(BASIS - collarBasisPoints))
                .divideAndRemainder(BigInteger.valueOf(BASIS));
            this.collarLow = low[0].longValueExact() + (low[1].signum() == 0 ? 0 : 1);
            final BigInteger high = BigInteger.valueOf(reference).multiply(BigInteger.valueOf(BASIS + collarBasisPoints))
                .divide(BigInteger.valueOf(BASIS));
            this.collarHigh = high.bitLength() < Long.SIZE ? high.longValueExact() : Long.MAX_VALUE;
            this.marketValuationPrice = collarHigh;
        } else {
            this.collarLow = 0;
            this.collarHigh = Long.MAX_VALUE;
            this.marketValuationPrice = reference;
        }
    }

    Instrument instrument() {
        return instrument;
    }

    String symbol() {
        return instrument.symbol();
    }

    long maxOrderQty() {
        return maxOrderQty;
    }

    long maxOrderNotional() {
        return maxOrderNotional;
    }

    /** @return true when limit prices are checked against a collar: a collar percent and a reference price */
    boolean hasCollar() {
        return collarBasisPoints > 0 && instrument.referencePrice() > 0;
    }

    int collarBasisPoints() {
        return collarBasisPoints;
    }

    long collarLow() {
        return collarLow;
    }

    long collarHigh() {
        return collarHigh;
    }

    /** @return what a market order is valued at; 0 when the instrument has no reference price */
    long marketValuationPrice() {
        return marketValuationPrice;
    }

    /**
     * @param type  the order's type ({@code null} when unknown: valued like a market order)
     * @param price its limit price
     * @return the price its notional is computed at
     */
    long valuationPrice(final OrderType type, final long price) {
        return type != null && type.hasLimitPrice() ? price : marketValuationPrice;
    }

    TradingPhase phase() {
        return phase;
    }

    /** Event consumer only. */
    void phase(final TradingPhase phase) {
        this.phase = phase;
    }
}
