package exchange.matching.testing;

import exchange.matching.CancelReason;
import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.OrderType;
import exchange.matching.RestingOrder;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.ClockCommand;
import exchange.matching.command.Command;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.command.StatusCommand;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.TradingPhase;
import exchange.matching.event.Event;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A matching engine under test with named orders: commands are written with labels ("B1"), events
 * and the book are read back with the same labels. Every command gets the next sequence number and
 * the scenario's clock, which moves only when told.
 */
public final class BookScenario {
    /** The default instrument: TEST, tick 0.01, lot 1. */
    public static final int INSTRUMENT = 1;
    /** 2026-11-27 09:00:00 UTC, the scenario clock's start. */
    public static final long T0 = Instant.parse("2026-11-27T09:00:00Z").toEpochMilli() * 1_000_000L;

    private final MatchingEngine engine;
    private final RecordedEvents events = new RecordedEvents();
    private final Map<String, Long> orderIds = new LinkedHashMap<>();
    private final Map<Long, String> labels = new HashMap<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelCommand cancel = new CancelCommand();
    private final ReplaceCommand replace = new ReplaceCommand();
    private final StatusCommand status = new StatusCommand();
    private final MassCancelCommand massCancel = new MassCancelCommand();
    private final ClockCommand clock = new ClockCommand();
    private final SetPhaseCommand setPhase = new SetPhaseCommand();
    private final EndOfDayCommand endOfDay = new EndOfDayCommand();
    private final RestoreOrderCommand restore = new RestoreOrderCommand();
    private long sequence;
    private long nowNs = T0;
    private int mark;

    public BookScenario(final EngineConfig config, final List<Instrument> instruments) {
        this.engine = new MatchingEngine(instruments, config, events);
    }

    /** @return a scenario with one instrument, TEST (id 1, tick 0.01, lot 1), and default sizes */
    public static BookScenario standard() {
        return new BookScenario(EngineConfig.defaults().orderCapacity(1 << 12).levelCapacity(1 << 10),
            List.of(Instrument.builder(INSTRUMENT, "TEST").tickSize(100).lotSize(1).referencePrice(100_0000).build()));
    }

    /**
     * @param instrument changes to the TEST instrument (tick 0.01, lot 1, reference price 100)
     * @param config     changes to the standard sizes
     * @return a scenario with that one instrument and configuration
     */
    public static BookScenario of(final UnaryOperator<Instrument.Builder> instrument,
                                  final UnaryOperator<EngineConfig> config) {
        return new BookScenario(config.apply(EngineConfig.defaults().orderCapacity(1 << 12).levelCapacity(1 << 10)),
            List.of(instrument.apply(Instrument.builder(INSTRUMENT, "TEST").tickSize(100).lotSize(1)
                .referencePrice(100_0000)).build()));
    }

    public MatchingEngine engine() {
        return engine;
    }

    public RecordedEvents recorded() {
        return events;
    }

    /** @return the scenario clock, ns since the epoch */
    public long now() {
        return nowNs;
    }

    /** Moves the scenario clock; the engine sees it with the next command. */
    public void advance(final long ns) {
        nowNs += ns;
    }

    /** Marks the start of the events a {@code then} looks at. */
    public void mark() {
        mark = events.size();
    }

    /** @return the events since the last {@link #mark()} */
    public List<Event> eventsSinceMark() {
        return events.eventsSince(mark);
    }

    public long orderId(final String label) {
        final Long id = orderIds.get(label);
        if (id == null) {
            throw new IllegalArgumentException("no order labelled " + label);
        }
        return id;
    }

    /** @return the label of an order id, or "#id" when it has none */
    public String label(final long orderId) {
        return labels.getOrDefault(orderId, "#" + orderId);
    }

    private <C extends Command> C stamp(final C command) {
        command.sequence(++sequence).timestampNs(nowNs);
        return command;
    }

