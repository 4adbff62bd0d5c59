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
import exchange.matching.event.Event;
import exchange.matching.event.EventType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Writes the engine's events, one record at a time, into a scratch buffer and hands each to the
 * sink. Owns the ExecID and match-number counters, so identifiers follow the order of events and are
 * the same on every replay.
 *
 * <p>The most frequent records (Accepted, Booked, Trade, Cancelled) and the order-state block of every
 * order event are written straight into the scratch buffer with the flyweights' offset constants,
 * neighbouring narrow fields in one store, rather than through the flyweights' setters: a setter
 * reaches the bytes through the flyweight and the buffer interface, and with two or three such records
 * per command that cost about a fifth of the engine's samples in a JFR profile of mix-A. The bytes are the same;
 * the rarer records still go through their flyweights.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class EventWriter {
    private static final int SCRATCH_BYTES = 1024;
    private static final long LOW_INT = 0xFFFF_FFFFL;

    static {
        // The combined stores below lay neighbouring fields out as the flyweights' one-field stores do
        // only in little-endian order, the order every field is in (see Flyweight).
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("the event writer needs a little-endian platform");
        }
    }

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_BYTES]);
    private final RejectedEvent rejected = new RejectedEvent();
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
        rejected.wrap(scratch, 0);
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

    /**
     * Writes the order-state block every order event shares (offsets 24 to 103, see {@link OrderEvent})
     * straight into the scratch buffer. The record is at offset 0 of the scratch, where every flyweight
     * here is wrapped, so this serves any of them. Neighbouring narrow fields go in one store each
     * (little-endian, as every field: see the check in the static initialiser); the bytes are exactly
     * those the flyweight's setters write one field at a time, in fewer, cheaper stores (no flyweight
     * or buffer interface in the way): this runs for nearly every event.
     */
    private void orderState(final int slot, final long execId) {
        final int flags = orders.flags(slot);
        final UnsafeBuffer b = scratch;
        b.putLong(OrderEvent.ORDER_ID_OFFSET, orders.orderId(slot));
        b.putLong(OrderEvent.EXEC_ID_OFFSET, execId);
        b.putLong(OrderEvent.SESSION_OFFSET, ownerIds(slot));
        b.putLong(OrderEvent.ACCOUNT_OFFSET, accountAndCodes(slot, flags));
        b.putLong(OrderEvent.PRICE_OFFSET, orders.price(slot));
        b.putLong(OrderEvent.STOP_PRICE_OFFSET, (flags & OrderStore.STOP_TYPE) != 0 ? extras.stopPrice(slot) : 0);
        b.putLong(OrderEvent.ORDER_QTY_OFFSET, orders.orderQty(slot));
        b.putLong(OrderEvent.CUM_QTY_OFFSET, orders.cumQty(slot));
        b.putLong(OrderEvent.LEAVES_QTY_OFFSET, orders.leavesQty(slot));
        b.putLong(OrderEvent.CUM_NOTIONAL_OFFSET, (flags & OrderStore.WAITING_STOP) != 0 ? 0 : orders.cumNotional(slot));
    }

    /** @return session id (i32) then firm id (i32), as one little-endian long */
    private long ownerIds(final int slot) {
        return (orders.sessionId(slot) & LOW_INT) | ((long) orders.firmId(slot) << 32);
    }

    /**
     * @return account id (i32), then the side, order type, time in force and instructions codes (u8
     *         each), as one little-endian long
     */
    private long accountAndCodes(final int slot, final int flags) {
        final long side = (flags & OrderStore.SIDE_SELL) != 0 ? Side.SELL.code() : Side.BUY.code();
        return (orders.accountId(slot) & LOW_INT)
            | (side & 0xFF) << 32
            | (OrderStore.type(flags).code() & 0xFFL) << 40
            | (OrderStore.tif(flags).code() & 0xFFL) << 48
            | (OrderStore.instructions(flags) & 0xFFL) << 56;
    }

    /**
     * Starts a record at offset 0 of the scratch buffer, as {@link exchange.matching.event.Event#init}
     * does: length (u16), type (u8), reserved (u8, 0) and instrument id (i32) in one store, then the
     * command sequence and time stamp.
     *
     * @param length the record's length; for a record with a context, up to and including the context
     *               length byte, plus the context
     */
    private void header(final EventType type, final int length, final int instrumentId) {
        final UnsafeBuffer b = scratch;
        b.putLong(Flyweight.LENGTH_OFFSET, (length & 0xFFFFL) | (type.code() & 0xFFL) << 16 | (long) instrumentId << 32);
        b.putLong(Event.COMMAND_SEQUENCE_OFFSET, commandSequence);
        b.putLong(Event.TIMESTAMP_OFFSET, timestampNs);
    }

    void accepted(final int slot, final NewOrderCommand command) {
        final int contextLength = command.contextLength();
        header(EventType.ACCEPTED, AcceptedEvent.CONTEXT_OFFSET + 1 + contextLength, orders.bookId(slot));
        orderState(slot, nextExecId++);
        final UnsafeBuffer b = scratch;
        b.putLong(AcceptedEvent.DISPLAY_QTY_OFFSET, command.displayQuantity());
        b.putLong(AcceptedEvent.MIN_QTY_OFFSET, command.minQuantity());
        b.putLong(AcceptedEvent.EXPIRE_TIME_OFFSET, command.expireTimeNs());
        Flyweight.writeContext(scratch, AcceptedEvent.CONTEXT_OFFSET, command.buffer(), command.contextStart(), contextLength);
        publish(AcceptedEvent.CONTEXT_OFFSET + 1 + contextLength);
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
        header(EventType.BOOKED, BookedEvent.END_OFFSET, orders.bookId(slot));
        final UnsafeBuffer b = scratch;
        b.putLong(BookedEvent.ORDER_ID_OFFSET, orders.orderId(slot));
        b.putLong(BookedEvent.PRICE_OFFSET, orders.price(slot));
        b.putLong(BookedEvent.VISIBLE_QTY_OFFSET, visibleQty);
        b.putLong(BookedEvent.LEAVES_QTY_OFFSET, orders.leavesQty(slot));
        b.putLong(BookedEvent.ORDER_QTY_OFFSET, orders.orderQty(slot));
        b.putLong(BookedEvent.SESSION_OFFSET, ownerIds(slot));
        // side, reason and the six reserved bytes (zero) in one store
        b.putLong(BookedEvent.SIDE_OFFSET, (orders.isSell(slot) ? Side.SELL.code() : Side.BUY.code()) & 0xFFL
            | (reason & 0xFFL) << 8);
        publish(BookedEvent.END_OFFSET);
    }

    /**
     * A trade between two orders whose fills are already recorded in the store.
     *
     * @param aggressorSide FIX side code of the aggressor, 0 in an auction
     */
    void trade(final int instrumentId, final int buySlot, final int sellSlot, final long price, final long qty,
               final byte aggressorSide, final int flags, final long buyVisible, final long sellVisible) {
        header(EventType.TRADE, TradeEvent.END_OFFSET, instrumentId);
        final UnsafeBuffer b = scratch;
        b.putLong(TradeEvent.MATCH_ID_OFFSET, nextMatchId++);
        b.putLong(TradeEvent.PRICE_OFFSET, price);
        b.putLong(TradeEvent.QUANTITY_OFFSET, qty);
        // aggressor side, flags and the six reserved bytes (zero) in one store
        b.putLong(TradeEvent.AGGRESSOR_SIDE_OFFSET, aggressorSide & 0xFFL | (flags & 0xFFL) << 8);
        // ExecIDs: the aggressor's first; in an auction, the buyer's first. (Two call sites, not four:
        // the JIT inlines this into the matching loop, and smaller is faster there.)
        final boolean sellFirst = aggressorSide == Side.SELL.code();
        party(sellFirst ? TradeEvent.SELL_OFFSET : TradeEvent.BUY_OFFSET, sellFirst ? sellSlot : buySlot, nextExecId++,
            sellFirst ? sellVisible : buyVisible);
        party(sellFirst ? TradeEvent.BUY_OFFSET : TradeEvent.SELL_OFFSET, sellFirst ? buySlot : sellSlot, nextExecId++,
            sellFirst ? buyVisible : sellVisible);
        publish(TradeEvent.END_OFFSET);
    }

    /** Writes one side of a trade (see {@link TradeParty}) at its offset in the scratch record. */
    private void party(final int at, final int slot, final long execId, final long visibleQty) {
        final int flags = orders.flags(slot);
        final UnsafeBuffer b = scratch;
        b.putLong(at + TradeParty.ORDER_ID_OFFSET, orders.orderId(slot));
        b.putLong(at + TradeParty.EXEC_ID_OFFSET, execId);
        b.putLong(at + TradeParty.SESSION_OFFSET, ownerIds(slot));
        b.putLong(at + TradeParty.ACCOUNT_OFFSET, accountAndCodes(slot, flags));
        b.putLong(at + TradeParty.PRICE_OFFSET, orders.price(slot));
        b.putLong(at + TradeParty.ORDER_QTY_OFFSET, orders.orderQty(slot));
        b.putLong(at + TradeParty.CUM_QTY_OFFSET, orders.cumQty(slot));
        b.putLong(at + TradeParty.LEAVES_QTY_OFFSET, orders.leavesQty(slot));
        b.putLong(at + TradeParty.CUM_NOTIONAL_OFFSET, orders.cumNotional(slot));
        b.putLong(at + TradeParty.VISIBLE_QTY_OFFSET, visibleQty);
    }

    /**
     * An order ends; call before the store forgets it. Reports leaves 0.
     *
     * @param context the answered command, or {@code null} when the engine cancels on its own
     */
    void cancelled(final int slot, final CancelReason reason, final DirectBuffer context, final int contextStart,
                   final int contextLength) {
        final int length = context != null ? contextLength : 0;
        header(EventType.CANCELLED, CancelledEvent.CONTEXT_OFFSET + 1 + length, orders.bookId(slot));
        orderState(slot, nextExecId++);
        final UnsafeBuffer b = scratch;
        b.putLong(CancelledEvent.CANCELLED_QTY_OFFSET, orders.leavesQty(slot));
        b.putByte(CancelledEvent.REASON_OFFSET, reason.code());
        b.putLong(OrderEvent.LEAVES_QTY_OFFSET, 0);
        Flyweight.writeContext(scratch, CancelledEvent.CONTEXT_OFFSET, context, contextStart, length);
        publish(CancelledEvent.CONTEXT_OFFSET + 1 + length);
    }

    /**
     * Quantity taken off a live order without a trade; call after the store has the new quantity.
     *
     * @param restatedQty how much was taken off
     * @param visibleQty  displayed quantity left on the book
     */
    void restated(final int slot, final long restatedQty, final long visibleQty, final CancelReason reason) {
        restated.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(slot, nextExecId++);
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
        orderState(slot, nextExecId++);
        triggered.triggerPrice(triggerPrice);
        publish(triggered.length());
    }

    void replaced(final int slot, final long previousPrice, final long previousOrderQty, final long visibleQty,
                  final long previousVisibleQty, final long displayQty, final boolean priorityKept, final DirectBuffer context,
                  final int contextStart, final int contextLength) {
        replaced.init(orders.bookId(slot), commandSequence, timestampNs);
        orderState(slot, nextExecId++);
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
            orderState(slot, 0);
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
            orderState(slot, 0);
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
        orderState(slot, 0);
        final int flags = orders.flags(slot);
        restored.flags((flags & OrderStore.STOP_TYPE) != 0 && (flags & OrderStore.WAITING_STOP) == 0
            ? RestoredEvent.TRIGGERED : 0);
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
