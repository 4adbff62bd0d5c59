package exchange.matching;

import exchange.matching.command.RestoreOrderCommand;

/**
 * Puts back orders of an earlier day (RestoreOrder commands) and the orders of a snapshot: at the
 * back of their level, with their order ids, fills and context. A stop that had not triggered waits
 * again, behind the stops already waiting at its stop price; one that had (restore flag TRIGGERED)
 * rests as the order it became; an iceberg shows a fresh peak.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class OrderRestorer {
    private final Books books;
    private final OrderStore orders;
    private final OrderExtras extras;
    private final EventWriter events;
    private final GtdExpiries gtdExpiries;
    private final KillSwitches killSwitches;

    OrderRestorer(final Books books, final EventWriter events, final GtdExpiries gtdExpiries,
                  final KillSwitches killSwitches) {
        this.books = books;
        this.orders = books.orders();
        this.extras = books.extras();
        this.events = events;
        this.gtdExpiries = gtdExpiries;
        this.killSwitches = killSwitches;
    }

    /**
     * Restores an order and reports it (Restored); an order whose id is already live is left alone;
     * one that cannot be restored, or whose firm's or account's kill switch is on, is reported
     * Cancelled with reason RESTORE_FAILED.
     */
    void restoreAndReport(final RestoreOrderCommand command) {
        if (orders.find(command.orderId()) != OrderStore.NULL_SLOT) {
            return; // already on the book: restoring twice changes nothing
        }
        final int slot = killSwitches.blocks(command.firmId(), command.accountId()) ? OrderStore.NULL_SLOT
            : restore(command);
        if (slot == OrderStore.NULL_SLOT) {
            events.restoreFailed(command);
            return;
        }
        events.restored(slot, books.visible(slot), command);
    }

    /**
     * Restores an order without a word.
     *
     * @return the restored order's slot, or {@link OrderStore#NULL_SLOT} when it cannot be restored
     *         (unknown instrument, nothing left, no room, its id live already, or it would cross the
     *         book in continuous trading)
     */
    int restore(final RestoreOrderCommand command) {
        final OrderBook book = books.book(command.instrumentId());
        final Side side = command.side();
        final OrderType type = command.orderType();
        final TimeInForce tif = command.timeInForce();
        if (book == null || side == null || type == null || tif == null
            || (type.hasLimitPrice() && command.price() <= 0) || command.orderQty() <= command.cumQty()
            || command.cumQty() < 0 || orders.isFull() || orders.find(command.orderId()) != OrderStore.NULL_SLOT) {
            return OrderStore.NULL_SLOT;
        }
        final boolean stop = type.isStop();
        final boolean waiting = stop && (command.flags() & RestoreOrderCommand.TRIGGERED) == 0;
        final long display = command.displayQty();
        final boolean continuous = book.phase() == TradingPhase.CONTINUOUS;
        if ((stop && command.stopPrice() <= 0) || (waiting && command.cumQty() != 0)
            || (!type.hasLimitPrice() && !waiting && continuous) || display < 0 || (display > 0 && type != OrderType.LIMIT)
            || ((stop || display > 0) && extras.isFull())) {
            return OrderStore.NULL_SLOT;
        }
        final boolean sell = side == Side.SELL;
        if (waiting ? !books.hasRoomForStop(book, sell, command.stopPrice())
            : !books.hasRoomAt(book, sell, Books.levelPrice(sell, type.hasLimitPrice(), command.price()))) {
            return OrderStore.NULL_SLOT;
        }
        if (!waiting && continuous && books.wouldTake(book, sell, command.price())) {
            return OrderStore.NULL_SLOT;
        }
        if (tif == TimeInForce.GTD && gtdExpiries.isFull()) {
            gtdExpiries.compact(orders);
            if (gtdExpiries.isFull()) {
                return OrderStore.NULL_SLOT;
            }
        }
        final int slot = orders.allocate(command.orderId());
        orders.price(slot, type.hasLimitPrice() ? command.price() : 0);
        orders.orderQty(slot, command.orderQty());
        orders.restoreFills(slot, command.cumQty(), command.cumNotional());
        orders.flags(slot, OrderStore.packFlags(book.id(), sell, type, tif, command.instructions()));
        orders.owner(slot, command.sessionId(), command.firmId(), command.accountId());
        if (display > 0) {
            books.addExtras(slot);
            extras.peak(slot, display);
        }
        if (stop) {
            books.addExtras(slot);
            extras.stopPrice(slot, command.stopPrice());
        }
        if (waiting) {
            // At start of day, stops keep their relative priority by being restored in order.
            books.waitStop(book, slot, command.sequence());
        } else {
            books.rest(book, slot);
        }
        if (tif == TimeInForce.AT_THE_OPEN || tif == TimeInForce.AT_THE_CLOSE) {
            book.auctionOnlyEntered();
        }
        if (tif == TimeInForce.GTD) {
            gtdExpiries.add(command.expireTimeNs(), command.orderId());
        }
        return slot;
    }
}
