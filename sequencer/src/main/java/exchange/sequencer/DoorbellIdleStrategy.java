package exchange.sequencer;

import org.agrona.concurrent.IdleStrategy;

/**
 * Agrona's back-off (spin, then yield, then park for a time that doubles up to a limit) for a reader
 * that a {@link Doorbell} wakes: its parks end as soon as a writer rings, so the limit bounds only
 * how often an idle thread wakes for nothing, not how late it sees new work. One per thread.
 */
public final class DoorbellIdleStrategy implements IdleStrategy {
    private final Doorbell.Waiter waiter;
    private final int maxSpins;
    private final int maxYields;
    private final long minParkNs;
    private final long maxParkNs;
    private int spins;
    private int yields;
    private long parkNs;
    private long seen;

    /**
     * @param doorbell  the bell of the queue the thread reads
     * @param maxSpins  polls that only spin before yielding
     * @param maxYields polls that yield before parking
     * @param minParkNs first park
     * @param maxParkNs longest park
     */
    public DoorbellIdleStrategy(final Doorbell doorbell, final int maxSpins, final int maxYields,
                                final long minParkNs, final long maxParkNs) {
        this.waiter = doorbell.newWaiter();
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNs = minParkNs;
        this.maxParkNs = maxParkNs;
        reset();
    }

    @Override
    public void idle(final int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            waiter.park(seen, parkNs);
            parkNs = Math.min(parkNs << 1, maxParkNs);
        }
        // taken before the next poll: a ring after this is either seen by that poll or stops the next park
        seen = waiter.rings();
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNs = minParkNs;
        seen = waiter.rings();
    }

    @Override
    public String alias() {
        return "doorbell-backoff";
    }
}
