package exchange.matching;

import exchange.matching.command.CancelCommand;
import exchange.matching.command.ClockCommand;
import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.RejectOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.command.StatusCommand;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.EventSink;
import exchange.matching.event.KillSwitchChangedEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The matching engine: commands in, events out, one book per instrument, price-time priority.
 *
 * <p>Single-threaded: every method must be called from the one thread that owns the engine (checked
 * with {@code assert}). It does no I/O, reads no clock (time comes from the commands' sequencer stamps)
 * and allocates nothing after construction. A business failure is an event (Rejected,
 * CancelRejected); only a bug (a corrupt command type) throws.
 *
 * <p>Determinism: the same commands in the same order give the same events, byte for byte. OrderIDs
 * are the sequences of the NewOrder commands; ExecIDs and match numbers come from counters.
 */
public final class MatchingEngine {
    private final Books books;
    private final OrderStore orders;
    private final OrderExtras extras;
    private final EventWriter events;
    private final OrderFlow flow;
    private final TradingPhases phases;
    private final OrderEntry entry;
    private final OrderReplacer replacer;
    private final OrderSweeper sweeper;
    private final OrderRestorer restorer;
    private final EngineSnapshot snapshot;
    private final KillSwitches killSwitches = new KillSwitches();

    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final RejectOrderCommand rejectOrder = new RejectOrderCommand();
    private final CancelCommand cancel = new CancelCommand();
    private final ReplaceCommand replace = new ReplaceCommand();
    private final MassCancelCommand massCancel = new MassCancelCommand();
    private final StatusCommand status = new StatusCommand();
    private final ClockCommand clock = new ClockCommand();
    private final SetPhaseCommand setPhase = new SetPhaseCommand();
    private final EndOfDayCommand endOfDay = new EndOfDayCommand();
    private final RestoreOrderCommand restoreOrder = new RestoreOrderCommand();
    private final SetKillSwitchCommand setKillSwitch = new SetKillSwitchCommand();

    private long nowNs;
    private long lastCommandSequence;
    private Thread owner;

    /**
     * @param instruments the tradable instruments, distinct ids
     * @param config      store sizes
     * @param sink        receives every event, on the calling thread
     */
    public MatchingEngine(final Iterable<Instrument> instruments, final EngineConfig config, final EventSink sink) {
        this.books = new Books(instruments, config);
        this.orders = books.orders();
        this.extras = books.extras();
        this.events = new EventWriter(orders, extras, sink);
        final ContinuousMatcher matcher = new ContinuousMatcher(books, events, new SelfTradeRules(config));
        final GtdExpiries gtdExpiries = new GtdExpiries(config.gtdCapacity());
        this.flow = new OrderFlow(books, events, matcher, gtdExpiries,
            new StopTriggers(books, config.extrasCapacity()));
        int maxPriceLevels = 1;
        for (final Instrument instrument : instruments) {
            maxPriceLevels = Math.max(maxPriceLevels, instrument.maxPriceLevels());
        }
        this.phases = new TradingPhases(books, events, new Auction(books, events, maxPriceLevels), flow);
        flow.phases(phases);
        this.entry = new OrderEntry(books, events, gtdExpiries, flow, killSwitches);
        this.replacer = new OrderReplacer(books, events, flow, killSwitches);
        this.sweeper = new OrderSweeper(books, events, gtdExpiries);
        this.restorer = new OrderRestorer(books, events, gtdExpiries, killSwitches);
        this.snapshot = new EngineSnapshot(books, events, gtdExpiries, killSwitches);
    }

    /**
     * Applies one command record of any type.
     *
     * @param buffer holding the record
     * @param offset of its first byte
     * @throws IllegalArgumentException when the record's type is unknown: a corrupt journal, a bug
     */
    public void onCommand(final MutableDirectBuffer buffer, final int offset) {
        final CommandType type = CommandType.fromCode(Flyweight.typeCodeAt(buffer, offset));
        if (type == null) {
            throw new IllegalArgumentException("unknown command type " + Flyweight.typeCodeAt(buffer, offset));
        }
        switch (type) {
            case NEW_ORDER -> newOrder((NewOrderCommand) newOrder.wrap(buffer, offset));
            case REJECT_ORDER -> rejectOrder((RejectOrderCommand) rejectOrder.wrap(buffer, offset));
            case CANCEL -> cancel((CancelCommand) cancel.wrap(buffer, offset));
            case REPLACE -> replace((ReplaceCommand) replace.wrap(buffer, offset));
            case MASS_CANCEL -> massCancel((MassCancelCommand) massCancel.wrap(buffer, offset));
            case STATUS -> status((StatusCommand) status.wrap(buffer, offset));
            case CLOCK -> clock((ClockCommand) clock.wrap(buffer, offset));
            case SET_PHASE -> setPhase((SetPhaseCommand) setPhase.wrap(buffer, offset));
            case END_OF_DAY -> endOfDay((EndOfDayCommand) endOfDay.wrap(buffer, offset));
            case RESTORE_ORDER -> restoreOrder((RestoreOrderCommand) restoreOrder.wrap(buffer, offset));
            case SET_KILL_SWITCH -> setKillSwitch((SetKillSwitchCommand) setKillSwitch.wrap(buffer, offset));
            default -> throw new IllegalArgumentException("command type not handled by the engine: " + type);
        }
    }

    private void begin(final Command command) {
        assert checkOwner();
        events.begin(command);
        if (command.sequence() > lastCommandSequence) {
            lastCommandSequence = command.sequence();
        }
        final long t = command.timestampNs();
        if (t > nowNs) {
            nowNs = t;
        }
        flow.now(nowNs);
        phases.now(nowNs);
        if (sweeper.hasGtdDue(nowNs) || phases.nextVolatilityEndNs() <= nowNs) {
            catchUp();
        }
    }

    /**
     * Applies what came due since the last command in the order of its times: GTD expiries and the ends
     * of volatility auctions. An auction that ended before a GTD order of its book expired uncrosses with
     * that order in it; one that ends at or after the expiry, without it.
     */
    private void catchUp() {
        while (true) {
            final long gtdNs = sweeper.nextGtdExpiryNs();
            final long volatilityEndNs = phases.nextVolatilityEndNs();
            if (gtdNs <= volatilityEndNs) {
                if (gtdNs > nowNs) {
                    return;
                }
                sweeper.expireGtd(Math.min(nowNs, volatilityEndNs));
            } else {
                if (volatilityEndNs > nowNs) {
                    return;
                }
                phases.endVolatilityAuctions(Math.min(nowNs, gtdNs - 1));
            }
        }
    }

    /**
     * After every command: the stops its trades triggered, then the indicative auctions of the books
     * in a call phase.
     */
    private void end() {
        flow.afterCommand();
        if (phases.hasCallBooks()) {
            phases.publishIndicatives();
        }
    }

    /**
     * Gives up the calling thread's ownership so that another thread may own the engine from its next
     * call: for recovery on one thread and matching on another. The caller provides the happens-before
     * edge (starting the new thread does).
     */
    public void releaseOwnership() {
        assert checkOwner();
        owner = null;
    }

    private boolean checkOwner() {
        if (owner == null) {
            owner = Thread.currentThread();
        }
        if (owner != Thread.currentThread()) {
            throw new IllegalStateException("engine owned by " + owner.getName() + ", called from "
                + Thread.currentThread().getName());
        }
        return true;
    }

    /** Time only: expires GTD orders whose time has come. */
    public void clock(final ClockCommand command) {
        begin(command);
        applyClock(command);
        end();
    }

    private void applyClock(final ClockCommand command) {
        // nothing but time: begin() expires what is due
    }

    /**
     * Enters a new order: validates it (a Rejected event names the first problem), accepts it, matches
     * it against the other side, then books, cancels or finishes what is left according to its type
     * and time in force. A post-only order that would take is rejected or repriced, as its instrument
     * says. A stop order waits, unseen, until a trade reaches its stop price.
     */
    public void newOrder(final NewOrderCommand command) {
        begin(command);
        applyNewOrder(command);
        end();
    }

    private void applyNewOrder(final NewOrderCommand command) {
        entry.enter(command, nowNs);
    }

    /** An order the gateway refused: a Rejected event with the gateway's reason, nothing else. */
    public void rejectOrder(final RejectOrderCommand command) {
        begin(command);
        applyRejectOrder(command);
        end();
    }

    private void applyRejectOrder(final RejectOrderCommand command) {
        final RejectReason reason = command.reason();
        events.rejected(command, reason == null || reason == RejectReason.NONE ? RejectReason.INVALID_FIELD : reason);
    }

    /** Cancels a live order of the sender's firm, or answers CancelRejected (unknown order). */
    public void cancel(final CancelCommand command) {
        begin(command);
        applyCancel(command);
        end();
    }

    private void applyCancel(final CancelCommand command) {
        final int slot = books.ownedOrder(command.orderId(), command.firmId(), command.instrumentId());
        if (slot == OrderStore.NULL_SLOT) {
            events.cancelRejected(command.instrumentId(), command.orderId(), OrderStore.NULL_SLOT,
                RejectReason.UNKNOWN_ORDER, CommandType.CANCEL, command, command.buffer(), command.contextStart(),
                command.contextLength());
            return;
        }
        final OrderBook book = books.book(orders.bookId(slot));
        books.takeOff(book, slot);
        events.cancelled(slot, CancelReason.USER_REQUEST, command.buffer(), command.contextStart(),
            command.contextLength());
        books.release(slot);
    }

    /**
     * Cancel/replace. Quantity down at the same price keeps time priority; a new price, more quantity
     * or a new iceberg peak loses it, and the order may then trade at once; a quantity at or below the
     * filled quantity ends the order.
     */
    public void replace(final ReplaceCommand command) {
        begin(command);
        applyReplace(command);
        end();
    }

    private void applyReplace(final ReplaceCommand command) {
        replacer.replace(command);
    }

    /** Reports the state of a live order of the sender's firm; a not-live order is reported as such. */
    public void status(final StatusCommand command) {
        begin(command);
        applyStatus(command);
        end();
    }

    private void applyStatus(final StatusCommand command) {
        final int slot = books.ownedOrder(command.orderId(), command.firmId(), command.instrumentId());
        events.status(command.instrumentId(), command.orderId(), slot, command, command.buffer(),
            command.contextStart(), command.contextLength());
    }

    /**
     * Cancels every live order of an owner (session, firm or account), on one instrument or all, on
     * one side or both. Orders are cancelled book by book (ascending instrument id): resting orders
     * buy side first, best level first, in time priority; then waiting stops, buy stops first, in the
     * order they would trigger; then one MassCancelled event reports the count.
     */
    public void massCancel(final MassCancelCommand command) {
        begin(command);
        applyMassCancel(command);
        end();
    }

    private void applyMassCancel(final MassCancelCommand command) {
        sweeper.massCancel(command);
    }

    /**
     * A kill switch. On: the firm's (account 0) or account's switch is recorded and each of its live
     * orders is cancelled (reason KILL_SWITCH; book by book, resting orders buy side first, best price
     * first, in time priority, then waiting stops); from then on its new orders are rejected and its
     * replaces refused (KILL_SWITCH), and its orders restored at start of day fail; cancels still pass.
     * Off: the switch is removed (nothing comes back). Restate: each switch that is on is told again.
     * Each switch the command touches is one KillSwitchChanged event; a switch that does not fit
     * ({@link KillSwitches#CAPACITY}), or a command that names no firm or an unknown action, is refused
     * and changes nothing.
     */
    public void setKillSwitch(final SetKillSwitchCommand command) {
        begin(command);
        applySetKillSwitch(command);
        end();
    }

    private void applySetKillSwitch(final SetKillSwitchCommand command) {
        final int firm = command.firmId();
        final int account = command.accountId();
        final byte action = command.action();
        if (action == SetKillSwitchCommand.ACTION_RESTATE) {
            for (int i = 0; i < killSwitches.size(); i++) {
                events.killSwitchChanged(killSwitches.firmAt(i), killSwitches.accountAt(i), true,
                    KillSwitchChangedEvent.FLAG_RESTATED, 0);
            }
            return;
        }
        if (firm == 0 || (action != SetKillSwitchCommand.ACTION_ON && action != SetKillSwitchCommand.ACTION_OFF)) {
            events.killSwitchChanged(firm, account, killSwitches.contains(firm, account),
                KillSwitchChangedEvent.FLAG_REFUSED, 0);
            return;
        }
        if (action == SetKillSwitchCommand.ACTION_OFF) {
            killSwitches.remove(firm, account);
            events.killSwitchChanged(firm, account, false, 0, 0);
            return;
        }
        if (!killSwitches.add(firm, account)) {
            events.killSwitchChanged(firm, account, false, KillSwitchChangedEvent.FLAG_REFUSED, 0);
            return;
        }
        final long count = sweeper.killSwitchCancel(firm, account);
        events.killSwitchChanged(firm, account, true, 0, count);
    }

    /**
     * Moves one instrument, or all, to a trading phase; each change is a PhaseChanged event (a command
     * that changes nothing emits nothing). A scheduled change leaves a halted instrument halted. Leaving a call phase for continuous trading or closed
     * uncrosses the book first, as does a halted or closed book going to continuous trading (see
     * {@link TradingPhases}).
     */
    public void setPhase(final SetPhaseCommand command) {
        begin(command);
        applySetPhase(command);
        end();
    }

    private void applySetPhase(final SetPhaseCommand command) {
        final TradingPhase phase = command.phase();
        if (phase == null) {
            throw new IllegalArgumentException("unknown trading phase in " + command);
        }
        final int only = command.instrumentId();
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book != null && (only == Instrument.NULL_ID || only == id)
                && !(book.phase() == TradingPhase.HALTED && command.scheduled())) {
                phases.change(book, phase, PhaseChangedEvent.REASON_COMMAND);
            }
        }
    }

    /**
     * Ends the trading day. GTD orders that would expire before the next trading day starts (the
     * command's GTD horizon) expire first, earliest first (Cancelled, reason GTD_EXPIRED). Day and
     * auction-only orders (a Day market order left in a call book too) expire, book by book, resting
     * orders first (buy side first, best price first, in time
     * priority), then waiting stops (buy stops first, in trigger order), each with a Cancelled event
     * (reason END_OF_DAY). The GTC and GTD orders, waiting stops included, leave the books without an
     * event (they are not cancelled: they carry over to the next day through the GTC store, which
     * saves them from the event log, and come back with Restored events at start of day; a GTC market
     * order left in a call book, or a stop that triggered into one, comes back to the closed book and
     * joins the next uncross). Finally a
     * DayEnded event gives both counts. After it the engine holds no order, so a new day depends on
     * nothing journaled before it.
     */
    public void endOfDay(final EndOfDayCommand command) {
        begin(command);
        applyEndOfDay(command);
        end();
    }

    private void applyEndOfDay(final EndOfDayCommand command) {
        long expired = 0;
        final long horizonSeconds = command.gtdHorizonSeconds();
        if (horizonSeconds != 0) {
            // GTD orders that would expire before the next trading day starts cannot trade again: they expire now
            expired += sweeper.expireGtd(horizonSeconds * 1_000_000_000L - 1);
        }
        expired += sweeper.endOfDay();
        events.dayEnded(command.tradingDate(), expired, sweeper.carriedAtEndOfDay());
    }

    /**
     * Puts back an order of an earlier day at the back of its level, with its order id, fills and
     * context, and reports it (Restored). A stop that had not triggered waits again, behind the stops
     * already waiting at its stop price; one that had (restore flag TRIGGERED) rests as the order it
     * became; an iceberg shows a fresh peak. An order whose id is already live is left alone
     * (restoring twice changes nothing). An order that cannot be restored (unknown instrument, nothing
     * left, no room, or it would cross the book in continuous trading) is reported Cancelled with
     * reason RESTORE_FAILED, so that its owner is not left guessing.
     */
    public void restoreOrder(final RestoreOrderCommand command) {
        begin(command);
        applyRestoreOrder(command);
        end();
    }

    private void applyRestoreOrder(final RestoreOrderCommand command) {
        restorer.restoreAndReport(command);
        if (sweeper.hasGtdDue(nowNs)) {
            sweeper.expireGtd(nowNs); // a GTD order whose time passed while it was off the book expires at once
        }
    }

    /**
     * Writes the engine's whole state as snapshot records (see {@link SnapshotRecords}): counters and
     * clock, each book's state, every resting order in priority order, the kill switches that are on.
     * Loading it into a fresh engine
     * gives one that answers every later command exactly as this one would. Cold path: allocates, and
     * takes time proportional to the number of orders; matching thread only.
     *
     * @param out receives the records in order
     */
    public void writeSnapshot(final SnapshotWriter out) {
        assert checkOwner();
        final EngineSnapshot.Header header = new EngineSnapshot.Header();
        header.lastOrderId = entry.lastOrderId();
        header.nowNs = nowNs;
        header.lastCommandSequence = lastCommandSequence;
        snapshot.write(out, header);
    }

    /**
     * Loads a snapshot written by {@link #writeSnapshot} into this engine, which must be fresh (no
     * command applied) and configured with the same instruments and sizes. Cold path; matching thread
     * only.
     *
     * @param buffer holding the snapshot records back to back
     * @param offset of the first record
     * @param length of all the records
     * @throws IllegalStateException when the engine is not fresh, or the snapshot is incomplete,
     *         of another version or about other instruments
     */
    public void loadSnapshot(final DirectBuffer buffer, final int offset, final int length) {
        assert checkOwner();
        if (lastCommandSequence != 0 || orders.size() != 0) {
            throw new IllegalStateException("a snapshot loads only into a fresh engine");
        }
        final EngineSnapshot.Header header = snapshot.load(buffer, offset, length, restorer::restore);
        phases.recount();
        entry.lastOrderId(header.lastOrderId);
        nowNs = header.nowNs;
        lastCommandSequence = header.lastCommandSequence;
    }

    /** @return the sequence of the last command applied (or loaded from a snapshot), 0 when none */
    public long lastCommandSequence() {
        return lastCommandSequence;
    }

    /**
     * Visits the resting orders of one book: buy side then sell side, each best price first and in
     * time priority within a price. Cold path (tests, end of day, operators); matching thread only.
     *
     * @param instrumentId the book
     * @param visitor      called once per order with a reused view
     */
    public void forEachRestingOrder(final int instrumentId, final RestingOrderVisitor visitor) {
        final OrderBook book = books.book(instrumentId);
        if (book == null) {
            return;
        }
        visitSide(book, book.bids(), visitor);
        visitSide(book, book.asks(), visitor);
    }

    /**
     * Visits the waiting (untriggered) stop orders of one book: buy stops then sell stops, each in the
     * order they would trigger (nearest stop price first, then stop priority). Cold path (tests,
     * operators); matching thread only.
     *
     * @param instrumentId the book
     * @param visitor      called once per order with a reused view
     */
    public void forEachWaitingStop(final int instrumentId, final RestingOrderVisitor visitor) {
        final OrderBook book = books.book(instrumentId);
        if (book == null) {
            return;
        }
        visitSide(book, book.stops(false), books.stopLevels(), visitor);
        visitSide(book, book.stops(true), books.stopLevels(), visitor);
    }

    private void visitSide(final OrderBook book, final BookSide side, final RestingOrderVisitor visitor) {
        visitSide(book, side, books.levels(), visitor);
    }

    private void visitSide(final OrderBook book, final BookSide side, final LevelStore levels,
                           final RestingOrderVisitor visitor) {
        for (int depth = 0; depth < side.size(); depth++) {
            for (int slot = levels.head(side.levelAt(depth)); slot != OrderStore.NULL_SLOT; slot = orders.next(slot)) {
                final int flags = orders.flags(slot);
                final boolean hasExtras = (flags & OrderStore.HAS_EXTRAS) != 0;
                view.set(book.id(), orders.orderId(slot), flags, orders.price(slot),
                    hasExtras ? extras.stopPrice(slot) : 0, orders.orderQty(slot), orders.cumQty(slot),
                    orders.cumNotional(slot), books.visible(slot), hasExtras ? extras.peak(slot) : 0,
                    orders.sessionId(slot), orders.firmId(slot), orders.accountId(slot));
                visitor.visit(view);
            }
        }
    }

    private final RestingOrder view = new RestingOrder();

    /** @return the best bid price of a book (market orders of a call book aside), 0 when there is none. */
    public long bestBid(final int instrumentId) {
        return bestLimitPrice(books.book(instrumentId).bids());
    }

    /** @return the best offer price of a book (market orders of a call book aside), 0 when there is none. */
    public long bestAsk(final int instrumentId) {
        return bestLimitPrice(books.book(instrumentId).asks());
    }

    private long bestLimitPrice(final BookSide side) {
        for (int depth = 0; depth < side.size() && depth < 2; depth++) {
            final long price = books.levels().price(side.levelAt(depth));
            if (!Books.isMarketLevel(price)) {
                return price;
            }
        }
        return 0;
    }

    /** @return the price of the last trade in a book, 0 before the first. */
    public long lastTradePrice(final int instrumentId) {
        return books.book(instrumentId).lastTradePrice();
    }

    /** @return the trading phase of a book. */
    public TradingPhase phase(final int instrumentId) {
        return books.book(instrumentId).phase();
    }

    /** @return live orders across all books. */
    public int liveOrderCount() {
        return orders.size();
    }

    /** Package access for invariant checks in tests. */
    Books books() {
        return books;
    }
}