    public void enter(final OrderSpec spec) {
        newOrder.wrap(buffer, 0);
        newOrder.init();
        stamp(newOrder).instrumentId(spec.instrumentId).sessionId(spec.sessionId).firmId(spec.firmId);
        newOrder.accountId(spec.accountId)
            .side(spec.side)
            .orderType(spec.type)
            .timeInForce(spec.tif)
            .instructions(spec.instructions)
            .price(spec.price)
            .stopPrice(spec.stopPrice)
            .quantity(spec.qty)
            .displayQuantity(spec.displayQty)
            .minQuantity(spec.minQty)
            .expireTimeNs(spec.expireTimeNs)
            .context(spec.context);
        orderIds.put(spec.label, newOrder.sequence());
        labels.put(newOrder.sequence(), spec.label);
        engine.newOrder(newOrder);
    }

    public void cancel(final String label) {
        cancel(label, 1);
    }

    public void cancel(final String label, final int firmId) {
        cancel.wrap(buffer, 0);
        cancel.init();
        stamp(cancel).instrumentId(INSTRUMENT).sessionId(firmId).firmId(firmId);
        cancel.orderId(orderId(label));
        engine.cancel(cancel);
    }

    /** Replaces a firm-1 limit Day order of the default instrument. */
    public void replace(final String label, final long price, final long qty) {
        replace(label, price, qty, r -> { });
    }

    /**
     * Replaces an order; the customiser may change the side, type, time in force, firm or context
     * before the command is applied.
     */
    public void replace(final String label, final long price, final long qty, final Consumer<ReplaceCommand> customise) {
        replace.wrap(buffer, 0);
        replace.init();
        stamp(replace).instrumentId(INSTRUMENT).sessionId(1).firmId(1);
        replace.orderId(orderId(label));
        replace.price(price).quantity(qty).side(sideOf(label)).orderType(OrderType.LIMIT).timeInForce(TimeInForce.DAY);
        customise.accept(replace);
        engine.replace(replace);
    }

    private Side sideOf(final String label) {
        final long id = orderId(label);
        final Side[] side = {Side.BUY};
        engine.forEachRestingOrder(INSTRUMENT, o -> {
            if (o.orderId() == id) {
                side[0] = o.side();
            }
        });
        return side[0];
    }

    public void status(final String label, final int firmId) {
        status.wrap(buffer, 0);
        status.init();
        stamp(status).instrumentId(INSTRUMENT).sessionId(firmId).firmId(firmId);
        status.orderId(orderId(label));
        engine.status(status);
    }

    /**
     * @param scope        MassCancelCommand scope
     * @param instrumentId 0 for all
     * @param side         FIX side code, 0 for both
     */
    public void massCancel(final int scope, final int sessionId, final int firmId, final int accountId,
                           final int instrumentId, final byte side, final CancelReason reason) {
        massCancel.wrap(buffer, 0);
        massCancel.init();
        stamp(massCancel).instrumentId(instrumentId).sessionId(sessionId).firmId(firmId);
        massCancel.scope(scope).sideCode(side).reason(reason).accountId(accountId);
        engine.massCancel(massCancel);
    }

    /** Moves an instrument (0 for all) to a phase. */
    public void phase(final int instrumentId, final TradingPhase phase) {
        phase(instrumentId, phase, false);
    }

    /** Moves an instrument (0 for all) to a phase; a scheduled change leaves halted instruments halted. */
    public void phase(final int instrumentId, final TradingPhase phase, final boolean scheduled) {
        setPhase.wrap(buffer, 0);
        setPhase.init();
        stamp(setPhase).instrumentId(instrumentId);
        setPhase.phase(phase).scheduled(scheduled);
        engine.setPhase(setPhase);
    }

    /**
     * A kill switch command of the exchange (session 0).
     *
     * @param action {@link SetKillSwitchCommand#ACTION_ON}, {@code ACTION_OFF} or {@code ACTION_RESTATE}
     */
    public void killSwitch(final int firmId, final int accountId, final byte action) {
        final SetKillSwitchCommand command = new SetKillSwitchCommand();
        command.wrap(buffer, 0);
        command.init();
        stamp(command).firmId(firmId);
        command.action(action).accountId(accountId);
        engine.setKillSwitch(command);
    }

