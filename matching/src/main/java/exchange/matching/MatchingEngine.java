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
import exchange.matching.event.BookedEvent;
import exchange.matching.event.EventSink;
import exchange.matching.event.KillSwitchChangedEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

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
    private final ContinuousMatcher matcher;
    private final GtdExpiries gtdExpiries;
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
    private long lastOrderId;
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
        this.matcher = new ContinuousMatcher(books, events);
        this.gtdExpiries = new GtdExpiries(config.gtdCapacity());
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
        if (!gtdExpiries.isEmpty() && gtdExpiries.earliestTime() <= nowNs) {
            expireGtd();
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
    }

    /**
     * Enters a new order: validates it (a Rejected event names the first problem), accepts it, matches
     * it against the other side, then books, cancels or finishes what is left according to its type
     * and time in force.
     */
    public void newOrder(final NewOrderCommand command) {
        begin(command);
        final OrderBook book = books.book(command.instrumentId());
        final RejectReason reason = killSwitches.blocks(command.firmId(), command.accountId()) ? RejectReason.KILL_SWITCH
            : OrderValidator.validate(command, book, nowNs, lastOrderId);
        if (command.sequence() > lastOrderId) {
            lastOrderId = command.sequence();
        }
        if (reason != RejectReason.NONE) {
            events.rejected(command, reason);
            return;
        }
        final OrderType type = command.orderType();
        final TimeInForce tif = command.timeInForce();
        final boolean sell = command.side() == Side.SELL;
        final boolean mayRest = type != OrderType.MARKET && !tif.isImmediate();
        if (orders.isFull()) {
            events.rejected(command, RejectReason.ORDER_CAPACITY_EXCEEDED);
            return;
        }
        if (mayRest && !books.hasRoomAt(book, sell, command.price())) {
            events.rejected(command, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED);
            return;
        }
        if (tif == TimeInForce.GTD && gtdExpiries.isFull()) {
            gtdExpiries.compact(orders);
            if (gtdExpiries.isFull()) {
                events.rejected(command, RejectReason.ORDER_CAPACITY_EXCEEDED);
                return;
            }
        }
        final int slot = orders.allocate(command.sequence());
        orders.price(slot, type.hasLimitPrice() ? command.price() : 0);
        orders.orderQty(slot, command.quantity());
        orders.flags(slot, OrderStore.packFlags(book.id(), sell, type, tif, command.instructions()));
        orders.owner(slot, command.sessionId(), command.firmId(), command.accountId());
        events.accepted(slot, command);

        final long limit = matcher.limitOf(slot);
        if (tif == TimeInForce.FOK && !matcher.canFill(book, sell, limit, command.quantity())) {
            events.cancelled(slot, CancelReason.FOK_NOT_FILLED, null, 0, 0);
            books.release(slot);
            return;
        }
        matcher.match(book, slot, limit);
        finishAggressor(book, slot, BookedEvent.REASON_NEW, command.expireTimeNs());
    }

    /**
     * After an order has taken what it could: books the rest, cancels it (immediate and market
     * orders), or forgets the order when it is filled.
     */
    private void finishAggressor(final OrderBook book, final int slot, final int bookedReason,
                                 final long expireTimeNs) {
        if (orders.leavesQty(slot) == 0) {
            books.release(slot);
            return;
        }
        final int flags = orders.flags(slot);
        final OrderType type = OrderStore.type(flags);
        final TimeInForce tif = OrderStore.tif(flags);
        if (type == OrderType.MARKET || tif.isImmediate()) {
            final CancelReason why = type == OrderType.MARKET && tif != TimeInForce.IOC && tif != TimeInForce.FOK
                ? CancelReason.NO_LIQUIDITY : CancelReason.IOC_REMAINDER;
            events.cancelled(slot, why, null, 0, 0);
            books.release(slot);
            return;
        }
        books.rest(book, slot);
        events.booked(slot, books.visible(slot), bookedReason);
        if (tif == TimeInForce.GTD) {
            // The expire time lives only in the heap, keyed by order id (room was checked on entry).
            gtdExpiries.add(expireTimeNs, orders.orderId(slot));
        }
    }

    /** An order the gateway refused: a Rejected event with the gateway's reason, nothing else. */
    public void rejectOrder(final RejectOrderCommand command) {
        begin(command);
        final RejectReason reason = command.reason();
        events.rejected(command, reason == null || reason == RejectReason.NONE ? RejectReason.INVALID_FIELD : reason);
    }

    /** Cancels a live order of the sender's firm, or answers CancelRejected (unknown order). */
    public void cancel(final CancelCommand command) {
        begin(command);
        final int slot = ownedOrder(command.orderId(), command.firmId(), command.instrumentId());
        if (slot == OrderStore.NULL_SLOT) {
            events.cancelRejected(command.instrumentId(), command.orderId(), OrderStore.NULL_SLOT,
                RejectReason.UNKNOWN_ORDER, CommandType.CANCEL, command, command.buffer(), command.contextStart(),
                command.contextLength());
            return;
        }
        final OrderBook book = books.book(orders.bookId(slot));
        books.unbook(book, slot);
        events.cancelled(slot, CancelReason.USER_REQUEST, command.buffer(), command.contextStart(),
            command.contextLength());
        books.release(slot);
    }

    /**
     * Cancel/replace. Quantity down at the same price keeps time priority; a new price or more
     * quantity loses it, and the order may then trade at once; a quantity at or below the filled
     * quantity ends the order.
     */
    public void replace(final ReplaceCommand command) {
        begin(command);
        final int slot = ownedOrder(command.orderId(), command.firmId(), command.instrumentId());
        if (slot == OrderStore.NULL_SLOT) {
            replaceRejected(command, OrderStore.NULL_SLOT, RejectReason.UNKNOWN_ORDER);
            return;
        }
        final OrderBook book = books.book(orders.bookId(slot));
        final RejectReason reason = killSwitches.blocks(orders.firmId(slot), orders.accountId(slot))
            ? RejectReason.KILL_SWITCH : OrderValidator.validateReplace(command, orders.flags(slot), book);
        if (reason != RejectReason.NONE) {
            replaceRejected(command, slot, reason);
            return;
        }
        final boolean sell = orders.isSell(slot);
        final long oldPrice = orders.price(slot);
        final long oldQty = orders.orderQty(slot);
        final long oldVisible = books.visible(slot);
        final long newPrice = OrderStore.type(orders.flags(slot)).hasLimitPrice() ? command.price() : oldPrice;
        final long newQty = command.quantity();

        if (newQty <= orders.cumQty(slot)) {
            books.unbook(book, slot);
            orders.orderQty(slot, newQty);
            events.replaced(slot, oldPrice, oldQty, 0, oldVisible, false, command.buffer(), command.contextStart(),
                command.contextLength());
            books.release(slot);
            return;
        }
        if (newPrice == oldPrice && newQty <= oldQty) {
            books.levels().addQty(orders.level(slot), newQty - oldQty);
            orders.orderQty(slot, newQty);
            events.replaced(slot, oldPrice, oldQty, books.visible(slot), oldVisible, true, command.buffer(),
                command.contextStart(), command.contextLength());
            return;
        }
        if (newPrice != oldPrice && !books.hasRoomAt(book, sell, newPrice)) {
            replaceRejected(command, slot, RejectReason.PRICE_LEVEL_CAPACITY_EXCEEDED);
            return;
        }
        books.unbook(book, slot);
        orders.price(slot, newPrice);
        orders.orderQty(slot, newQty);
        events.replaced(slot, oldPrice, oldQty, books.visible(slot), oldVisible, false, command.buffer(),
            command.contextStart(), command.contextLength());
        matcher.match(book, slot, matcher.limitOf(slot));
        if (orders.leavesQty(slot) == 0) {
            books.release(slot);
            return;
        }
        books.rest(book, slot);
        events.booked(slot, books.visible(slot), BookedEvent.REASON_NEW);
    }

    private void replaceRejected(final ReplaceCommand command, final int slot, final RejectReason reason) {
        events.cancelRejected(command.instrumentId(), command.orderId(), slot, reason, CommandType.REPLACE,
            command, command.buffer(), command.contextStart(), command.contextLength());
    }

    /** Reports the state of a live order of the sender's firm; a not-live order is reported as such. */
    public void status(final StatusCommand command) {
        begin(command);
        final int slot = ownedOrder(command.orderId(), command.firmId(), command.instrumentId());
        events.status(command.instrumentId(), command.orderId(), slot, command, command.buffer(),
            command.contextStart(), command.contextLength());
    }

    /**
     * Cancels every live order of an owner (session, firm or account), on one instrument or all, on
     * one side or both. Orders are cancelled book by book (ascending instrument id), buy side first,
     * best level first, in time priority; then one MassCancelled event reports the count.
     */
    public void massCancel(final MassCancelCommand command) {
        begin(command);
        final int scope = command.scope();
        final byte side = command.sideCode();
        final CancelReason reason = command.reason() == null ? CancelReason.MASS_CANCEL : command.reason();
        long count = 0;
        final int only = command.instrumentId();
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null || (only != Instrument.NULL_ID && only != id)) {
                continue;
            }
            if (side != Side.SELL.code()) {
                count += cancelOwned(book, book.bids(), scope, command.sessionId(), command.firmId(), command.accountId(),
                    reason);
            }
            if (side != Side.BUY.code()) {
                count += cancelOwned(book, book.asks(), scope, command.sessionId(), command.firmId(), command.accountId(),
                    reason);
            }
        }
        events.massCancelled(only, command.sessionId(), command.firmId(), command.accountId(), scope, side, reason,
            count, command.buffer(), command.contextStart(), command.contextLength());
    }

    private long cancelOwned(final OrderBook book, final BookSide bookSide, final int scope, final int sessionId,
                             final int firmId, final int accountId, final CancelReason reason) {
        final LevelStore levels = books.levels();
        long count = 0;
        int depth = 0;
        while (depth < bookSide.size()) {
            final int level = bookSide.levelAt(depth);
            final int before = bookSide.size();
            int slot = levels.head(level);
            while (slot != OrderStore.NULL_SLOT) {
                final int next = orders.next(slot);
                if (owns(slot, scope, sessionId, firmId, accountId)) {
                    books.unbook(book, slot);
                    events.cancelled(slot, reason, null, 0, 0);
                    books.release(slot);
                    count++;
                }
                slot = next;
            }
            if (bookSide.size() == before) {
                depth++;
            }
        }
        return count;
    }

    private boolean owns(final int slot, final int scope, final int sessionId, final int firmId, final int accountId) {
        return switch (scope) {
            case MassCancelCommand.SCOPE_SESSION -> orders.sessionId(slot) == sessionId && orders.firmId(slot) == firmId;
            case MassCancelCommand.SCOPE_FIRM -> orders.firmId(slot) == firmId;
            case MassCancelCommand.SCOPE_ACCOUNT -> orders.firmId(slot) == firmId && orders.accountId(slot) == accountId;
            default -> false;
        };
    }

    /**
     * A kill switch. On: the firm's (account 0) or account's switch is recorded and each of its live
     * orders is cancelled (reason KILL_SWITCH; book by book, buy side first, best price first, in time
     * priority); from then on its new orders are rejected and its replaces refused (KILL_SWITCH), and its
     * orders restored at start of day fail; cancels still pass. Off: the switch is removed (nothing comes
     * back). Restate: each switch that is on is told again. Each switch the command touches is one
     * KillSwitchChanged event; a switch that does not fit ({@link KillSwitches#CAPACITY}), or a command
     * that names no firm or an unknown action, is refused and changes nothing.
     */
    public void setKillSwitch(final SetKillSwitchCommand command) {
        begin(command);
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
        final int scope = account == 0 ? MassCancelCommand.SCOPE_FIRM : MassCancelCommand.SCOPE_ACCOUNT;
        long count = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book != null) {
                count += cancelOwned(book, book.bids(), scope, 0, firm, account, CancelReason.KILL_SWITCH);
                count += cancelOwned(book, book.asks(), scope, 0, firm, account, CancelReason.KILL_SWITCH);
            }
        }
        events.killSwitchChanged(firm, account, true, 0, count);
    }

    /**
     * @return the slot of a live order of this firm on this instrument, or {@link OrderStore#NULL_SLOT}:
     *         another firm's order is as unknown as an order that never was
     */
    private int ownedOrder(final long orderId, final int firmId, final int instrumentId) {
        final int slot = orders.find(orderId);
        if (slot == OrderStore.NULL_SLOT || orders.firmId(slot) != (firmId & 0xFFFF)
            || orders.bookId(slot) != instrumentId) {
            return OrderStore.NULL_SLOT;
        }
        return slot;
    }

    /**
     * Moves one instrument, or all, to a trading phase; each change is a PhaseChanged event (a command
     * that changes nothing emits nothing).
     */
    public void setPhase(final SetPhaseCommand command) {
        begin(command);
        final TradingPhase phase = command.phase();
        if (phase == null) {
            throw new IllegalArgumentException("unknown trading phase in " + command);
        }
        final int only = command.instrumentId();
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null || (only != Instrument.NULL_ID && only != id)) {
                continue;
            }
            final TradingPhase previous = book.phase();
            if (previous != phase && !(previous == TradingPhase.HALTED && command.scheduled())) {
                book.phase(phase);
                events.phaseChanged(id, phase, previous);
            }
        }
    }

    /**
     * Ends the trading day. Day orders expire, book by book (buy side first, best price first, in time
     * priority), each with a Cancelled event (reason END_OF_DAY). Then the books are emptied: the GTC
     * and GTD orders leave them without an event (they are not cancelled: they carry over to the next
     * day through the GTC store, which saves them from the event log, and come back with Restored
     * events at start of day). Finally a DayEnded event gives both counts. After it the engine holds
     * no order, so a new day depends on nothing journaled before it.
     */
    public void endOfDay(final EndOfDayCommand command) {
        begin(command);
        final LevelStore levels = books.levels();
        long expired = 0;
        long carried = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null) {
                continue;
            }
            for (final BookSide side : book.sides()) {
                while (!side.isEmpty()) {
                    final int level = side.levelAt(0);
                    int slot = levels.head(level);
                    while (slot != OrderStore.NULL_SLOT) {
                        final int next = orders.next(slot);
                        final boolean survives = OrderStore.tif(orders.flags(slot)).survivesEndOfDay();
                        books.unbook(book, slot);
                        if (survives) {
                            carried++;
                        } else {
                            events.cancelled(slot, CancelReason.END_OF_DAY, null, 0, 0);
                            expired++;
                        }
                        books.release(slot);
                        slot = next;
                    }
                }
            }
        }
        events.dayEnded(command.tradingDate(), expired, carried);
    }

    /**
     * Puts back an order of an earlier day at the back of its level, with its order id, fills and
     * context, and reports it (Restored). An order whose id is already live is left alone (restoring
     * twice changes nothing). An order that cannot be restored (unknown instrument, nothing left, no
     * room, or it would cross the book in continuous trading) is reported Cancelled with reason
     * RESTORE_FAILED, so that its owner is not left guessing.
     */
    public void restoreOrder(final RestoreOrderCommand command) {
        begin(command);
        if (orders.find(command.orderId()) != OrderStore.NULL_SLOT) {
            return; // already on the book: restoring twice changes nothing
        }
        final int slot = restore(command);
        if (slot == OrderStore.NULL_SLOT) {
            events.restoreFailed(command);
            return;
        }
        events.restored(slot, books.visible(slot), command);
        if (!gtdExpiries.isEmpty() && gtdExpiries.earliestTime() <= nowNs) {
            expireGtd(); // a GTD order whose time passed while it was off the book expires at once
        }
    }

    /** @return the restored order's slot, or {@link OrderStore#NULL_SLOT} when it cannot be restored */
    private int restore(final RestoreOrderCommand command) {
        final OrderBook book = books.book(command.instrumentId());
        final Side side = command.side();
        final OrderType type = command.orderType();
        final TimeInForce tif = command.timeInForce();
        if (book == null || side == null || type == null || tif == null || !type.hasLimitPrice()
            || command.price() <= 0 || command.orderQty() <= command.cumQty() || command.cumQty() < 0
            || command.displayQty() != 0 || orders.isFull() || orders.find(command.orderId()) != OrderStore.NULL_SLOT
            || killSwitches.blocks(command.firmId(), command.accountId())) {
            return OrderStore.NULL_SLOT;
        }
        final boolean sell = side == Side.SELL;
        if (!books.hasRoomAt(book, sell, command.price())) {
            return OrderStore.NULL_SLOT;
        }
        if (book.phase() == TradingPhase.CONTINUOUS) {
            final int contra = book.contra(sell).best();
            if (contra != LevelStore.NULL_LEVEL && crosses(sell, command.price(), books.levels().price(contra))) {
                return OrderStore.NULL_SLOT;
            }
        }
        if (tif == TimeInForce.GTD && gtdExpiries.isFull()) {
            gtdExpiries.compact(orders);
            if (gtdExpiries.isFull()) {
                return OrderStore.NULL_SLOT;
            }
        }
        final int slot = orders.allocate(command.orderId());
        orders.price(slot, command.price());
        orders.orderQty(slot, command.orderQty());
        orders.restoreFills(slot, command.cumQty(), command.cumNotional());
        orders.flags(slot, OrderStore.packFlags(book.id(), sell, type, tif, command.instructions()));
        orders.owner(slot, command.sessionId(), command.firmId(), command.accountId());
        books.rest(book, slot);
        if (tif == TimeInForce.GTD) {
            gtdExpiries.add(command.expireTimeNs(), command.orderId());
        }
        return slot;
    }

    private static boolean crosses(final boolean sell, final long price, final long contraPrice) {
        return sell ? contraPrice >= price : contraPrice <= price;
    }

    /**
     * Writes the engine's whole state as snapshot records (see {@link SnapshotRecords}): counters and
     * clock, each book's phase and last trade, every resting order in priority order, the kill switches
     * that are on. Loading it into a fresh engine gives one that answers every later command exactly as
     * this one would. Cold path:
     * allocates, and takes time proportional to the number of orders; matching thread only.
     *
     * @param out receives the records in order
     */
    public void writeSnapshot(final SnapshotWriter out) {
        assert checkOwner();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[512]);
        final Long2LongHashMap expiries = new Long2LongHashMap(0);
        for (int i = 0; i < gtdExpiries.size(); i++) {
            expiries.put(gtdExpiries.orderIdAt(i), gtdExpiries.timeAt(i));
        }
        int bookCount = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            if (books.book(id) != null) {
                bookCount++;
            }
        }
        record.setMemory(0, SnapshotRecords.HEADER_LENGTH, (byte) 0);
        record.putShort(0, (short) SnapshotRecords.HEADER_LENGTH);
        record.putByte(2, (byte) SnapshotRecords.HEADER_TYPE);
        record.putInt(SnapshotRecords.HEADER_VERSION, SnapshotRecords.VERSION);
        record.putLong(SnapshotRecords.HEADER_NEXT_EXEC_ID, events.nextExecId());
        record.putLong(SnapshotRecords.HEADER_NEXT_MATCH_ID, events.nextMatchId());
        record.putLong(SnapshotRecords.HEADER_LAST_ORDER_ID, lastOrderId);
        record.putLong(SnapshotRecords.HEADER_NOW, nowNs);
        record.putLong(SnapshotRecords.HEADER_LAST_SEQUENCE, lastCommandSequence);
        record.putInt(SnapshotRecords.HEADER_BOOKS, bookCount);
        out.write(record, 0, SnapshotRecords.HEADER_LENGTH);
        long orderCount = 0;
        final RestoreOrderCommand order = new RestoreOrderCommand();
        order.wrap(record, 0);
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null) {
                continue;
            }
            record.setMemory(0, SnapshotRecords.BOOK_LENGTH, (byte) 0);
            record.putShort(0, (short) SnapshotRecords.BOOK_LENGTH);
            record.putByte(2, (byte) SnapshotRecords.BOOK_TYPE);
            record.putInt(SnapshotRecords.BOOK_INSTRUMENT, id);
            record.putByte(SnapshotRecords.BOOK_PHASE, book.phase().code());
            record.putLong(SnapshotRecords.BOOK_LAST_TRADE, book.lastTradePrice());
            out.write(record, 0, SnapshotRecords.BOOK_LENGTH);
            for (final BookSide side : book.sides()) {
                for (int depth = 0; depth < side.size(); depth++) {
                    for (int slot = books.levels().head(side.levelAt(depth)); slot != OrderStore.NULL_SLOT;
                         slot = orders.next(slot)) {
                        writeOrder(order, book, slot, expiries);
                        out.write(record, 0, order.length());
                        orderCount++;
                    }
                }
            }
        }
        for (int i = 0; i < killSwitches.size(); i++) {
            record.setMemory(0, SnapshotRecords.KILL_SWITCH_LENGTH, (byte) 0);
            record.putShort(0, (short) SnapshotRecords.KILL_SWITCH_LENGTH);
            record.putByte(2, (byte) SnapshotRecords.KILL_SWITCH_TYPE);
            record.putInt(SnapshotRecords.KILL_SWITCH_FIRM, killSwitches.firmAt(i));
            record.putInt(SnapshotRecords.KILL_SWITCH_ACCOUNT, killSwitches.accountAt(i));
            out.write(record, 0, SnapshotRecords.KILL_SWITCH_LENGTH);
        }
        record.setMemory(0, SnapshotRecords.END_LENGTH, (byte) 0);
        record.putShort(0, (short) SnapshotRecords.END_LENGTH);
        record.putByte(2, (byte) SnapshotRecords.END_TYPE);
        record.putLong(SnapshotRecords.END_ORDERS, orderCount);
        out.write(record, 0, SnapshotRecords.END_LENGTH);
    }

    private void writeOrder(final RestoreOrderCommand order, final OrderBook book, final int slot,
                            final Long2LongHashMap expiries) {
        final int flags = orders.flags(slot);
        order.init();
        order.instrumentId(book.id()).sessionId(orders.sessionId(slot)).firmId(orders.firmId(slot));
        order.orderId(orders.orderId(slot))
            .accountId(orders.accountId(slot))
            .side(orders.isSell(slot) ? Side.SELL : Side.BUY)
            .orderType(OrderStore.type(flags))
            .timeInForce(OrderStore.tif(flags))
            .instructions(OrderStore.instructions(flags))
            .price(orders.price(slot))
            .orderQty(orders.orderQty(slot))
            .cumQty(orders.cumQty(slot))
            .cumNotional(orders.cumNotional(slot))
            .expireTimeNs(expiries.get(orders.orderId(slot)));
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
        final UnsafeBuffer records = new UnsafeBuffer(buffer, offset, length);
        final RestoreOrderCommand order = new RestoreOrderCommand();
        int at = 0;
        boolean ended = false;
        while (at < length && !ended) {
            final int recordLength = records.getShort(at) & 0xFFFF;
            final int type = records.getByte(at + 2) & 0xFF;
            if (recordLength < 3 || at + recordLength > length) {
                throw new IllegalStateException("truncated snapshot record at byte " + at);
            }
            switch (type) {
                case SnapshotRecords.HEADER_TYPE -> {
                    final int version = records.getInt(at + SnapshotRecords.HEADER_VERSION);
                    if (version != SnapshotRecords.VERSION) {
                        throw new IllegalStateException("snapshot format " + version + ", expected " + SnapshotRecords.VERSION);
                    }
                    events.counters(records.getLong(at + SnapshotRecords.HEADER_NEXT_EXEC_ID),
                        records.getLong(at + SnapshotRecords.HEADER_NEXT_MATCH_ID));
                    lastOrderId = records.getLong(at + SnapshotRecords.HEADER_LAST_ORDER_ID);
                    nowNs = records.getLong(at + SnapshotRecords.HEADER_NOW);
                    lastCommandSequence = records.getLong(at + SnapshotRecords.HEADER_LAST_SEQUENCE);
                }
                case SnapshotRecords.BOOK_TYPE -> {
                    final int id = records.getInt(at + SnapshotRecords.BOOK_INSTRUMENT);
                    final OrderBook book = books.book(id);
                    if (book == null) {
                        throw new IllegalStateException("snapshot has instrument " + id + ", which is not configured");
                    }
                    book.phase(TradingPhase.fromCode(records.getByte(at + SnapshotRecords.BOOK_PHASE)));
                    book.lastTradePrice(records.getLong(at + SnapshotRecords.BOOK_LAST_TRADE));
                }
                case SnapshotRecords.KILL_SWITCH_TYPE -> {
                    if (!killSwitches.add(records.getInt(at + SnapshotRecords.KILL_SWITCH_FIRM),
                        records.getInt(at + SnapshotRecords.KILL_SWITCH_ACCOUNT))) {
                        throw new IllegalStateException("snapshot has more kill switches than the engine holds");
                    }
                }
                case SnapshotRecords.END_TYPE -> {
                    ended = true;
                    final long expected = records.getLong(at + SnapshotRecords.END_ORDERS);
                    if (expected != orders.size()) {
                        throw new IllegalStateException("snapshot lists " + expected + " orders, loaded " + orders.size());
                    }
                }
                default -> {
                    if (type != SnapshotRecords.ORDER_TYPE) {
                        throw new IllegalStateException("unknown snapshot record type " + type + " at byte " + at);
                    }
                    order.wrap(records, at);
                    if (restore(order) == OrderStore.NULL_SLOT) {
                        throw new IllegalStateException("snapshot order cannot be restored: " + order);
                    }
                }
            }
            at += recordLength;
        }
        if (!ended) {
            throw new IllegalStateException("snapshot has no end record");
        }
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

    private void visitSide(final OrderBook book, final BookSide side, final RestingOrderVisitor visitor) {
        final LevelStore levels = books.levels();
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

    /** @return the best bid price of a book, 0 when there is none. */
    public long bestBid(final int instrumentId) {
        final int level = books.book(instrumentId).bids().best();
        return level == LevelStore.NULL_LEVEL ? 0 : books.levels().price(level);
    }

    /** @return the best offer price of a book, 0 when there is none. */
    public long bestAsk(final int instrumentId) {
        final int level = books.book(instrumentId).asks().best();
        return level == LevelStore.NULL_LEVEL ? 0 : books.levels().price(level);
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

    private void expireGtd() {
        while (!gtdExpiries.isEmpty() && gtdExpiries.earliestTime() <= nowNs) {
            final long orderId = gtdExpiries.earliestOrderId();
            gtdExpiries.removeEarliest();
            final int slot = orders.find(orderId);
            if (slot != OrderStore.NULL_SLOT) {
                books.unbook(books.book(orders.bookId(slot)), slot);
                events.cancelled(slot, CancelReason.GTD_EXPIRED, null, 0, 0);
                books.release(slot);
            }
        }
    }
}
