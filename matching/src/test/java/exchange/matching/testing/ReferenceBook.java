package exchange.matching.testing;

import exchange.matching.CancelReason;
import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.OrderType;
import exchange.matching.RejectReason;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.ClockCommand;
import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.OrderRequestCommand;
import exchange.matching.command.RejectOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.command.StatusCommand;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.TradingPhase;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.Event;
import exchange.matching.event.EventSink;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately simple order book, for tests: plain objects in a {@link TreeMap} of price to a
 * {@link List} in time order, a {@link HashMap} of live orders, and nothing clever. It follows the
 * same rules as the engine and writes the same event records, so that the property tests can require
 * the two to agree byte for byte on random command streams. Obviously correct and slow.
 */
public final class ReferenceBook {
    /** One live order. */
    static final class Order {
        long id;
        int book;
        Side side;
        OrderType type;
        TimeInForce tif;
        int instructions;
        long price;
        long qty;
        long cum;
        long notional;
        int session;
        int firm;
        int account;

        long leaves() {
            return qty - cum;
        }
    }

    private final Map<Integer, Instrument> instruments = new HashMap<>();
    private final Map<Integer, TreeMap<Long, List<Order>>> bids = new HashMap<>();
    private final Map<Integer, TreeMap<Long, List<Order>>> asks = new HashMap<>();
    private final Map<Long, Order> live = new LinkedHashMap<>();
    private final Map<Integer, TradingPhase> phases = new HashMap<>();
    private final TreeSet<Long> killSwitches = new TreeSet<>(); // firm << 32 | account
    private final PriorityQueue<long[]> gtd = new PriorityQueue<>(
        Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    private final EngineConfig config;
    private final EventSink sink;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1024]);
    private long execId = 1;
    private long matchId = 1;
    private long now;
    private long lastOrderId;
    private Command current;

    public ReferenceBook(final List<Instrument> instruments, final EngineConfig config, final EventSink sink) {
        this.config = config;
        this.sink = sink;
        for (final Instrument i : instruments) {
            this.instruments.put(i.id(), i);
            bids.put(i.id(), new TreeMap<>(Comparator.reverseOrder()));
            phases.put(i.id(), TradingPhase.CONTINUOUS);
            asks.put(i.id(), new TreeMap<>());
        }
    }

    /** Applies one command record of any type. */
    public void apply(final MutableDirectBuffer buffer, final int offset) {
        final CommandType type = CommandType.fromCode(buffer.getByte(offset + 2) & 0xFF);
        switch (type) {
            case NEW_ORDER -> newOrder((NewOrderCommand) new NewOrderCommand().wrap(buffer, offset));
            case REJECT_ORDER -> rejectOrder((RejectOrderCommand) new RejectOrderCommand().wrap(buffer, offset));
            case CANCEL -> cancel((CancelCommand) new CancelCommand().wrap(buffer, offset));
            case REPLACE -> replace((ReplaceCommand) new ReplaceCommand().wrap(buffer, offset));
            case STATUS -> status((StatusCommand) new StatusCommand().wrap(buffer, offset));
            case MASS_CANCEL -> massCancel((MassCancelCommand) new MassCancelCommand().wrap(buffer, offset));
            case CLOCK -> begin((ClockCommand) new ClockCommand().wrap(buffer, offset));
            case SET_PHASE -> setPhase((SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset));
            case END_OF_DAY -> endOfDay((EndOfDayCommand) new EndOfDayCommand().wrap(buffer, offset));
            case RESTORE_ORDER -> restoreOrder((RestoreOrderCommand) new RestoreOrderCommand().wrap(buffer, offset));
            case SET_KILL_SWITCH -> setKillSwitch((SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, offset));
            default -> throw new IllegalArgumentException("not supported by the reference: " + type);
        }
    }

    private void begin(final Command command) {
        current = command;
        now = Math.max(now, command.timestampNs());
        expireGtd();
    }

    private void expireGtd() {
        while (!gtd.isEmpty() && gtd.peek()[0] <= now) {
            final Order o = live.get(gtd.poll()[1]);
            if (o != null) {
                unbook(o);
                cancelled(o, CancelReason.GTD_EXPIRED, null);
                live.remove(o.id);
            }
        }
    }

    private RejectReason validate(final NewOrderCommand c) {
        final Instrument instrument = instruments.get(c.instrumentId());
        if (instrument == null) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (c.sequence() <= lastOrderId) {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        if (c.side() == null || c.orderType() == null || c.timeInForce() == null) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (c.quantity() <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (c.quantity() % instrument.lotSize() != 0) {
            return RejectReason.QUANTITY_OFF_LOT;
        }
        if (c.orderType().hasLimitPrice()) {
            if (c.price() <= 0) {
                return RejectReason.INVALID_PRICE;
            }
            if (c.price() % instrument.tickSize() != 0) {
                return RejectReason.PRICE_OFF_TICK;
            }
        }
        if (c.orderType().isStop() || c.displayQuantity() != 0 || c.minQuantity() != 0 || c.postOnly()) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (c.timeInForce() == TimeInForce.GTD && c.expireTimeNs() <= now) {
            return RejectReason.INVALID_EXPIRE_TIME;
        }
        if (c.timeInForce() == TimeInForce.AT_THE_OPEN || c.timeInForce() == TimeInForce.AT_THE_CLOSE) {
            return RejectReason.TIF_NOT_ALLOWED_IN_PHASE;
        }
        return phaseReason(c.instrumentId());
    }

    private RejectReason phaseReason(final int book) {
        final TradingPhase phase = phases.get(book);
        return phase == TradingPhase.CONTINUOUS ? RejectReason.NONE
            : phase == TradingPhase.HALTED ? RejectReason.INSTRUMENT_HALTED : RejectReason.INSTRUMENT_CLOSED;
    }

    private int levelCount() {
        int n = 0;
        for (final TreeMap<Long, List<Order>> side : bids.values()) {
            n += side.size();
        }
        for (final TreeMap<Long, List<Order>> side : asks.values()) {
            n += side.size();
        }
        return n;
    }

    private boolean hasRoom(final int book, final Side side, final long price) {
        final TreeMap<Long, List<Order>> own = (side == Side.BUY ? bids : asks).get(book);
        return own.containsKey(price)
            || (own.size() < instruments.get(book).maxPriceLevels() && levelCount() < config.levelCapacity());
    }

    private void newOrder(final NewOrderCommand c) {
        begin(c);
        final RejectReason reason = blocked(c.firmId(), c.accountId()) ? RejectReason.KILL_SWITCH : validate(c);
        lastOrderId = Math.max(lastOrderId, c.sequence());
        if (reason != RejectReason.NONE) {
            rejected(c, reason);
            return;
        }
        final boolean mayRest = c.orderType() != OrderType.MARKET && !c.timeInForce().isImmediate();
        if (live.size() >= config.orderCapacity()) {
            rejected(c, RejectReason.ORDER_CAPACITY_EXCEEDED);
            return;
        }
        if (mayRest && !hasRoom(c.instrumentId(), c.side(), c.price())) {
            rejected(c, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED);
            return;
        }
        if (c.timeInForce() == TimeInForce.GTD && gtd.size() >= config.gtdCapacity()) {
            gtd.removeIf(e -> !live.containsKey(e[1]));
            if (gtd.size() >= config.gtdCapacity()) {
                rejected(c, RejectReason.ORDER_CAPACITY_EXCEEDED);
                return;
            }
        }
        final Order o = new Order();
        o.id = c.sequence();
        o.book = c.instrumentId();
        o.side = c.side();
        o.type = c.orderType();
        o.tif = c.timeInForce();
        o.instructions = c.instructions();
        o.price = o.type.hasLimitPrice() ? c.price() : 0;
        o.qty = c.quantity();
        o.session = c.sessionId();
        o.firm = c.firmId();
        o.account = c.accountId();
        live.put(o.id, o);
        final AcceptedEvent e = new AcceptedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, c.sequence(), c.timestampNs());
        state(e, o, execId++);
        e.displayQty(c.displayQuantity()).minQty(c.minQuantity()).expireTimeNs(c.expireTimeNs())
            .context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
        if (o.tif == TimeInForce.FOK && available(o) < o.qty) {
            cancelled(o, CancelReason.FOK_NOT_FILLED, null);
            live.remove(o.id);
            return;
        }
        match(o);
        if (o.leaves() == 0) {
            live.remove(o.id);
        } else if (o.type == OrderType.MARKET || o.tif.isImmediate()) {
            final boolean marketDay = o.type == OrderType.MARKET && !o.tif.isImmediate();
            cancelled(o, marketDay ? CancelReason.NO_LIQUIDITY : CancelReason.IOC_REMAINDER, null);
            live.remove(o.id);
        } else {
            rest(o);
            booked(o);
            if (o.tif == TimeInForce.GTD) {
                gtd.add(new long[] {c.expireTimeNs(), o.id});
            }
        }
    }

    private boolean crosses(final Order aggressor, final long restingPrice) {
        if (aggressor.type == OrderType.MARKET) {
            return true;
        }
        return aggressor.side == Side.BUY ? restingPrice <= aggressor.price : restingPrice >= aggressor.price;
    }

    private TreeMap<Long, List<Order>> contra(final Order o) {
        return (o.side == Side.BUY ? asks : bids).get(o.book);
    }

    private long available(final Order o) {
        long sum = 0;
        for (final Map.Entry<Long, List<Order>> level : contra(o).entrySet()) {
            if (!crosses(o, level.getKey())) {
                break;
            }
            for (final Order r : level.getValue()) {
                sum += r.leaves();
            }
        }
        return sum;
    }

    private void match(final Order a) {
        final TreeMap<Long, List<Order>> contra = contra(a);
        while (a.leaves() > 0 && !contra.isEmpty() && crosses(a, contra.firstKey())) {
            final long price = contra.firstKey();
            final List<Order> level = contra.get(price);
            final Order r = level.get(0);
            final long qty = Math.min(a.leaves(), r.leaves());
            a.cum += qty;
            a.notional += qty * price;
            r.cum += qty;
            r.notional += qty * price;
            trade(a, r, price, qty);
            if (r.leaves() == 0) {
                level.remove(0);
                live.remove(r.id);
                if (level.isEmpty()) {
                    contra.remove(price);
                }
            }
        }
    }

    private void rest(final Order o) {
        (o.side == Side.BUY ? bids : asks).get(o.book).computeIfAbsent(o.price, p -> new ArrayList<>()).add(o);
    }

    private void unbook(final Order o) {
        final TreeMap<Long, List<Order>> side = (o.side == Side.BUY ? bids : asks).get(o.book);
        final List<Order> level = side.get(o.price);
        if (level != null && level.remove(o) && level.isEmpty()) {
            side.remove(o.price);
        }
    }

    private void rejectOrder(final RejectOrderCommand c) {
        begin(c);
        final RejectReason reason = c.reason();
        rejected(c, reason == null || reason == RejectReason.NONE ? RejectReason.INVALID_FIELD : reason);
    }

    private Order owned(final OrderRequestCommand c) {
        final Order o = live.get(c.orderId());
        return o != null && o.firm == (c.firmId() & 0xFFFF) && o.book == c.instrumentId() ? o : null;
    }

    private void cancel(final CancelCommand c) {
        begin(c);
        final Order o = owned(c);
        if (o == null) {
            cancelRejected(c, null, RejectReason.UNKNOWN_ORDER, CommandType.CANCEL);
            return;
        }
        unbook(o);
        cancelled(o, CancelReason.USER_REQUEST, c);
        live.remove(o.id);
    }

    private void replace(final ReplaceCommand c) {
        begin(c);
        final Order o = owned(c);
        if (o == null) {
            cancelRejected(c, null, RejectReason.UNKNOWN_ORDER, CommandType.REPLACE);
            return;
        }
        final Instrument instrument = instruments.get(o.book);
        final RejectReason reason;
        if (blocked(o.firm, o.account)) {
            reason = RejectReason.KILL_SWITCH;
        } else if (c.sideCode() != o.side.code() || c.orderTypeCode() != o.type.code() || c.timeInForceCode() != o.tif.code()) {
            reason = RejectReason.REPLACE_NOT_ALLOWED;
        } else if (c.quantity() <= 0) {
            reason = RejectReason.INVALID_QUANTITY;
        } else if (c.quantity() % instrument.lotSize() != 0) {
            reason = RejectReason.QUANTITY_OFF_LOT;
        } else if (o.type.hasLimitPrice() && c.price() <= 0) {
            reason = RejectReason.INVALID_PRICE;
        } else if (o.type.hasLimitPrice() && c.price() % instrument.tickSize() != 0) {
            reason = RejectReason.PRICE_OFF_TICK;
        } else {
            reason = phaseReason(o.book);
        }
        if (reason != RejectReason.NONE) {
            cancelRejected(c, o, reason, CommandType.REPLACE);
            return;
        }
        final long oldPrice = o.price;
        final long oldQty = o.qty;
        final long oldLeaves = o.leaves();
        final long newPrice = o.type.hasLimitPrice() ? c.price() : o.price;
        if (c.quantity() <= o.cum) {
            unbook(o);
            o.qty = c.quantity();
            replaced(o, c, oldPrice, oldQty, 0, oldLeaves, false);
            live.remove(o.id);
            return;
        }
        if (newPrice == oldPrice && c.quantity() <= oldQty) {
            o.qty = c.quantity();
            replaced(o, c, oldPrice, oldQty, o.leaves(), oldLeaves, true);
            return;
        }
        if (newPrice != oldPrice && !hasRoom(o.book, o.side, newPrice)) {
            cancelRejected(c, o, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED, CommandType.REPLACE);
            return;
        }
        unbook(o);
        o.price = newPrice;
        o.qty = c.quantity();
        replaced(o, c, oldPrice, oldQty, o.leaves(), oldLeaves, false);
        match(o);
        if (o.leaves() == 0) {
            live.remove(o.id);
        } else {
            rest(o);
            booked(o);
        }
    }

    private void status(final StatusCommand c) {
        begin(c);
        final Order o = owned(c);
        final StatusEvent e = new StatusEvent();
        e.wrap(scratch, 0);
        e.init(c.instrumentId(), c.sequence(), c.timestampNs());
        if (o == null) {
            unknown(e, c.orderId(), c);
        } else {
            state(e, o, 0);
        }
        e.orderLive(o != null).context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
    }

    private void massCancel(final MassCancelCommand c) {
        begin(c);
        final CancelReason reason = c.reason() == null ? CancelReason.MASS_CANCEL : c.reason();
        final List<Order> victims = new ArrayList<>();
        instruments.keySet().stream().sorted().forEach(book -> {
            if (c.instrumentId() != Instrument.NULL_ID && c.instrumentId() != book) {
                return;
            }
            if (c.sideCode() != Side.SELL.code()) {
                bids.get(book).values().forEach(level -> level.stream().filter(o -> owns(c, o)).forEach(victims::add));
            }
            if (c.sideCode() != Side.BUY.code()) {
                asks.get(book).values().forEach(level -> level.stream().filter(o -> owns(c, o)).forEach(victims::add));
            }
        });
        for (final Order o : victims) {
            unbook(o);
            cancelled(o, reason, null);
            live.remove(o.id);
        }
        final MassCancelledEvent e = new MassCancelledEvent();
        e.wrap(scratch, 0);
        e.init(c.instrumentId(), c.sequence(), c.timestampNs());
        e.sessionId(c.sessionId()).firmId(c.firmId()).accountId(c.accountId()).scope(c.scope()).sideCode(c.sideCode())
            .reason(reason).cancelledCount(victims.size()).context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
    }

    private void setPhase(final SetPhaseCommand c) {
        begin(c);
        instruments.keySet().stream().sorted().forEach(book -> {
            if (c.instrumentId() != Instrument.NULL_ID && c.instrumentId() != book) {
                return;
            }
            final TradingPhase previous = phases.get(book);
            if (previous != c.phase() && !(previous == TradingPhase.HALTED && c.scheduled())) {
                phases.put(book, c.phase());
                final PhaseChangedEvent e = new PhaseChangedEvent();
                e.wrap(scratch, 0);
                e.init(book, c.sequence(), c.timestampNs());
                e.phase(c.phase()).previousPhase(previous);
                publish(e);
            }
        });
    }

    private static long killKey(final int firm, final int account) {
        return ((long) firm << 32) | (account & 0xFFFFFFFFL);
    }

    private boolean blocked(final int firm, final int account) {
        return killSwitches.contains(killKey(firm, 0)) || (account != 0 && killSwitches.contains(killKey(firm, account)));
    }

    private void killSwitchChanged(final SetKillSwitchCommand c, final int firm, final int account, final boolean on,
                                   final int flags, final long count) {
        final KillSwitchChangedEvent e = new KillSwitchChangedEvent();
        e.wrap(scratch, 0);
        e.init(Instrument.NULL_ID, c.sequence(), c.timestampNs());
        e.firmId(firm).accountId(account).on(on).flags(flags).cancelledCount(count);
        publish(e);
    }

    private void setKillSwitch(final SetKillSwitchCommand c) {
        begin(c);
        final int firm = c.firmId();
        final int account = c.accountId();
        if (c.action() == SetKillSwitchCommand.ACTION_RESTATE) {
            for (final long key : killSwitches) {
                killSwitchChanged(c, (int) (key >>> 32), (int) key, true, KillSwitchChangedEvent.FLAG_RESTATED, 0);
            }
            return;
        }
        if (firm == 0 || (c.action() != SetKillSwitchCommand.ACTION_ON && c.action() != SetKillSwitchCommand.ACTION_OFF)) {
            killSwitchChanged(c, firm, account, killSwitches.contains(killKey(firm, account)),
                KillSwitchChangedEvent.FLAG_REFUSED, 0);
            return;
        }
        if (c.action() == SetKillSwitchCommand.ACTION_OFF) {
            killSwitches.remove(killKey(firm, account));
            killSwitchChanged(c, firm, account, false, 0, 0);
            return;
        }
        killSwitches.add(killKey(firm, account));
        final List<Order> victims = new ArrayList<>();
        instruments.keySet().stream().sorted().forEach(book -> {
            for (final TreeMap<Long, List<Order>> side : List.of(bids.get(book), asks.get(book))) {
                side.values().forEach(level -> level.stream()
                    .filter(o -> o.firm == firm && (account == 0 || o.account == account)).forEach(victims::add));
            }
        });
        for (final Order o : victims) {
            unbook(o);
            cancelled(o, CancelReason.KILL_SWITCH, null);
            live.remove(o.id);
        }
        killSwitchChanged(c, firm, account, true, 0, victims.size());
    }

    private void endOfDay(final EndOfDayCommand c) {
        begin(c);
        final List<Order> expiring = new ArrayList<>();
        final List<Order> carried = new ArrayList<>();
        instruments.keySet().stream().sorted().forEach(book -> {
            for (final TreeMap<Long, List<Order>> side : List.of(bids.get(book), asks.get(book))) {
                side.values().forEach(level -> level.forEach(o -> (o.tif.survivesEndOfDay() ? carried : expiring).add(o)));
            }
        });
        for (final Order o : expiring) {
            unbook(o);
            cancelled(o, CancelReason.END_OF_DAY, null);
            live.remove(o.id);
        }
        for (final Order o : carried) {
            unbook(o);
            live.remove(o.id);
        }
        final DayEndedEvent e = new DayEndedEvent();
        e.wrap(scratch, 0);
        e.init(Instrument.NULL_ID, c.sequence(), c.timestampNs());
        e.tradingDate(c.tradingDate()).expiredCount(expiring.size()).carriedCount(carried.size());
        publish(e);
    }

    private void restoreOrder(final RestoreOrderCommand c) {
        begin(c);
        if (live.containsKey(c.orderId())) {
            return;
        }
        final Instrument instrument = instruments.get(c.instrumentId());
        boolean ok = instrument != null && c.side() != null && c.orderType() != null && c.timeInForce() != null
            && c.orderType().hasLimitPrice() && c.price() > 0 && c.orderQty() > c.cumQty() && c.cumQty() >= 0
            && c.displayQty() == 0 && live.size() < config.orderCapacity() && !live.containsKey(c.orderId())
            && !blocked(c.firmId(), c.accountId());
        ok = ok && hasRoom(c.instrumentId(), c.side(), c.price());
        if (ok && phases.get(c.instrumentId()) == TradingPhase.CONTINUOUS) {
            final TreeMap<Long, List<Order>> contra = (c.side() == Side.BUY ? asks : bids).get(c.instrumentId());
            ok = contra.isEmpty() || (c.side() == Side.BUY ? contra.firstKey() > c.price() : contra.firstKey() < c.price());
        }
        if (ok && c.timeInForce() == TimeInForce.GTD && gtd.size() >= config.gtdCapacity()) {
            gtd.removeIf(e -> !live.containsKey(e[1]));
            ok = gtd.size() < config.gtdCapacity();
        }
        if (!ok) {
            final CancelledEvent e = new CancelledEvent();
            e.wrap(scratch, 0);
            e.init(c.instrumentId(), c.sequence(), c.timestampNs());
            e.orderId(c.orderId()).execId(execId++).sessionId(c.sessionId()).firmId(c.firmId()).accountId(c.accountId())
                .sideCode(c.buffer().getByte(c.offset() + RestoreOrderCommand.SIDE_OFFSET))
                .orderTypeCode(c.buffer().getByte(c.offset() + RestoreOrderCommand.ORD_TYPE_OFFSET))
                .timeInForceCode(c.buffer().getByte(c.offset() + RestoreOrderCommand.TIF_OFFSET))
                .instructions(c.instructions()).price(c.price()).stopPrice(c.stopPrice()).orderQty(c.orderQty())
                .cumQty(c.cumQty()).leavesQty(0).cumNotional(c.cumNotional());
            e.cancelledQty(Math.max(0, c.orderQty() - c.cumQty())).reason(CancelReason.RESTORE_FAILED)
                .context(c.buffer(), c.contextStart(), c.contextLength());
            publish(e);
            return;
        }
        final Order o = new Order();
        o.id = c.orderId();
        o.book = c.instrumentId();
        o.side = c.side();
        o.type = c.orderType();
        o.tif = c.timeInForce();
        o.instructions = c.instructions();
        o.price = c.price();
        o.qty = c.orderQty();
        o.cum = c.cumQty();
        o.notional = c.cumNotional();
        o.session = c.sessionId();
        o.firm = c.firmId();
        o.account = c.accountId();
        live.put(o.id, o);
        rest(o);
        if (o.tif == TimeInForce.GTD) {
            gtd.add(new long[] {c.expireTimeNs(), o.id});
        }
        final RestoredEvent e = new RestoredEvent();
        e.wrap(scratch, 0);
        e.init(o.book, c.sequence(), c.timestampNs());
        state(e, o, 0);
        e.visibleQty(o.leaves()).displayQty(0).expireTimeNs(c.expireTimeNs())
            .context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
        expireGtd();
    }

    private static boolean owns(final MassCancelCommand c, final Order o) {
        return switch (c.scope()) {
            case MassCancelCommand.SCOPE_SESSION -> o.session == c.sessionId() && o.firm == c.firmId();
            case MassCancelCommand.SCOPE_FIRM -> o.firm == c.firmId();
            case MassCancelCommand.SCOPE_ACCOUNT -> o.firm == c.firmId() && o.account == c.accountId();
            default -> false;
        };
    }

    // ---- events, written field by field from the plain objects

    private static void unknown(final OrderEvent e, final long orderId, final Command request) {
        e.orderId(orderId).execId(0).sessionId(request.sessionId()).firmId(request.firmId()).accountId(0).sideCode((byte) 0).orderTypeCode((byte) 0)
            .timeInForceCode((byte) 0).instructions(0).price(0).stopPrice(0).orderQty(0).cumQty(0).leavesQty(0)
            .cumNotional(0);
    }

    private static void state(final OrderEvent e, final Order o, final long exec) {
        e.orderId(o.id).execId(exec).sessionId(o.session).firmId(o.firm).accountId(o.account).sideCode(o.side.code())
            .orderTypeCode(o.type.code()).timeInForceCode(o.tif.code()).instructions(o.instructions).price(o.price)
            .stopPrice(0).orderQty(o.qty).cumQty(o.cum).leavesQty(Math.max(0, o.leaves())).cumNotional(o.notional);
    }

    private void rejected(final NewOrderCommand c, final RejectReason reason) {
        final RejectedEvent e = new RejectedEvent();
        e.wrap(scratch, 0);
        e.init(c.instrumentId(), c.sequence(), c.timestampNs());
        e.orderId(c.sequence()).execId(execId++).sessionId(c.sessionId()).firmId(c.firmId()).accountId(c.accountId())
            .sideCode(c.sideCode())
            .orderTypeCode(c.buffer().getByte(c.offset() + NewOrderCommand.ORD_TYPE_OFFSET))
            .timeInForceCode(c.buffer().getByte(c.offset() + NewOrderCommand.TIF_OFFSET))
            .instructions(c.instructions()).price(c.price()).stopPrice(c.stopPrice()).orderQty(c.quantity())
            .cumQty(0).leavesQty(0).cumNotional(0);
        e.reason(reason).context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
    }

    private void booked(final Order o) {
        final BookedEvent e = new BookedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, current.sequence(), current.timestampNs());
        e.orderId(o.id).price(o.price).visibleQty(o.leaves()).leavesQty(o.leaves()).orderQty(o.qty).sessionId(o.session)
            .firmId(o.firm).sideCode(o.side.code()).reason(BookedEvent.REASON_NEW);
        publish(e);
    }

    private void trade(final Order aggressor, final Order resting, final long price, final long qty) {
        final TradeEvent e = new TradeEvent();
        e.wrap(scratch, 0);
        e.init(aggressor.book, current.sequence(), current.timestampNs());
        e.matchId(matchId++).price(price).quantity(qty).aggressorSideCode(aggressor.side.code()).flags(0);
        final TradeParty aggressorParty = aggressor.side == Side.BUY ? e.buy() : e.sell();
        final TradeParty restingParty = aggressor.side == Side.BUY ? e.sell() : e.buy();
        party(aggressorParty, aggressor, execId++, 0);
        party(restingParty, resting, execId++, resting.leaves());
        publish(e);
    }

    private static void party(final TradeParty p, final Order o, final long exec, final long visible) {
        p.orderId(o.id).execId(exec).sessionId(o.session).firmId(o.firm).accountId(o.account).sideCode(o.side.code())
            .orderTypeCode(o.type.code()).timeInForceCode(o.tif.code()).instructions(o.instructions).price(o.price)
            .orderQty(o.qty).cumQty(o.cum).leavesQty(o.leaves()).cumNotional(o.notional).visibleQty(visible);
    }

    private void cancelled(final Order o, final CancelReason reason, final OrderRequestCommand request) {
        final CancelledEvent e = new CancelledEvent();
        e.wrap(scratch, 0);
        e.init(o.book, current.sequence(), current.timestampNs());
        state(e, o, execId++);
        e.cancelledQty(o.leaves()).reason(reason);
        e.leavesQty(0);
        if (request != null) {
            e.context(request.buffer(), request.contextStart(), request.contextLength());
        }
        publish(e);
    }

    private void replaced(final Order o, final ReplaceCommand c, final long oldPrice, final long oldQty,
                          final long visible, final long oldVisible, final boolean kept) {
        final ReplacedEvent e = new ReplacedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, c.sequence(), c.timestampNs());
        state(e, o, execId++);
        e.previousPrice(oldPrice).previousOrderQty(oldQty).visibleQty(visible).previousVisibleQty(oldVisible)
            .priorityKept(kept).context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
    }

    private void cancelRejected(final OrderRequestCommand c, final Order o, final RejectReason reason,
                                final CommandType type) {
        final CancelRejectedEvent e = new CancelRejectedEvent();
        e.wrap(scratch, 0);
        e.init(c.instrumentId(), c.sequence(), c.timestampNs());
        if (o == null) {
            unknown(e, c.orderId(), c);
        } else {
            state(e, o, 0);
        }
        e.reason(reason).requestType(type).orderLive(o != null).context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
    }

    private void publish(final Event e) {
        sink.onEvent(scratch, 0, e.length());
    }
}
