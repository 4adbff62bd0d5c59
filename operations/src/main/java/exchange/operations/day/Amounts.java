package exchange.operations.day;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Prices and amounts for people and files: the engine's {@code long}s in 1/10,000 as exact decimals,
 * with at least two decimals and at most four ({@code 1902500} is {@code 190.25}, {@code 1902525} is
 * {@code 190.2525}, {@code 300005000} is {@code 30000.50}).
 *
 * <p>Stateless; allocates.
 */
public final class Amounts {
    private static final int SCALE = 4;

    private Amounts() {
    }

    /** @return a price or amount in 1/10,000 as a decimal */
    public static BigDecimal decimal(final long tenThousandths) {
        return tidy(BigDecimal.valueOf(tenThousandths, SCALE));
    }

    /** @return an amount in 1/10,000 (of any size) as a decimal */
    public static BigDecimal decimal(final BigInteger tenThousandths) {
        return tidy(new BigDecimal(tenThousandths, SCALE));
    }

    /**
     * @return {@code amount / quantity}, an average price, in 1/10,000 rounded half-even to the nearest
     *         1/10,000, as a decimal; null when the quantity is 0
     */
    public static BigDecimal average(final BigInteger amountTenThousandths, final long quantity) {
        if (quantity == 0) {
            return null;
        }
        final BigDecimal exact = new BigDecimal(amountTenThousandths).divide(BigDecimal.valueOf(quantity), 0,
            RoundingMode.HALF_EVEN);
        return tidy(exact.movePointLeft(SCALE));
    }

    /** @return the decimal's text, plain */
    public static String text(final long tenThousandths) {
        return decimal(tenThousandths).toPlainString();
    }

    private static BigDecimal tidy(final BigDecimal value) {
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
