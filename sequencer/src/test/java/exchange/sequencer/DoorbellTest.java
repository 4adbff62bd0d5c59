package exchange.sequencer;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doorbell's promise: a ring is never lost. Each wait here is a minute long, so a test that passes
 * (within its timeout of seconds) saw the waiter woken by the ring, not by its park running out.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DoorbellTest {
    private static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aRingWakesAParkedWaiter() throws Exception {
        final Doorbell bell = new Doorbell();
        final Doorbell.Waiter waiter = bell.newWaiter();
        final CountDownLatch parking = new CountDownLatch(1);
        final Thread reader = new Thread(() -> {
            final long seen = waiter.rings();
            parking.countDown();
            waiter.park(seen, MINUTE_NS);
        });
        reader.start();
        parking.await();
        while (reader.getState() != Thread.State.TIMED_WAITING) { // parked, or about to be: either way it must wake
            Thread.onSpinWait();
        }
        bell.ring();
        reader.join();
    }

    @Test
    void aRingBeforeTheParkStopsIt() {
        final Doorbell bell = new Doorbell();
        final Doorbell.Waiter waiter = bell.newWaiter();
        final long seen = waiter.rings();
        bell.ring(); // written after the reader's last look, before it parks
        waiter.park(seen, MINUTE_NS);
        assertThat(waiter.rings()).isEqualTo(seen + 1);
    }

    @Test
    void everyWaiterIsWokenAndRingsAreNeverLostUnderRaces() throws Exception {
        final Doorbell bell = new Doorbell();
        final int readers = 3;
        final int rounds = 2_000;
        final Thread[] threads = new Thread[readers];
        final long[] written = new long[1];
        final Object lock = new Object();
        final AtomicBoolean failed = new AtomicBoolean();
        for (int r = 0; r < readers; r++) {
            final Doorbell.Waiter waiter = bell.newWaiter();
            threads[r] = new Thread(() -> {
                long read = 0;
                while (read < rounds) {
                    final long seen = waiter.rings();
                    final long available;
                    synchronized (lock) {
                        available = written[0];
                    }
                    if (available > read) {
                        read = available;
                    } else {
                        waiter.park(seen, MINUTE_NS); // a lost ring would leave this reader here for a minute
                    }
                }
                if (read != rounds) {
                    failed.set(true);
                }
            });
            threads[r].start();
        }
        for (int i = 1; i <= rounds; i++) {
            synchronized (lock) {
                written[0] = i;
            }
            bell.ring();
            if (i % 100 == 0) {
                Thread.sleep(1); // let the readers park now and then
            }
        }
        for (final Thread t : threads) {
            t.join();
        }
        assertThat(failed).isFalse();
    }

    @Test
    void theIdleStrategyParksUntilTheBellRings() throws Exception {
        final Doorbell bell = new Doorbell();
        final DoorbellIdleStrategy idle = new DoorbellIdleStrategy(bell, 1, 1, MINUTE_NS, MINUTE_NS);
        final AtomicBoolean work = new AtomicBoolean();
        final Thread reader = new Thread(() -> {
            while (!work.get()) {
                idle.idle(0);
            }
        });
        reader.start();
        while (reader.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        work.set(true);
        bell.ring();
        reader.join();
    }

    @Test
    void backoffReadersWaitOnTheirBellAndTheOtherStrategiesAreAsNamed() {
        final Doorbell bell = new Doorbell();
        assertThat(IdleStrategies.create("backoff", bell)).isInstanceOf(DoorbellIdleStrategy.class);
        assertThat(IdleStrategies.create(" Backoff ", bell)).isInstanceOf(DoorbellIdleStrategy.class);
        assertThat(IdleStrategies.create("yield", bell).alias()).isEqualTo(IdleStrategies.create("yield").alias());
        assertThat(IdleStrategies.create("backoff")).isInstanceOf(BackoffIdleStrategy.class);
    }
}
