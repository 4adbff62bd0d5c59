package exchange.matching;

/**
 * Works one order that has just become active (entered, or re-priced by a replace): the fill-or-kill
 * and minimum-quantity checks, matching, and then what is left: booked, cancelled (immediate and
 * market orders) or forgotten when filled.
 *
 * <p>Matching thread only. Never allocates.
 */
final class OrderFlow {
    /** Pass as the expire time when no GTD expiry is to be filed for the order. */
    static final long NO_GTD_EXPIRY = Long.MIN_VALUE;

    private final Books books;
    private final OrderStore orders;
    private final EventWriter events;
    private final ContinuousMatcher matcher;
    private final GtdExpiries gtdExpiries;

    OrderFlow(final Books books, final EventWriter events, final ContinuousMatcher matcher,
              final GtdExpiries gtdExpiries) {
        this.books = books;
        this.orders = books.orders();
        this.events = events;
        this.matcher = matcher;
        this.gtdExpiries = gtdExpiries;
    }

    /**
     * Matches an order in continuous trading and finishes it.
     *
     * @param book         its book
     * @param slot         the order, accepted, on no level
     * @param minQty       the least it must fill at once, or 0 (FIX MinQty, IOC only)
     * @param bookedReason the Booked reason if what is left rests
     * @param expireTimeNs its GTD expire time to file when it rests, or {@link #NO_GTD_EXPIRY}
     */
    void work(final OrderBook book, final int slot, final long minQty, final int bookedReason,
              final long expireTimeNs) {
        final long limit = matcher.limitOf(slot);
        final boolean fok = OrderStore.tif(orders.flags(slot)) == TimeInForce.FOK;
        if (fok || minQty > 0) {
            final long needed = fok ? orders.leavesQty(slot) : minQty;
            if (matcher.fillable(book, slot, limit, needed) < needed) {
                events.cancelled(slot, fok ? CancelReason.FOK_NOT_FILLED : CancelReason.MIN_QUANTITY_NOT_MET,
                    null, 0, 0);
                books.release(slot);
                return;
            }
        }
        if (matcher.match(book, slot, limit) == ContinuousMatcher.AGGRESSOR_CANCELLED) {
            return;
        }
        finish(book, slot, bookedReason, expireTimeNs);
    }

    /**
     * After an order has taken what it could: books the rest, cancels it (immediate and market
     * orders), or forgets the order when it is filled.
     */
    private void finish(final OrderBook book, final int slot, final int bookedReason, final long expireTimeNs) {
        if (orders.leavesQty(slot) == 0) {
            books.release(slot);
            return;
        }
        final int flags = orders.flags(slot);
        final OrderType type = OrderStore.type(flags);
        final TimeInForce tif = OrderStore.tif(flags);
        if (type == OrderType.MARKET || tif.isImmediate()) {
            final CancelReason why = type == OrderType.MARKET && tif != TimeInForce.IOC && tif != TimeInForce.FOK
                ? CancelReason.NO_LIQUIDITY : CancelReason.IOC_REMAINDER;
            events.cancelled(slot, why, null, 0, 0);
            books.release(slot);
            return;
        }
        books.rest(book, slot);
        events.booked(slot, books.visible(slot), bookedReason);
        if (tif == TimeInForce.GTD && expireTimeNs != NO_GTD_EXPIRY) {
            // The expire time lives only in the heap, keyed by order id (room was checked on entry).
            gtdExpiries.add(expireTimeNs, orders.orderId(slot));
        }
    }
}
