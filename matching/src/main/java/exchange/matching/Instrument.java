package exchange.matching;

import java.util.Objects;

/**
 * A tradable instrument as configured: identifier, symbol, tick size, lot size, reference price, and
 * its market structure: price collar, circuit breaker, volatility auction, and what it does with
 * halted and post-only orders. Prices are in units of 1/10,000 (ITCH Price(4)); quantities in shares
 * or lots; percentages in basis points (1/100 of a percent).
 *
 * <p>Immutable; built once at start-up with {@link #builder(int, String)}, which validates every
 * setting and documents its default.
 */
public final class Instrument {
    /** Identifiers start at 1; 0 means "no instrument" or "every instrument" in a mass cancel. */
    public static final int NULL_ID = 0;
    /** Longest symbol: ITCH carries eight characters. */
    public static final int MAX_SYMBOL_LENGTH = 8;
    /** Widest collar or circuit breaker: 1,000%. */
    public static final int MAX_BPS = 100_000;
    /** Default circuit breaker opening window: 5 minutes. */
    public static final long DEFAULT_CIRCUIT_BREAKER_OPENING_WINDOW_NS = 5 * 60_000_000_000L;
    /** Default volatility auction: 2 minutes. */
    public static final long DEFAULT_VOLATILITY_AUCTION_NS = 2 * 60_000_000_000L;

    private final int id;
    private final String symbol;
    private final long tickSize;
    private final long lotSize;
    private final Multiples ticks;
    private final Multiples lots;
    private final long referencePrice;
    private final int maxPriceLevels;
    private final int priceCollarBps;
    private final int circuitBreakerBps;
    private final long circuitBreakerOpeningWindowNs;
    private final long volatilityAuctionNs;
    private final HaltedOrderPolicy haltedOrderPolicy;
    private final PostOnlyPolicy postOnlyPolicy;

    private Instrument(final Builder b) {
        this.id = b.id;
        this.symbol = b.symbol;
        this.tickSize = b.tickSize;
        this.lotSize = b.lotSize;
        this.ticks = new Multiples(b.tickSize);
        this.lots = new Multiples(b.lotSize);
        this.referencePrice = b.referencePrice;
        this.maxPriceLevels = b.maxPriceLevels;
        this.priceCollarBps = b.priceCollarBps;
        this.circuitBreakerBps = b.circuitBreakerBps;
        this.circuitBreakerOpeningWindowNs = b.circuitBreakerOpeningWindowNs;
        this.volatilityAuctionNs = b.volatilityAuctionNs;
        this.haltedOrderPolicy = b.haltedOrderPolicy;
        this.postOnlyPolicy = b.postOnlyPolicy;
    }

    /**
     * @param id     engine identifier, 1 or more
     * @param symbol up to eight characters
     * @return a builder with tick 0.01, lot 1, reference price 0, 4,096 price levels per side, no price
     *         collar, no circuit breaker (5-minute opening window, 2-minute volatility auctions when
     *         one is set), halted orders rejected, post-only orders that would take rejected
     */
    public static Builder builder(final int id, final String symbol) {
        return new Builder(id, symbol);
    }

    /** @return engine identifier, 1 or more. */
    public int id() {
        return id;
    }

    /** @return the symbol, at most eight characters. */
    public String symbol() {
        return symbol;
    }

    /** @return price increment in 1/10,000 units. */
    public long tickSize() {
        return tickSize;
    }

    /** @return quantity increment. */
    public long lotSize() {
        return lotSize;
    }

    /**
     * @param price a price, 0 or more
     * @return true when it is a whole number of ticks (without a division: see {@link Multiples})
     */
    boolean onTick(final long price) {
        return ticks.divides(price);
    }

    /**
     * @param qty a quantity, 0 or more
     * @return true when it is a whole number of lots
     */
    boolean onLot(final long qty) {
        return lots.divides(qty);
    }

    /** @return reference price in 1/10,000 units (previous close), 0 when unknown. */
    public long referencePrice() {
        return referencePrice;
    }

    /** @return most distinct prices one side of the book may hold; a new price beyond is rejected. */
    public int maxPriceLevels() {
        return maxPriceLevels;
    }

    /**
     * @return the static price collar in basis points: an order whose limit is further than this from
     *         the reference price is rejected, and a market order stops trading there (the rest is
     *         cancelled); 0 for none
     */
    public int priceCollarBps() {
        return priceCollarBps;
    }

    /**
     * @return the dynamic circuit breaker in basis points: a trade that would print further than this
     *         from the last trade price (the reference price during the opening window) is not
     *         printed, and the instrument goes into a volatility auction instead; 0 for none
     */
    public int circuitBreakerBps() {
        return circuitBreakerBps;
    }

    /**
     * @return how long after the open (continuous trading starting from pre-open or closed) the
     *         circuit breaker measures from the reference price rather than the last trade, in ns
     */
    public long circuitBreakerOpeningWindowNs() {
        return circuitBreakerOpeningWindowNs;
    }

    /** @return how long a volatility auction lasts before it uncrosses and trading resumes, in ns. */
    public long volatilityAuctionNs() {
        return volatilityAuctionNs;
    }

    /** @return whether a halted instrument takes new orders and replaces. */
    public HaltedOrderPolicy haltedOrderPolicy() {
        return haltedOrderPolicy;
    }

