package exchange.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static exchange.risk.RiskFixture.ACC2;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.CURRENCY;
import static exchange.risk.TestOrders.buy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session threads reserving on one account at once (ACC2: credit 20,000; each order 1 x 100.00, so
 * exactly 200 fit). Every session has its own handle; nothing is shared but the account's exposure.
 */
class CreditConcurrencyTest {
    private static final int THREADS = 4;
    private static final int ATTEMPTS_PER_THREAD = 1_000;
    private static final long LIMIT = 20_000 * CURRENCY;

    private final RiskGateway gateway = RiskFixture.gateway();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldNeverReserveMoreThanTheLimitFromManyThreads() throws Exception {
        final AtomicInteger passed = new AtomicInteger();

        runSessions(session -> {
            for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                if (gateway.checkNewOrder(session, buy(1).at(100_0000).account(ACC2).build(), i).passed()) {
                    passed.incrementAndGet();
                }
            }
        });

        assertThat(passed.get()).isEqualTo(200);
        assertThat(gateway.exposure(BROKER1, ACC2)).isEqualTo(LIMIT);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStayWithinTheLimitWhileOtherThreadsReleaseAndEndAtZero() throws Exception {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong highest = new AtomicLong();
        final Thread watcher = new Thread(() -> {
            while (running.get()) {
                highest.accumulateAndGet(gateway.exposure(BROKER1, ACC2), Math::max);
            }
        }, "exposure-watcher");
        watcher.start();

        runSessions(session -> {
            for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                final var order = buy(1 + i % 70).at(100_0000).account(ACC2).build();
                if (gateway.checkNewOrder(session, order, i).passed()) {
                    gateway.releaseReservation(order.buffer(), order.contextStart(), order.contextLength());
                }
            }
        });
        running.set(false);
        watcher.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(highest.get()).isLessThanOrEqualTo(LIMIT);
        assertThat(gateway.exposure(BROKER1, ACC2)).isZero();
    }

    private void runSessions(final SessionWork work) throws InterruptedException {
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final SessionRisk session = gateway.session(t + 1, BROKER1, RiskConfig.MAX_MESSAGES_PER_SECOND);
            final Thread thread = new Thread(() -> {
                try {
                    start.await();
                    work.run(session);
                } catch (final Throwable ex) {
                    synchronized (failures) {
                        failures.add(ex);
                    }
                }
            }, "session-" + (t + 1));
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (final Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
        }
        assertThat(failures).isEmpty();
    }

    @FunctionalInterface
    private interface SessionWork {
        void run(SessionRisk session) throws Exception;
    }
}
