package exchange.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses configuration values, collecting every error so that one start-up reports them all. Numbers
 * may use underscores as thousands separators ({@code 10_000_000}).
 *
 * <p>Cold path; one thread.
 */
final class PropertyParser {
    /** Largest amount in currency units: 10^12, so that sums of amounts in 1/10,000 stay far from overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** Largest order quantity that can be configured. */
    static final long MAX_QTY = 1_000_000_000_000L;

    private final List<String> errors = new ArrayList<>();

    void error(final String message) {
        errors.add(message);
    }

    List<String> errors() {
        return errors;
    }

    /** @return a whole number in [min, max], or {@code min} after recording an error */
    long integer(final String key, final String value, final long min, final long max) {
        try {
            final long parsed = Long.parseLong(clean(value));
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (final NumberFormatException ignored) {
            // reported below
        }
        errors.add(key + " = '" + value + "' is not a whole number from " + Amounts.qty(min) + " to " + Amounts.qty(max));
        return min;
    }

    /**
     * @return an amount of currency with at most four decimals, in 1/10,000 units, within
     *         [min, {@link #MAX_AMOUNT}]; {@code min} after recording an error
     */
    long amount(final String key, final String value, final long minUnits) {
        final BigDecimal parsed = decimal(value, 4);
        if (parsed != null) {
            final BigDecimal units = parsed.movePointRight(4);
            if (units.compareTo(BigDecimal.valueOf(minUnits)) >= 0
                && units.compareTo(BigDecimal.valueOf(MAX_AMOUNT * Amounts.SCALE)) <= 0) {
                return units.longValueExact();
            }
        }
        errors.add(key + " = '" + value + "' is not an amount from " + Amounts.money(minUnits) + " to "
            + Amounts.qty(MAX_AMOUNT) + " with at most four decimals");
        return minUnits;
    }

    /** @return a percentage from 0 to 100 with at most two decimals, in basis points; 0 after an error */
    int percent(final String key, final String value) {
        final BigDecimal parsed = decimal(value, 2);
        if (parsed != null && parsed.signum() >= 0 && parsed.compareTo(BigDecimal.valueOf(100)) <= 0) {
            return parsed.movePointRight(2).intValueExact();
        }
        errors.add(key + " = '" + value + "' is not a percentage from 0 to 100 with at most two decimals");
        return 0;
    }

    /** @return the value when it is one of {@code allowed}, else the first after recording an error */
    String oneOf(final String key, final String value, final String... allowed) {
        for (final String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        errors.add(key + " = '" + value + "' is not one of " + String.join(", ", allowed));
        return allowed[0];
    }

    /** @return a name of 1 to {@code maxLength} printable ASCII characters without spaces, or null after an error */
    String name(final String key, final String value, final int maxLength) {
        if (value.isEmpty() || value.length() > maxLength || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
            errors.add(key + " = '" + value + "' is not a name of 1 to " + maxLength
                + " printable ASCII characters without spaces");
            return null;
        }
        return value;
    }

    private static BigDecimal decimal(final String value, final int maxScale) {
        try {
            final BigDecimal parsed = new BigDecimal(clean(value));
            final BigDecimal stripped = parsed.signum() == 0 ? BigDecimal.ZERO : parsed.stripTrailingZeros();
            return stripped.scale() <= maxScale ? stripped : null;
        } catch (final NumberFormatException | ArithmeticException ex) {
            return null;
        }
    }

    private static String clean(final String value) {
        final String trimmed = value.trim();
        // Underscores between digits only: "10_000" but not "_10" or "10_".
        if (trimmed.startsWith("_") || trimmed.endsWith("_")) {
            return "x";
        }
        return trimmed.replace("_", "");
    }
}
