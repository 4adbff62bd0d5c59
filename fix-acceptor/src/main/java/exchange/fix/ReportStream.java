package exchange.fix;

import exchange.matching.CancelReason;
import exchange.matching.Instrument;
import exchange.matching.RejectReason;
import exchange.matching.TimeInForce;
import exchange.matching.command.CommandType;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.Event;
import exchange.matching.event.EventHandler;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import exchange.matching.event.TriggeredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns the engine's events into the FIX messages a broker is owed, in event order: an
 * ExecutionReport (8) for each order event and each side of a trade, an OrderCancelReject (9), an
 * OrderMassCancelReport (r). It follows the day's orders (owner, current ClOrdID, Account text,
 * fills) from the events themselves, so it needs nothing but the log.
 *
 * <p>Where the messages go is the {@link Sink}'s business: the owning session for the ExecutionReport
 * sender, a compliance session for a drop copy. While not {@link #sending(boolean) sending}, it only
 * follows (rebuilding its view after a restart).
 *
 * <p>One thread.
 */
public final class ReportStream implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReportStream.class);
    static final int FINISHED_KEPT = 1 << 20;
    /** Infos put out of {@link #finished} kept for new orders: more ended at once are left to the collector. */
    private static final int SPARES = 64;
    /** Text of the refusal of a cancel or replace of a GTC or GTD order between two trading days. */
    static final String CARRIED_TEXT =
        "The trading day has ended: the order is carried over to the next one, where it may be canceled or replaced";

    /** Receives each message for the session that owns the order. */
    public interface Sink {
        /**
         * @param session   the owning (or asking) session's number
         * @param message   the message, without header
         * @param dedupeKey "17=ExecID" for an ExecutionReport, "9:ClOrdID" or "r:ClOrdID" otherwise,
         *                  {@code null} for a status answer (which may repeat)
         */
        void report(int session, Message message, String dedupeKey);

        /** The trading day ended (after its last message). */
        default void dayEnded() {
        }
    }

    /** The FIX dialect to write for a session. */
    @FunctionalInterface
    public interface Versions {
        FixVersion applyAsVersion(int session);
    }

    private long matchId;
    private final Instruments instruments;
    private final OrderRegistry registry;
    private final Versions versions;
    private final Sink sink;
    private final ClientContext context = new ClientContext();
    private final ExecutionReports reports;
    private final Map<Long, OrderInfo> live = new HashMap<>();
    /**
     * The day's ended orders, one slot per OrderID modulo their number ({@link #FINISHED_KEPT}; OrderIDs are
     * dense command sequence numbers, so a slot is taken over only by an order a million commands younger), as the
     * registry keeps their final statuses. An order's info moves here when it ends, and the one it takes
     * the place of is made over for a new order; at the day's end they are forgotten but kept for the next
     * day's. Once the slots have been filled, orders cost the heap no new infos, only their ClOrdIDs, and the
     * garbage collector has that much less to copy and keep.
     */
    private final OrderInfo[] finished;
    private final OrderInfo[] spares = new OrderInfo[SPARES];
    private int spareCount;
    private boolean sending = true;

    /**
     * @param instruments for symbols
     * @param registry    the ClOrdID registry to keep current, or {@code null}
     * @param versions    the dialect of each session's messages
     * @param sink        where messages go
     */
    public ReportStream(final Instruments instruments, final OrderRegistry registry, final Versions versions,
                        final Sink sink) {
        this(instruments, registry, versions, sink, FINISHED_KEPT);
    }

    /** As above, keeping the last state of {@code finishedKept} (a power of two) ended orders: tests take fewer. */
    ReportStream(final Instruments instruments, final OrderRegistry registry, final Versions versions, final Sink sink,
                 final int finishedKept) {
        this.finished = new OrderInfo[finishedKept];
        this.instruments = instruments;
        this.registry = registry;
        this.versions = versions;
        this.sink = sink;
        this.reports = new ExecutionReports(instruments);
    }

    /** @param sending false to follow the events without producing messages */
    public void sending(final boolean sending) {
        this.sending = sending;
    }

    /** @return orders of the day that are live */
    public int liveOrders() {
        return live.size();
    }

    /** @return the match number of the trade whose reports are being sent (TrdMatchID, 880) */
    public long matchId() {
        return matchId;
    }

    /** @return the firm of an order known to the stream, 0 when unknown */
    public int firmOf(final long orderId) {
        final OrderInfo info = live.containsKey(orderId) ? live.get(orderId) : finished(orderId);
        return info == null ? 0 : info.firm;
    }

    /**
     * Records a ClOrdID the event log shows the session used: new orders', and cancels' and replaces',
     * which name the order from then on. The acceptor has recorded them already, unless this is the
     * follow-up after a restart, which is when these records are needed.
     */
    private void recordClOrdId(final int session, final String clOrdId, final long orderId) {
        if (registry != null && !clOrdId.isEmpty()) {
            registry.record(session, clOrdId, orderId);
        }
    }

    private void recordState(final OrderInfo info, final int accountId) {
        info.accountId = accountId;
        if (registry != null) {
            registry.orderState(info.orderId, info.instrument, info.firm, accountId, info.price, info.orderQty, info.cumQty,
                info.expireTimeNs, info.displayQty);
        }
    }

    /**
     * Tells the registry an order ended, after the report that ended it was sent: an answer the acceptor
     * gives at once about the order then never reaches the broker before that report.
     */
    private void recordEnded(final OrderInfo info) {
        if (registry != null) {
            registry.orderEnded(info.orderId, info.firm, info.finalStatus);
            registry.chainEnded(info.session, info.orderId);
        }
    }

    private ClientContext context(final Event e) {
        return context.read(e.buffer(), e.contextStart(), e.contextLength());
    }

    private void send(final int session, final Message message, final String dedupeKey) {
        if (sending) {
            sink.report(session, message, dedupeKey);
        }
    }

    @Override
    public void onAccepted(final AcceptedEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = newInfo(e.orderId());
        info.from(e);
        info.clOrdId = c.clOrdId();
        info.account = c.account();
        info.displayQty = e.displayQty();
        info.expireTimeNs = e.timeInForce() == TimeInForce.GTD ? e.expireTimeNs() : 0;
        live.put(e.orderId(), info);
        recordClOrdId(info.session, info.clOrdId, e.orderId());
        recordState(info, e.accountId());
        send(info.session, reports.orderEvent(versions.applyAsVersion(info.session), e, info, '0', '0', null),
            "17=" + e.execId());
    }

    @Override
    public void onRejected(final RejectedEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = newInfo(e.orderId());
        info.from(e);
        info.clOrdId = c.clOrdId();
        info.account = c.account();
        info.finalStatus = '8';
        info.cumQty = 0;
        keepFinished(info);
        if (!c.clOrdId().isEmpty() && e.reason() != RejectReason.DUPLICATE_CLORDID) {
            // a duplicate's ClOrdID goes on naming the order that had it first
            recordClOrdId(info.session, info.clOrdId, e.orderId());
        }
        final String text = c.text().isEmpty() ? e.reason().text() : c.text();
        final Message m = reports.orderEvent(versions.applyAsVersion(info.session), e, info, '8', '8', text);
        if (e.reason() == RejectReason.UNKNOWN_INSTRUMENT && text.startsWith(OrderEntry.UNKNOWN_SYMBOL_TEXT)) {
            // no instrument, so no symbol in the engine: the broker's Symbol travels in the Text
            m.setString(FixMessages.SYMBOL, text.substring(OrderEntry.UNKNOWN_SYMBOL_TEXT.length()));
        }
        m.setInt(FixMessages.ORD_REJ_REASON, FixMessages.ordRejReason(e.reason(), versions.applyAsVersion(info.session)));
        send(info.session, m, "17=" + e.execId());
        recordEnded(info);
    }

    @Override
    public void onTrade(final TradeEvent e) {
        matchId = e.matchId();
        // In ExecID order: the aggressor's first; in an auction, the buyer's first.
        final char buyLiquidity = e.aggressorSide() == null ? '4' : e.aggressorSide() == exchange.matching.Side.BUY ? '2' : '1';
        final char sellLiquidity = e.aggressorSide() == null ? '4' : e.aggressorSide() == exchange.matching.Side.SELL ? '2' : '1';
        if (e.aggressorSide() == exchange.matching.Side.SELL) {
            fill(e, e.sell(), sellLiquidity);
            fill(e, e.buy(), buyLiquidity);
        } else {
            fill(e, e.buy(), buyLiquidity);
            fill(e, e.sell(), sellLiquidity);
        }
    }

    private void fill(final TradeEvent e, final TradeParty p, final char liquidity) {
        final OrderInfo info = live.get(p.orderId());
        if (info == null) {
            LOG.warn("trade {} for order {} that the sender does not know", e.matchId(), p.orderId());
            return;
        }
        info.cumQty = p.cumQty();
        info.cumNotional = p.cumNotional();
        info.orderQty = p.orderQty();
        if (p.leavesQty() == 0) {
            finish(info, '2');
        } else {
            recordState(info, info.accountId);
        }
        send(info.session, reports.fill(versions.applyAsVersion(info.session), e, p, info, liquidity), "17=" + p.execId());
        if (info.finalStatus != 0) {
            recordEnded(info);
        }
    }

    private void finish(final OrderInfo info, final char status) {
        info.finalStatus = status;
        live.remove(info.orderId);
        keepFinished(info);
    }

    /** @return an info for a new order: one put out of {@link #finished}, made over, when there is one */
    private OrderInfo newInfo(final long orderId) {
        return spareCount > 0 ? spares[--spareCount].reset(orderId) : new OrderInfo(orderId);
    }

    /** Keeps an ended order's info, in the place of the one in its slot, which becomes a spare. */
    private void keepFinished(final OrderInfo info) {
        if (info.orderId <= 0) {
            return;
        }
        final int slot = slot(info.orderId);
        final OrderInfo out = finished[slot];
        finished[slot] = info;
        if (out != null && out != info && spareCount < SPARES) {
            spares[spareCount++] = out;
        }
    }

    /** @return the info of an order that ended today and is still kept, {@code null} when none */
    private OrderInfo finished(final long orderId) {
        final OrderInfo info = orderId > 0 ? finished[slot(orderId)] : null;
        return info != null && info.orderId == orderId ? info : null;
    }

    private int slot(final long orderId) {
        return (int) (orderId & (finished.length - 1));
    }

    @Override
    public void onCancelled(final CancelledEvent e) {
        OrderInfo info = live.get(e.orderId());
        final ClientContext c = context(e);
        if (info == null) {
            // an order that never was on the day's books here: restore failed at start of day
            info = newInfo(e.orderId());
            info.from(e);
            info.clOrdId = c.clOrdId();
            info.account = c.account();
        }
        info.cumQty = e.cumQty();
        info.cumNotional = e.cumNotional();
        final char status = FixMessages.endedStatus(e.reason());
        finish(info, status);
        String clOrdId = info.clOrdId;
        String orig = "";
        if (e.reason() == CancelReason.USER_REQUEST && !c.clOrdId().isEmpty()) {
            orig = c.origClOrdId();
            clOrdId = c.clOrdId();
            info.origClOrdId = orig;
            info.clOrdId = clOrdId;
            recordClOrdId(info.session, clOrdId, e.orderId());
        }
        final Message m = reports.orderEvent(versions.applyAsVersion(info.session), e, info, status, status, e.reason().text());
        if (!orig.isEmpty()) {
            m.setString(FixMessages.ORIG_CL_ORD_ID, orig);
        }
        send(info.session, m, "17=" + e.execId());
        recordEnded(info);
    }

    @Override
    public void onReplaced(final ReplacedEvent e) {
        final OrderInfo info = live.get(e.orderId());
        if (info == null) {
            LOG.warn("replace of order {} that the sender does not know", e.orderId());
            return;
        }
        final ClientContext c = context(e);
        info.from(e);
        info.displayQty = e.displayQty();
        final String previous = info.clOrdId;
        info.origClOrdId = c.origClOrdId();
        info.clOrdId = c.clOrdId();
        recordClOrdId(info.session, info.clOrdId, e.orderId());
        if (registry != null) {
            registry.replaced(info.session, e.orderId(), previous, info.clOrdId);
        }
        // the Account stays the order's: a replace cannot move it (the acceptor refuses one that tries)
        final char status;
        if (e.leavesQty() == 0) {
            // Asked for less than it has filled, the order is done at what it filled (FIX's order state
            // change matrix: replace to 7,000 after 8,000 filled is Replaced, Filled, OrderQty 8,000), never
            // CumQty above OrderQty.
            info.orderQty = Math.max(info.orderQty, e.cumQty());
            status = e.cumQty() > 0 ? '2' : '4';
            finish(info, status);
        } else {
            status = info.ordStatus();
            recordState(info, e.accountId());
        }
        final Message m = reports.orderEvent(versions.applyAsVersion(info.session), e, info, '5', status, null);
        m.setString(FixMessages.ORIG_CL_ORD_ID, info.origClOrdId);
        send(info.session, m, "17=" + e.execId());
        if (info.finalStatus != 0) {
            recordEnded(info);
        }
    }

    /**
     * A waiting stop triggered: FIX 5.0 SP2 ExecType L (triggered or activated by system); FIX 4.4
     * ExecType D (restated) with ExecRestatementReason 99 (other); FIX 4.2, which has no 99, ExecType D
     * with ExecRestatementReason 4 (broker option). OrdStatus, OrdType and StopPx stay as they were,
     * and the Text says "Stop triggered at &lt;price&gt;".
     */
    @Override
    public void onTriggered(final TriggeredEvent e) {
        final OrderInfo info = live.get(e.orderId());
        if (info == null) {
            LOG.warn("trigger of order {} that the sender does not know", e.orderId());
            return;
        }
        final FixVersion version = versions.applyAsVersion(info.session);
        final String text = "Stop triggered at " + FixDecimal.priceText(e.triggerPrice());
        final Message m;
        if (version == FixVersion.FIX50SP2) {
            m = reports.orderEvent(version, e, info, 'L', info.ordStatus(), text);
        } else {
            m = reports.orderEvent(version, e, info, 'D', info.ordStatus(), text);
            m.setInt(FixMessages.EXEC_RESTATEMENT_REASON, version == FixVersion.FIX42
                ? FixMessages.RESTATED_BROKER_OPTION : FixMessages.RESTATED_OTHER);
        }
        send(info.session, m, "17=" + e.execId());
    }

    /**
     * The exchange took quantity off a live order (self-trade prevention's decrement): ExecType D
     * (restated) with ExecRestatementReason 5 (partial decline of OrderQty) in every dialect, the new
     * OrderQty and LeavesQty, and a Text saying why.
     */
    @Override
    public void onRestated(final RestatedEvent e) {
        final OrderInfo info = live.get(e.orderId());
        if (info == null) {
            LOG.warn("restatement of order {} that the sender does not know", e.orderId());
            return;
        }
        info.orderQty = e.orderQty();
        info.cumQty = e.cumQty();
        info.cumNotional = e.cumNotional();
        recordState(info, info.accountId);
        final FixVersion version = versions.applyAsVersion(info.session);
        final Message m = reports.orderEvent(version, e, info, 'D', info.ordStatus(),
            "OrderQty reduced by " + e.restatedQty() + " by self-trade prevention");
        m.setInt(FixMessages.EXEC_RESTATEMENT_REASON, FixMessages.RESTATED_PARTIAL_DECLINE);
        send(info.session, m, "17=" + e.execId());
    }

    /**
     * The order a request that the engine found no live order of the requester's for names: an order
     * of the requester's firm that has ended, else {@code null} (unknown: another firm's order is none
     * of the requester's business, live or not).
     */
    private OrderInfo endedOrderOfRequester(final OrderEvent e) {
        final OrderInfo info = finished(e.orderId());
        return info != null && info.firm == e.firmId() ? info : null;
    }

    /**
     * A live order of the requester's firm that a request the engine found no live order for names:
     * the request's Symbol is not the order's (the engine looks for the order in that instrument's
     * book). {@code null} when there is none.
     */
    private OrderInfo liveOrderOfRequester(final OrderEvent e) {
        final OrderInfo info = live.get(e.orderId());
        return info != null && info.firm == e.firmId() ? info : null;
    }

    @Override
    public void onCancelRejected(final CancelRejectedEvent e) {
        final ClientContext c = context(e);
        // Not live: the event names the requester, who gets the answer (the order's owner did not ask).
        final OrderInfo ended = e.orderLive() ? null : endedOrderOfRequester(e);
        final OrderInfo otherSymbol = e.orderLive() || ended != null ? null : liveOrderOfRequester(e);
        final OrderInfo info = e.orderLive() ? live.get(e.orderId()) : ended != null ? ended : otherSymbol;
        final int session = e.orderLive() && info != null ? info.session : e.sessionId();
        final boolean tooLate = ended != null && e.reason() == exchange.matching.RejectReason.UNKNOWN_ORDER;
        final boolean carried = otherSymbol != null && otherSymbol.carried;
        if (info != null && e.reason() != RejectReason.DUPLICATE_CLORDID) {
            recordClOrdId(session, c.clOrdId(), e.orderId()); // used, as the acceptor recorded it
        }
        final OrderInfo liveOrder = e.orderLive() ? info : otherSymbol;
        if (registry != null && liveOrder != null) {
            // before the reject goes: the broker's next request names the order's ClOrdID as last accepted
            registry.requestRefused(session, e.orderId(), c.clOrdId(), liveOrder.clOrdId);
        }
        final Message m = FixMessages.of("9");
        m.setString(FixMessages.ORDER_ID, info != null ? Long.toString(e.orderId()) : "NONE");
        m.setString(FixMessages.CL_ORD_ID, c.clOrdId());
        m.setString(FixMessages.ORIG_CL_ORD_ID, c.origClOrdId());
        m.setChar(FixMessages.ORD_STATUS, info != null ? info.ordStatus() : '8');
        m.setChar(FixMessages.CXL_REJ_RESPONSE_TO, e.requestType() == CommandType.REPLACE ? '2' : '1');
        final String text;
        if (tooLate) {
            m.setInt(FixMessages.CXL_REJ_REASON, Responses.CXL_REJ_TOO_LATE);
            text = Responses.tooLateText(ended.finalStatus);
        } else if (carried) {
            // off the books until the next day starts: refused as on a closed instrument, the order staying live
            m.setInt(FixMessages.CXL_REJ_REASON, FixMessages.cxlRejReason(RejectReason.INSTRUMENT_CLOSED,
                versions.applyAsVersion(session)));
            text = CARRIED_TEXT;
        } else if (otherSymbol != null) {
            // the order is live and stays so: its OrderID and status, not an unknown order's NONE and 8
            m.setInt(FixMessages.CXL_REJ_REASON, FixMessages.cxlRejReason(RejectReason.INVALID_FIELD,
                versions.applyAsVersion(session)));
            // no instrument: the acceptor refused it for an order whose acknowledgement was on its way, and
            // its context holds the answer's Text (OrderEntry.refusedAfterAck)
            text = e.instrumentId() == Instrument.NULL_ID && !c.text().isEmpty() ? c.text()
                : "Symbol " + instruments.symbol(e.instrumentId()) + " is not the order's: "
                + instruments.symbol(otherSymbol.instrument);
        } else {
            m.setInt(FixMessages.CXL_REJ_REASON, FixMessages.cxlRejReason(e.reason(), versions.applyAsVersion(session)));
            text = e.reason().text();
        }
        m.setString(FixMessages.TEXT, text);
        send(session, m, "9:" + c.clOrdId());
    }

    @Override
    public void onStatus(final StatusEvent e) {
        final ClientContext c = context(e);
        OrderInfo info = e.orderLive() ? live.get(e.orderId()) : endedOrderOfRequester(e);
        if (info == null && !e.orderLive()) {
            info = liveOrderOfRequester(e); // a live order asked about with another Symbol: its state all the same
        }
        final int session = e.orderLive() && info != null ? info.session : e.sessionId();
        final Message m = reports.status(versions.applyAsVersion(session), e, info, c.clOrdId());
        if (!c.text().isEmpty()) { // a status request's context carries its OrdStatusReqID there
            m.setString(FixMessages.ORD_STATUS_REQ_ID, c.text());
        }
        send(session, m, null);
    }

    @Override
    public void onMassCancelled(final MassCancelledEvent e) {
        if (e.reason() != CancelReason.MASS_CANCEL || e.contextLength() == 0) {
            return;
        }
        final ClientContext c = context(e);
        final Message m = FixMessages.of("r");
        m.setString(FixMessages.CL_ORD_ID, c.clOrdId());
        FixMessages.massCancelReportId(m, versions.applyAsVersion(e.sessionId()), Long.toString(e.commandSequence()));
        m.setChar(FixMessages.MASS_CANCEL_REQUEST_TYPE, c.massCancelType());
        m.setChar(FixMessages.MASS_CANCEL_RESPONSE, c.massCancelType());
        m.setString(FixMessages.TOTAL_AFFECTED_ORDERS, Long.toString(e.cancelledCount()));
        send(e.sessionId(), m, "r:" + c.clOrdId());
    }

    @Override
    public void onRestored(final RestoredEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = newInfo(e.orderId());
        info.from(e);
        info.clOrdId = c.clOrdId();
        info.account = c.account();
        info.displayQty = e.displayQty();
        info.expireTimeNs = e.timeInForce() == TimeInForce.GTD ? e.expireTimeNs() : 0;
        live.put(e.orderId(), info);
        recordClOrdId(info.session, info.clOrdId, e.orderId());
        recordState(info, e.accountId());
    }

    /**
     * A new trading day: the day's ended orders and ClOrdIDs are forgotten. The orders still live are the GTC
     * and GTD orders the engine took off its books to carry over to the next day (the Day orders expired
     * before): they stay known, with their ClOrdIDs, until they come back (Restored) or fail to, so that a
     * status request for one in between is answered with its state, not as for an unknown order, and a cancel
     * or replace is refused for what it is.
     */
    @Override
    public void onDayEnded(final DayEndedEvent e) {
        live.values().removeIf(info -> !survivesEndOfDay(info));
        // forgotten, but kept to be made over for the next day's orders (OrderID 0 names no order)
        for (final OrderInfo kept : finished) {
            if (kept != null) {
                kept.reset(0);
            }
        }
        if (registry != null) {
            registry.newDay();
        }
        for (final OrderInfo info : live.values()) {
            info.carried = true;
            recordClOrdId(info.session, info.clOrdId, info.orderId);
            recordState(info, info.accountId);
        }
        sink.dayEnded();
    }

    private static boolean survivesEndOfDay(final OrderInfo info) {
        final TimeInForce tif = TimeInForce.fromCode(info.tif);
        return tif != null && tif.survivesEndOfDay();
    }

}
