package exchange.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link UtcTimestamps} writes exactly what QuickFIX/J's converter writes. */
class UtcTimestampsTest {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static long epochNs(final String isoUtc) {
        final LocalDateTime t = LocalDateTime.parse(isoUtc);
        return t.toEpochSecond(ZoneOffset.UTC) * NANOS_PER_SECOND + t.getNano();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00", "1999-12-31T23:59:59.999999999", "2000-02-29T12:00:00.000001",
        "2024-02-29T23:59:59.999999", "2026-03-01T00:00:00.1", "2100-02-28T23:59:59.000999999",
        "2100-03-01T00:00:00.000000001", "2400-02-29T06:07:08.090807", "9999-12-31T23:59:59.999999999"})
    void shouldWriteEdgesOfDaysMonthsAndLeapYearsAsQuickFixJDoes(final String isoUtc) {
        final long ns = epochNs(isoUtc);
        assertThat(UtcTimestamps.format(ns, true)).isEqualTo(UtcTimestamps.slow(ns, true));
        assertThat(UtcTimestamps.format(ns, false)).isEqualTo(UtcTimestamps.slow(ns, false));
    }

    @Test
    void shouldWriteRandomTimeStampsAsQuickFixJDoes() {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        final long until = epochNs("2200-01-01T00:00:00");
        for (int i = 0; i < 200_000; i++) {
            final long ns = random.nextLong(0, until);
            assertThat(UtcTimestamps.format(ns, true)).as("seed %d, %d ns", seed, ns).isEqualTo(UtcTimestamps.slow(ns, true));
            assertThat(UtcTimestamps.format(ns, false)).as("seed %d, %d ns", seed, ns).isEqualTo(UtcTimestamps.slow(ns, false));
        }
    }

    @Test
    void shouldWriteMicrosecondsAndMillisecondsTruncated() {
        final long ns = epochNs("2026-11-27T04:08:03.568539999");
        assertThat(UtcTimestamps.format(ns, true)).isEqualTo("20261127-04:08:03.568539");
        assertThat(UtcTimestamps.format(ns, false)).isEqualTo("20261127-04:08:03.568");
    }
}
