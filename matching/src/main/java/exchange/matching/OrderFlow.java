package exchange.matching;

import exchange.matching.event.BookedEvent;
import exchange.matching.event.PhaseChangedEvent;

/**
 * Works one order that has just become active (entered, re-priced by a replace, or a stop just
 * triggered): the fill-or-kill and minimum-quantity checks, matching, and then what is left: booked,
 * cancelled (immediate and market orders) or forgotten when filled. Then, at the end of the command,
 * the stops its trades trigger, in stop priority order, each worked the same way; their trades may
 * trigger more.
 *
 * <p>Matching thread only. Never allocates.
 */
final class OrderFlow {
    /** Pass as the expire time when no GTD expiry is to be filed for the order. */
    static final long NO_GTD_EXPIRY = Long.MIN_VALUE;
    private static final int FOK_FLAGS = TimeInForce.FOK.ordinal() << OrderStore.TIF_SHIFT;

    private final Books books;
    private final OrderStore orders;
    private final EventWriter events;
    private final ContinuousMatcher matcher;
    private final GtdExpiries gtdExpiries;
    private final StopTriggers triggers;
    private TradingPhases phases;
    private boolean triggering;
    private OrderBook printed;
    private long nowNs;

    OrderFlow(final Books books, final EventWriter events, final ContinuousMatcher matcher,
              final GtdExpiries gtdExpiries, final StopTriggers triggers) {
        this.books = books;
        this.orders = books.orders();
        this.events = events;
        this.matcher = matcher;
        this.gtdExpiries = gtdExpiries;
        this.triggers = triggers;
    }

    /** Completes the wiring: the circuit breaker starts volatility auctions through the phases. */
    void phases(final TradingPhases phases) {
        this.phases = phases;
    }

    /** @param nowNs engine time, for the circuit breaker's opening window */
    void now(final long nowNs) {
        this.nowNs = nowNs;
    }

    /**
     * Matches an order in continuous trading and finishes it; in a call or halted book, books it.
     *
     * @param book         its book
     * @param slot         the order, accepted, on no level
     * @param minQty       the least it must fill at once, or 0 (FIX MinQty, IOC only)
     * @param bookedReason the Booked reason if what is left rests
     * @param expireTimeNs its GTD expire time to file when it rests, or {@link #NO_GTD_EXPIRY}
     */
    void work(final OrderBook book, final int slot, final long minQty, final int bookedReason,
              final long expireTimeNs) {
        if (book.phase() != TradingPhase.CONTINUOUS) {
            finish(book, slot, bookedReason, expireTimeNs, 0); // a call or halted book collects orders
            return;
        }
        final long limit = matcher.limitOf(book, slot);
        if (book.hasCircuitBreaker()) {
            book.updateBand(nowNs);
        }
        if ((orders.flags(slot) & OrderStore.TIF_MASK) == FOK_FLAGS || minQty > 0) {
            if (!canFillEnough(book, slot, limit, minQty)) {
                return;
            }
        }
        final int matched = matcher.match(book, slot, limit);
        if (matched == ContinuousMatcher.BREAKER_TRIPPED) {
            // Not printed: the instrument goes into a volatility auction, and the rest of the order with it.
            phases.change(book, TradingPhase.VOLATILITY_AUCTION, PhaseChangedEvent.REASON_CIRCUIT_BREAKER);
        }
        if (matched != ContinuousMatcher.AGGRESSOR_CANCELLED) {
            finish(book, slot, bookedReason, expireTimeNs, limit);
        }
        if (!triggering && book.hasPrints()) {
            printed = book; // its stops trigger after the command (afterCommand), out of this hot path
        }
    }

    /**
     * At the end of every command: triggers the stops reached by the trades of the order it worked,
     * if any (see {@link #triggerStops}). Nothing happens to that order between its work and this.
     */
    void afterCommand() {
        final OrderBook book = printed;
        if (book != null) {
            printed = null;
            triggerStops(book);
        }
    }

