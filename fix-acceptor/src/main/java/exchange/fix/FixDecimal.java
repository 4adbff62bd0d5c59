package exchange.fix;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * FIX decimals at the edge, and nowhere else: prices become {@code long}s in 1/10,000 and quantities
 * whole {@code long}s, exactly, or not at all.
 */
public final class FixDecimal {
    /** Returned when a value cannot be represented: a reject follows. */
    public static final long INVALID = Long.MIN_VALUE;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private FixDecimal() {
    }

    /**
     * @param value a FIX price, e.g. "101.25"
     * @return the price in 1/10,000, or {@link #INVALID} when it has more than four decimals or does not fit
     */
    public static long price(final BigDecimal value) {
        try {
            return value.multiply(TEN_THOUSAND).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (final ArithmeticException e) {
            return INVALID;
        }
    }

    /**
     * @param value a FIX quantity, e.g. "100"
     * @return the whole quantity, or {@link #INVALID} when it has a fraction or does not fit
     */
    public static long quantity(final BigDecimal value) {
        try {
            return value.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (final ArithmeticException e) {
            return INVALID;
        }
    }

    /** @return why {@link #price(BigDecimal)} refused a value, for a reject's Text */
    public static String priceProblem(final String field, final BigDecimal value) {
        return value.stripTrailingZeros().scale() > 4 ? field + " " + value.toPlainString() + " has more than four decimals"
            : field + " " + value.toPlainString() + " is out of range";
    }

    /** @return why {@link #quantity(BigDecimal)} refused a value, for a reject's Text */
    public static String quantityProblem(final String field, final BigDecimal value) {
        return value.stripTrailingZeros().scale() > 0 ? field + " " + value.toPlainString() + " must be a whole number"
            : field + " " + value.toPlainString() + " is out of range";
    }

    /** @return a price in 1/10,000 as a FIX decimal: 1012500 is 101.25 */
    public static BigDecimal price(final long price) {
        return BigDecimal.valueOf(price, 4).stripTrailingZeros();
    }

    /**
     * The same text as {@code price(price).toPlainString()}, written without a {@code BigDecimal}: each
     * ExecutionReport carries a price or two, and on the report sender's thread the {@code BigDecimal}'s
     * stripping and printing were about a twentieth of its time.
     *
     * @return a price in 1/10,000 as a FIX decimal's text, with no trailing zeros: 1012500 is "101.25",
     *         1000000 "100", 5 "0.0005"
     */
    public static String priceText(final long price) {
        if (price == Long.MIN_VALUE) {
            return price(price).toPlainString();
        }
        final long magnitude = Math.abs(price);
        final long whole = magnitude / 10_000;
        int fraction = (int) (magnitude % 10_000);
        if (fraction == 0) {
            return price < 0 ? "-" + whole : Long.toString(whole);
        }
        int digits = 4;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        final StringBuilder text = new StringBuilder(24);
        if (price < 0) {
            text.append('-');
        }
        text.append(whole).append('.');
        final String fractionDigits = Integer.toString(fraction);
        for (int zeros = digits - fractionDigits.length(); zeros > 0; zeros--) {
            text.append('0');
        }
        return text.append(fractionDigits).toString();
    }

    /**
     * @param cumNotional sum of price (1/10,000) x quantity
     * @param cumQty      filled quantity
     * @return the average price as a FIX decimal (8 decimals at most), 0 when nothing is filled
     */
    public static BigDecimal averagePrice(final long cumNotional, final long cumQty) {
        if (cumQty == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(cumNotional).divide(BigDecimal.valueOf(cumQty).multiply(TEN_THOUSAND), 8,
            RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