    /** @return what happens to a post-only order that would take liquidity. */
    public PostOnlyPolicy postOnlyPolicy() {
        return postOnlyPolicy;
    }

    @Override
    public String toString() {
        return "Instrument{" + id + " " + symbol + " tick=" + tickSize + " lot=" + lotSize
            + " ref=" + referencePrice + " levels=" + maxPriceLevels + " collarBps=" + priceCollarBps
            + " breakerBps=" + circuitBreakerBps + " breakerOpeningWindowNs=" + circuitBreakerOpeningWindowNs
            + " volatilityAuctionNs=" + volatilityAuctionNs + " halted=" + haltedOrderPolicy
            + " postOnly=" + postOnlyPolicy + "}";
    }

    /** Builder for {@link Instrument}; validates on {@link #build()}. */
    public static final class Builder {
        private final int id;
        private final String symbol;
        private long tickSize = 100;
        private long lotSize = 1;
        private long referencePrice;
        private int maxPriceLevels = 4096;
        private int priceCollarBps;
        private int circuitBreakerBps;
        private long circuitBreakerOpeningWindowNs = DEFAULT_CIRCUIT_BREAKER_OPENING_WINDOW_NS;
        private long volatilityAuctionNs = DEFAULT_VOLATILITY_AUCTION_NS;
        private HaltedOrderPolicy haltedOrderPolicy = HaltedOrderPolicy.REJECT;
        private PostOnlyPolicy postOnlyPolicy = PostOnlyPolicy.REJECT;

        private Builder(final int id, final String symbol) {
            this.id = id;
            this.symbol = Objects.requireNonNull(symbol, "symbol");
        }

        /** @param tickSize price increment in 1/10,000 units, positive. @return this */
        public Builder tickSize(final long tickSize) {
            this.tickSize = tickSize;
            return this;
        }

        /** @param lotSize quantity increment, positive. @return this */
        public Builder lotSize(final long lotSize) {
            this.lotSize = lotSize;
            return this;
        }

        /** @param referencePrice in 1/10,000 units, 0 when unknown. @return this */
        public Builder referencePrice(final long referencePrice) {
            this.referencePrice = referencePrice;
            return this;
        }

        /** @param maxPriceLevels distinct prices per side, positive. @return this */
        public Builder maxPriceLevels(final int maxPriceLevels) {
            this.maxPriceLevels = maxPriceLevels;
            return this;
        }

        /** @param bps static price collar in basis points, 0 (none) to 100,000. @return this */
        public Builder priceCollarBps(final int bps) {
            this.priceCollarBps = bps;
            return this;
        }

        /** @param bps dynamic circuit breaker in basis points, 0 (none) to 100,000. @return this */
        public Builder circuitBreakerBps(final int bps) {
            this.circuitBreakerBps = bps;
            return this;
        }

        /** @param ns opening window of the circuit breaker, 0 or more. @return this */
        public Builder circuitBreakerOpeningWindowNs(final long ns) {
            this.circuitBreakerOpeningWindowNs = ns;
            return this;
        }

        /** @param ns length of a volatility auction, positive. @return this */
        public Builder volatilityAuctionNs(final long ns) {
            this.volatilityAuctionNs = ns;
            return this;
        }

        /** @param policy what a halted instrument does with new orders. @return this */
        public Builder haltedOrderPolicy(final HaltedOrderPolicy policy) {
            this.haltedOrderPolicy = Objects.requireNonNull(policy, "haltedOrderPolicy");
            return this;
        }

        /** @param policy what happens to a post-only order that would take. @return this */
        public Builder postOnlyPolicy(final PostOnlyPolicy policy) {
            this.postOnlyPolicy = Objects.requireNonNull(policy, "postOnlyPolicy");
            return this;
        }

        /**
         * @return the instrument
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public Instrument build() {
            require(id >= 1 && id <= 0xFFFF, "id must be between 1 and 65535: " + id);
            require(!symbol.isEmpty() && symbol.length() <= MAX_SYMBOL_LENGTH
                && symbol.chars().allMatch(c -> c > ' ' && c < 127), "symbol must be 1 to 8 printable ASCII characters: '" + symbol + "'");
            require(tickSize > 0, symbol + ": tick size must be positive: " + tickSize);
            require(lotSize > 0, symbol + ": lot size must be positive: " + lotSize);
            require(referencePrice >= 0 && referencePrice % tickSize == 0,
                symbol + ": reference price must be 0 or a positive multiple of the tick: " + referencePrice);
            require(maxPriceLevels > 0, symbol + ": max price levels must be positive: " + maxPriceLevels);
            require(priceCollarBps >= 0 && priceCollarBps <= MAX_BPS,
                symbol + ": price collar must be 0 to " + MAX_BPS + " bps: " + priceCollarBps);
            require(circuitBreakerBps >= 0 && circuitBreakerBps <= MAX_BPS,
                symbol + ": circuit breaker must be 0 to " + MAX_BPS + " bps: " + circuitBreakerBps);
            require(circuitBreakerOpeningWindowNs >= 0,
                symbol + ": circuit breaker opening window must not be negative: " + circuitBreakerOpeningWindowNs);
            require(volatilityAuctionNs > 0, symbol + ": volatility auction must last a positive time: "
                + volatilityAuctionNs);
            return new Instrument(this);
        }

        private static void require(final boolean condition, final String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
