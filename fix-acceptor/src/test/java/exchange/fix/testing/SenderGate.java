package exchange.fix.testing;

import exchange.fix.FixObserver;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the ExecutionReport sender so that a test can send requests that reach the exchange before
 * the acknowledgement of the order they refer to, every time ("pipelined" requests, as a fast broker
 * sends them): once {@link #hold() held}, the sender stops after handing its next report to its
 * session, and reads no further event until {@link #release()}. Counts the requests the sessions'
 * threads have handled meanwhile, so that the test knows when they are all in.
 */
public final class SenderGate implements FixObserver {
    private static final long HOLD_AT_MOST_MS = 20_000;

    private final AtomicInteger handled = new AtomicInteger();
    private volatile CountDownLatch release;
    private volatile CountDownLatch held;

    /** The sender will stop after its next report. */
    public void hold() {
        release = new CountDownLatch(1);
        held = new CountDownLatch(1);
    }

    /** @return true once the sender is stopped */
    public boolean awaitHeld(final Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return order-entry requests handled (journaled or answered at once) so far */
    public int handled() {
        return handled.get();
    }

    /** @return true once the sessions have handled this many requests in all */
    public boolean awaitHandled(final int count, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Lets the sender go on. */
    public void release() {
        final CountDownLatch r = release;
        release = null;
        if (r != null) {
            r.countDown();
        }
    }

    @Override
    public void requestHandled(final long receivedNs, final long doneNs) {
        handled.incrementAndGet();
    }

    @Override
    public void reportSent(final long eventTimestampNs, final long readNs, final long sentNs) {
        final CountDownLatch r = release;
        if (r == null) {
            return;
        }
        held.countDown();
        try {
            // never wedges the exchange: a test that forgets to release fails on its own timeouts
            r.await(HOLD_AT_MOST_MS, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
