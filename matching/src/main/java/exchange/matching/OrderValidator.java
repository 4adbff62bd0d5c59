package exchange.matching;

import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;

/**
 * The engine's checks on an order's content, in a fixed order: the first problem found is the one
 * reported, so that every replay, and the reference book in the tests, gives the same reason.
 *
 * <p>Stateless. Never allocates.
 */
final class OrderValidator {
    private OrderValidator() {
    }

    /**
     * Checks a new order, in this order: instrument known; order id (the command sequence) above every
     * order id seen; side, order type and time in force valid; quantity positive and on lot; limit price
     * positive and on tick; stop price positive and on tick; the type, time in force and instructions
     * go together (a known self-trade prevention code; post-only and a display quantity only on a limit
     * order that may rest; no minimum quantity or auction-only time in force on a stop); display
     * quantity (iceberg peak) positive, on lot and below the quantity; minimum quantity positive, on
     * lot, not above the quantity and only on IOC; GTD expire time in the future; an auction-only time
     * in force only in its call phase (at the open in pre-open, at the close in pre-close); the phase
     * takes orders (not closed; halted as configured); an immediate time in force only in continuous
     * trading; a limit within the static price collar around the reference price; a stop price not
     * already reached by the last trade.
     *
     * @param book        the order's book, or {@code null} when the instrument is unknown
     * @param nowNs       engine time
     * @param lastOrderId highest order id seen so far
     * @return {@link RejectReason#NONE} when valid
     */
    static RejectReason validate(final NewOrderCommand command, final OrderBook book, final long nowNs,
                                 final long lastOrderId) {
        if (book == null) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (command.sequence() <= lastOrderId) {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        final Side side = command.side();
        final OrderType type = command.orderType();
        final TimeInForce tif = command.timeInForce();
        if (side == null || type == null || tif == null) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        final Instrument instrument = book.instrument();
        final long qty = command.quantity();
        if (qty <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (!instrument.onLot(qty)) { // qty > 0 here
            return RejectReason.QUANTITY_OFF_LOT;
        }
        if (type.hasLimitPrice()) {
            final RejectReason priceReason = checkPrice(command.price(), instrument);
            if (priceReason != RejectReason.NONE) {
                return priceReason;
            }
        }
        // One test keeps a plain order off the checks of stops, icebergs, MinQty and instructions.
        final boolean stop = type.isStop();
        final long display = command.displayQuantity();
        final long minQty = command.minQuantity();
        if (stop || display != 0 || minQty != 0 || command.instructions() != 0) {
            final RejectReason featureReason = checkFeatures(command, type, tif, instrument, qty, display, minQty);
            if (featureReason != RejectReason.NONE) {
                return featureReason;
            }
        }
        return checkAgainstBook(command, book, type, tif, nowNs);
    }

    /**
     * The checks against the book's state, in order: GTD expire time in the future; time in force and
     * phase; the static collar; a stop price not already reached. Kept apart so that both halves of
     * the validation stay small enough to be inlined on the hot path.
     */
    private static RejectReason checkAgainstBook(final NewOrderCommand command, final OrderBook book,
                                                 final OrderType type, final TimeInForce tif, final long nowNs) {
        if (tif == TimeInForce.GTD && command.expireTimeNs() <= nowNs) {
            return RejectReason.INVALID_EXPIRE_TIME;
        }
        final TradingPhase phase = book.phase();
        if (phase != TradingPhase.CONTINUOUS || tif == TimeInForce.AT_THE_OPEN || tif == TimeInForce.AT_THE_CLOSE) {
            final RejectReason phaseReason = checkPhase(phase, tif, book.instrument());
            if (phaseReason != RejectReason.NONE) {
                return phaseReason;
            }
        }
        if (type.hasLimitPrice() && outsideCollar(command.price(), book)) {
            return RejectReason.PRICE_OUTSIDE_COLLAR;
        }
        if (type.isStop() && reached(command.side() == Side.SELL, command.stopPrice(), book.lastTradePrice())) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        return RejectReason.NONE;
    }

    /**
     * The checks of the rarer features, in order: stop price; instructions; what a stop may not have;
     * display quantity; minimum quantity.
     */
    private static RejectReason checkFeatures(final NewOrderCommand command, final OrderType type,
                                              final TimeInForce tif, final Instrument instrument, final long qty,
                                              final long display, final long minQty) {
        if (type.isStop() && !onTick(command.stopPrice(), instrument)) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        final RejectReason instructionsReason = checkInstructions(command, type, tif);
        if (instructionsReason != RejectReason.NONE) {
            return instructionsReason;
        }
        if (type.isStop() && (minQty != 0 || tif == TimeInForce.AT_THE_OPEN || tif == TimeInForce.AT_THE_CLOSE)) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (display > 0 && (type != OrderType.LIMIT || tif.isImmediate())) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (display != 0 && (display < 0 || display >= qty || !instrument.onLot(display))) {
            return RejectReason.INVALID_DISPLAY_QUANTITY;
        }
        if (minQty != 0 && (minQty < 0 || minQty > qty || !instrument.onLot(minQty)
            || tif != TimeInForce.IOC)) {
            return RejectReason.INVALID_MIN_QUANTITY;
        }
        return RejectReason.NONE;
    }

    /**
     * An auction-only time in force only in its call phase; the phase takes orders; an immediate time
     * in force only in continuous trading.
     */
    private static RejectReason checkPhase(final TradingPhase phase, final TimeInForce tif,
                                           final Instrument instrument) {
        if ((tif == TimeInForce.AT_THE_OPEN && phase != TradingPhase.PRE_OPEN)
            || (tif == TimeInForce.AT_THE_CLOSE && phase != TradingPhase.PRE_CLOSE)) {
            return RejectReason.TIF_NOT_ALLOWED_IN_PHASE;
        }
        final RejectReason phaseReason = phaseAllowsOrders(phase, instrument);
        if (phaseReason != RejectReason.NONE) {
            return phaseReason;
        }
        if (tif.isImmediate() && phase != TradingPhase.CONTINUOUS) {
            return RejectReason.TIF_NOT_ALLOWED_IN_PHASE;
        }
        return RejectReason.NONE;
    }

    /** @return true when the last trade is already at or through a stop price: it would trigger at once */
    private static boolean reached(final boolean sell, final long stopPrice, final long lastTradePrice) {
        return lastTradePrice > 0 && (sell ? lastTradePrice <= stopPrice : lastTradePrice >= stopPrice);
    }

    /** @return true when a limit is further from the reference price than the static collar allows */
    private static boolean outsideCollar(final long price, final OrderBook book) {
        return price < book.collarLow() || price > book.collarHigh();
    }

    private static boolean onTick(final long price, final Instrument instrument) {
        return price > 0 && instrument.onTick(price);
    }

    /**
     * A known self-trade prevention code; post-only only on a limit order that may rest (it cannot
     * take, so an immediate or auction-only one could never trade).
     */
    private static RejectReason checkInstructions(final NewOrderCommand command, final OrderType type,
                                                  final TimeInForce tif) {
        if (command.selfTradePreventionCode() != SelfTradePrevention.FIRM_DEFAULT
            && SelfTradePrevention.fromCode(command.selfTradePreventionCode()) == null) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (command.postOnly() && (type != OrderType.LIMIT || tif.isImmediate()
            || tif == TimeInForce.AT_THE_OPEN || tif == TimeInForce.AT_THE_CLOSE)) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        return RejectReason.NONE;
    }

    /**
     * Orders and replaces are taken in continuous trading and in the call phases; a halted instrument
     * takes them or not as configured; a closed one does not.
     */
    private static RejectReason phaseAllowsOrders(final TradingPhase phase, final Instrument instrument) {
        return switch (phase) {
            case CLOSED -> RejectReason.INSTRUMENT_CLOSED;
            case HALTED -> instrument.haltedOrderPolicy() == HaltedOrderPolicy.ACCEPT
                ? RejectReason.NONE : RejectReason.INSTRUMENT_HALTED;
            default -> RejectReason.NONE;
        };
    }

    /**
     * Checks a replace against the live order it changes: side, order type and time in force
     * unchanged; quantity positive and on lot; limit price positive and on tick; for a waiting stop, a
     * stop price positive and on tick; a display quantity only for an iceberg (0 keeps its peak),
     * positive and on lot; the phase takes orders; a new limit within the static price collar; a waiting
     * stop's new stop price not already reached. A price the replace leaves as it was is not checked
     * against the collar or the last trade again: it was taken when entered, the collar may have moved
     * since (an auction), and refusing it would stop the owner from reducing the order.
     *
     * @param flags        the live order's flags
     * @param iceberg      whether the live order is an iceberg
     * @param currentPrice the live order's limit price
     * @param currentStop  a waiting stop's stop price (ignored otherwise)
     * @return {@link RejectReason#NONE} when valid
     */
    static RejectReason validateReplace(final ReplaceCommand command, final int flags, final boolean iceberg,
                                        final OrderBook book, final long currentPrice, final long currentStop) {
        final Instrument instrument = book.instrument();
        final OrderType type = OrderStore.type(flags);
        final boolean sell = (flags & OrderStore.SIDE_SELL) != 0;
        if (command.sideCode() != (sell ? Side.SELL : Side.BUY).code()
            || command.orderTypeCode() != type.code()
            || command.timeInForceCode() != OrderStore.tif(flags).code()) {
            return RejectReason.REPLACE_NOT_ALLOWED;
        }
        final long qty = command.quantity();
        if (qty <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (!instrument.onLot(qty)) { // qty > 0 here
            return RejectReason.QUANTITY_OFF_LOT;
        }
        if (type.hasLimitPrice()) {
            final RejectReason priceReason = checkPrice(command.price(), instrument);
            if (priceReason != RejectReason.NONE) {
                return priceReason;
            }
        }
        final boolean waitingStop = (flags & OrderStore.WAITING_STOP) != 0;
        if (waitingStop && !onTick(command.stopPrice(), instrument)) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        final long display = command.displayQuantity();
        if (display != 0) {
            if (!iceberg) {
                return RejectReason.REPLACE_NOT_ALLOWED;
            }
            if (display < 0 || !instrument.onLot(display)) {
                return RejectReason.INVALID_DISPLAY_QUANTITY;
            }
        }
        final RejectReason phaseReason = phaseAllowsOrders(book.phase(), instrument);
        if (phaseReason != RejectReason.NONE) {
            return phaseReason;
        }
        if (type.hasLimitPrice() && command.price() != currentPrice && outsideCollar(command.price(), book)) {
            return RejectReason.PRICE_OUTSIDE_COLLAR;
        }
        if (waitingStop && command.stopPrice() != currentStop
            && reached(sell, command.stopPrice(), book.lastTradePrice())) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        return RejectReason.NONE;
    }

    private static RejectReason checkPrice(final long price, final Instrument instrument) {
        if (price <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        if (!instrument.onTick(price)) { // price > 0 here
            return RejectReason.PRICE_OFF_TICK;
        }
        return RejectReason.NONE;
    }
}
