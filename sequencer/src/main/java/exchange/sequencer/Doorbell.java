package exchange.sequencer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the threads that wait, parked, for what a queue's writers write: the matching thread waiting
 * for commands in the journal, a consumer waiting for events in the event log. Without it a parked
 * reader sees new work only when its park times out, and a reader that has been idle a while parks
 * for up to a millisecond, which is then the latency of the next order.
 *
 * <p>Writers {@link #ring()} after each write they publish: a counter increment and, for each waiter,
 * one volatile read; a syscall (an unpark) only when that waiter is parked. Readers wait through a
 * {@link DoorbellIdleStrategy}, which parks only when no ring came since before their last poll: the
 * waiter announces itself before it checks the count, the writer counts before it looks for waiters,
 * so one of the two always sees the other and no wake-up is lost. A reader that never parks
 * (busy-spin, yield) costs the writer nothing but the read.
 *
 * <p>Thread-safe: any number of writers and waiters.
 */
public final class Doorbell {
    private final AtomicLong rings = new AtomicLong();
    private volatile Waiter[] waiters = new Waiter[0];

    /** Says that something was written: wakes every parked waiter. */
    public void ring() {
        rings.getAndIncrement();
        for (final Waiter w : waiters) {
            w.wake();
        }
    }

    /** @return a new waiter, for one reader thread */
    public synchronized Waiter newWaiter() {
        final Waiter w = new Waiter(this);
        final Waiter[] grown = java.util.Arrays.copyOf(waiters, waiters.length + 1);
        grown[waiters.length] = w;
        waiters = grown;
        return w;
    }

    /** One reader thread's place at the door. */
    public static final class Waiter {
        private final Doorbell bell;
        private final AtomicReference<Thread> parked = new AtomicReference<>();

        private Waiter(final Doorbell bell) {
            this.bell = bell;
        }

        /** @return rings so far; take it before polling, hand it to {@link #park} */
        long rings() {
            return bell.rings.get();
        }

        /**
         * Parks the calling thread for up to a time unless the bell rang since {@code seen} was taken,
         * or until it rings.
         */
        void park(final long seen, final long timeoutNs) {
            final Thread self = Thread.currentThread();
            parked.set(self);
            if (bell.rings.get() == seen) {
                LockSupport.parkNanos(this, timeoutNs);
            }
            parked.compareAndSet(self, null);
        }

        private void wake() {
            final Thread t = parked.get();
            if (t != null && parked.compareAndSet(t, null)) {
                LockSupport.unpark(t);
            }
        }
    }
}
