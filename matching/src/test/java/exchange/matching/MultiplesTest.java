package exchange.matching;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiplesTest {

    @Test
    void agreesWithTheRemainderForSmallNumbersAndDivisors() {
        for (long d = 1; d <= 300; d++) {
            final Multiples multiples = new Multiples(d);
            for (long x = 0; x <= 5_000; x++) {
                assertThat(multiples.divides(x)).as("%d divides %d", d, x).isEqualTo(x % d == 0);
            }
        }
    }

    @Test
    void agreesWithTheRemainderAcrossTheRange() {
        final SplittableRandom random = new SplittableRandom(42);
        final long[] divisors = {1, 2, 3, 5, 7, 10, 25, 64, 100, 125, 1_000, 10_000, 1L << 40, 3L << 40,
            999_999_937L, Long.MAX_VALUE, Long.MAX_VALUE - 1, (1L << 62) + 1};
        for (final long d : divisors) {
            final Multiples multiples = new Multiples(d);
            assertThat(multiples.divides(0)).isTrue();
            assertThat(multiples.divides(d)).isTrue();
            assertThat(multiples.divides(d - 1)).isEqualTo(d == 1);
            for (int i = 0; i < 20_000; i++) {
                final long x = random.nextLong(Long.MAX_VALUE);
                assertThat(multiples.divides(x)).as("%d divides %d", d, x).isEqualTo(x % d == 0);
                final long multiple = d * random.nextLong(Long.MAX_VALUE / d); // below Long.MAX_VALUE / d: no overflow
                assertThat(multiples.divides(multiple)).as("%d divides %d", d, multiple).isTrue();
                if (multiple < Long.MAX_VALUE) {
                    assertThat(multiples.divides(multiple + 1)).isEqualTo(d == 1);
                }
            }
        }
    }

    @Test
    void refusesANonPositiveDivisor() {
        assertThatThrownBy(() -> new Multiples(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Multiples(-100)).isInstanceOf(IllegalArgumentException.class);
    }
}
