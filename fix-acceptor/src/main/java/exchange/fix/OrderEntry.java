package exchange.fix;

import exchange.matching.CancelReason;
import exchange.matching.Instrument;
import exchange.matching.OrderType;
import exchange.matching.RejectReason;
import exchange.matching.SelfTradePrevention;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.RejectOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.command.StatusCommand;
import exchange.sequencer.CommandSink;
import exchange.sequencer.CommandWriter;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.converter.UtcTimestampConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Turns FIX order-entry messages into journaled commands, on the session's own QuickFIX/J thread:
 * NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G), OrderStatusRequest (H),
 * OrderMassCancelRequest (q). One handler per message type, whatever the FIX version; the data
 * dictionary has already checked required fields and formats.
 *
 * <p>An order refused here (unknown symbol, duplicate ClOrdID, a value the engine cannot take, a risk
 * limit) is journaled as a RejectOrder command, so that it has its place in line, an ExecID and a drop
 * copy, and is answered by the ExecutionReport sender like any reject. A cancel, replace or status
 * request that names no order this session knows is answered at once, and so is a cancel or replace of
 * an order that has ended (too late, as the engine would answer).
 */
public final class OrderEntry {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEntry.class);
    /**
     * The Text of an order refused for an unknown symbol, followed by the symbol; the ExecutionReport
     * sender takes the Symbol (55) it echoes from there, the engine having no symbol for it.
     */
    static final String UNKNOWN_SYMBOL_TEXT = "Unknown symbol ";
    /** OrdStatus (39) A: an order whose acknowledgement is on its way, in a refusal that cannot wait for it. */
    private static final char PENDING_NEW = 'A';

    private final ZoneId marketZone;
    private final CommandSink commands;
    private final Instruments instruments;
    private final FirmDirectory firms;
    private final OrderRegistry registry;
    private final PreTradeChecks checks;
    private final Responder responder;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Each session's orders as journaled, by session number: see {@link PendingOrders}. */
    private final AtomicReferenceArray<PendingOrders> pending = new AtomicReferenceArray<>(0x10000);

    /** Sends a message to a session at once (a direct answer), for messages not journaled. */
    @FunctionalInterface
    public interface Responder {
        void send(FixSession session, Message message);
    }

    /** One thread's reusable command buffers: encoded here, then copied into the journal. */
    private static final class Scratch implements CommandWriter {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final UnsafeBuffer context = new UnsafeBuffer(new byte[256]);
        final NewOrderCommand newOrder = new NewOrderCommand();
        final RejectOrderCommand reject = new RejectOrderCommand();
        final CancelCommand cancel = new CancelCommand();
        final ReplaceCommand replace = new ReplaceCommand();
        final StatusCommand status = new StatusCommand();
        final MassCancelCommand massCancel = new MassCancelCommand();
        int length;

        @Override
        public int write(final MutableDirectBuffer target, final int offset) {
            target.putBytes(offset, buffer, 0, length);
            return length;
        }
    }

    public OrderEntry(final CommandSink commands, final Instruments instruments, final FirmDirectory firms,
                      final OrderRegistry registry, final PreTradeChecks checks, final Responder responder) {
        this(commands, instruments, firms, registry, checks, responder, ZoneOffset.UTC);
    }

    /**
     * @param marketZone the exchange's time zone, whose dates are its trading dates: an ExpireDate (432), the
     *                   FIX "local market date", is one of them
     */
    public OrderEntry(final CommandSink commands, final Instruments instruments, final FirmDirectory firms,
                      final OrderRegistry registry, final PreTradeChecks checks, final Responder responder,
                      final ZoneId marketZone) {
        this.marketZone = marketZone;
        this.commands = commands;
        this.instruments = instruments;
        this.firms = firms;
        this.registry = registry;
        this.checks = checks;
        this.responder = responder;
    }

    /**
     * A possible duplicate (PossDupFlag 43=Y, a resend under the same MsgSeqNum) or possible resend
     * (PossResend 97=Y, sent again under a new MsgSeqNum) of a request whose ClOrdID this session has
     * already used is ignored: it was dealt with when it first came (FIX: the receiver checks the
     * ClOrdID to see whether it had the request, and does not process it again; answering the resent
     * order with a duplicate-ClOrdID reject would tell the broker it is not live). One whose ClOrdID is
     * new is processed like any other.
     */
    private static boolean alreadyProcessed(final FixSession session, final Message m, final String clOrdId,
                                            final OrderRegistry registry) throws FieldNotFound {
        final String flag = isSet(m, FixMessages.POSS_DUP_FLAG) ? "PossDup"
            : isSet(m, FixMessages.POSS_RESEND) ? "PossResend" : null;
        if (flag != null && registry.isUsed(session.number(), clOrdId)) {
            LOG.info("session {}: {} {} with ClOrdID {} was processed before; ignored", session.sessionId(), flag,
                m.getHeader().getString(35), clOrdId);
            return true;
        }
        return false;
    }

    private static boolean isSet(final Message m, final int headerFlag) throws FieldNotFound {
        return m.getHeader().isSetField(headerFlag) && m.getHeader().getBoolean(headerFlag);
    }

    /** NewOrderSingle (D). */
    public void newOrder(final FixSession session, final Message m, final long nowNs) throws FieldNotFound {
        final Scratch s = scratch.get();
        final String clOrdId = m.getString(FixMessages.CL_ORD_ID);
        if (alreadyProcessed(session, m, clOrdId, registry)) {
            return;
        }
        final String account = m.isSetField(FixMessages.ACCOUNT) ? m.getString(FixMessages.ACCOUNT) : "";
        final NewOrderCommand order = s.newOrder;
        order.wrap(s.buffer, 0);
        order.init().sessionId(session.number()).firmId(session.firmId());
        RejectReason reason = RejectReason.NONE;
        String text = null;
        if (clOrdId.length() > ClientContext.MAX_ID_LENGTH || account.length() > ClientContext.MAX_ACCOUNT_LENGTH) {
            reason = RejectReason.INVALID_FIELD;
            text = "ClOrdID may have at most " + ClientContext.MAX_ID_LENGTH + " characters, Account "
                + ClientContext.MAX_ACCOUNT_LENGTH;
        }
        final Instrument instrument = instruments.bySymbol(m.getString(FixMessages.SYMBOL));
        order.instrumentId(instrument == null ? Instrument.NULL_ID : instrument.id());
        if (reason == RejectReason.NONE && instrument == null) {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
            text = UNKNOWN_SYMBOL_TEXT + m.getString(FixMessages.SYMBOL);
        }
        final Side side = Side.fromCode((byte) m.getChar(FixMessages.SIDE));
        final OrderType type = OrderType.fromCode((byte) m.getChar(FixMessages.ORD_TYPE));
        final TimeInForce tif = m.isSetField(FixMessages.TIME_IN_FORCE)
            ? TimeInForce.fromCode((byte) m.getChar(FixMessages.TIME_IN_FORCE)) : TimeInForce.DAY;
        order.buffer().putByte(NewOrderCommand.SIDE_OFFSET, (byte) m.getChar(FixMessages.SIDE));
        order.buffer().putByte(NewOrderCommand.ORD_TYPE_OFFSET, (byte) m.getChar(FixMessages.ORD_TYPE));
        order.buffer().putByte(NewOrderCommand.TIF_OFFSET, m.isSetField(FixMessages.TIME_IN_FORCE)
            ? (byte) m.getChar(FixMessages.TIME_IN_FORCE) : TimeInForce.DAY.code());
        if (reason == RejectReason.NONE && (side == null || type == null || tif == null)) {
            reason = RejectReason.UNSUPPORTED_ORDER;
            text = side == null ? "Side " + m.getChar(FixMessages.SIDE) + " is not supported (1 buy, 2 sell)"
                : type == null ? "OrdType " + m.getChar(FixMessages.ORD_TYPE) + " is not supported (1, 2, 3, 4)"
                : "TimeInForce " + m.getChar(FixMessages.TIME_IN_FORCE) + " is not supported (0, 1, 2, 3, 4, 6, 7)";
        }
        final long qty = FixDecimal.quantity(m.getDecimal(FixMessages.ORDER_QTY));
        order.quantity(qty == FixDecimal.INVALID ? 0 : qty);
        if (reason == RejectReason.NONE && qty == FixDecimal.INVALID) {
            reason = RejectReason.INVALID_QUANTITY;
            text = FixDecimal.quantityProblem("OrderQty", m.getDecimal(FixMessages.ORDER_QTY));
        }
        if (type != null && type.hasLimitPrice()) {
            final long price = m.isSetField(FixMessages.PRICE) ? FixDecimal.price(m.getDecimal(FixMessages.PRICE)) : 0;
            order.price(price == FixDecimal.INVALID ? 0 : price);
            if (reason == RejectReason.NONE && price == FixDecimal.INVALID) {
                final java.math.BigDecimal given = m.getDecimal(FixMessages.PRICE);
                reason = given.stripTrailingZeros().scale() > 4 ? RejectReason.PRICE_OFF_TICK : RejectReason.INVALID_PRICE;
                text = FixDecimal.priceProblem("Price", given);
            }
        }
        if (type != null && type.isStop()) {
            final long stop = m.isSetField(FixMessages.STOP_PX) ? FixDecimal.price(m.getDecimal(FixMessages.STOP_PX)) : 0;
            order.stopPrice(stop == FixDecimal.INVALID ? 0 : stop);
            if (reason == RejectReason.NONE && (stop == FixDecimal.INVALID || stop <= 0)) {
                reason = RejectReason.INVALID_STOP_PRICE;
                text = !m.isSetField(FixMessages.STOP_PX) ? "StopPx is required for OrdType " + (char) type.code()
                    : stop == FixDecimal.INVALID ? FixDecimal.priceProblem("StopPx", m.getDecimal(FixMessages.STOP_PX))
                    : "StopPx must be positive";
            }
        }
        if (m.isSetField(FixMessages.MAX_FLOOR)) {
            final long floor = FixDecimal.quantity(m.getDecimal(FixMessages.MAX_FLOOR));
            order.displayQuantity(floor == FixDecimal.INVALID ? -1 : floor);
            if (reason == RejectReason.NONE && (floor == FixDecimal.INVALID || floor <= 0 || floor >= qty)) {
                reason = RejectReason.INVALID_DISPLAY_QUANTITY;
                text = floor == FixDecimal.INVALID ? FixDecimal.quantityProblem("MaxFloor", m.getDecimal(FixMessages.MAX_FLOOR))
                    : "MaxFloor " + floor + " must be above 0 and below OrderQty " + qty;
            }
        }
        if (m.isSetField(FixMessages.MIN_QTY)) {
            final long min = FixDecimal.quantity(m.getDecimal(FixMessages.MIN_QTY));
            order.minQuantity(min == FixDecimal.INVALID ? -1 : min);
            if (reason == RejectReason.NONE && (min == FixDecimal.INVALID || min <= 0 || min > qty
                || tif != TimeInForce.IOC)) {
                reason = RejectReason.INVALID_MIN_QUANTITY;
                text = min == FixDecimal.INVALID ? FixDecimal.quantityProblem("MinQty", m.getDecimal(FixMessages.MIN_QTY))
                    : tif != TimeInForce.IOC ? "MinQty is only taken on TimeInForce 3 (immediate or cancel)"
                    : "MinQty " + min + " must be above 0 and at most OrderQty " + qty;
            }
        }
        if (m.isSetField(FixMessages.EXEC_INST)) {
            final String execInst = m.getString(FixMessages.EXEC_INST);
            if (onlyPostOnly(execInst)) {
                order.postOnly(true);
            } else if (reason == RejectReason.NONE) {
                // An instruction the exchange does not carry out (all or none, a peg...) is refused, not
                // dropped: the broker's client would believe it in force.
                reason = RejectReason.UNSUPPORTED_ORDER;
                text = "ExecInst " + execInst + " is not supported (6 participate don't initiate: post-only)";
            }
        }
        if (m.isSetField(FixMessages.SELF_TRADE_PREVENTION)) {
            final String stp = m.getString(FixMessages.SELF_TRADE_PREVENTION);
            final SelfTradePrevention mode = stp.length() == 1 ? selfTradePrevention(stp.charAt(0)) : null;
            if (mode != null) {
                order.selfTradePreventionCode(mode.code());
            } else if (reason == RejectReason.NONE) {
                reason = RejectReason.UNSUPPORTED_ORDER;
                text = "SelfTradePrevention (8000) " + stp + " is not supported (A allow, N cancel newest, "
                    + "O cancel oldest, B cancel both, D decrement)";
            }
        }
        order.expireTimeNs(expireTime(m));
        final int accountId = firms.accountId(session.firmId(), account);
        order.accountId(Math.max(accountId, 0));
        if (reason == RejectReason.NONE && accountId == FirmDirectory.UNKNOWN) {
            reason = RejectReason.UNKNOWN_ACCOUNT;
            text = "Account " + account + " is not an account of " + session.firmName();
        }
        // A ClOrdID is used once a day, whether its order is accepted or refused.
        final boolean claimed = clOrdId.length() <= ClientContext.MAX_ID_LENGTH && registry.claim(session.number(), clOrdId);
        if (reason == RejectReason.NONE && !claimed) {
            reason = RejectReason.DUPLICATE_CLORDID;
            text = "ClOrdID " + clOrdId + " was already used today";
        }
        final String clOrdIdInContext = clip(clOrdId, ClientContext.MAX_ID_LENGTH);
        final String accountInContext = clip(account, ClientContext.MAX_ACCOUNT_LENGTH);
        int contextLength = ClientContext.write(s.context, 0, clOrdIdInContext, "", accountInContext, (char) 0, null);
        order.context(s.context, 0, contextLength);
        // An order refused here for itself is a message of the session all the same (a runaway client
        // repeating a ClOrdID must not send it at any rate): the throttle counts it, and refuses it over the
        // rate as it would any order, its first check; but for an unlisted symbol, whose Text carries the
        // Symbol its report echoes (the engine has none).
        final PreTradeChecks.Result risk = reason == RejectReason.NONE ? checks.newOrder(session, order, nowNs)
            : checks.other(session, nowNs);
        if (!risk.passed() && reason != RejectReason.UNKNOWN_INSTRUMENT) {
            reason = risk.reason();
            text = risk.text();
        }
        if (reason != RejectReason.NONE) {
            // Same layout: the record becomes a RejectOrder with the reason, and its context the Text.
            order.buffer().putByte(2, (byte) exchange.matching.command.CommandType.REJECT_ORDER.code());
            s.reject.wrap(s.buffer, 0);
            s.reject.reason(reason);
            contextLength = ClientContext.write(s.context, 0, clOrdIdInContext, "", accountInContext, (char) 0, text);
            order.context(s.context, 0, contextLength);
        }
        s.length = order.length();
        final long orderId;
        try {
            orderId = commands.append(s);
        } catch (final RuntimeException e) {
            if (reason == RejectReason.NONE) {
                checks.notJournaled(order.buffer(), order.contextStart(), order.contextLength());
            }
            throw e;
        }
        if (claimed) {
            registry.record(session.number(), clOrdId, orderId);
            // a request for an order refused here is too late once its reject is sent: no book to ask
            pending(session).journaled(orderId, reason == RejectReason.NONE ? instrument.id() : Instrument.NULL_ID,
                Math.max(accountId, 0), order.price(), order.quantity(),
                reason == RejectReason.NONE && tif == TimeInForce.GTD ? order.expireTimeNs() : 0,
                Math.max(order.displayQuantity(), 0));
        }
    }

    /** @return the session's orders as journaled; made at its first order. Session's thread. */
    private PendingOrders pending(final FixSession session) {
        PendingOrders orders = pending.get(session.number());
        if (orders == null) {
            orders = new PendingOrders();
            pending.set(session.number(), orders);
        }
        return orders;
    }

    /**
     * @return the slot, in the session's {@link PendingOrders}, of its order whose acknowledgement the
     *         registry has not had yet; {@link PendingOrders#NOT_FOUND} when the registry knows the order
     *         (live or ended) or the session journaled no such order
     */
    private int awaitingAck(final FixSession session, final long orderId) {
        if (orderId == OrderRegistry.UNKNOWN || registry.orderState(session.firmId(), orderId) != null
            || registry.endedStatus(session.firmId(), orderId) != 0) {
            return PendingOrders.NOT_FOUND;
        }
        return pending(session).slot(orderId);
    }

    /**
     * A cancel or replace refused here for an order whose acknowledgement is still on its way is not
     * answered at once: the answer could overtake the acknowledgement, and the registry does not know the
     * order's OrdStatus yet (8, rejected, would tell the broker's system a live order is dead). It is
     * journaled with no instrument instead, so that the engine finds no order and refuses it, and the
     * ExecutionReport sender answers it in its turn, after the order's acknowledgement, as the request is
     * answered once the order is known: a live order's OrderID and OrdStatus with CxlRejReason 99 (FIX 4.2:
     * 2) and this Text, carried in the request's context; too late when the engine has ended or rejected the
     * order meanwhile. The request's ClOrdID is used, as a journaled request's is; it does not become the
     * order's latest (the request is refused).
     *
     * @param claim true when the request's ClOrdID is not yet claimed
     * @return false when the ClOrdID was used before: the request is then answered as before
     */
    private boolean refusedAfterAck(final FixSession session, final long orderId, final String clOrdId,
                                    final String orig, final char responseTo, final boolean claim, final String text) {
        if (claim && !registry.claim(session.number(), clOrdId)) {
            return false;
        }
        final Scratch s = scratch.get();
        final int n = ClientContext.write(s.context, 0, clOrdId, orig, "", (char) 0, text);
        if (responseTo == '1') {
            s.cancel.wrap(s.buffer, 0);
            s.cancel.init().instrumentId(Instrument.NULL_ID).sessionId(session.number()).firmId(session.firmId());
            s.cancel.orderId(orderId);
            s.cancel.context(s.context, 0, n);
            s.length = s.cancel.length();
        } else {
            s.replace.wrap(s.buffer, 0);
            s.replace.init().instrumentId(Instrument.NULL_ID).sessionId(session.number()).firmId(session.firmId());
            s.replace.orderId(orderId);
            s.replace.context(s.context, 0, n);
            s.length = s.replace.length();
        }
        commands.append(s);
        registry.record(session.number(), clOrdId, orderId);
        return true;
    }

    /**
     * Refuses a cancel or replace of an order the session has: CxlRejReason 99 (FIX 4.2: 2) or the reason's,
     * the order's OrderID and OrdStatus and the Text; at once, or after the order's acknowledgement when that
     * is still on its way ({@link #refusedAfterAck}; not for a duplicate ClOrdID, whose ClOrdID cannot be
     * used again).
     *
     * @param claimed true when the request's ClOrdID is claimed already
     */
    private void refuse(final FixSession session, final Message m, final long orderId, final String clOrdId,
                        final String orig, final char responseTo, final boolean claimed, final RejectReason reason,
                        final String text) throws FieldNotFound {
        if (FixMessages.cxlRejReason(reason) == FixMessages.cxlRejReason(RejectReason.INVALID_FIELD)
            && awaitingAck(session, orderId) != PendingOrders.NOT_FOUND
            && refusedAfterAck(session, orderId, clOrdId, orig, responseTo, !claimed, text)) {
            return;
        }
        responder.send(session, Responses.cancelReject(session, m, orderId, responseTo, ordStatus(session, orderId),
            reason, text));
    }

    /**
     * The exchange's SelfTradePrevention (8000) values: A allow (trade), N cancel newest (the
     * aggressor), O cancel oldest (the resting order), B cancel both, D decrement both.
     *
     * @return the mode, or {@code null} for any other value
     */
    static SelfTradePrevention selfTradePrevention(final char value) {
        return switch (value) {
            case 'A' -> SelfTradePrevention.NONE;
            case 'N' -> SelfTradePrevention.CANCEL_AGGRESSOR;
            case 'O' -> SelfTradePrevention.CANCEL_RESTING;
            case 'B' -> SelfTradePrevention.CANCEL_BOTH;
            case 'D' -> SelfTradePrevention.DECREMENT;
            default -> null;
        };
    }

    /** @return true when ExecInst (18, space-separated values) says 6, post-only, and nothing else */
    private static boolean onlyPostOnly(final String execInst) {
        boolean postOnly = false;
        for (int i = 0; i < execInst.length(); i++) {
            final char c = execInst.charAt(i);
            if (c == '6') {
                postOnly = true;
            } else if (c != ' ') {
                return false;
            }
        }
        return postOnly;
    }

    private static String clip(final String value, final int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private long expireTime(final Message m) throws FieldNotFound {
        if (m.isSetField(FixMessages.EXPIRE_TIME)) {
            try {
                final LocalDateTime t = UtcTimestampConverter.convertToLocalDateTime(m.getString(FixMessages.EXPIRE_TIME));
                return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + t.getNano();
            } catch (final quickfix.FieldConvertError e) {
                return 0; // the data dictionary checks the format; an unreadable time makes the GTD invalid
            }
        }
        if (m.isSetField(FixMessages.EXPIRE_DATE)) {
            // the order lives to the end of that day: a "local market date" (FIX), the exchange's trading date
            final LocalDate d = LocalDate.parse(m.getString(FixMessages.EXPIRE_DATE), DateTimeFormatter.BASIC_ISO_DATE);
            return d.plusDays(1).atStartOfDay(marketZone).toEpochSecond() * 1_000_000_000L - 1;
        }
        return 0;
    }

    /**
     * @return the order a cancel, replace or status request names: its OrderID when given, else the
     *         order of its OrigClOrdID (or ClOrdID, for status) in this session; {@link OrderRegistry#UNKNOWN}
     */
    private long resolve(final FixSession session, final Message m, final int clOrdIdTag) throws FieldNotFound {
        if (m.isSetField(FixMessages.ORDER_ID)) {
            try {
                return Long.parseLong(m.getString(FixMessages.ORDER_ID));
            } catch (final NumberFormatException e) {
                return OrderRegistry.UNKNOWN;
            }
        }
        return m.isSetField(clOrdIdTag) ? registry.orderId(session.number(), m.getString(clOrdIdTag)) : OrderRegistry.UNKNOWN;
    }

    /** OrderCancelRequest (F). */
    public void cancel(final FixSession session, final Message m, final long nowNs) throws FieldNotFound {
        final String clOrdId = m.getString(FixMessages.CL_ORD_ID);
        if (alreadyProcessed(session, m, clOrdId, registry)) {
            return;
        }
        final String orig = m.getString(FixMessages.ORIG_CL_ORD_ID);
        final Instrument instrument = instruments.bySymbol(m.getString(FixMessages.SYMBOL));
        final long orderId = resolve(session, m, FixMessages.ORIG_CL_ORD_ID);
        final PreTradeChecks.Result risk = checks.cancel(session, nowNs);
        if (!risk.passed()) {
            responder.send(session, Responses.cancelReject(session, m, orderId, '1', ordStatus(session, orderId),
                risk.reason(), risk.text()));
            return;
        }
        if (instrument == null && answeredSymbolNotListed(session, m, clOrdId, orig, orderId, '1')) {
            return;
        }
        if (orderId == OrderRegistry.UNKNOWN || instrument == null || tooLong(clOrdId, orig)) {
            responder.send(session, Responses.cancelReject(session, m, orderId, '1', RejectReason.UNKNOWN_ORDER,
                "Unknown order " + orig));
            return;
        }
        if (answeredTooLate(session, m, clOrdId, orderId, '1')
            || answeredNotLatest(session, m, clOrdId, orig, orderId, '1')) {
            return;
        }
        if (!registry.claim(session.number(), clOrdId)) {
            responder.send(session, Responses.cancelReject(session, m, orderId, '1', ordStatus(session, orderId),
                RejectReason.DUPLICATE_CLORDID,
                "ClOrdID " + clOrdId + " was already used today"));
            return;
        }
        final Scratch s = scratch.get();
        s.cancel.wrap(s.buffer, 0);
        s.cancel.init().instrumentId(instrument.id()).sessionId(session.number()).firmId(session.firmId());
        s.cancel.orderId(orderId);
        final int n = ClientContext.write(s.context, 0, clOrdId, orig, "", (char) 0, null);
        s.cancel.context(s.context, 0, n);
        s.length = s.cancel.length();
        journal(session, s, orderId, clOrdId);
        registry.record(session.number(), clOrdId, orderId);
    }

    /**
     * A cancel or replace of an order of the firm's that has ended today (filled, canceled, expired,
     * rejected) is answered at once, as the engine would answer it: too late, with the order's final
     * OrdStatus, whatever else is wrong with the request (its new values, a ClOrdID used before). Its
     * ClOrdID, when new, is used and names the order, as a journaled request's would.
     *
     * @return true when the request was answered
     */
    private boolean answeredTooLate(final FixSession session, final Message m, final String clOrdId, final long orderId,
                                    final char responseTo) throws FieldNotFound {
        final char ended = registry.endedStatus(session.firmId(), orderId);
        if (ended == 0) {
            return false;
        }
        if (registry.claim(session.number(), clOrdId)) {
            registry.record(session.number(), clOrdId, orderId);
        }
        responder.send(session, Responses.tooLate(session, m, orderId, responseTo, ended));
        return true;
    }

    /**
     * A cancel or replace whose Symbol the exchange does not list, for an order of the firm's, is answered
     * as one whose listed Symbol is not the order's (which the engine answers): an order that has ended
     * too late, a live one with its OrderID and OrdStatus, CxlRejReason 99 (FIX 4.2: 2) and a Text naming
     * both symbols, not as an unknown order, whose OrdStatus 8 would tell the broker its order is dead.
     * One sent before the order's acknowledgement is answered after it (see {@link #refusedAfterAck}).
     *
     * @return true when the request was answered (or journaled to be); false when the session has no such
     *         order: it is then unknown
     */
    private boolean answeredSymbolNotListed(final FixSession session, final Message m, final String clOrdId,
                                            final String orig, final long orderId, final char responseTo)
        throws FieldNotFound {
        if (orderId == OrderRegistry.UNKNOWN || tooLong(clOrdId, orig)) {
            return false;
        }
        if (answeredTooLate(session, m, clOrdId, orderId, responseTo)) {
            return true;
        }
        final long[] state = registry.orderState(session.firmId(), orderId);
        if (state == null) {
            final int slot = awaitingAck(session, orderId);
            return slot != PendingOrders.NOT_FOUND && refusedAfterAck(session, orderId, clOrdId, orig, responseTo, true,
                "Symbol " + m.getString(FixMessages.SYMBOL) + " is not the order's: "
                    + instruments.symbol(pending(session).instrumentId(slot)));
        }
        responder.send(session, Responses.cancelReject(session, m, orderId, responseTo, ordStatus(session, orderId),
            RejectReason.INVALID_FIELD, "Symbol " + m.getString(FixMessages.SYMBOL) + " is not the order's: "
                + instruments.symbol((int) state[OrderRegistry.INSTRUMENT])));
        return true;
    }

    /**
     * A cancel or replace naming a live order by an OrigClOrdID that is not the order's latest ClOrdID
     * (FIX: the ClOrdID of the previous non-rejected request) names a state of the order that no longer
     * exists, and is refused: CxlRejReason 99 (FIX 4.2: 2), the order's OrderID and OrdStatus, and a Text
     * naming the latest ClOrdID. The latest is that of the last cancel or replace the session sent, even
     * unacknowledged (a chain of replaces in flight is taken), back to the order's as last accepted when
     * the engine refused it. A request that names the order by OrderID is not held to it.
     *
     * @return true when the request was answered
     */
    private boolean answeredNotLatest(final FixSession session, final Message m, final String clOrdId,
                                      final String orig, final long orderId, final char responseTo)
        throws FieldNotFound {
        if (m.isSetField(FixMessages.ORDER_ID)) {
            return false;
        }
        final String latest = registry.latestClOrdId(session.number(), orderId);
        if (latest == null || latest.equals(orig)) {
            return false;
        }
        refuse(session, m, orderId, clOrdId, orig, responseTo, false, RejectReason.INVALID_FIELD,
            "OrigClOrdID " + orig + " is not the order's latest ClOrdID: " + latest);
        return true;
    }

    /**
     * Journals a cancel or replace, its ClOrdID the order's latest from just before: the sender, which may
     * move it back when the engine refuses the request, then always finds it there.
     */
    private void journal(final FixSession session, final Scratch s, final long orderId, final String clOrdId) {
        final String before = registry.requestSent(session.number(), orderId, clOrdId);
        try {
            commands.append(s);
        } catch (final RuntimeException e) {
            registry.requestNotSent(session.number(), orderId, clOrdId, before);
            throw e;
        }
    }

    /**
     * @return the order's OrdStatus as last reported to its firm, 8 when the session's firm has no such order;
     *         A (pending new) for an order of the session whose acknowledgement is still on its way (8 would
     *         tell the broker's system that its live order was rejected)
     */
    private char ordStatus(final FixSession session, final long orderId) {
        final char status = registry.ordStatus(session.firmId(), orderId);
        if (status != '8') {
            return status;
        }
        final int journaled = awaitingAck(session, orderId);
        return journaled != PendingOrders.NOT_FOUND && pending(session).instrumentId(journaled) != Instrument.NULL_ID
            ? PENDING_NEW : status;
    }

    private static boolean tooLong(final String clOrdId, final String orig) {
        return clOrdId.length() > ClientContext.MAX_ID_LENGTH || orig.length() > ClientContext.MAX_ID_LENGTH;
    }

    /** OrderCancelReplaceRequest (G). */
    public void replace(final FixSession session, final Message m, final long nowNs) throws FieldNotFound {
        final String clOrdId = m.getString(FixMessages.CL_ORD_ID);
        if (alreadyProcessed(session, m, clOrdId, registry)) {
            return;
        }
        final String orig = m.getString(FixMessages.ORIG_CL_ORD_ID);
        final Instrument instrument = instruments.bySymbol(m.getString(FixMessages.SYMBOL));
        final long orderId = resolve(session, m, FixMessages.ORIG_CL_ORD_ID);
        // a message of the session whatever is wrong with it, as a cancel is: the throttle first
        final PreTradeChecks.Result throttle = checks.other(session, nowNs);
        if (!throttle.passed()) {
            responder.send(session, Responses.cancelReject(session, m, orderId, '2', ordStatus(session, orderId),
                throttle.reason(), throttle.text()));
            return;
        }
        if (instrument == null && answeredSymbolNotListed(session, m, clOrdId, orig, orderId, '2')) {
            return;
        }
        if (orderId == OrderRegistry.UNKNOWN || instrument == null || tooLong(clOrdId, orig)) {
            responder.send(session, Responses.cancelReject(session, m, orderId, '2', RejectReason.UNKNOWN_ORDER,
                "Unknown order " + orig));
            return;
        }
        if (answeredTooLate(session, m, clOrdId, orderId, '2')
            || answeredNotLatest(session, m, clOrdId, orig, orderId, '2')) {
            return;
        }
        final Scratch s = scratch.get();
        final ReplaceCommand r = s.replace;
        r.wrap(s.buffer, 0);
        r.init().instrumentId(instrument.id()).sessionId(session.number()).firmId(session.firmId());
        r.orderId(orderId);
        r.buffer().putByte(ReplaceCommand.SIDE_OFFSET, (byte) m.getChar(FixMessages.SIDE));
        r.buffer().putByte(ReplaceCommand.ORD_TYPE_OFFSET, (byte) m.getChar(FixMessages.ORD_TYPE));
        r.buffer().putByte(ReplaceCommand.TIF_OFFSET, m.isSetField(FixMessages.TIME_IN_FORCE)
            ? (byte) m.getChar(FixMessages.TIME_IN_FORCE) : TimeInForce.DAY.code());
        final long qty = FixDecimal.quantity(m.getDecimal(FixMessages.ORDER_QTY));
        final long price = m.isSetField(FixMessages.PRICE) ? FixDecimal.price(m.getDecimal(FixMessages.PRICE)) : 0;
        final long stop = m.isSetField(FixMessages.STOP_PX) ? FixDecimal.price(m.getDecimal(FixMessages.STOP_PX)) : 0;
        final long floor = m.isSetField(FixMessages.MAX_FLOOR) ? FixDecimal.quantity(m.getDecimal(FixMessages.MAX_FLOOR)) : 0;
        if (qty == FixDecimal.INVALID || price == FixDecimal.INVALID || stop == FixDecimal.INVALID
            || floor == FixDecimal.INVALID) {
            // the first such field, and what is wrong with it, as a new order's reject says
            refuse(session, m, orderId, clOrdId, orig, '2', false, RejectReason.INVALID_FIELD,
                qty == FixDecimal.INVALID ? FixDecimal.quantityProblem("OrderQty", m.getDecimal(FixMessages.ORDER_QTY))
                    : price == FixDecimal.INVALID ? FixDecimal.priceProblem("Price", m.getDecimal(FixMessages.PRICE))
                    : stop == FixDecimal.INVALID ? FixDecimal.priceProblem("StopPx", m.getDecimal(FixMessages.STOP_PX))
                    : FixDecimal.quantityProblem("MaxFloor", m.getDecimal(FixMessages.MAX_FLOOR)));
            return;
        }
        if (floor < 0 || floor > 0 && qty > 0 && floor >= qty) {
            // A new peak is held to a new order's rule, or the iceberg would show whole (0 or none keeps the
            // peak); a quantity that is not above 0 is refused for itself further on.
            refuse(session, m, orderId, clOrdId, orig, '2', false, RejectReason.INVALID_DISPLAY_QUANTITY,
                "MaxFloor " + floor + " must be above 0 and below OrderQty " + qty);
            return;
        }
        r.quantity(qty).price(price).stopPrice(stop).displayQuantity(floor);
        if (!registry.claim(session.number(), clOrdId)) {
            responder.send(session, Responses.cancelReject(session, m, orderId, '2', ordStatus(session, orderId),
                RejectReason.DUPLICATE_CLORDID,
                "ClOrdID " + clOrdId + " was already used today"));
            return;
        }
        final String account = m.isSetField(FixMessages.ACCOUNT) ? m.getString(FixMessages.ACCOUNT) : "";
        final int n = ClientContext.write(s.context, 0, clOrdId, orig, clip(account, ClientContext.MAX_ACCOUNT_LENGTH),
            (char) 0, null);
        r.context(s.context, 0, n);
        // another firm's order, named by its OrderID, is none of the session's: the engine answers unknown
        final long[] current = registry.orderState(session.firmId(), orderId);
        // an order whose acknowledgement is on its way: as journaled
        final int journaled = current == null ? awaitingAck(session, orderId) : PendingOrders.NOT_FOUND;
        final int orderAccount = current != null ? (int) current[OrderRegistry.ACCOUNT]
            : journaled != PendingOrders.NOT_FOUND ? pending(session).accountId(journaled) : FirmDirectory.UNKNOWN;
        if (orderAccount != FirmDirectory.UNKNOWN && !account.isEmpty()
            && firms.accountId(session.firmId(), account) != orderAccount) {
            // The engine keeps an order on its account; taking the replace would report an Account the
            // order, its exposure and its drop copies are not on.
            refuse(session, m, orderId, clOrdId, orig, '2', true, RejectReason.INVALID_FIELD,
                "Account " + account + " is not the order's: an order cannot move to another account");
            return;
        }
        final long peak = current != null ? current[OrderRegistry.DISPLAY_QTY]
            : journaled != PendingOrders.NOT_FOUND ? pending(session).displayQty(journaled) : -1;
        if (floor > 0 && peak == 0) {
            // The engine refuses it too, but with the Text of its reason (Side, OrdType and TimeInForce cannot be
            // changed), which would send the broker looking for a change it did not make.
            refuse(session, m, orderId, clOrdId, orig, '2', true, RejectReason.REPLACE_NOT_ALLOWED,
                "MaxFloor " + floor + " cannot be given by a replace: the order was entered without one (not an iceberg)");
            return;
        }
        final long expiry = current != null ? current[OrderRegistry.EXPIRE_TIME]
            : journaled != PendingOrders.NOT_FOUND ? pending(session).expireTimeNs(journaled) : 0;
        if (expiry != 0 && (m.isSetField(FixMessages.EXPIRE_TIME) || m.isSetField(FixMessages.EXPIRE_DATE))
            && expireTime(m) != expiry) {
            // The replace command has no expire time: the engine keeps the GTD order's, and taking the
            // replace would have the broker believe in another. The same one again (a replace repeats
            // the order's fields), or none, keeps it.
            refuse(session, m, orderId, clOrdId, orig, '2', true, RejectReason.REPLACE_NOT_ALLOWED,
                "ExpireTime and ExpireDate cannot be changed by a replace: the order expires at "
                    + UtcTimestamps.format(expiry, FixVersion.of(session.sessionId()) != FixVersion.FIX42));
            return;
        }
        // an order not yet acknowledged is held to the credit of the account it was sent on, from its price and
        // quantity as sent, not to the account the replace names (or the default one) for its whole value
        final PreTradeChecks.Result risk = current != null
            ? checks.replace(session, r, (int) current[OrderRegistry.ACCOUNT], current[OrderRegistry.PRICE],
                current[OrderRegistry.ORDER_QTY])
            : journaled != PendingOrders.NOT_FOUND
            ? checks.replace(session, r, orderAccount, pending(session).price(journaled),
                pending(session).quantity(journaled))
            : checks.replace(session, r, Math.max(0, firms.accountId(session.firmId(), account)), 0, 0);
        if (!risk.passed()) {
            refuse(session, m, orderId, clOrdId, orig, '2', true, risk.reason(), risk.text());
            return;
        }
        s.length = r.length();
        try {
            journal(session, s, orderId, clOrdId);
        } catch (final RuntimeException e) {
            checks.notJournaled(r.buffer(), r.contextStart(), r.contextLength());
            throw e;
        }
        registry.record(session.number(), clOrdId, orderId);
    }

    /** OrderStatusRequest (H). */
    public void status(final FixSession session, final Message m, final long nowNs) throws FieldNotFound {
        final String clOrdId = m.getString(FixMessages.CL_ORD_ID);
        final long orderId = resolve(session, m, FixMessages.CL_ORD_ID);
        final Instrument instrument = statusInstrument(session, m, orderId);
        final PreTradeChecks.Result risk = checks.other(session, nowNs);
        if (!risk.passed()) {
            // not an answer about the order, which may well be live: the request itself is refused
            responder.send(session, Responses.businessMessageReject(m, clOrdId, Responses.BUSINESS_REJECT_OTHER,
                risk.text()));
            return;
        }
        // FIX 4.4 and 5.0 SP2: the answer echoes OrdStatusReqID (790) when the request has one
        final String reqId = m.isSetField(FixMessages.ORD_STATUS_REQ_ID) ? m.getString(FixMessages.ORD_STATUS_REQ_ID) : null;
        if (reqId != null && reqId.length() > ClientContext.MAX_ID_LENGTH) {
            responder.send(session, Responses.businessMessageReject(m, clOrdId, Responses.BUSINESS_REJECT_OTHER,
                "OrdStatusReqID may have at most " + ClientContext.MAX_ID_LENGTH + " characters"));
            return;
        }
        if (orderId == OrderRegistry.UNKNOWN || instrument == null || clOrdId.length() > ClientContext.MAX_ID_LENGTH) {
            responder.send(session, Responses.unknownOrderStatus(session, m, "Unknown order"));
            return;
        }
        final Scratch s = scratch.get();
        s.status.wrap(s.buffer, 0);
        s.status.init().instrumentId(instrument.id()).sessionId(session.number()).firmId(session.firmId());
        s.status.orderId(orderId);
        final int n = ClientContext.write(s.context, 0, clOrdId, "", "", (char) 0, reqId);
        s.status.context(s.context, 0, n);
        s.length = s.status.length();
        commands.append(s);
    }

    /**
     * The book a status request is asked of: its Symbol's. A Symbol the exchange does not list, for a live
     * order of the session's firm, is answered as a listed Symbol that is not the order's is (the
     * order's state, not an unknown order's OrdStatus 8, which would say a live order is dead): the
     * request goes to the order's own book.
     *
     * The same for an order of the session whose acknowledgement is still on its way.
     *
     * @return {@code null} when the Symbol is not listed and the firm has no such live order
     */
    private Instrument statusInstrument(final FixSession session, final Message m, final long orderId)
        throws FieldNotFound {
        final Instrument listed = instruments.bySymbol(m.getString(FixMessages.SYMBOL));
        if (listed != null || orderId == OrderRegistry.UNKNOWN) {
            return listed;
        }
        final long[] state = registry.orderState(session.firmId(), orderId);
        if (state != null) {
            return instruments.byId((int) state[OrderRegistry.INSTRUMENT]);
        }
        // sent before the order's acknowledgement: its book as journaled, whose answer follows the acknowledgement
        final int journaled = awaitingAck(session, orderId);
        return journaled == PendingOrders.NOT_FOUND ? null : instruments.byId(pending(session).instrumentId(journaled));
    }

    /** OrderMassCancelRequest (q): cancel all of the session's orders (530=7) or those of one symbol (530=1). */
    public void massCancel(final FixSession session, final Message m, final long nowNs) throws FieldNotFound {
        final String clOrdId = m.getString(FixMessages.CL_ORD_ID);
        final char type = m.getChar(FixMessages.MASS_CANCEL_REQUEST_TYPE);
        final PreTradeChecks.Result risk = checks.other(session, nowNs);
        if (!risk.passed()) {
            responder.send(session, Responses.massCancelRejected(session, m, risk.text()));
            return;
        }
        final int instrumentId;
        if (type == '7') {
            instrumentId = Instrument.NULL_ID;
        } else if (type == '1') {
            final Instrument instrument = m.isSetField(FixMessages.SYMBOL)
                ? instruments.bySymbol(m.getString(FixMessages.SYMBOL)) : null;
            if (instrument == null) {
                responder.send(session, Responses.massCancelRejected(session, m, "Unknown symbol"));
                return;
            }
            instrumentId = instrument.id();
        } else {
            responder.send(session, Responses.massCancelRejected(session, m,
                "MassCancelRequestType " + type + " is not supported (1 security, 7 all orders)"));
            return;
        }
        if (clOrdId.length() > ClientContext.MAX_ID_LENGTH) {
            responder.send(session, Responses.massCancelRejected(session, m, "ClOrdID too long"));
            return;
        }
        final Scratch s = scratch.get();
        s.massCancel.wrap(s.buffer, 0);
        s.massCancel.init().instrumentId(instrumentId).sessionId(session.number()).firmId(session.firmId());
        s.massCancel.scope(MassCancelCommand.SCOPE_SESSION).reason(CancelReason.MASS_CANCEL)
            .sideCode(m.isSetField(FixMessages.SIDE) ? (byte) m.getChar(FixMessages.SIDE) : 0);
        final int n = ClientContext.write(s.context, 0, clOrdId, "", "", type, null);
        s.massCancel.context(s.context, 0, n);
        s.length = s.massCancel.length();
        commands.append(s);
    }

    /** Cancels every open order of a session: cancel on disconnect. */
    public void cancelOnDisconnect(final FixSession session) {
        final Scratch s = scratch.get();
        s.massCancel.wrap(s.buffer, 0);
        s.massCancel.init().instrumentId(Instrument.NULL_ID).sessionId(session.number()).firmId(session.firmId());
        s.massCancel.scope(MassCancelCommand.SCOPE_SESSION).reason(CancelReason.DISCONNECT);
        s.length = s.massCancel.length();
        commands.append(s);
    }

}