    /** Ends the trading day 2026-11-27. */
    public void endOfDay() {
        endOfDay.wrap(buffer, 0);
        endOfDay.init();
        stamp(endOfDay);
        endOfDay.tradingDate(20261127);
        engine.endOfDay(endOfDay);
    }

    /**
     * Restores an order of an earlier day under a label, as start of day does from the GTC store.
     *
     * @param orderId its original order id
     */
    public void restore(final String label, final long orderId, final OrderSpec spec, final long cumQty,
                        final long cumNotional) {
        restore(label, orderId, spec, cumQty, cumNotional, 0);
    }

    /**
     * Restores an order with restore flags (RestoreOrderCommand.TRIGGERED for a stop that had triggered).
     */
    public void restore(final String label, final long orderId, final OrderSpec spec, final long cumQty,
                        final long cumNotional, final int flags) {
        restore.wrap(buffer, 0);
        restore.init();
        stamp(restore).instrumentId(spec.instrumentId).sessionId(spec.sessionId).firmId(spec.firmId);
        restore.orderId(orderId).accountId(spec.accountId).side(spec.side).orderType(spec.type).timeInForce(spec.tif)
            .instructions(spec.instructions).price(spec.price).stopPrice(spec.stopPrice).orderQty(spec.qty)
            .cumQty(cumQty).cumNotional(cumNotional).displayQty(spec.displayQty).expireTimeNs(spec.expireTimeNs)
            .flags(flags).context(spec.context);
        orderIds.put(label, orderId);
        labels.put(orderId, label);
        engine.restoreOrder(restore);
    }

    /** Tells the engine the time, with no other effect. */
    public void tick() {
        clock.wrap(buffer, 0);
        clock.init();
        stamp(clock);
        engine.clock(clock);
    }

    /**
     * Renders one book as lines, bids then asks, each best price first:
     * {@code "bid 100: B1 30, B2 10"}. Iceberg orders show {@code visible/leaves}; market orders of a call
     * book rest at {@code "bid MKT"} or {@code "ask MKT"}.
     */
    public List<String> book(final int instrumentId) {
        final Map<String, List<String>> levels = new LinkedHashMap<>();
        engine.forEachRestingOrder(instrumentId, o -> levels
            .computeIfAbsent((o.side() == Side.BUY ? "bid " : "ask ")
                + (o.orderType().hasLimitPrice() ? price(o.price()) : "MKT"), k -> new ArrayList<>())
            .add(describe(o)));
        final List<String> lines = new ArrayList<>();
        levels.forEach((level, orders) -> lines.add(level + ": " + String.join(", ", orders)));
        return lines;
    }

    /**
     * Renders the waiting stops of one book as lines, buy stops then sell stops, each in trigger order:
     * {@code "buy stop 101: S1 10, S2 5"}.
     */
    public List<String> stops(final int instrumentId) {
        final Map<String, List<String>> levels = new LinkedHashMap<>();
        engine.forEachWaitingStop(instrumentId, o -> levels
            .computeIfAbsent((o.side() == Side.BUY ? "buy stop " : "sell stop ") + price(o.stopPrice()),
                k -> new ArrayList<>())
            .add(label(o.orderId()) + " " + o.leavesQty()));
        final List<String> lines = new ArrayList<>();
        levels.forEach((level, orders) -> lines.add(level + ": " + String.join(", ", orders)));
        return lines;
    }

    private String describe(final RestingOrder o) {
        final String qty = o.visibleQty() == o.leavesQty() || !o.orderType().hasLimitPrice()
            ? Long.toString(o.leavesQty()) : o.visibleQty() + "/" + o.leavesQty();
        return label(o.orderId()) + " " + qty;
    }

    /** @return a price in 1/10,000 as a plain decimal: 1010000 is "101", 1015000 is "101.5" */
    public static String price(final long price) {
        return BigDecimal.valueOf(price, 4).stripTrailingZeros().toPlainString();
    }
}
