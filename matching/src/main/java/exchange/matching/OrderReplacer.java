package exchange.matching;

import exchange.matching.command.CommandType;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.BookedEvent;

/**
 * Cancel/replace. Quantity down at the same price keeps time priority; a new price, more quantity or
 * a new iceberg peak loses it, and the order may then trade at once; a quantity at or below the
 * filled quantity ends the order. A waiting stop keeps its stop priority when only its quantity goes
 * down. A replace of an order whose firm's or account's kill switch is on is refused.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class OrderReplacer {
    private final Books books;
    private final OrderStore orders;
    private final OrderExtras extras;
    private final EventWriter events;
    private final OrderFlow flow;
    private final KillSwitches killSwitches;

    OrderReplacer(final Books books, final EventWriter events, final OrderFlow flow, final KillSwitches killSwitches) {
        this.books = books;
        this.orders = books.orders();
        this.extras = books.extras();
        this.events = events;
        this.flow = flow;
        this.killSwitches = killSwitches;
    }

    void replace(final ReplaceCommand command) {
        final int slot = books.ownedOrder(command.orderId(), command.firmId(), command.instrumentId());
        if (slot == OrderStore.NULL_SLOT) {
            rejected(command, OrderStore.NULL_SLOT, RejectReason.UNKNOWN_ORDER);
            return;
        }
        final OrderBook book = books.book(orders.bookId(slot));
        final boolean iceberg = books.isIceberg(slot);
        final RejectReason reason = killSwitches.blocks(orders.firmId(slot), orders.accountId(slot))
            ? RejectReason.KILL_SWITCH : OrderValidator.validateReplace(command, orders.flags(slot), iceberg, book,
                orders.price(slot), (orders.flags(slot) & OrderStore.WAITING_STOP) != 0 ? extras.stopPrice(slot) : 0);
        if (reason != RejectReason.NONE) {
            rejected(command, slot, reason);
            return;
        }
        if ((orders.flags(slot) & OrderStore.WAITING_STOP) != 0) {
            replaceWaitingStop(book, slot, command);
            return;
        }
        final boolean sell = orders.isSell(slot);
        final long oldPrice = orders.price(slot);
        final long oldQty = orders.orderQty(slot);
        final long oldVisible = books.visible(slot);
        final long newPrice = OrderStore.type(orders.flags(slot)).hasLimitPrice() ? command.price() : oldPrice;
        final long newQty = command.quantity();
        final long oldPeak = iceberg ? extras.peak(slot) : 0;
        final long newPeak = iceberg && command.displayQuantity() != 0 ? command.displayQuantity() : oldPeak;

        // One Replaced call site for the three outcomes: the JIT inlines each site, and one is smaller.
        final boolean ended = newQty <= orders.cumQty(slot);
        final boolean keepsPriority = !ended && newPrice == oldPrice && newQty <= oldQty && newPeak == oldPeak;
        if (!ended && !keepsPriority) {
            if ((orders.flags(slot) & (OrderStore.POST_ONLY_INSTRUCTION << OrderStore.INSTRUCTIONS_SHIFT)) != 0
                && book.phase() == TradingPhase.CONTINUOUS && books.wouldTake(book, sell, newPrice)) {
                rejected(command, slot, RejectReason.POST_ONLY_WOULD_TAKE);
                return;
            }
            if (newPrice != oldPrice && !books.hasRoomAt(book, sell, newPrice)) {
                rejected(command, slot, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED);
                return;
            }
        }
        if (keepsPriority) {
            books.levels().addQty(orders.level(slot), newQty - oldQty);
            orders.orderQty(slot, newQty);
            books.clampVisible(slot);
            book.changed();
        } else {
            books.unbook(book, slot);
            orders.orderQty(slot, newQty);
            if (!ended) {
                orders.price(slot, newPrice);
                if (iceberg) {
                    extras.peak(slot, newPeak);
                    books.refreshVisible(slot);
                }
            }
        }
        events.replaced(slot, oldPrice, oldQty, ended ? 0 : books.visible(slot), oldVisible, ended ? oldPeak : newPeak,
            keepsPriority, command.buffer(), command.contextStart(), command.contextLength());
        if (ended) {
            books.release(slot);
        } else if (!keepsPriority) {
            flow.work(book, slot, 0, BookedEvent.REASON_NEW, OrderFlow.NO_GTD_EXPIRY);
        }
    }

    /**
     * A waiting stop keeps its stop priority when only its quantity goes down; a new stop price, a new
     * limit or more quantity sends it to the back of the stops waiting at its stop price.
     */
    private void replaceWaitingStop(final OrderBook book, final int slot, final ReplaceCommand command) {
        final long oldPrice = orders.price(slot);
        final long oldQty = orders.orderQty(slot);
        final long oldStop = extras.stopPrice(slot);
        final long newPrice = OrderStore.type(orders.flags(slot)).hasLimitPrice() ? command.price() : oldPrice;
        final long newStop = command.stopPrice();
        final long newQty = command.quantity();
        if (newStop == oldStop && newPrice == oldPrice && newQty <= oldQty) {
            books.stopLevels().addQty(orders.level(slot), newQty - oldQty);
            orders.orderQty(slot, newQty);
            events.replaced(slot, oldPrice, oldQty, 0, 0, 0, true, command.buffer(), command.contextStart(),
                command.contextLength());
            return;
        }
        if (newStop != oldStop && !books.hasRoomForStop(book, orders.isSell(slot), newStop)) {
            rejected(command, slot, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED);
            return;
        }
        books.unwaitStop(book, slot);
        orders.price(slot, newPrice);
        orders.orderQty(slot, newQty);
        extras.stopPrice(slot, newStop);
        books.waitStop(book, slot, command.sequence());
        events.replaced(slot, oldPrice, oldQty, 0, 0, 0, false, command.buffer(), command.contextStart(),
            command.contextLength());
    }

    private void rejected(final ReplaceCommand command, final int slot, final RejectReason reason) {
        events.cancelRejected(command.instrumentId(), command.orderId(), slot, reason, CommandType.REPLACE,
            command, command.buffer(), command.contextStart(), command.contextLength());
    }
}
