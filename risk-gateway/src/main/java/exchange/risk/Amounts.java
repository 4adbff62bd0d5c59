package exchange.risk;

import java.util.Locale;

/**
 * Formats quantities, prices and notionals for reject texts and the configuration printout. Prices
 * and notionals are in units of 1/10,000 (a notional is price x quantity in those units), printed in
 * currency with two to four decimals: {@code 1_234_567_5000} is "1,234,567.50".
 *
 * <p>Cold path: allocates.
 */
final class Amounts {
    /** Units per currency unit: prices are in 1/10,000. */
    static final long SCALE = 10_000;

    private Amounts() {
    }

    /** @return a quantity with thousands separators: 5000 is "5,000" */
    static String qty(final long qty) {
        return String.format(Locale.ROOT, "%,d", qty);
    }

    /** @return a price or notional in 1/10,000 units as currency: 1010000 is "101.00" */
    static String money(final long units) {
        final long whole = units / SCALE;
        final long fraction = Math.abs(units % SCALE);
        String decimals = String.format(Locale.ROOT, "%04d", fraction);
        while (decimals.length() > 2 && decimals.endsWith("0")) {
            decimals = decimals.substring(0, decimals.length() - 1);
        }
        final String sign = units < 0 && whole == 0 ? "-" : "";
        return sign + String.format(Locale.ROOT, "%,d", whole) + "." + decimals;
    }

    /** @return price x quantity as currency, exact even when the product does not fit in a long */
    static String notional(final long price, final long qty) {
        if (Math.multiplyHigh(price, qty) == 0 && price * qty >= 0) {
            return money(price * qty);
        }
        return String.format(Locale.ROOT, "%,.2f",
            new java.math.BigDecimal(java.math.BigInteger.valueOf(price).multiply(java.math.BigInteger.valueOf(qty)), 4));
    }

    /** @return basis points as a percentage: 1000 is "10%", 250 is "2.5%" */
    static String percent(final int basisPoints) {
        final int whole = basisPoints / 100;
        final int fraction = basisPoints % 100;
        if (fraction == 0) {
            return whole + "%";
        }
        return fraction % 10 == 0 ? whole + "." + fraction / 10 + "%" : String.format(Locale.ROOT, "%d.%02d%%", whole, fraction);
    }

    /**
     * @return {@code a * b}, or {@link Long#MAX_VALUE} when it does not fit in a long; both non-negative.
     *         Never allocates.
     */
    static long saturatedProduct(final long a, final long b) {
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }
}
