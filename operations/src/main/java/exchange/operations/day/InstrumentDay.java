package exchange.operations.day;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One instrument's trading figures of the day so far: open, high, low and last (close) price, volume,
 * turnover (sum of price x quantity, exact) and trade count; VWAP = turnover / volume.
 *
 * <p>One thread; {@link #add} allocates (cold path).
 */
public final class InstrumentDay {
    private final String symbol;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private BigInteger turnover = BigInteger.ZERO;
    private long trades;

    public InstrumentDay(final String symbol) {
        this.symbol = symbol;
    }

    /** Adds a trade. */
    public void add(final long price, final long quantity) {
        if (trades == 0) {
            open = price;
            high = price;
            low = price;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        volume += quantity;
        turnover = turnover.add(BigInteger.valueOf(price).multiply(BigInteger.valueOf(quantity)));
        trades++;
    }

    /** A new day: no trades. */
    public void clear() {
        open = 0;
        high = 0;
        low = 0;
        close = 0;
        volume = 0;
        turnover = BigInteger.ZERO;
        trades = 0;
    }

    public String symbol() {
        return symbol;
    }

    public long trades() {
        return trades;
    }

    public long volume() {
        return volume;
    }

    /** @return the figures now, immutable */
    public Figures figures() {
        return new Figures(symbol, trades, volume, trades == 0 ? null : Amounts.decimal(open),
            trades == 0 ? null : Amounts.decimal(high), trades == 0 ? null : Amounts.decimal(low),
            trades == 0 ? null : Amounts.decimal(close), Amounts.decimal(turnover), Amounts.average(turnover, volume));
    }

    /**
     * The day's figures of one instrument; prices null when it did not trade.
     *
     * @param turnover sum of price x quantity, in currency
     * @param vwap     turnover / volume, to 1/10,000 (half-even)
     */
    public record Figures(String symbol, long trades, long volume, BigDecimal open, BigDecimal high, BigDecimal low,
                          BigDecimal close, BigDecimal turnover, BigDecimal vwap) {
    }
}