    /**
     * A fill-or-kill order must find its whole quantity, an order with a minimum quantity at least that
     * much; otherwise it is cancelled without touching the book.
     *
     * @return true when it may match
     */
    private boolean canFillEnough(final OrderBook book, final int slot, final long limit, final long minQty) {
        final boolean fok = OrderStore.tif(orders.flags(slot)) == TimeInForce.FOK;
        final long needed = fok ? orders.leavesQty(slot) : minQty;
        if (matcher.fillable(book, slot, limit, needed) >= needed) {
            return true;
        }
        events.cancelled(slot, fok ? CancelReason.FOK_NOT_FILLED : CancelReason.MIN_QUANTITY_NOT_MET, null, 0, 0);
        books.release(slot);
        return false;
    }

    /**
     * Activates the stops the book's prints have triggered, in stop priority order, each worked as an
     * order that has just arrived (time priority from now); then those their trades trigger, until no
     * more. Clears the prints.
     */
    void triggerStops(final OrderBook book) {
        if (!book.hasPrints()) {
            return;
        }
        if (!book.hasWaitingStops()) {
            book.clearPrints();
            return;
        }
        triggering = true;
        int count = triggers.collect(book);
        while (count > 0) {
            book.clearPrints();
            for (int i = 0; i < count; i++) {
                final int slot = triggers.slotAt(i);
                orders.flags(slot, orders.flags(slot) & ~OrderStore.WAITING_STOP);
                orders.stopSequence(slot, 0); // the word is the cum notional again
                events.triggered(slot, triggers.triggerPrice(orders.isSell(slot)));
                work(book, slot, 0, BookedEvent.REASON_TRIGGERED, NO_GTD_EXPIRY);
            }
            count = book.hasPrints() ? triggers.collect(book) : 0;
        }
        book.clearPrints();
        triggering = false;
    }

    /** @return true when a market order stopped at the collar's edge with more liquidity beyond it */
    private boolean stoppedByCollar(final OrderBook book, final boolean sell, final long limit) {
        final int best = book.contra(sell).best();
        return book.phase() == TradingPhase.CONTINUOUS && best != LevelStore.NULL_LEVEL
            && !ContinuousMatcher.crosses(sell, limit, books.levels().price(best));
    }

    /**
     * After an order has taken what it could: books the rest (a market order only in a call book, at
     * its side's market level), cancels it (immediate orders, market orders in continuous trading),
     * or forgets the order when it is filled.
     */
    private void finish(final OrderBook book, final int slot, final int bookedReason, final long expireTimeNs,
                        final long limit) {
        if (orders.leavesQty(slot) == 0) {
            books.release(slot);
            return;
        }
        final int flags = orders.flags(slot);
        final TimeInForce tif = OrderStore.tif(flags);
        final boolean limitPriced = (flags & OrderStore.LIMIT_PRICED) != 0;
        final boolean sell = (flags & OrderStore.SIDE_SELL) != 0;
        if (tif.isImmediate() || (!limitPriced && book.phase() == TradingPhase.CONTINUOUS)) {
            // A fill-or-kill gets here unfilled only when it cannot trade at all: a stop triggered into a call.
            final CancelReason why = !limitPriced && stoppedByCollar(book, sell, limit) ? CancelReason.PRICE_COLLAR
                : !limitPriced && !tif.isImmediate() ? CancelReason.NO_LIQUIDITY
                : tif == TimeInForce.FOK ? CancelReason.FOK_NOT_FILLED : CancelReason.IOC_REMAINDER;
            events.cancelled(slot, why, null, 0, 0);
            books.release(slot);
            return;
        }
        // An order entered or replaced now had the room for its price checked (and matching only frees
        // levels); a triggered stop, or a market order left in a volatility auction, did not.
        if ((bookedReason == BookedEvent.REASON_TRIGGERED || !limitPriced)
            && !books.hasRoomAt(book, sell, Books.levelPrice(sell, limitPriced, orders.price(slot)))) {
            events.cancelled(slot, CancelReason.BOOK_FULL, null, 0, 0);
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
