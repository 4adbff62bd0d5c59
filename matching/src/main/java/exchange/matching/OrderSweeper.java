package exchange.matching;

import exchange.matching.command.MassCancelCommand;

/**
 * Takes orders off the books in bulk: a mass cancel of one owner's orders, the expiry of Day orders
 * at end of day, and the expiry of GTD orders whose time has come.
 *
 * <p>Order of events: book by book (ascending instrument id); within a book resting orders first,
 * buy side first, best level first, in time priority; then waiting stops, buy stops first, in the
 * order they would trigger.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class OrderSweeper {
    private final Books books;
    private final OrderStore orders;
    private final EventWriter events;
    private final GtdExpiries gtdExpiries;
    private long carried;

    OrderSweeper(final Books books, final EventWriter events, final GtdExpiries gtdExpiries) {
        this.books = books;
        this.orders = books.orders();
        this.events = events;
        this.gtdExpiries = gtdExpiries;
    }

    /** Cancels every live order a mass cancel names, then reports the count (MassCancelled). */
    void massCancel(final MassCancelCommand command) {
        final byte side = command.sideCode();
        final CancelReason reason = command.reason() == null ? CancelReason.MASS_CANCEL : command.reason();
        final long count = cancelOwned(command.instrumentId(), side, command.scope(), command.sessionId(),
            command.firmId(), command.accountId(), reason);
        events.massCancelled(command.instrumentId(), command.sessionId(), command.firmId(), command.accountId(),
            command.scope(), side, reason, count, command.buffer(), command.contextStart(), command.contextLength());
    }

    /**
     * Cancels every live order of a firm (account 0) or of one of its accounts: a kill switch.
     *
     * @return how many
     */
    long killSwitchCancel(final int firmId, final int accountId) {
        return cancelOwned(Instrument.NULL_ID, (byte) 0,
            accountId == 0 ? MassCancelCommand.SCOPE_FIRM : MassCancelCommand.SCOPE_ACCOUNT, 0, firmId, accountId,
            CancelReason.KILL_SWITCH);
    }

    private long cancelOwned(final int only, final byte side, final int scope, final int sessionId, final int firmId,
                             final int accountId, final CancelReason reason) {
        long count = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null || (only != Instrument.NULL_ID && only != id)) {
                continue;
            }
            if (side != Side.SELL.code()) {
                count += sweep(book, book.bids(), books.levels(), false, scope, sessionId, firmId, accountId, reason);
            }
            if (side != Side.BUY.code()) {
                count += sweep(book, book.asks(), books.levels(), false, scope, sessionId, firmId, accountId, reason);
            }
            if (side != Side.SELL.code()) {
                count += sweep(book, book.stops(false), books.stopLevels(), false, scope, sessionId, firmId, accountId,
                    reason);
            }
            if (side != Side.BUY.code()) {
                count += sweep(book, book.stops(true), books.stopLevels(), false, scope, sessionId, firmId, accountId,
                    reason);
            }
        }
        return count;
    }

    /**
     * Expires the orders that end with the day (Day and auction-only orders, a Day market order left in
     * a call book too), waiting stops included, and takes the GTC and GTD orders off the books without
     * an event, market orders among them: they carry over to the next day (see {@link #carriedAtEndOfDay()}).
     *
     * @return how many expired
     */
    long endOfDay() {
        carried = 0;
        long expired = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null) {
                continue;
            }
            for (final BookSide side : book.sides()) {
                expired += sweep(book, side, books.levels(), true, 0, 0, 0, 0, CancelReason.END_OF_DAY);
            }
            for (final BookSide side : book.stopSides()) {
                expired += sweep(book, side, books.stopLevels(), true, 0, 0, 0, 0, CancelReason.END_OF_DAY);
            }
        }
        return expired;
    }

    /** @return how many orders the last {@link #endOfDay()} took off the books to carry over */
    long carriedAtEndOfDay() {
        return carried;
    }

    /** @return true when a GTD order's expiry time is at or before {@code nowNs} */
    boolean hasGtdDue(final long nowNs) {
        return !gtdExpiries.isEmpty() && gtdExpiries.earliestTime() <= nowNs;
    }

    /** @return the earliest GTD expire time filed, {@link Long#MAX_VALUE} when none */
    long nextGtdExpiryNs() {
        return gtdExpiries.isEmpty() ? Long.MAX_VALUE : gtdExpiries.earliestTime();
    }

    /**
     * Expires, earliest first, the GTD orders whose time is at or before {@code nowNs}.
     *
     * @return how many expired
     */
    long expireGtd(final long nowNs) {
        long expired = 0;
        while (hasGtdDue(nowNs)) {
            final long orderId = gtdExpiries.earliestOrderId();
            gtdExpiries.removeEarliest();
            final int slot = orders.find(orderId);
            if (slot != OrderStore.NULL_SLOT) {
                books.takeOff(books.book(orders.bookId(slot)), slot);
                events.cancelled(slot, CancelReason.GTD_EXPIRED, null, 0, 0);
                books.release(slot);
                expired++;
            }
        }
        return expired;
    }

    /**
     * Cancels the orders of one side that an owner (scope, session, firm, account) names, or at end of
     * day those that end with the day (and takes the others off to be carried over); best level
     * first, in time priority.
     *
     * @return how many cancelled
     */
    private long sweep(final OrderBook book, final BookSide bookSide, final LevelStore levels, final boolean endOfDay,
                       final int scope, final int sessionId, final int firmId, final int accountId,
                       final CancelReason reason) {
        long count = 0;
        int depth = 0;
        while (depth < bookSide.size()) {
            final int level = bookSide.levelAt(depth);
            final int before = bookSide.size();
            int slot = levels.head(level);
            while (slot != OrderStore.NULL_SLOT) {
                final int next = orders.next(slot);
                if (endOfDay && OrderStore.tif(orders.flags(slot)).survivesEndOfDay()) {
                    books.takeOff(book, slot);
                    books.release(slot);
                    carried++;
                } else if (endOfDay || owns(slot, scope, sessionId, firmId, accountId)) {
                    books.takeOff(book, slot);
                    events.cancelled(slot, reason, null, 0, 0);
                    books.release(slot);
                    count++;
                }
                slot = next;
            }
            if (bookSide.size() == before) {
                depth++;
            }
        }
        return count;
    }

    private boolean owns(final int slot, final int scope, final int sessionId, final int firmId, final int accountId) {
        return switch (scope) {
            case MassCancelCommand.SCOPE_SESSION -> orders.sessionId(slot) == sessionId && orders.firmId(slot) == firmId;
            case MassCancelCommand.SCOPE_FIRM -> orders.firmId(slot) == firmId;
            case MassCancelCommand.SCOPE_ACCOUNT -> orders.firmId(slot) == firmId && orders.accountId(slot) == accountId;
            default -> false;
        };
    }
}
