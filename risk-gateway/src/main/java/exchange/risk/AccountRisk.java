package exchange.risk;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One account's credit: its limit, its kill switch and its exposure, all in 1/10,000 currency units.
 *
 * <p>Exposure = pending + open + executed, kept in one {@link AtomicLong} so that a check can reserve
 * against the limit with one compare-and-set:
 * <ul>
 *   <li>pending: reserved by checks whose command the engine has not answered yet;</li>
 *   <li>open: leaves quantity x valuation price of the account's live orders, from the event log;</li>
 *   <li>executed: price x quantity of every fill since the last DayEnded, buys and sells alike.</li>
 * </ul>
 * Session threads reserve (compare-and-set, never a lock); the one event-consumer thread releases and
 * adjusts (atomic adds) and alone writes the open and executed parts, which are kept apart for operators.
 */
final class AccountRisk {
    /** {@link #tryReserve} returns this when the reservation was made. */
    static final long RESERVED = Long.MIN_VALUE;

    private final int slot;
    private final int accountId;
    private final FirmRisk firm;
    private final String name;
    private final long creditLimit;
    private final AtomicLong exposure = new AtomicLong();
    private volatile long open; // written by the event consumer only
    private volatile long executed; // written by the event consumer only
    private volatile boolean killSwitch;

    /**
     * @param name the FIX Account value, {@code null} for the firm's default account
     */
    AccountRisk(final int slot, final int accountId, final FirmRisk firm, final String name, final long creditLimit) {
        this.slot = slot;
        this.accountId = accountId;
        this.firm = firm;
        this.name = name;
        this.creditLimit = creditLimit;
    }

    int slot() {
        return slot;
    }

    int accountId() {
        return accountId;
    }

    FirmRisk firm() {
        return firm;
    }

    long creditLimit() {
        return creditLimit;
    }

    boolean killSwitch() {
        return killSwitch;
    }

    void killSwitch(final boolean on) {
        killSwitch = on;
    }

    /**
     * Reserves an amount if the exposure stays within the credit limit. Any thread; lock-free.
     *
     * @param amount notional to reserve, 0 or more
     * @return {@link #RESERVED}, or the exposure that left no room for it
     */
    long tryReserve(final long amount) {
        if (amount == 0) {
            return RESERVED;
        }
        while (true) {
            final long current = exposure.get();
            if (amount > creditLimit - current) {
                return current;
            }
            if (exposure.compareAndSet(current, current + amount)) {
                return RESERVED;
            }
        }
    }

    /** Gives back a pending reservation. Any thread. */
    void release(final long amount) {
        if (amount != 0) {
            exposure.getAndAdd(-amount);
        }
    }

    /** Open orders grew (positive) or shrank (negative). Event consumer only. */
    void addOpen(final long delta) {
        if (delta != 0) {
            open = open + delta;
            exposure.getAndAdd(delta);
        }
    }

    /** A fill: its leaves leave the open part, its notional joins the executed part. Event consumer only. */
    void fill(final long openReleased, final long notional) {
        open = open - openReleased;
        executed = executed + notional;
        exposure.getAndAdd(notional - openReleased);
    }

    /** A new trading day: nothing executed, and no open order until the carried ones are restored. Event consumer only. */
    void endOfDay() {
        final long dropped = open + executed;
        open = 0;
        executed = 0;
        exposure.getAndAdd(-dropped);
    }

    long exposure() {
        return exposure.get();
    }

    long open() {
        return open;
    }

    long executed() {
        return executed;
    }

    /** @return "account ACC1 of BROKER1", or "the default account of BROKER1" */
    String label() {
        return name == null ? "the default account of " + firm.name() : "account " + name + " of " + firm.name();
    }

    @Override
    public String toString() {
        return label() + " (id " + accountId + ")";
    }
}
