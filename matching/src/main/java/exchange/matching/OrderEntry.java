package exchange.matching;

import exchange.matching.command.NewOrderCommand;
import exchange.matching.event.BookedEvent;

/**
 * Enters new orders: refuses those of a firm or account whose kill switch is on, validates one (a
 * Rejected event names the first problem), checks there is room
 * for it, stores it, and hands it to the {@link OrderFlow} to match and book; a stop order instead
 * waits, unseen, on its stop level. Keeps the highest order id given so far, which the validator
 * needs to refuse a reused one.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class OrderEntry {
    private final Books books;
    private final OrderStore orders;
    private final OrderExtras extras;
    private final EventWriter events;
    private final GtdExpiries gtdExpiries;
    private final OrderFlow flow;
    private final KillSwitches killSwitches;

    private long lastOrderId;

    OrderEntry(final Books books, final EventWriter events, final GtdExpiries gtdExpiries, final OrderFlow flow,
               final KillSwitches killSwitches) {
        this.books = books;
        this.orders = books.orders();
        this.extras = books.extras();
        this.events = events;
        this.gtdExpiries = gtdExpiries;
        this.flow = flow;
        this.killSwitches = killSwitches;
    }

    /** @return the highest order id given so far (the sequence of the latest NewOrder), 0 when none */
    long lastOrderId() {
        return lastOrderId;
    }

    /** Restores the highest order id given, from a snapshot. */
    void lastOrderId(final long orderId) {
        lastOrderId = orderId;
    }

    /**
     * @param command the new order
     * @param nowNs   the engine's time
     */
    void enter(final NewOrderCommand command, final long nowNs) {
        final OrderBook book = books.book(command.instrumentId());
        RejectReason reason = killSwitches.blocks(command.firmId(), command.accountId()) ? RejectReason.KILL_SWITCH
            : OrderValidator.validate(command, book, nowNs, lastOrderId);
        if (command.sequence() > lastOrderId) {
            lastOrderId = command.sequence();
        }
        final boolean sell = command.side() == Side.SELL;
        long price = command.price();
        if (reason == RejectReason.NONE && command.postOnly() && book.phase() == TradingPhase.CONTINUOUS) {
            price = postOnlyPrice(book, sell, price);
            if (price <= 0) {
                reason = RejectReason.POST_ONLY_WOULD_TAKE;
            }
        }
        if (reason != RejectReason.NONE) {
            events.rejected(command, reason);
            return;
        }
        final OrderType type = command.orderType();
        final TimeInForce tif = command.timeInForce();
        final boolean stop = type.isStop();
        final boolean mayRest = !tif.isImmediate() && (type.hasLimitPrice() || book.phase() != TradingPhase.CONTINUOUS);
        final long display = command.displayQuantity();
        if (orders.isFull() || ((display > 0 || stop) && extras.isFull())) {
            events.rejected(command, RejectReason.ORDER_CAPACITY_EXCEEDED);
            return;
        }
        if (stop ? !books.hasRoomForStop(book, sell, command.stopPrice())
            : mayRest && !books.hasRoomAt(book, sell, Books.levelPrice(sell, type.hasLimitPrice(), price))) {
            events.rejected(command, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED);
            return;
        }
        if (tif == TimeInForce.GTD && gtdExpiries.isFull()) {
            gtdExpiries.compact(orders);
            if (gtdExpiries.isFull()) {
                events.rejected(command, RejectReason.ORDER_CAPACITY_EXCEEDED);
                return;
            }
        }
        final int slot = orders.allocate(command.sequence());
        orders.price(slot, type.hasLimitPrice() ? price : 0);
        orders.orderQty(slot, command.quantity());
        orders.flags(slot, OrderStore.packFlags(book.id(), sell, type, tif, command.instructions()));
        orders.owner(slot, command.sessionId(), command.firmId(), command.accountId());
        if (display > 0) {
            books.addExtras(slot);
            extras.peak(slot, display);
        }
        // The common path first, the stop's after it: the JIT inlines in code order, within a budget.
        if (!stop) {
            if (tif == TimeInForce.AT_THE_OPEN || tif == TimeInForce.AT_THE_CLOSE) {
                book.auctionOnlyEntered();
            }
            events.accepted(slot, command);
            flow.work(book, slot, command.minQuantity(), BookedEvent.REASON_NEW, command.expireTimeNs());
            return;
        }
        waitStop(book, slot, command);
    }

    /** A new stop order waits, unseen, on its stop level until a trade reaches its stop price. */
    private void waitStop(final OrderBook book, final int slot, final NewOrderCommand command) {
        books.addExtras(slot);
        extras.stopPrice(slot, command.stopPrice());
        events.accepted(slot, command);
        books.waitStop(book, slot, command.sequence());
        if (command.timeInForce() == TimeInForce.GTD) {
            gtdExpiries.add(command.expireTimeNs(), command.sequence());
        }
    }

    /**
     * The price a post-only order may rest at in continuous trading: its own when it would not take;
     * otherwise, as its instrument says, 0 (reject) or one tick inside the best opposite price
     * (reprice; 0 when that is not a positive price).
     */
    private long postOnlyPrice(final OrderBook book, final boolean sell, final long price) {
        if (!books.wouldTake(book, sell, price)) {
            return price;
        }
        if (book.instrument().postOnlyPolicy() == PostOnlyPolicy.REJECT) {
            return 0;
        }
        final long tick = book.instrument().tickSize();
        final long contraPrice = books.levels().price(book.contra(sell).best());
        return sell ? contraPrice + tick : contraPrice - tick;
    }
}
