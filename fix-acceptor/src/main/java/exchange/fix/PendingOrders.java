package exchange.fix;

/**
 * What one session's thread knows of the orders it journaled whose acknowledgement may still be on its
 * way: the {@link OrderRegistry} learns an order's state from the event log, after the engine, and a
 * broker may send a cancel, replace or status request right behind its NewOrderSingle. Until the
 * registry has the order, these are the values the order was journaled with: its instrument, account,
 * limit price, quantity, a GTD order's expire time and an iceberg's peak.
 *
 * <p>A direct-mapped table by OrderID ({@value #CAPACITY} slots): an order's entry is overwritten by
 * the session's order {@value #CAPACITY} OrderIDs younger (OrderIDs are the journal's sequence numbers,
 * shared by every session), long after the first's acknowledgement in any but a stalled exchange; an
 * order no longer found is then treated as the registry treats an order it does not know. The caller
 * asks only about an order the registry has no state of.
 *
 * <p>One session's thread at a time (QuickFIX/J handles a session's messages in turn). Allocates once,
 * at construction.
 */
final class PendingOrders {
    static final int CAPACITY = 1 << 12;
    private static final int MASK = CAPACITY - 1;
    /** Returned by {@link #slot} for an order not found. */
    static final int NOT_FOUND = -1;

    private final long[] orderIds = new long[CAPACITY];
    private final int[] instrumentIds = new int[CAPACITY];
    private final int[] accountIds = new int[CAPACITY];
    private final long[] expireTimesNs = new long[CAPACITY];
    private final long[] prices = new long[CAPACITY];
    private final long[] quantities = new long[CAPACITY];
    private final long[] displayQtys = new long[CAPACITY];

    /**
     * An order of the session was journaled (its ClOrdID new).
     *
     * @param instrumentId its instrument; {@code Instrument.NULL_ID} for an order refused at the gateway
     * @param price        its limit price (0 for a market order)
     * @param quantity     its order quantity
     * @param expireTimeNs a GTD order's expire time (ns since the epoch, UTC), 0 for another time in force
     * @param displayQty   an iceberg's peak (MaxFloor), 0 for an order shown whole
     */
    void journaled(final long orderId, final int instrumentId, final int accountId, final long price,
                   final long quantity, final long expireTimeNs, final long displayQty) {
        final int slot = (int) (orderId & MASK);
        orderIds[slot] = orderId;
        instrumentIds[slot] = instrumentId;
        accountIds[slot] = accountId;
        expireTimesNs[slot] = expireTimeNs;
        prices[slot] = price;
        quantities[slot] = quantity;
        displayQtys[slot] = displayQty;
    }

    /** @return the order's slot, {@link #NOT_FOUND} when the session journaled no such order (or long ago) */
    int slot(final long orderId) {
        final int slot = (int) (orderId & MASK);
        return orderId > 0 && orderIds[slot] == orderId ? slot : NOT_FOUND;
    }

    int instrumentId(final int slot) {
        return instrumentIds[slot];
    }

    int accountId(final int slot) {
        return accountIds[slot];
    }

    long price(final int slot) {
        return prices[slot];
    }

    long quantity(final int slot) {
        return quantities[slot];
    }

    /** @return an iceberg's peak, 0 for an order shown whole */
    long displayQty(final int slot) {
        return displayQtys[slot];
    }

    /** @return a GTD order's expire time, 0 for an order of another time in force */
    long expireTimeNs(final int slot) {
        return expireTimesNs[slot];
    }
}
