package exchange.matching;

import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.TriggeredEvent;
import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.AuctionUncrossedEvent;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.event.EventSink;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the engine's events, one record at a time, into a scratch buffer and hands each to the
 * sink. Owns the ExecID and match-number counters, so identifiers follow the order of events and are
 * the same on every replay.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class EventWriter {
    private static final int SCRATCH_BYTES = 1024;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_BYTES]);
    private final AcceptedEvent accepted = new AcceptedEvent();
    private final RejectedEvent rejected = new RejectedEvent();
    private final BookedEvent booked = new BookedEvent();
    private final TradeEvent trade = new TradeEvent();
    private final CancelledEvent cancelled = new CancelledEvent();
    private final ReplacedEvent replaced = new ReplacedEvent();
    private final CancelRejectedEvent cancelRejected = new CancelRejectedEvent();
    private final StatusEvent status = new StatusEvent();
    private final MassCancelledEvent massCancelled = new MassCancelledEvent();
    private final PhaseChangedEvent phaseChanged = new PhaseChangedEvent();
    private final DayEndedEvent dayEnded = new DayEndedEvent();
    private final RestoredEvent restored = new RestoredEvent();
    private final RestatedEvent restated = new RestatedEvent();
    private final TriggeredEvent triggered = new TriggeredEvent();
    private final AuctionIndicativeEvent indicative = new AuctionIndicativeEvent();
    private final AuctionUncrossedEvent uncrossed = new AuctionUncrossedEvent();
    private final KillSwitchChangedEvent killSwitchChanged = new KillSwitchChangedEvent();
    private final OrderStore orders;
    private final OrderExtras extras;
    private final EventSink sink;

    private long nextExecId = 1;
    private long nextMatchId = 1;
    private long commandSequence;
    private long timestampNs;

    EventWriter(final OrderStore orders, final OrderExtras extras, final EventSink sink) {
        this.orders = orders;
        this.extras = extras;
        this.sink = sink;
        accepted.wrap(scratch, 0);
        rejected.wrap(scratch, 0);
        booked.wrap(scratch, 0);
        trade.wrap(scratch, 0);
        cancelled.wrap(scratch, 0);
        replaced.wrap(scratch, 0);
        cancelRejected.wrap(scratch, 0);
        status.wrap(scratch, 0);
        massCancelled.wrap(scratch, 0);
        phaseChanged.wrap(scratch, 0);
        dayEnded.wrap(scratch, 0);
        restored.wrap(scratch, 0);
        restated.wrap(scratch, 0);
        triggered.wrap(scratch, 0);
        indicative.wrap(scratch, 0);
        uncrossed.wrap(scratch, 0);
        killSwitchChanged.wrap(scratch, 0);
    }

    /**
     * Sets the causing command for the events that follow.
     *
     * @param command the command being applied
     */
    void begin(final Command command) {
        this.commandSequence = command.sequence();
        this.timestampNs = command.timestampNs();
    }

    long nextExecId() {
        return nextExecId;
    }

    long nextMatchId() {
        return nextMatchId;
    }

    /** Restores the counters, from a snapshot. */
    void counters(final long nextExecId, final long nextMatchId) {
        this.nextExecId = nextExecId;
        this.nextMatchId = nextMatchId;
    }

    private void orderState(final OrderEvent event, final int slot, final long execId) {
        final int flags = orders.flags(slot);
        event.orderId(orders.orderId(slot))
            .execId(execId)
            .sessionId(orders.sessionId(slot))
            .firmId(orders.firmId(slot))
            .accountId(orders.accountId(slot))
            .sideCode((flags & OrderStore.SIDE_SELL) != 0 ? Side.SELL.code() : Side.BUY.code())
            .orderTypeCode(OrderStore.type(flags).code())
            .timeInForceCode(OrderStore.tif(flags).code())
            .instructions(OrderStore.instructions(flags))
            .price(orders.price(slot))
            .stopPrice((flags & OrderStore.STOP_TYPE) != 0 ? extras.stopPrice(slot) : 0)
            .orderQty(orders.orderQty(slot))
            .cumQty(orders.cumQty(slot))
            .leavesQty(orders.leavesQty(slot))
            .cumNotional((flags & OrderStore.WAITING_STOP) != 0 ? 0 : orders.cumNotional(slot));
    }

    void accepted(final int slot, final NewOrderCommand command) {
        accepted.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(accepted, slot, nextExecId++);
        accepted.displayQty(command.displayQuantity())
            .minQty(command.minQuantity())
            .expireTimeNs(command.expireTimeNs())
            .context(command.buffer(), command.contextStart(), command.contextLength());
        publish(accepted.length());
    }

    void rejected(final NewOrderCommand command, final RejectReason reason) {
        rejected.init(command.instrumentId(), commandSequence, timestampNs);
        rejected.orderId(command.sequence())
            .execId(nextExecId++)
            .sessionId(command.sessionId())
            .firmId(command.firmId())
            .accountId(command.accountId())
            .sideCode(command.sideCode())
            .orderTypeCode(command.buffer().getByte(command.offset() + NewOrderCommand.ORD_TYPE_OFFSET))
            .timeInForceCode(command.buffer().getByte(command.offset() + NewOrderCommand.TIF_OFFSET))
            .instructions(command.instructions())
            .price(command.price())
            .stopPrice(command.stopPrice())
            .orderQty(command.quantity())
            .cumQty(0)
            .leavesQty(0)
            .cumNotional(0);
        rejected.reason(reason).context(command.buffer(), command.contextStart(), command.contextLength());
        publish(rejected.length());
    }

    void booked(final int slot, final long visibleQty, final int reason) {
        booked.init(orders.bookId(slot), commandSequence, timestampNs);
        booked.orderId(orders.orderId(slot))
            .price(orders.price(slot))
            .visibleQty(visibleQty)
            .leavesQty(orders.leavesQty(slot))
            .orderQty(orders.orderQty(slot))
            .sessionId(orders.sessionId(slot))
            .firmId(orders.firmId(slot))
            .sideCode(orders.isSell(slot) ? Side.SELL.code() : Side.BUY.code())
            .reason(reason);
        publish(booked.length());
    }

    /**
     * A trade between two orders whose fills are already recorded in the store.
     *
     * @param aggressorSide FIX side code of the aggressor, 0 in an auction
     */
    void trade(final int instrumentId, final int buySlot, final int sellSlot, final long price, final long qty,
               final byte aggressorSide, final int flags, final long buyVisible, final long sellVisible) {
        trade.init(instrumentId, commandSequence, timestampNs);
        trade.matchId(nextMatchId++).price(price).quantity(qty).aggressorSideCode(aggressorSide).flags(flags);
        // ExecIDs: the aggressor's first; in an auction, the buyer's first. (Two call sites, not four:
        // the JIT inlines this into the matching loop, and smaller is faster there.)
        final boolean sellFirst = aggressorSide == Side.SELL.code();
        party(sellFirst ? trade.sell() : trade.buy(), sellFirst ? sellSlot : buySlot, nextExecId++,
            sellFirst ? sellVisible : buyVisible);
        party(sellFirst ? trade.buy() : trade.sell(), sellFirst ? buySlot : sellSlot, nextExecId++,
            sellFirst ? buyVisible : sellVisible);
        publish(trade.length());
    }

    private void party(final TradeParty party, final int slot, final long execId, final long visibleQty) {
        final int flags = orders.flags(slot);
        party.orderId(orders.orderId(slot))
            .execId(execId)
            .sessionId(orders.sessionId(slot))
            .firmId(orders.firmId(slot))
            .accountId(orders.accountId(slot))
            .sideCode((flags & OrderStore.SIDE_SELL) != 0 ? Side.SELL.code() : Side.BUY.code())
            .orderTypeCode(OrderStore.type(flags).code())
            .timeInForceCode(OrderStore.tif(flags).code())
            .instructions(OrderStore.instructions(flags))
            .price(orders.price(slot))
            .orderQty(orders.orderQty(slot))
            .cumQty(orders.cumQty(slot))
            .leavesQty(orders.leavesQty(slot))
            .cumNotional(orders.cumNotional(slot))
            .visibleQty(visibleQty);
    }

    /**
     * An order ends; call before the store forgets it. Reports leaves 0.
     *
     * @param context the answered command, or {@code null} when the engine cancels on its own
     */
    void cancelled(final int slot, final CancelReason reason, final DirectBuffer context, final int contextStart,
                   final int contextLength) {
        cancelled.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(cancelled, slot, nextExecId++);
        cancelled.cancelledQty(orders.leavesQty(slot)).reason(reason);
        cancelled.leavesQty(0);
        if (context != null) {
            cancelled.context(context, contextStart, contextLength);
        }
        publish(cancelled.length());
    }

    /**
     * Quantity taken off a live order without a trade; call after the store has the new quantity.
     *
     * @param restatedQty how much was taken off
     * @param visibleQty  displayed quantity left on the book
     */
    void restated(final int slot, final long restatedQty, final long visibleQty, final CancelReason reason) {
        restated.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(restated, slot, nextExecId++);
        restated.restatedQty(restatedQty).visibleQty(visibleQty).reason(reason);
        publish(restated.length());
    }

    /**
     * A stop order triggered; call once it no longer waits.
     *
     * @param triggerPrice the trade price that triggered it
     */
    void triggered(final int slot, final long triggerPrice) {
        triggered.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(triggered, slot, nextExecId++);
        triggered.triggerPrice(triggerPrice);
        publish(triggered.length());
    }

    void replaced(final int slot, final long previousPrice, final long previousOrderQty, final long visibleQty,
                  final long previousVisibleQty, final long displayQty, final boolean priorityKept, final DirectBuffer context,
                  final int contextStart, final int contextLength) {
        replaced.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(replaced, slot, nextExecId++);
        if (replaced.leavesQty() < 0) {
            replaced.leavesQty(0);
        }
        replaced.previousPrice(previousPrice)
            .previousOrderQty(previousOrderQty)
            .visibleQty(visibleQty)
            .previousVisibleQty(previousVisibleQty)
            .displayQty(displayQty)
            .priorityKept(priorityKept)
            .context(context, contextStart, contextLength);
        publish(replaced.length());
    }

    /**
     * @param slot the live order, or {@link OrderStore#NULL_SLOT} when unknown
     */
    void cancelRejected(final int instrumentId, final long orderId, final int slot, final RejectReason reason,
                        final CommandType requestType, final Command request, final DirectBuffer context,
                        final int contextStart, final int contextLength) {
        cancelRejected.init(instrumentId, commandSequence, timestampNs);
        if (slot == OrderStore.NULL_SLOT) {
            clearOrderState(cancelRejected, orderId, request);
        } else {
            orderState(cancelRejected, slot, 0);
        }
        cancelRejected.reason(reason)
            .requestType(requestType)
            .orderLive(slot != OrderStore.NULL_SLOT)
            .context(context, contextStart, contextLength);
        publish(cancelRejected.length());
    }

    /**
     * @param slot the live order, or {@link OrderStore#NULL_SLOT} when not live
     */
    void status(final int instrumentId, final long orderId, final int slot, final Command request,
                final DirectBuffer context, final int contextStart, final int contextLength) {
        status.init(instrumentId, commandSequence, timestampNs);
        if (slot == OrderStore.NULL_SLOT) {
            clearOrderState(status, orderId, request);
        } else {
            orderState(status, slot, 0);
        }
        status.orderLive(slot != OrderStore.NULL_SLOT).context(context, contextStart, contextLength);
        publish(status.length());
    }

    void massCancelled(final int instrumentId, final int sessionId, final int firmId, final int accountId,
                       final int scope, final byte side, final CancelReason reason, final long count,
                       final DirectBuffer context, final int contextStart, final int contextLength) {
        massCancelled.init(instrumentId, commandSequence, timestampNs);
        massCancelled.sessionId(sessionId)
            .firmId(firmId)
            .accountId(accountId)
            .scope(scope)
            .sideCode(side)
            .reason(reason)
            .cancelledCount(count)
            .context(context, contextStart, contextLength);
        publish(massCancelled.length());
    }

    void phaseChanged(final int instrumentId, final TradingPhase phase, final TradingPhase previous, final int reason) {
        phaseChanged.init(instrumentId, commandSequence, timestampNs);
        phaseChanged.phase(phase).previousPhase(previous).reason(reason);
        publish(phaseChanged.length());
    }

    /**
     * @param price     indicative price, 0 when nothing crosses
     * @param side      'B', 'S', 'N' or 'O'
     * @param crossType 'O', 'C' or 'H'
     */
    void auctionIndicative(final int instrumentId, final long price, final long pairedQty, final long imbalanceQty,
                           final byte side, final byte crossType, final TradingPhase phase, final long referencePrice) {
        indicative.init(instrumentId, commandSequence, timestampNs);
        indicative.price(price).farPrice(price).nearPrice(price).pairedQty(pairedQty).imbalanceQty(imbalanceQty)
            .imbalanceSide(side).crossType(crossType).phase(phase).referencePrice(referencePrice);
        publish(indicative.length());
    }

    /** The end of an auction; takes the next match number for the cross. */
    void auctionUncrossed(final int instrumentId, final long price, final long qty, final byte crossType,
                          final TradingPhase phase) {
        uncrossed.init(instrumentId, commandSequence, timestampNs);
        uncrossed.matchId(nextMatchId++).price(price).quantity(qty).crossType(crossType).phase(phase);
        publish(uncrossed.length());
    }

    void killSwitchChanged(final int firmId, final int accountId, final boolean on, final int flags, final long cancelled) {
        killSwitchChanged.init(Instrument.NULL_ID, commandSequence, timestampNs);
        killSwitchChanged.firmId(firmId).accountId(accountId).on(on).flags(flags).cancelledCount(cancelled);
        publish(killSwitchChanged.length());
    }

    void dayEnded(final int tradingDate, final long expired, final long carried) {
        dayEnded.init(Instrument.NULL_ID, commandSequence, timestampNs);
        dayEnded.tradingDate(tradingDate).expiredCount(expired).carriedCount(carried);
        publish(dayEnded.length());
    }

    void restored(final int slot, final long visibleQty, final RestoreOrderCommand command) {
        restored.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(restored, slot, 0);
        restored.visibleQty(visibleQty)
            .displayQty(command.displayQty())
            .expireTimeNs(command.expireTimeNs())
            .context(command.buffer(), command.contextStart(), command.contextLength());
        publish(restored.length());
    }

    /** An order that could not be restored: Cancelled (RESTORE_FAILED), from the command's fields. */
    void restoreFailed(final RestoreOrderCommand command) {
        cancelled.init(command.instrumentId(), commandSequence, timestampNs);
        final long leaves = Math.max(0, command.orderQty() - command.cumQty());
        cancelled.orderId(command.orderId())
            .execId(nextExecId++)
            .sessionId(command.sessionId())
            .firmId(command.firmId())
            .accountId(command.accountId())
            .sideCode(command.buffer().getByte(command.offset() + RestoreOrderCommand.SIDE_OFFSET))
            .orderTypeCode(command.buffer().getByte(command.offset() + RestoreOrderCommand.ORD_TYPE_OFFSET))
            .timeInForceCode(command.buffer().getByte(command.offset() + RestoreOrderCommand.TIF_OFFSET))
            .instructions(command.instructions())
            .price(command.price())
            .stopPrice(command.stopPrice())
            .orderQty(command.orderQty())
            .cumQty(command.cumQty())
            .leavesQty(0)
            .cumNotional(command.cumNotional());
        cancelled.cancelledQty(leaves).reason(CancelReason.RESTORE_FAILED);
        cancelled.context(command.buffer(), command.contextStart(), command.contextLength());
        publish(cancelled.length());
    }

    /** An order that is not live: only its id, and the session and firm that asked about it. */
    private static void clearOrderState(final OrderEvent event, final long orderId, final Command request) {
        event.buffer().setMemory(event.offset() + OrderEvent.ORDER_ID_OFFSET,
            OrderEvent.BODY_OFFSET - OrderEvent.ORDER_ID_OFFSET, (byte) 0);
        event.orderId(orderId).sessionId(request.sessionId()).firmId(request.firmId());
    }

    private void publish(final int length) {
        sink.onEvent(scratch, 0, length);
    }
}
