package exchange.matching.testing;

import exchange.matching.CancelReason;
import exchange.matching.EngineConfig;
import exchange.matching.HaltedOrderPolicy;
import exchange.matching.Instrument;
import exchange.matching.OrderType;
import exchange.matching.PostOnlyPolicy;
import exchange.matching.RejectReason;
import exchange.matching.SelfTradePrevention;
import exchange.matching.SelfTradeScope;
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
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.TriggeredEvent;
import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.AuctionUncrossedEvent;
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
        /** Iceberg peak (display quantity), 0 when all is shown. */
        long peak;
        /** Iceberg: what it shows now. */
        long shown;
        long stopPrice;
        /** A stop that has not triggered yet. */
        boolean waiting;
        /** A waiting stop's priority among the stops a trade triggers. */
        long stopSequence;
        /** Just triggered: booked with the triggered reason. */
        boolean triggeredNow;

        long leaves() {
            return qty - cum;
        }

        /** @return what the book shows of it: nothing of a waiting stop or a market order in a call book */
        long visible() {
            return waiting || !type.hasLimitPrice() ? 0 : peak > 0 ? shown : leaves();
        }

        /** @return its price in the book: market orders of a call book rest ahead of every limit */
        long key() {
            return type.hasLimitPrice() ? price : side == Side.BUY ? Long.MAX_VALUE : 0;
        }
    }

    private final Map<Integer, Instrument> instruments = new HashMap<>();
    private final Map<Integer, TreeMap<Long, List<Order>>> bids = new HashMap<>();
    private final Map<Integer, TreeMap<Long, List<Order>>> asks = new HashMap<>();
    private final Map<Long, Order> live = new LinkedHashMap<>();
    private final Map<Integer, TradingPhase> phases = new HashMap<>();
    /** Waiting buy stops by stop price, lowest (next to trigger) first; sell stops highest first. */
    private final Map<Integer, TreeMap<Long, List<Order>>> buyStops = new HashMap<>();
    private final Map<Integer, TreeMap<Long, List<Order>>> sellStops = new HashMap<>();
    private final Map<Integer, Long> lastTrade = new HashMap<>();
    private final Map<Integer, Long> referencePrices = new HashMap<>();
    /** Per book in a call phase: the last indicative published, {price, paired, imbalance, side}. */
    private final Map<Integer, long[]> published = new HashMap<>();
    private final Map<Integer, Long> breakerWindowEnds = new HashMap<>();
    private final Map<Integer, Long> volatilityEnds = new HashMap<>();
    /** The circuit breaker's reference for the aggressor being matched, 0 for none. */
    private long bandReference;
    private long lowestPrint = Long.MAX_VALUE;
    private long highestPrint = Long.MIN_VALUE;
    private boolean triggering;
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
            buyStops.put(i.id(), new TreeMap<>());
            sellStops.put(i.id(), new TreeMap<>(Comparator.reverseOrder()));
            lastTrade.put(i.id(), 0L);
            referencePrices.put(i.id(), i.referencePrice());
            breakerWindowEnds.put(i.id(), 0L);
            volatilityEnds.put(i.id(), 0L);
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
        publishIndicatives();
    }

    private void begin(final Command command) {
        current = command;
        now = Math.max(now, command.timestampNs());
        // what came due since the last command, in time order (a GTD expiry first on a tie)
        while (true) {
            final long gtdNs = gtd.isEmpty() ? Long.MAX_VALUE : gtd.peek()[0];
            final long volatilityEndNs = instruments.keySet().stream()
                .filter(book -> phases.get(book) == TradingPhase.VOLATILITY_AUCTION)
                .mapToLong(volatilityEnds::get).min().orElse(Long.MAX_VALUE);
            if (Math.min(gtdNs, volatilityEndNs) > now) {
                break;
            }
            if (gtdNs <= volatilityEndNs) {
                expireGtd(Math.min(now, volatilityEndNs));
            } else {
                final long upTo = Math.min(now, gtdNs - 1);
                instruments.keySet().stream().sorted().forEach(book -> {
                    if (phases.get(book) == TradingPhase.VOLATILITY_AUCTION && volatilityEnds.get(book) <= upTo) {
                        changePhase(book, TradingPhase.CONTINUOUS, PhaseChangedEvent.REASON_VOLATILITY_AUCTION_END);
                    }
                });
            }
        }
    }

    private void expireGtd() {
        expireGtd(now);
    }

    private void expireGtd(final long upTo) {
        while (!gtd.isEmpty() && gtd.peek()[0] <= upTo) {
            final Order o = live.get(gtd.poll()[1]);
            if (o != null) {
                unbook(o);
                cancelled(o, CancelReason.GTD_EXPIRED, null);
                live.remove(o.id);
            }
        }
    }

    /** @return true when a limit is further from the reference price than the static collar allows */
    private boolean outsideCollar(final int book, final long price) {
        final long bps = instruments.get(book).priceCollarBps();
        final long reference = referencePrices.get(book);
        return bps > 0 && reference > 0 && Math.abs(price - reference) * 10_000 > bps * reference;
    }

    /** @return true when a trade at this price would trip the circuit breaker of the current aggressor */
    private boolean outsideBand(final int book, final long price) {
        final long bps = instruments.get(book).circuitBreakerBps();
        return bps > 0 && bandReference > 0 && Math.abs(price - bandReference) * 10_000 > bps * bandReference;
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
        if (c.orderType().isStop() && (c.stopPrice() <= 0 || c.stopPrice() % instrument.tickSize() != 0)) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        final int stp = c.selfTradePreventionCode();
        if (stp > SelfTradePrevention.DECREMENT.code()) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (c.postOnly() && (c.orderType() != OrderType.LIMIT || c.timeInForce() == TimeInForce.IOC
            || c.timeInForce() == TimeInForce.FOK || c.timeInForce() == TimeInForce.AT_THE_OPEN
            || c.timeInForce() == TimeInForce.AT_THE_CLOSE)) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (c.orderType().isStop() && (c.minQuantity() != 0 || c.timeInForce() == TimeInForce.AT_THE_OPEN
            || c.timeInForce() == TimeInForce.AT_THE_CLOSE)) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (c.displayQuantity() > 0 && (c.orderType() != OrderType.LIMIT || c.timeInForce().isImmediate())) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (c.displayQuantity() != 0 && (c.displayQuantity() < 0 || c.displayQuantity() >= c.quantity()
            || c.displayQuantity() % instrument.lotSize() != 0)) {
            return RejectReason.INVALID_DISPLAY_QUANTITY;
        }
        if (c.minQuantity() != 0 && (c.minQuantity() < 0 || c.minQuantity() > c.quantity()
            || c.minQuantity() % instrument.lotSize() != 0 || c.timeInForce() != TimeInForce.IOC)) {
            return RejectReason.INVALID_MIN_QUANTITY;
        }
        if (c.timeInForce() == TimeInForce.GTD && c.expireTimeNs() <= now) {
            return RejectReason.INVALID_EXPIRE_TIME;
        }
        final TradingPhase phase = phases.get(c.instrumentId());
        if ((c.timeInForce() == TimeInForce.AT_THE_OPEN && phase != TradingPhase.PRE_OPEN)
            || (c.timeInForce() == TimeInForce.AT_THE_CLOSE && phase != TradingPhase.PRE_CLOSE)) {
            return RejectReason.TIF_NOT_ALLOWED_IN_PHASE;
        }
        if (phaseReason(c.instrumentId()) != RejectReason.NONE) {
            return phaseReason(c.instrumentId());
        }
        if (c.timeInForce().isImmediate() && phase != TradingPhase.CONTINUOUS) {
            return RejectReason.TIF_NOT_ALLOWED_IN_PHASE;
        }
        if (c.orderType().hasLimitPrice() && outsideCollar(c.instrumentId(), c.price())) {
            return RejectReason.PRICE_OUTSIDE_COLLAR;
        }
        if (c.orderType().isStop() && reached(c.side(), c.stopPrice(), lastTrade.get(c.instrumentId()))) {
            return RejectReason.INVALID_STOP_PRICE;
        }
        return RejectReason.NONE;
    }

    private static boolean reached(final Side side, final long stopPrice, final long last) {
        return last > 0 && (side == Side.BUY ? last >= stopPrice : last <= stopPrice);
    }

    private TreeMap<Long, List<Order>> stops(final int book, final Side side) {
        return (side == Side.BUY ? buyStops : sellStops).get(book);
    }

    private boolean stopRoom(final int book, final Side side, final long stopPrice) {
        final TreeMap<Long, List<Order>> stops = stops(book, side);
        return stops.containsKey(stopPrice) || stops.size() < instruments.get(book).maxPriceLevels();
    }

    private void waitStop(final Order o, final long sequence) {
        o.waiting = true;
        o.stopSequence = sequence;
        stops(o.book, o.side).computeIfAbsent(o.stopPrice, p -> new ArrayList<>()).add(o);
    }

    private RejectReason phaseReason(final int book) {
        final TradingPhase phase = phases.get(book);
        if (phase == TradingPhase.CLOSED) {
            return RejectReason.INSTRUMENT_CLOSED;
        }
        if (phase == TradingPhase.HALTED && instruments.get(book).haltedOrderPolicy() == HaltedOrderPolicy.REJECT) {
            return RejectReason.INSTRUMENT_HALTED;
        }
        return RejectReason.NONE;
    }

    private boolean continuous(final int book) {
        return phases.get(book) == TradingPhase.CONTINUOUS;
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
        RejectReason reason = blocked(c.firmId(), c.accountId()) ? RejectReason.KILL_SWITCH : validate(c);
        lastOrderId = Math.max(lastOrderId, c.sequence());
        long price = c.price();
        if (reason == RejectReason.NONE && c.postOnly() && continuous(c.instrumentId())) {
            final TreeMap<Long, List<Order>> contra = (c.side() == Side.BUY ? asks : bids).get(c.instrumentId());
            if (!contra.isEmpty() && (c.side() == Side.BUY ? contra.firstKey() <= price : contra.firstKey() >= price)) {
                final Instrument instrument = instruments.get(c.instrumentId());
                if (instrument.postOnlyPolicy() == PostOnlyPolicy.REJECT) {
                    reason = RejectReason.POST_ONLY_WOULD_TAKE;
                } else {
                    price = c.side() == Side.BUY ? contra.firstKey() - instrument.tickSize()
                        : contra.firstKey() + instrument.tickSize();
                    if (price <= 0) {
                        reason = RejectReason.POST_ONLY_WOULD_TAKE;
                    }
                }
            }
        }
        if (reason != RejectReason.NONE) {
            rejected(c, reason);
            return;
        }
        final boolean mayRest = !c.timeInForce().isImmediate()
            && (c.orderType().hasLimitPrice() || !continuous(c.instrumentId()));
        final long key = c.orderType().hasLimitPrice() ? price : c.side() == Side.BUY ? Long.MAX_VALUE : 0;
        final boolean stop = c.orderType().isStop();
        if (live.size() >= config.orderCapacity()
            || ((c.displayQuantity() > 0 || stop) && extrasInUse() >= config.extrasCapacity())) {
            rejected(c, RejectReason.ORDER_CAPACITY_EXCEEDED);
            return;
        }
        if (stop ? !stopRoom(c.instrumentId(), c.side(), c.stopPrice()) : mayRest && !hasRoom(c.instrumentId(), c.side(), key)) {
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
        o.price = o.type.hasLimitPrice() ? price : 0;
        o.qty = c.quantity();
        o.session = c.sessionId();
        o.firm = c.firmId();
        o.account = c.accountId();
        o.peak = c.displayQuantity();
        o.stopPrice = stop ? c.stopPrice() : 0;
        live.put(o.id, o);
        final AcceptedEvent e = new AcceptedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, c.sequence(), c.timestampNs());
        state(e, o, execId++);
        e.displayQty(c.displayQuantity()).minQty(c.minQuantity()).expireTimeNs(c.expireTimeNs())
            .context(c.buffer(), c.contextStart(), c.contextLength());
        publish(e);
        if (stop) {
            waitStop(o, c.sequence());
            if (o.tif == TimeInForce.GTD) {
                gtd.add(new long[] {c.expireTimeNs(), o.id});
            }
            return;
        }
        work(o, c.minQuantity(), c.expireTimeNs(), true);
    }

    /**
     * Checks FOK and minimum quantity, matches, then books, cancels or forgets what is left; then the
     * stops its trades trigger.
     */
    private void work(final Order o, final long minQty, final long expireTimeNs, final boolean fileGtd) {
        if (!continuous(o.book)) {
            finish(o, expireTimeNs, fileGtd);
            return;
        }
        bandReference = now < breakerWindowEnds.get(o.book) || lastTrade.get(o.book) == 0
            ? referencePrices.get(o.book) : lastTrade.get(o.book);
        if (o.tif == TimeInForce.FOK && available(o, o.leaves()) < o.leaves()) {
            cancelled(o, CancelReason.FOK_NOT_FILLED, null);
            live.remove(o.id);
            return;
        }
        if (minQty > 0 && available(o, minQty) < minQty) {
            cancelled(o, CancelReason.MIN_QUANTITY_NOT_MET, null);
            live.remove(o.id);
            return;
        }
        final int matched = match(o);
        if (matched == TRIPPED) {
            changePhase(o.book, TradingPhase.VOLATILITY_AUCTION, PhaseChangedEvent.REASON_CIRCUIT_BREAKER);
        }
        if (matched != AGGRESSOR_GONE) {
            finish(o, expireTimeNs, fileGtd);
        }
        if (!triggering) {
            triggerStops(o.book);
        }
    }

    private void finish(final Order o, final long expireTimeNs, final boolean fileGtd) {
        if (o.leaves() == 0) {
            live.remove(o.id);
        } else if (o.tif.isImmediate() || (!o.type.hasLimitPrice() && continuous(o.book))) {
            final boolean collared = !o.type.hasLimitPrice() && continuous(o.book) && !contra(o).isEmpty()
                && !crosses(o, contra(o).firstKey());
            cancelled(o, collared ? CancelReason.PRICE_COLLAR : !o.type.hasLimitPrice() && !o.tif.isImmediate()
                ? CancelReason.NO_LIQUIDITY : o.tif == TimeInForce.FOK ? CancelReason.FOK_NOT_FILLED
                : CancelReason.IOC_REMAINDER, null);
            live.remove(o.id);
        } else if (!hasRoom(o.book, o.side, o.key())) {
            cancelled(o, CancelReason.BOOK_FULL, null);
            live.remove(o.id);
        } else {
            rest(o);
            booked(o, o.triggeredNow ? BookedEvent.REASON_TRIGGERED : BookedEvent.REASON_NEW);
            if (o.tif == TimeInForce.GTD && fileGtd) {
                gtd.add(new long[] {expireTimeNs, o.id});
            }
        }
        o.triggeredNow = false;
    }

    /**
     * The stops that the trades since the last call trigger (buy stops at or below the highest
     * print, sell stops at or above the lowest), activated in stop priority order; then those that
     * their trades trigger.
     */
    private void triggerStops(final int book) {
        triggering = true;
        while (highestPrint != Long.MIN_VALUE) {
            final long high = highestPrint;
            final long low = lowestPrint;
            lowestPrint = Long.MAX_VALUE;
            highestPrint = Long.MIN_VALUE;
            final List<Order> batch = new ArrayList<>();
            final TreeMap<Long, List<Order>> buys = buyStops.get(book);
            while (!buys.isEmpty() && buys.firstKey() <= high) {
                batch.addAll(buys.pollFirstEntry().getValue());
            }
            final TreeMap<Long, List<Order>> sells = sellStops.get(book);
            while (!sells.isEmpty() && sells.firstKey() >= low) {
                batch.addAll(sells.pollFirstEntry().getValue());
            }
            batch.sort(Comparator.comparingLong(o -> o.stopSequence));
            for (final Order o : batch) {
                o.waiting = false;
                o.stopSequence = 0;
                triggered(o, o.side == Side.BUY ? high : low);
                o.triggeredNow = true;
                work(o, 0, 0, false);
            }
        }
        triggering = false;
    }

    /** @return orders that need the engine's extras table: icebergs and stops */
    private long extrasInUse() {
        return live.values().stream().filter(o -> o.peak > 0 || o.type.isStop()).count();
    }

    /** @return the aggressor's self-trade prevention mode: its own, or its firm's */
    private int stpMode(final Order a) {
        final int own = (a.instructions >> 4) & 7;
        return own != 0 ? own : config.selfTradePrevention(a.firm).code();
    }

    private boolean sameOwner(final Order a, final Order b) {
        return a.firm == b.firm && (config.selfTradeScope() == SelfTradeScope.FIRM || a.account == b.account);
    }

    private boolean crosses(final Order aggressor, final long restingPrice) {
        if (!aggressor.type.hasLimitPrice()) {
            // market, or a stop that triggered as one: as far as the collar's edge on its side
            final long bps = instruments.get(aggressor.book).priceCollarBps();
            final long reference = referencePrices.get(aggressor.book);
            final long beyond = aggressor.side == Side.BUY ? restingPrice - reference : reference - restingPrice;
            return bps == 0 || reference <= 0 || beyond * 10_000 <= bps * reference;
        }
        return aggressor.side == Side.BUY ? restingPrice <= aggressor.price : restingPrice >= aggressor.price;
    }

    private TreeMap<Long, List<Order>> contra(final Order o) {
        return (o.side == Side.BUY ? asks : bids).get(o.book);
    }

    /**
     * What the aggressor could take at once: the other side within its limit, in priority order,
     * skipping its own orders that self-trade prevention would cancel and stopping at those that
     * would stop it.
     */
    private long available(final Order o, final long wanted) {
        final int mode = stpMode(o);
        long sum = 0;
        for (final Map.Entry<Long, List<Order>> level : contra(o).entrySet()) {
            if (!crosses(o, level.getKey()) || outsideBand(o.book, level.getKey()) || sum >= wanted) {
                break;
            }
            for (final Order r : level.getValue()) {
                if (mode > SelfTradePrevention.NONE.code() && sameOwner(o, r)) {
                    if (mode == SelfTradePrevention.CANCEL_RESTING.code()) {
                        continue;
                    }
                    return sum;
                }
                sum += r.leaves();
            }
        }
        return sum;
    }

    private static final int MATCHED = 0;
    private static final int AGGRESSOR_GONE = 1;
    private static final int TRIPPED = 2;

    /** @return MATCHED, AGGRESSOR_GONE (self-trade prevention cancelled it) or TRIPPED (circuit breaker) */
    private int match(final Order a) {
        final TreeMap<Long, List<Order>> contra = contra(a);
        final int mode = stpMode(a);
        while (a.leaves() > 0 && !contra.isEmpty() && crosses(a, contra.firstKey())) {
            final long price = contra.firstKey();
            if (outsideBand(a.book, price)) {
                return TRIPPED;
            }
            final List<Order> level = contra.get(price);
            final Order r = level.get(0);
            if (mode > SelfTradePrevention.NONE.code() && sameOwner(a, r)) {
                if (!preventSelfTrade(a, r, mode)) {
                    return AGGRESSOR_GONE;
                }
                continue;
            }
            // an iceberg alone at its price would be next again after refreshing: it trades on into its reserve
            final boolean alone = r.peak > 0 && level.size() == 1;
            final long qty = Math.min(a.leaves(), alone ? r.leaves() : r.visible());
            final boolean hidden = r.peak > 0 && qty > r.shown;
            a.cum += qty;
            a.notional += qty * price;
            r.cum += qty;
            r.notional += qty * price;
            if (r.peak > 0) {
                r.shown = Math.max(0, r.shown - qty);
            }
            lastTrade.put(a.book, price);
            lowestPrint = Math.min(lowestPrint, price);
            highestPrint = Math.max(highestPrint, price);
            trade(a, r, price, qty, hidden ? TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED : 0);
            if (r.leaves() == 0) {
                unbook(r);
                live.remove(r.id);
            } else if (r.visible() == 0) {
                // the iceberg shows a fresh peak, at the back of its level
                level.remove(0);
                level.add(r);
                r.shown = Math.min(r.peak, r.leaves());
                booked(r, BookedEvent.REASON_REFRESH);
            }
        }
        return MATCHED;
    }

    /** @return false when the aggressor is gone */
    private boolean preventSelfTrade(final Order a, final Order r, final int mode) {
        if (mode == SelfTradePrevention.CANCEL_AGGRESSOR.code()) {
            cancelled(a, CancelReason.SELF_TRADE, null);
            live.remove(a.id);
            return false;
        }
        if (mode == SelfTradePrevention.CANCEL_RESTING.code() || mode == SelfTradePrevention.CANCEL_BOTH.code()) {
            unbook(r);
            cancelled(r, CancelReason.SELF_TRADE, null);
            live.remove(r.id);
            if (mode == SelfTradePrevention.CANCEL_RESTING.code()) {
                return true;
            }
            cancelled(a, CancelReason.SELF_TRADE, null);
            live.remove(a.id);
            return false;
        }
        final long qty = Math.min(a.leaves(), r.leaves());
        if (r.leaves() == qty) {
            unbook(r);
            cancelled(r, CancelReason.SELF_TRADE, null);
            live.remove(r.id);
        } else {
            r.qty -= qty;
            r.shown = Math.min(r.shown, r.leaves());
            restated(r, qty, r.visible());
        }
        if (a.leaves() == qty) {
            cancelled(a, CancelReason.SELF_TRADE, null);
            live.remove(a.id);
            return false;
        }
        a.qty -= qty;
        restated(a, qty, 0);
        return true;
    }

    private void rest(final Order o) {
        o.shown = Math.min(o.peak, o.leaves());
        (o.side == Side.BUY ? bids : asks).get(o.book).computeIfAbsent(o.key(), p -> new ArrayList<>()).add(o);
    }

    private void unbook(final Order o) {
        if (o.waiting) {
            final TreeMap<Long, List<Order>> stops = stops(o.book, o.side);
            final List<Order> level = stops.get(o.stopPrice);
            if (level.remove(o) && level.isEmpty()) {
                stops.remove(o.stopPrice);
            }
            return;
        }
        final TreeMap<Long, List<Order>> side = (o.side == Side.BUY ? bids : asks).get(o.book);
        final List<Order> level = side.get(o.key());
        if (level != null && level.remove(o) && level.isEmpty()) {
            side.remove(o.key());
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
        } else if (o.waiting && (c.stopPrice() <= 0 || c.stopPrice() % instrument.tickSize() != 0)) {
            reason = RejectReason.INVALID_STOP_PRICE;
        } else if (c.displayQuantity() != 0 && o.peak == 0) {
            reason = RejectReason.REPLACE_NOT_ALLOWED;
        } else if (c.displayQuantity() < 0 || c.displayQuantity() % instrument.lotSize() != 0) {
            reason = RejectReason.INVALID_DISPLAY_QUANTITY;
        } else if (phaseReason(o.book) != RejectReason.NONE) {
            reason = phaseReason(o.book);
        } else if (o.type.hasLimitPrice() && c.price() != o.price && outsideCollar(o.book, c.price())) {
            reason = RejectReason.PRICE_OUTSIDE_COLLAR; // an unchanged price was taken when entered
        } else if (o.waiting && c.stopPrice() != o.stopPrice && reached(o.side, c.stopPrice(), lastTrade.get(o.book))) {
            reason = RejectReason.INVALID_STOP_PRICE;
        } else {
            reason = RejectReason.NONE;
        }
        if (reason != RejectReason.NONE) {
            cancelRejected(c, o, reason, CommandType.REPLACE);
            return;
        }
        final long oldPrice = o.price;
        final long oldQty = o.qty;
        final long oldVisible = o.visible();
        final long newPrice = o.type.hasLimitPrice() ? c.price() : o.price;
        final long newPeak = c.displayQuantity() != 0 ? c.displayQuantity() : o.peak;
        if (o.waiting) {
            if (c.stopPrice() == o.stopPrice && newPrice == oldPrice && c.quantity() <= oldQty) {
                o.qty = c.quantity();
                replaced(o, c, oldPrice, oldQty, 0, 0, true);
                return;
            }
            if (c.stopPrice() != o.stopPrice && !stopRoom(o.book, o.side, c.stopPrice())) {
                cancelRejected(c, o, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED, CommandType.REPLACE);
                return;
            }
            unbook(o);
            o.price = newPrice;
            o.qty = c.quantity();
            o.stopPrice = c.stopPrice();
            waitStop(o, c.sequence());
            replaced(o, c, oldPrice, oldQty, 0, 0, false);
            return;
        }
        if (c.quantity() <= o.cum) {
            unbook(o);
            o.qty = c.quantity();
            replaced(o, c, oldPrice, oldQty, 0, oldVisible, false);
            live.remove(o.id);
            return;
        }
        if (newPrice == oldPrice && c.quantity() <= oldQty && newPeak == o.peak) {
            o.qty = c.quantity();
            o.shown = Math.min(o.shown, o.leaves());
            replaced(o, c, oldPrice, oldQty, o.visible(), oldVisible, true);
            return;
        }
        if ((o.instructions & 1) != 0 && phases.get(o.book) == TradingPhase.CONTINUOUS) {
            final TreeMap<Long, List<Order>> contra = contra(o);
            if (!contra.isEmpty() && (o.side == Side.BUY ? contra.firstKey() <= newPrice : contra.firstKey() >= newPrice)) {
                cancelRejected(c, o, RejectReason.POST_ONLY_WOULD_TAKE, CommandType.REPLACE);
                return;
            }
        }
        if (newPrice != oldPrice && !hasRoom(o.book, o.side, newPrice)) {
            cancelRejected(c, o, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED, CommandType.REPLACE);
            return;
        }
        unbook(o);
        o.price = newPrice;
        o.qty = c.quantity();
        o.peak = newPeak;
        o.shown = Math.min(o.peak, o.leaves());
        replaced(o, c, oldPrice, oldQty, o.visible(), oldVisible, false);
        work(o, 0, 0, false);
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
            if (c.sideCode() != Side.SELL.code()) {
                buyStops.get(book).values().forEach(level -> level.stream().filter(o -> owns(c, o)).forEach(victims::add));
            }
            if (c.sideCode() != Side.BUY.code()) {
                sellStops.get(book).values().forEach(level -> level.stream().filter(o -> owns(c, o)).forEach(victims::add));
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
            if ((c.instrumentId() == Instrument.NULL_ID || c.instrumentId() == book)
                && !(phases.get(book) == TradingPhase.HALTED && c.scheduled())) {
                changePhase(book, c.phase(), PhaseChangedEvent.REASON_COMMAND);
            }
        });
    }

    /**
     * A call phase ending in continuous trading or closed, or a halted or closed book going to
     * continuous trading, uncrosses first; then the phase changes; continuous trading then triggers
     * the stops the auction price reached.
     */
    private void changePhase(final int book, final TradingPhase to, final int reason) {
        final TradingPhase from = phases.get(book);
        if (from == to) {
            return;
        }
        if (to == TradingPhase.CONTINUOUS || (to == TradingPhase.CLOSED && from.isCall())) {
            uncross(book, from, to == TradingPhase.CONTINUOUS);
        }
        if (to.isCall()) {
            published.remove(book);
        }
        phases.put(book, to);
        if (to == TradingPhase.VOLATILITY_AUCTION) {
            volatilityEnds.put(book, now + instruments.get(book).volatilityAuctionNs());
        }
        if (to == TradingPhase.CONTINUOUS && (from == TradingPhase.PRE_OPEN || from == TradingPhase.CLOSED)) {
            breakerWindowEnds.put(book, now + instruments.get(book).circuitBreakerOpeningWindowNs());
        }
        final PhaseChangedEvent e = new PhaseChangedEvent();
        e.wrap(scratch, 0);
        e.init(book, current.sequence(), current.timestampNs());
        e.phase(to).previousPhase(from).reason(reason);
        publish(e);
        if (to == TradingPhase.CONTINUOUS) {
            triggerStops(book);
        } else if (reason != PhaseChangedEvent.REASON_CIRCUIT_BREAKER) { // the trades before a trip trigger stops
            lowestPrint = Long.MAX_VALUE;
            highestPrint = Long.MIN_VALUE;
        }
    }

    private long auctionReference(final int book) {
        return lastTrade.get(book) > 0 ? lastTrade.get(book) : referencePrices.get(book);
    }

    private List<Order> restingInPriority(final int book, final Side side) {
        final List<Order> all = new ArrayList<>();
        (side == Side.BUY ? bids : asks).get(book).values().forEach(all::addAll);
        return all;
    }

    /**
     * The auction as it would uncross now, by brute force over every limit price in the book and the
     * reference price: most volume, then least imbalance, then nearest the reference (the higher of
     * two equally near).
     *
     * @return {price, volume, buy qty, sell qty}; volume 0 when nothing crosses
     */
    private long[] auction(final int book) {
        final long reference = auctionReference(book);
        final List<Order> buys = restingInPriority(book, Side.BUY);
        final List<Order> sells = restingInPriority(book, Side.SELL);
        final java.util.TreeSet<Long> candidates = new java.util.TreeSet<>();
        buys.stream().filter(o -> o.type.hasLimitPrice()).forEach(o -> candidates.add(o.price));
        sells.stream().filter(o -> o.type.hasLimitPrice()).forEach(o -> candidates.add(o.price));
        if (reference > 0) {
            candidates.add(reference);
        }
        long[] best = {0, 0, 0, 0};
        for (final long p : candidates) {
            final long b = buys.stream().filter(o -> !o.type.hasLimitPrice() || o.price >= p).mapToLong(Order::leaves).sum();
            final long s = sells.stream().filter(o -> !o.type.hasLimitPrice() || o.price <= p).mapToLong(Order::leaves).sum();
            final long volume = Math.min(b, s);
            if (volume == 0 || volume < best[1]) {
                continue;
            }
            if (volume == best[1]) {
                final long imbalance = Math.abs(b - s);
                final long bestImbalance = Math.abs(best[2] - best[3]);
                if (imbalance > bestImbalance) {
                    continue;
                }
                if (imbalance == bestImbalance && Math.abs(p - reference) > Math.abs(best[0] - reference)) {
                    continue;
                }
                if (imbalance == bestImbalance && Math.abs(p - reference) == Math.abs(best[0] - reference) && p < best[0]) {
                    continue;
                }
            }
            best = new long[] {p, volume, b, s};
        }
        return best;
    }

    private void uncross(final int book, final TradingPhase from, final boolean toContinuous) {
        final long[] result = auction(book);
        final long price = result[0];
        final long volume = result[1];
        if (volume > 0) {
            executeAuction(book, price, volume);
            lastTrade.put(book, price);
            referencePrices.put(book, price);
            lowestPrint = Math.min(lowestPrint, price);
            highestPrint = Math.max(highestPrint, price);
        }
        if (from.isCall() || volume > 0) {
            final AuctionUncrossedEvent e = new AuctionUncrossedEvent();
            e.wrap(scratch, 0);
            e.init(book, current.sequence(), current.timestampNs());
            e.matchId(matchId++).price(volume > 0 ? price : 0).quantity(volume)
                .crossType(crossType(from)).phase(from);
            publish(e);
        }
        for (final Side side : List.of(Side.BUY, Side.SELL)) {
            for (final Order o : restingInPriority(book, side)) {
                final CancelReason reason = o.tif == TimeInForce.AT_THE_OPEN || o.tif == TimeInForce.AT_THE_CLOSE
                    ? CancelReason.AUCTION_ONLY_UNFILLED
                    : toContinuous && !o.type.hasLimitPrice() ? CancelReason.NO_LIQUIDITY : null;
                if (reason != null) {
                    unbook(o);
                    cancelled(o, reason, null);
                    live.remove(o.id);
                }
            }
        }
    }

    private static byte crossType(final TradingPhase phase) {
        return phase == TradingPhase.PRE_CLOSE ? AuctionIndicativeEvent.CROSS_CLOSING
            : phase == TradingPhase.VOLATILITY_AUCTION || phase == TradingPhase.HALTED
            ? AuctionIndicativeEvent.CROSS_HALT_OR_VOLATILITY : AuctionIndicativeEvent.CROSS_OPENING;
    }

    /** Pairs crossing buys and sells, each in priority order, at one price until the volume is done. */
    private void executeAuction(final int book, final long price, final long volume) {
        final List<Order> buys = restingInPriority(book, Side.BUY);
        final List<Order> sells = restingInPriority(book, Side.SELL);
        int i = 0;
        int j = 0;
        long remaining = volume;
        while (remaining > 0) {
            final Order b = buys.get(i);
            final Order s = sells.get(j);
            final long qty = Math.min(remaining, Math.min(b.leaves(), s.leaves()));
            final boolean hidden = (b.peak > 0 && qty > b.shown) | (s.peak > 0 && qty > s.shown);
            if (b.peak > 0) {
                b.shown = Math.max(0, b.shown - qty);
            }
            if (s.peak > 0) {
                s.shown = Math.max(0, s.shown - qty);
            }
            b.cum += qty;
            b.notional += qty * price;
            s.cum += qty;
            s.notional += qty * price;
            remaining -= qty;
            final TradeEvent e = new TradeEvent();
            e.wrap(scratch, 0);
            e.init(book, current.sequence(), current.timestampNs());
            e.matchId(matchId++).price(price).quantity(qty).aggressorSideCode((byte) 0)
                .flags(TradeEvent.FLAG_AUCTION | (hidden ? TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED : 0));
            party(e.buy(), b, execId++, b.visible());
            party(e.sell(), s, execId++, s.visible());
            publish(e);
            if (b.leaves() == 0) {
                unbook(b);
                live.remove(b.id);
                i++;
            }
            if (s.leaves() == 0) {
                unbook(s);
                live.remove(s.id);
                j++;
            }
        }
        for (final Side side : List.of(Side.BUY, Side.SELL)) {
            final TreeMap<Long, List<Order>> own = (side == Side.BUY ? bids : asks).get(book);
            if (!own.isEmpty()) {
                final List<Order> level = own.firstEntry().getValue();
                final Order first = level.get(0);
                if (first.peak > 0 && first.shown == 0) {
                    level.remove(0);
                    level.add(first);
                    first.shown = Math.min(first.peak, first.leaves());
                    booked(first, BookedEvent.REASON_REFRESH);
                }
            }
        }
    }

    /** After every command: each call-phase book's indicative auction, when it differs from the last published. */
    private void publishIndicatives() {
        instruments.keySet().stream().sorted().forEach(book -> {
            final TradingPhase phase = phases.get(book);
            if (!phase.isCall()) {
                return;
            }
            final long[] r = auction(book);
            final boolean crosses = r[1] > 0;
            final long[] now = {crosses ? r[0] : 0, r[1], crosses ? Math.abs(r[2] - r[3]) : 0,
                !crosses ? 'O' : r[2] > r[3] ? 'B' : r[3] > r[2] ? 'S' : 'N'};
            if (java.util.Arrays.equals(published.get(book), now)) {
                return;
            }
            published.put(book, now);
            final AuctionIndicativeEvent e = new AuctionIndicativeEvent();
            e.wrap(scratch, 0);
            e.init(book, current.sequence(), current.timestampNs());
            e.price(now[0]).farPrice(now[0]).nearPrice(now[0]).pairedQty(now[1]).imbalanceQty(now[2])
                .imbalanceSide((byte) now[3]).crossType(crossType(phase)).phase(phase).referencePrice(auctionReference(book));
            publish(e);
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
            for (final TreeMap<Long, List<Order>> side : List.of(bids.get(book), asks.get(book), buyStops.get(book),
                sellStops.get(book))) {
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
        long expiredGtd = 0;
        while (c.gtdHorizonSeconds() != 0 && !gtd.isEmpty() && gtd.peek()[0] < c.gtdHorizonSeconds() * 1_000_000_000L) {
            final Order o = live.get(gtd.poll()[1]);
            if (o != null) {
                unbook(o);
                cancelled(o, CancelReason.GTD_EXPIRED, null);
                live.remove(o.id);
                expiredGtd++;
            }
        }
        final List<Order> expiring = new ArrayList<>();
        final List<Order> carried = new ArrayList<>();
        instruments.keySet().stream().sorted().forEach(book -> {
            for (final TreeMap<Long, List<Order>> side : List.of(bids.get(book), asks.get(book), buyStops.get(book),
                sellStops.get(book))) {
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
        e.tradingDate(c.tradingDate()).expiredCount(expiredGtd + expiring.size()).carriedCount(carried.size());
        publish(e);
    }

    private void restoreOrder(final RestoreOrderCommand c) {
        begin(c);
        if (live.containsKey(c.orderId())) {
            return;
        }
        final Instrument instrument = instruments.get(c.instrumentId());
        boolean ok = instrument != null && c.side() != null && c.orderType() != null && c.timeInForce() != null
            && (!c.orderType().hasLimitPrice() || c.price() > 0)
            && c.orderQty() > c.cumQty() && c.cumQty() >= 0
            && live.size() < config.orderCapacity() && !live.containsKey(c.orderId())
            && !blocked(c.firmId(), c.accountId());
        final boolean stop = ok && c.orderType().isStop();
        final boolean waiting = stop && (c.flags() & RestoreOrderCommand.TRIGGERED) == 0;
        ok = ok && (!stop || c.stopPrice() > 0) && (!waiting || c.cumQty() == 0)
            && !(!c.orderType().hasLimitPrice() && !waiting && continuous(c.instrumentId()))
            && c.displayQty() >= 0 && (c.displayQty() == 0 || c.orderType() == OrderType.LIMIT)
            && (!(stop || c.displayQty() > 0) || extrasInUse() < config.extrasCapacity());
        ok = ok && (waiting ? stopRoom(c.instrumentId(), c.side(), c.stopPrice()) : hasRoom(c.instrumentId(), c.side(),
            c.orderType().hasLimitPrice() ? c.price() : c.side() == Side.BUY ? Long.MAX_VALUE : 0));
        if (ok && !waiting && phases.get(c.instrumentId()) == TradingPhase.CONTINUOUS) {
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
        o.price = o.type.hasLimitPrice() ? c.price() : 0;
        o.qty = c.orderQty();
        o.cum = c.cumQty();
        o.notional = waiting ? 0 : c.cumNotional();
        o.session = c.sessionId();
        o.firm = c.firmId();
        o.account = c.accountId();
        o.peak = c.displayQty();
        o.stopPrice = stop ? c.stopPrice() : 0;
        live.put(o.id, o);
        if (waiting) {
            waitStop(o, c.sequence());
        } else {
            rest(o);
        }
        if (o.tif == TimeInForce.GTD) {
            gtd.add(new long[] {c.expireTimeNs(), o.id});
        }
        final RestoredEvent e = new RestoredEvent();
        e.wrap(scratch, 0);
        e.init(o.book, c.sequence(), c.timestampNs());
        state(e, o, 0);
        e.flags(stop && !waiting ? RestoredEvent.TRIGGERED : 0);
        e.visibleQty(o.visible()).displayQty(o.peak).expireTimeNs(c.expireTimeNs())
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
            .stopPrice(o.stopPrice).orderQty(o.qty).cumQty(o.cum).leavesQty(Math.max(0, o.leaves()))
            .cumNotional(o.notional);
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

    private void booked(final Order o, final int reason) {
        final BookedEvent e = new BookedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, current.sequence(), current.timestampNs());
        e.orderId(o.id).price(o.price).visibleQty(o.visible()).leavesQty(o.leaves()).orderQty(o.qty).sessionId(o.session)
            .firmId(o.firm).sideCode(o.side.code()).reason(reason);
        publish(e);
    }

    private void trade(final Order aggressor, final Order resting, final long price, final long qty, final int flags) {
        final TradeEvent e = new TradeEvent();
        e.wrap(scratch, 0);
        e.init(aggressor.book, current.sequence(), current.timestampNs());
        e.matchId(matchId++).price(price).quantity(qty).aggressorSideCode(aggressor.side.code()).flags(flags);
        final TradeParty aggressorParty = aggressor.side == Side.BUY ? e.buy() : e.sell();
        final TradeParty restingParty = aggressor.side == Side.BUY ? e.sell() : e.buy();
        party(aggressorParty, aggressor, execId++, 0);
        party(restingParty, resting, execId++, resting.visible());
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

    private void triggered(final Order o, final long triggerPrice) {
        final TriggeredEvent e = new TriggeredEvent();
        e.wrap(scratch, 0);
        e.init(o.book, current.sequence(), current.timestampNs());
        state(e, o, execId++);
        e.triggerPrice(triggerPrice);
        publish(e);
    }

    private void restated(final Order o, final long qty, final long visible) {
        final RestatedEvent e = new RestatedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, current.sequence(), current.timestampNs());
        state(e, o, execId++);
        e.restatedQty(qty).visibleQty(visible).reason(CancelReason.SELF_TRADE);
        publish(e);
    }

    private void replaced(final Order o, final ReplaceCommand c, final long oldPrice, final long oldQty,
                          final long visible, final long oldVisible, final boolean kept) {
        final ReplacedEvent e = new ReplacedEvent();
        e.wrap(scratch, 0);
        e.init(o.book, c.sequence(), c.timestampNs());
        state(e, o, execId++);
        e.previousPrice(oldPrice).previousOrderQty(oldQty).visibleQty(visible).previousVisibleQty(oldVisible)
            .displayQty(o.peak).priorityKept(kept).context(c.buffer(), c.contextStart(), c.contextLength());
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
