package exchange.matching;

import java.util.Objects;

/**
 * A tradable instrument as configured: identifier, symbol, tick size, lot size and reference price.
 * Prices are in units of 1/10,000 (ITCH Price(4)); quantities in shares or lots.
 *
 * <p>Immutable; built once at start-up with {@link #builder(int, String)}.
 */
public final class Instrument {
    /** Identifiers start at 1; 0 means "no instrument" or "every instrument" in a mass cancel. */
    public static final int NULL_ID = 0;
    /** Longest symbol: ITCH carries eight characters. */
    public static final int MAX_SYMBOL_LENGTH = 8;

    private final int id;
    private final String symbol;
    private final long tickSize;
    private final long lotSize;
    private final long referencePrice;
    private final int maxPriceLevels;

    private Instrument(final Builder b) {
        this.id = b.id;
        this.symbol = b.symbol;
        this.tickSize = b.tickSize;
        this.lotSize = b.lotSize;
        this.referencePrice = b.referencePrice;
        this.maxPriceLevels = b.maxPriceLevels;
    }

    /**
     * @param id     engine identifier, 1 or more
     * @param symbol up to eight characters
     * @return a builder with tick 0.01, lot 1, reference price 0 and 4,096 price levels per side
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

    /** @return reference price in 1/10,000 units (previous close), 0 when unknown. */
    public long referencePrice() {
        return referencePrice;
    }

    /** @return most distinct prices one side of the book may hold; a new price beyond is rejected. */
    public int maxPriceLevels() {
        return maxPriceLevels;
    }

    @Override
    public String toString() {
        return "Instrument{" + id + " " + symbol + " tick=" + tickSize + " lot=" + lotSize
            + " ref=" + referencePrice + "}";
    }

    /** Builder for {@link Instrument}; validates on {@link #build()}. */
    public static final class Builder {
        private final int id;
        private final String symbol;
        private long tickSize = 100;
        private long lotSize = 1;
        private long referencePrice;
        private int maxPriceLevels = 4096;

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
            return new Instrument(this);
        }

        private static void require(final boolean condition, final String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
