package exchange.fix;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedLogonsTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(-7 * SECOND);

    @Test
    void shouldLockAnAddressOutAfterItsLimitUntilTheOldestFailureIsAMinuteOld() {
        final FailedLogons failed = new FailedLogons(3, now::get);
        final long t0 = now.get();
        failed.failed("10.0.0.1");
        now.set(t0 + 10 * SECOND);
        failed.failed("10.0.0.1");
        assertThat(failed.lockedOutNs("10.0.0.1")).as("two failures of three").isZero();
        now.set(t0 + 20 * SECOND);
        failed.failed("10.0.0.1");
        assertThat(failed.lockedOutNs("10.0.0.1")).as("until the first is a minute old").isEqualTo(40 * SECOND);
        assertThat(failed.lockedOutNs("10.0.0.2")).as("another address").isZero();
        now.set(t0 + 60 * SECOND - 1);
        assertThat(failed.lockedOutNs("10.0.0.1")).isEqualTo(1);
        now.set(t0 + 60 * SECOND);
        assertThat(failed.lockedOutNs("10.0.0.1")).as("the first is a minute old").isZero();
        failed.failed("10.0.0.1");
        assertThat(failed.lockedOutNs("10.0.0.1")).as("the second is not yet").isEqualTo(10 * SECOND);
    }

    @Test
    void shouldCountNothingWithoutALimit() {
        final FailedLogons failed = new FailedLogons(0, now::get);
        for (int i = 0; i < 100; i++) {
            failed.failed("10.0.0.1");
        }
        assertThat(failed.lockedOutNs("10.0.0.1")).isZero();
        assertThat(failed.addresses()).isZero();
    }

    @Test
    void shouldForgetAddressesWithNoFailureInTheLastMinuteOnceManyAreHeld() {
        final FailedLogons failed = new FailedLogons(2, now::get);
        for (int i = 0; i < FailedLogons.SWEEP_AT; i++) {
            failed.failed("10.1." + (i >> 8) + "." + (i & 0xff));
        }
        now.addAndGet(30 * SECOND);
        failed.failed("10.9.9.9");
        failed.failed("10.9.9.9");
        assertThat(failed.addresses()).as("all within the minute: kept").isEqualTo(FailedLogons.SWEEP_AT + 1);
        now.addAndGet(31 * SECOND);
        failed.failed("10.9.9.8");
        assertThat(failed.addresses()).as("the first ones a minute old: dropped").isEqualTo(2);
        assertThat(failed.lockedOutNs("10.9.9.9")).as("the locked-out one kept").isEqualTo(29 * SECOND);
    }

    @Test
    void shouldCountByHostWhateverThePort() {
        assertThat(FailedLogons.address(new InetSocketAddress("127.0.0.2", 4001)))
            .isEqualTo(FailedLogons.address(new InetSocketAddress("127.0.0.2", 4002))).isEqualTo("127.0.0.2");
    }

    @Test
    void shouldRefuseANegativeLimit() {
        assertThatThrownBy(() -> new FailedLogons(-1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
