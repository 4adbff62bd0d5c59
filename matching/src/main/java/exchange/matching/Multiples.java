package exchange.matching;

/**
 * Tells whether a non-negative number is a multiple of one fixed positive divisor (an instrument's
 * tick or lot) without dividing: every new order and replace asks twice, and a 64-bit division costs
 * more than the multiplication and comparison that answer it here. With d = 2^k x m, m odd, x is a
 * multiple of d when its low k bits are 0 and (x >> k) times the inverse of m modulo 2^64 is at most
 * (2^64 - 1) / m, compared unsigned (Granlund and Montgomery; Lemire, Kaser and Kurz, "Faster
 * remainder by direct computation", 2019).
 *
 * <p>Immutable. Never allocates after construction.
 */
final class Multiples {
    private final long lowMask;
    private final int shift;
    private final long inverse;
    /** (2^64 - 1) / m, offset by {@link Long#MIN_VALUE} so that a signed comparison orders it unsigned. */
    private final long limit;

    /**
     * @param divisor positive
     */
    Multiples(final long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        shift = Long.numberOfTrailingZeros(divisor);
        lowMask = (1L << shift) - 1;
        final long odd = divisor >>> shift;
        long inv = odd; // correct to 3 bits for any odd number; each Newton step doubles that
        for (int i = 0; i < 5; i++) {
            inv *= 2 - odd * inv;
        }
        inverse = inv;
        limit = Long.divideUnsigned(-1L, odd) + Long.MIN_VALUE;
    }

    /**
     * @param x a number, 0 or more
     * @return true when the divisor divides it: {@code x % divisor == 0}
     */
    boolean divides(final long x) {
        return (x & lowMask) == 0 && ((x >>> shift) * inverse) + Long.MIN_VALUE <= limit;
    }
}
