package exchange.fix;

import exchange.matching.CancelReason;
import exchange.matching.command.CommandType;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogConsumer;
import exchange.sequencer.EventLogReader;
import exchange.sequencer.PositionStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the event log and sends each broker its ExecutionReports, OrderCancelRejects and
 * OrderMassCancelReports, in event order, through QuickFIX/J: to the owning session, logged on or
 * not (QuickFIX/J stores what it cannot send and it arrives by resend when the broker is back).
 *
 * <p>Exactly once across restarts: it saves its place in the log after each batch; on start it
 * rebuilds its view of the day's orders by reading the log silently from the start of the trading
 * day, then resumes after the saved place, skipping any message that the session's QuickFIX/J store
 * shows was sent before the crash ({@link SentMessages}).
 *
 * <p>One thread: drive it with an AgentRunner.
 */
public final class ExecutionReportSender implements Agent, EventLogConsumer, EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionReportSender.class);
    private static final int FINISHED_KEPT = 1 << 20;

    private final EventLog log;
    private final FixSessions sessions;
    private final Instruments instruments;
    private final OrderRegistry registry;
    private final PositionStore position;
    private final PositionStore dayStart;
    private final SentMessages sent;
    private final EventDecoder decoder = new EventDecoder();
    private final ClientContext context = new ClientContext();
    private final ExecutionReports reports;
    private final Map<Long, OrderInfo> live = new HashMap<>();
    private final Map<Long, OrderInfo> finished = new LinkedHashMap<>(1 << 16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, OrderInfo> eldest) {
            return size() > FINISHED_KEPT;
        }
    };
    private EventLogReader reader;
    private boolean sending;
    private long documentIndex = -1;
    private long commandSequence;
    private int eventIndex;
    private long messagesSent;

    public ExecutionReportSender(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final OrderRegistry registry, final PositionStore position, final PositionStore dayStart) {
        this.log = log;
        this.sessions = sessions;
        this.instruments = instruments;
        this.registry = registry;
        this.position = position;
        this.dayStart = dayStart;
        this.sent = new SentMessages(sessions);
        this.reports = new ExecutionReports(instruments);
    }

    /**
     * Rebuilds the day's orders from the log, silently, up to the saved position. Call on the thread
     * that will run the sender, before the first {@link #doWork()}.
     */
    @Override
    public void onStart() {
        reader = log.newReader();
        final PositionStore.Position day = dayStart.load();
        if (!day.isNone() && !reader.seekAfter(day.documentIndex(), day.commandSequence(), day.eventIndex())) {
            LOG.warn("the start of the trading day is not in the event log any more; reading it from its start");
        }
        final PositionStore.Position saved = position.load();
        long replayed = 0;
        if (!saved.isNone()) {
            sending = false;
            final EventLogConsumer upTo = (doc, seq, idx, buffer, offset, length) -> {
                if (seq < saved.commandSequence() || (seq == saved.commandSequence() && idx <= saved.eventIndex())) {
                    onEvent(doc, seq, idx, buffer, offset, length);
                }
            };
            while (reader.lastCommandSequence() < saved.commandSequence()
                || (reader.lastCommandSequence() == saved.commandSequence() && reader.lastEventIndex() < saved.eventIndex())) {
                final int n = reader.poll(upTo, 1);
                if (n == 0 && reader.lastCommandSequence() == 0) {
                    break;
                }
                replayed += n;
                if (n == 0) {
                    break;
                }
            }
            reader.close();
            reader = log.newReader();
            if (!reader.seekAfter(saved.documentIndex(), saved.commandSequence(), saved.eventIndex())) {
                throw new IllegalStateException("the ExecutionReport position is not in the event log");
            }
        }
        sent.load();
        sending = true;
        LOG.info("ExecutionReport sender: {} orders of the day rebuilt from {} events; resuming after command {}",
            live.size(), replayed, saved.commandSequence());
    }

    @Override
    public int doWork() {
        final int n = reader.poll(this, 64);
        if (n > 0 && documentIndex >= 0) {
            position.save(documentIndex, commandSequence, eventIndex);
        }
        return n;
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        this.documentIndex = documentIndex;
        this.commandSequence = commandSequence;
        this.eventIndex = eventIndex;
        decoder.decode(buffer, offset, this);
    }

    private ClientContext context(final Event e) {
        return context.read(e.buffer(), e.contextStart(), e.contextLength());
    }

    private void send(final int session, final Message message, final String dedupeKey) {
        if (!sending) {
            return;
        }
        final FixSession target = sessions.byNumber(session);
        if (target == null) {
            LOG.warn("no FIX session number {} to send a {} to", session, dedupeKey);
            return;
        }
        if (sent.alreadySent(target, dedupeKey)) {
            return;
        }
        if (!sessions.send(target, message)) {
            LOG.warn("could not hand a message to session {}", target.sessionId());
        }
        messagesSent++;
    }

    @Override
    public void onAccepted(final AcceptedEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = new OrderInfo(e.orderId());
        info.from(e);
        info.clOrdId = c.clOrdId();
        info.account = c.account();
        live.put(e.orderId(), info);
        registry.record(info.session, info.clOrdId, e.orderId());
        send(info.session, reports.orderEvent(sessions.version(info.session), e, info, '0', '0', null),
            "17=" + e.execId());
    }

    @Override
    public void onRejected(final RejectedEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = new OrderInfo(e.orderId());
        info.from(e);
        info.clOrdId = c.clOrdId();
        info.account = c.account();
        info.finalStatus = '8';
        info.cumQty = 0;
        finished.put(e.orderId(), info);
        if (!c.clOrdId().isEmpty()) {
            registry.record(info.session, info.clOrdId, e.orderId());
        }
        final String text = c.text().isEmpty() ? e.reason().text() : c.text();
        final Message m = reports.orderEvent(sessions.version(info.session), e, info, '8', '8', text);
        m.setInt(FixMessages.ORD_REJ_REASON, FixMessages.ordRejReason(e.reason()));
        send(info.session, m, "17=" + e.execId());
    }

    @Override
    public void onTrade(final TradeEvent e) {
        fill(e, e.buy(), e.aggressorSide() == null ? '4' : e.aggressorSide() == exchange.matching.Side.BUY ? '2' : '1');
        fill(e, e.sell(), e.aggressorSide() == null ? '4' : e.aggressorSide() == exchange.matching.Side.SELL ? '2' : '1');
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
        }
        send(info.session, reports.fill(sessions.version(info.session), e, p, info, liquidity), "17=" + p.execId());
    }

    private void finish(final OrderInfo info, final char status) {
        info.finalStatus = status;
        live.remove(info.orderId);
        finished.put(info.orderId, info);
    }

    @Override
    public void onCancelled(final CancelledEvent e) {
        OrderInfo info = live.get(e.orderId());
        final ClientContext c = context(e);
        if (info == null) {
            // an order that never was on the day's books here: restore failed at start of day
            info = new OrderInfo(e.orderId());
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
        }
        final Message m = reports.orderEvent(sessions.version(info.session), e, info, status, status, e.reason().text());
        if (!orig.isEmpty()) {
            m.setString(FixMessages.ORIG_CL_ORD_ID, orig);
        }
        send(info.session, m, "17=" + e.execId());
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
        info.origClOrdId = c.origClOrdId();
        info.clOrdId = c.clOrdId();
        if (!c.account().isEmpty()) {
            info.account = c.account();
        }
        final char status;
        if (e.leavesQty() == 0) {
            status = e.cumQty() > 0 ? '2' : '4';
            finish(info, status);
        } else {
            status = info.ordStatus();
        }
        final Message m = reports.orderEvent(sessions.version(info.session), e, info, '5', status, null);
        m.setString(FixMessages.ORIG_CL_ORD_ID, info.origClOrdId);
        send(info.session, m, "17=" + e.execId());
    }

    @Override
    public void onCancelRejected(final CancelRejectedEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = e.orderLive() ? live.get(e.orderId()) : finished.get(e.orderId());
        final int session = info != null ? info.session : e.sessionId(); // the requester, for an unknown order
        final boolean tooLate = !e.orderLive() && info != null
            && e.reason() == exchange.matching.RejectReason.UNKNOWN_ORDER;
        final Message m = FixMessages.of("9");
        m.setString(FixMessages.ORDER_ID, info != null ? Long.toString(e.orderId()) : "NONE");
        m.setString(FixMessages.CL_ORD_ID, c.clOrdId());
        m.setString(FixMessages.ORIG_CL_ORD_ID, c.origClOrdId());
        m.setChar(FixMessages.ORD_STATUS, info != null ? info.ordStatus() : '8');
        m.setChar(FixMessages.CXL_REJ_RESPONSE_TO, e.requestType() == CommandType.REPLACE ? '2' : '1');
        m.setInt(FixMessages.CXL_REJ_REASON, tooLate ? 0 : FixMessages.cxlRejReason(e.reason()));
        m.setString(FixMessages.TEXT, tooLate ? "Too late to cancel: the order is "
            + (info.finalStatus == '2' ? "filled" : "no longer live") : e.reason().text());
        send(session, m, "9:" + c.clOrdId());
    }

    @Override
    public void onStatus(final StatusEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = e.orderLive() ? live.get(e.orderId()) : finished.get(e.orderId());
        final int session = info != null ? info.session : e.sessionId();
        send(session, reports.status(sessions.version(session), e, info, c.clOrdId()), null);
    }

    @Override
    public void onMassCancelled(final MassCancelledEvent e) {
        if (e.reason() != CancelReason.MASS_CANCEL || e.contextLength() == 0) {
            return;
        }
        final ClientContext c = context(e);
        final Message m = FixMessages.of("r");
        m.setString(FixMessages.CL_ORD_ID, c.clOrdId());
        m.setString(FixMessages.ORDER_ID, Long.toString(e.commandSequence()));
        m.setChar(FixMessages.MASS_CANCEL_REQUEST_TYPE, c.massCancelType());
        m.setChar(FixMessages.MASS_CANCEL_RESPONSE, c.massCancelType());
        m.setString(FixMessages.TOTAL_AFFECTED_ORDERS, Long.toString(e.cancelledCount()));
        send(e.sessionId(), m, "r:" + c.clOrdId());
    }

    @Override
    public void onRestored(final RestoredEvent e) {
        final ClientContext c = context(e);
        final OrderInfo info = new OrderInfo(e.orderId());
        info.from(e);
        info.clOrdId = c.clOrdId();
        info.account = c.account();
        live.put(e.orderId(), info);
        registry.record(info.session, info.clOrdId, e.orderId());
    }

    @Override
    public void onDayEnded(final DayEndedEvent e) {
        live.clear();
        finished.clear();
        registry.newDay();
        if (sending) {
            dayStart.save(documentIndex, commandSequence, eventIndex);
        }
    }

    /** @return messages handed to QuickFIX/J since start */
    public long messagesSent() {
        return messagesSent;
    }

    /** @return orders of the day that are live */
    public int liveOrders() {
        return live.size();
    }

    @Override
    public void onClose() {
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public String roleName() {
        return "execution-reports";
    }
}
