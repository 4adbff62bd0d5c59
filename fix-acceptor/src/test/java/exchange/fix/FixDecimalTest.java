package exchange.fix;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FixDecimal}: prices as the ExecutionReports print them. */
class FixDecimalTest {
    @Test
    void shouldPrintAPriceWithoutTrailingZerosOrAnExponent() {
        assertThat(FixDecimal.priceText(1_012_500)).isEqualTo("101.25");
        assertThat(FixDecimal.priceText(1_000_000)).isEqualTo("100");
        assertThat(FixDecimal.priceText(5)).isEqualTo("0.0005");
        assertThat(FixDecimal.priceText(10_050)).isEqualTo("1.005");
        assertThat(FixDecimal.priceText(0)).isEqualTo("0");
        assertThat(FixDecimal.priceText(-12_300)).isEqualTo("-1.23");
    }

    /** The text the BigDecimal printed before, for prices of every size and sign. */
    @Test
    void shouldPrintExactlyWhatTheBigDecimalPrinted() {
        final SplittableRandom random = new SplittableRandom(20261128);
        for (int i = 0; i < 200_000; i++) {
            final long price = switch (i % 4) {
                case 0 -> random.nextLong(1, 100_000);
                case 1 -> random.nextLong(1, 10_000_000_000L) * 10;
                case 2 -> -random.nextLong(1, 1_000_000_000L);
                default -> random.nextLong();
            };
            assertThat(FixDecimal.priceText(price)).as("price %d", price).isEqualTo(FixDecimal.price(price).toPlainString());
        }
        for (final long edge : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 9_999, 10_000, 10_001, -1}) {
            assertThat(FixDecimal.priceText(edge)).as("price %d", edge).isEqualTo(FixDecimal.price(edge).toPlainString());
        }
    }
}
