package exchange.marketdata.book;

/** Formats {@code Price(4)} values (units of 1/10,000) for people. Allocates: tools and logs only. */
public final class Prices {
    private static final long SCALE = 10_000;

    private Prices() {
    }

    /** {@code 1502500} as {@code "150.2500"}. */
    public static String format(final long price) {
        final String sign = price < 0 ? "-" : "";
        final long magnitude = Math.abs(price);
        return sign + (magnitude / SCALE) + "." + String.format("%04d", magnitude % SCALE);
    }
}
