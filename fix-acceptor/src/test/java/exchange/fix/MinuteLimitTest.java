package exchange.fix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinuteLimitTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAdmitTheLimitInAMinuteAndOneMoreOnlyOnceTheOldestIsAMinuteOld() {
        final MinuteLimit limit = new MinuteLimit(3);
        final long t0 = 123 * SECOND;
        assertThat(limit.admit(t0)).isTrue();
        assertThat(limit.admit(t0 + 10 * SECOND)).isTrue();
        assertThat(limit.admit(t0 + 20 * SECOND)).isTrue();
        assertThat(limit.admit(t0 + 30 * SECOND)).as("a fourth within the minute").isFalse();
        // a refused request is not counted: the window is still the first three
        assertThat(limit.admit(t0 + 60 * SECOND - 1)).isFalse();
        assertThat(limit.admit(t0 + 60 * SECOND)).as("the first is a minute old").isTrue();
        assertThat(limit.admit(t0 + 65 * SECOND)).as("the second is not yet").isFalse();
        assertThat(limit.admit(t0 + 70 * SECOND)).isTrue();
        assertThat(limit.admit(t0 + 80 * SECOND)).isTrue();
        assertThat(limit.admit(t0 + 81 * SECOND)).isFalse();
    }

    @Test
    void shouldTakeAnyStartingTimeIncludingNegativeNanoTimes() {
        final MinuteLimit limit = new MinuteLimit(1);
        assertThat(limit.admit(-5 * SECOND)).isTrue();
        assertThat(limit.admit(50 * SECOND)).isFalse();
        assertThat(limit.admit(55 * SECOND)).isTrue();
    }

    @Test
    void shouldSayWhenOneMoreWouldBeAdmittedWithoutCountingIt() {
        final MinuteLimit limit = new MinuteLimit(2);
        assertThat(limit.idle(0)).as("nothing counted yet").isTrue();
        assertThat(limit.admit(0)).isTrue();
        assertThat(limit.full(SECOND)).isFalse();
        assertThat(limit.waitNs(SECOND)).isZero();
        assertThat(limit.admit(5 * SECOND)).isTrue();
        assertThat(limit.full(6 * SECOND)).isTrue();
        assertThat(limit.full(6 * SECOND)).as("asking counts nothing").isTrue();
        assertThat(limit.waitNs(6 * SECOND)).isEqualTo(54 * SECOND);
        assertThat(limit.full(60 * SECOND)).isFalse();
        assertThat(limit.idle(64 * SECOND)).as("the newest not yet a minute old").isFalse();
        assertThat(limit.idle(65 * SECOND)).isTrue();
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        assertThatThrownBy(() -> new MinuteLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
