package exchange.marketdata.translator;

import exchange.marketdata.itch.ItchWire;
import exchange.matching.Instrument;
import exchange.matching.Side;
import exchange.matching.TradingPhase;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.AuctionUncrossedEvent;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventHandler;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import exchange.matching.event.TriggeredEvent;

import java.util.List;

/**
 * Turns the engine's events into ITCH 5.0 messages: the order-by-order feed of every book. The
 * mapping, in short (README "Market data" has the full table):
 * <ul>
 *   <li>Booked, Restored: Add Order (A) of the displayed quantity, under a new Order Reference Number
 *   each time an order is shown again (an iceberg's new peak, a replace that lost priority).</li>
 *   <li>Trade: Order Executed (E) of the resting order, or Order Executed With Price (C) when the
 *   print is not its displayed price; in an auction, C (non-printable) for each side the feed shows;
 *   Trade (P, reference 0) for what the feed never showed (an iceberg's reserve).</li>
 *   <li>Cancelled: Order Delete (D), or nothing for an order never shown (IOC, FOK, market).</li>
 *   <li>Replaced keeping priority with fewer shares: Order Cancel (X) of the difference. Replaced
 *   losing priority is held until the next event: a Booked of the same order makes one Order Replace
 *   (U); anything else, an Order Delete first.</li>
 *   <li>PhaseChanged: Stock Trading Action (H) when the state shown changes ({@link TradingStates}),
 *   and System Event Q (start of market hours) / M (end of market hours) as the market opens and
 *   closes.</li>
 *   <li>DayEnded: Order Delete for every order still shown (the engine has emptied its books), then
 *   System Events M (if open), E and C.</li>
 *   <li>AuctionIndicative: Net Order Imbalance Indicator (I); AuctionUncrossed: Cross Trade (Q);
 *   Restated (self-trade decrement): Order Cancel (X) of the displayed shares that went, or Order
 *   Delete. Triggered: nothing (a waiting stop is not shown); the Booked of the order it became, if it
 *   rests, is an Add Order. An iceberg shows only its peak: each refresh is a new Add Order.</li>
 * </ul>
 * A session starts with {@link #startSession}: System Events O and S, a Stock Directory (R) and a
 * Stock Trading Action (H) per instrument, and Q if an instrument is already trading. Stock Locate is
 * the engine's instrument id; the Timestamp is the event's command time stamp as nanoseconds since
 * midnight of the session's trading day.
 *
 * <p>An order whose price or displayed shares do not fit ITCH ({@code Price(4)} and shares are
 * unsigned 32-bit) is not shown, and a print that does not fit is not sent; both are counted
 * ({@link #unpublishedOrders()}, {@link #unpublishedPrints()}).
 *
 * <p>The auction messages and the restatement are also methods that take primitive fields:
 * {@link #onIndicative} (NOII) and {@link #onUncrossed} (Cross Trade), and {@link #onRestated} for a
 * displayed quantity the exchange reduced; the engine's events call them.
 *
 * <p>Deterministic: the same events after the same {@link #startSession} give the same bytes, so a
 * restart can regenerate a session and compare. Translator thread only. Never allocates after
 * construction.
 */
public final class ItchTranslator implements EventHandler {
    /** Largest price ITCH can carry: {@code Price(4)} is an unsigned 32-bit count of 1/10,000. */
    public static final long MAX_PRICE = ItchWire.MAX_UINT32;

    /** Largest share count of an Add Order, an execution or a Trade (P). */
    public static final long MAX_SHARES = ItchWire.MAX_UINT32;

    private static final int NO_PENDING = DisplayedOrders.NOT_SHOWN;

    private final ItchWriter out;
    private final DisplayedOrders shown;
    private final int[] instrumentIds;
    private final long[] lotSizes;
    private final TradingPhase[] phases;
    private final char[] shownStates;

    private boolean sessionOpen;
    private boolean marketOpen;
    private long midnightEpochNs;
    private long nextReference;
    private int pendingReplace = NO_PENDING;
    private long pendingReplaceTimestampNs;
    private long unpublishedOrders;
    private long unpublishedPrints;
    private long unknownInstrumentEvents;

    /**
     * @param instruments   the shard's instruments; each one's id is its Stock Locate
     * @param orderCapacity most orders shown at once: the engine's order capacity
     * @param sink          receives every message, on the calling thread
     */
    public ItchTranslator(final List<Instrument> instruments, final int orderCapacity, final ItchSink sink) {
        int maxId = 0;
        for (final Instrument instrument : instruments) {
            maxId = Math.max(maxId, instrument.id());
        }
        final long[] stockCodes = new long[maxId + 1];
        lotSizes = new long[maxId + 1];
        phases = new TradingPhase[maxId + 1];
        shownStates = new char[maxId + 1];
        instrumentIds = instruments.stream().mapToInt(Instrument::id).sorted().distinct().toArray();
        if (instrumentIds.length != instruments.size()) {
            throw new IllegalArgumentException("instrument ids must be distinct: " + instruments);
        }
        for (final Instrument instrument : instruments) {
            if (instrument.lotSize() > MAX_SHARES) {
                throw new IllegalArgumentException(instrument + ": lot size does not fit ITCH's Round Lot Size");
            }
            stockCodes[instrument.id()] = ItchWire.packAlpha8(instrument.symbol());
            lotSizes[instrument.id()] = instrument.lotSize();
            phases[instrument.id()] = TradingPhase.CONTINUOUS; // a new engine's books start continuous
        }
        this.out = new ItchWriter(sink, stockCodes);
        this.shown = new DisplayedOrders(orderCapacity);
    }

    /**
     * Sets the phase an instrument is in before the next session starts (restoring where an earlier run
     * left off); without it an instrument is taken to be CONTINUOUS, as a new engine's books are.
     */
    public void phase(final int instrumentId, final TradingPhase phase) {
        if (!isKnown(instrumentId)) {
            throw new IllegalArgumentException("unknown instrument " + instrumentId);
        }
        phases[instrumentId] = phase;
    }

    /** @return the phase of an instrument as its events have told. */
    public TradingPhase phase(final int instrumentId) {
        return phases[instrumentId];
    }

    /** @return the instrument ids, ascending. Allocates a copy. */
    public int[] instrumentIds() {
        return instrumentIds.clone();
    }

    /**
     * Starts a session (a trading day): Order Reference Numbers start again at 1 and the prologue goes
     * out, System Events O and S, then a Stock Directory and a Stock Trading Action per instrument in id
     * order, then System Event Q if an instrument is already trading.
     *
     * @param midnightEpochNs midnight of the session's trading day, ns since the epoch: ITCH timestamps
     *                        count from it
     * @param timestampNs     time of the prologue, ns since the epoch (the first event's time stamp)
     * @throws IllegalStateException if a session is open
     */
    public void startSession(final long midnightEpochNs, final long timestampNs) {
        if (sessionOpen) {
            throw new IllegalStateException("a session is already open");
        }
        sessionOpen = true;
        marketOpen = false;
        this.midnightEpochNs = midnightEpochNs;
        nextReference = 1;
        pendingReplace = NO_PENDING;
        shown.clear();
        final long t = itchTime(timestampNs);
        out.systemEvent(t, SystemEvents.START_OF_MESSAGES);
        out.systemEvent(t, SystemEvents.START_OF_SYSTEM_HOURS);
        for (final int id : instrumentIds) {
            out.stockDirectory(id, t, lotSizes[id]);
        }
        boolean anyTrading = false;
        for (final int id : instrumentIds) {
            shownStates[id] = TradingStates.tradingState(phases[id]);
            out.tradingAction(id, t, shownStates[id]);
            anyTrading |= phases[id] == TradingPhase.CONTINUOUS;
        }
        if (anyTrading) {
            out.systemEvent(t, SystemEvents.START_OF_MARKET_HOURS);
            marketOpen = true;
        }
    }

    /** @return whether a session is open: started and its DayEnded not yet seen. */
    public boolean isSessionOpen() {
        return sessionOpen;
    }

    @Override
    public void onBooked(final BookedEvent event) {
        show(event.instrumentId(), event.orderId(), event.side() == Side.BUY, event.price(), event.visibleQty(),
            event.timestampNs());
    }

    @Override
    public void onRestored(final RestoredEvent event) {
        show(event.instrumentId(), event.orderId(), event.side() == Side.BUY, event.price(), event.visibleQty(),
            event.timestampNs());
    }

    @Override
    public void onTrade(final TradeEvent event) {
        settlePendingReplace();
        if (!isKnownInSession(event.instrumentId())) {
            return;
        }
        final long t = itchTime(event.timestampNs());
        if (event.auction()) {
            executeInCross(event.buy(), event, t);
            executeInCross(event.sell(), event, t);
            return;
        }
        final TradeParty passive = event.passive();
        final int slot = shown.find(passive.orderId());
        long shownExecuted = 0;
        if (slot != DisplayedOrders.NOT_SHOWN && (event.flags() & TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED) == 0) {
            shownExecuted = Math.min(event.quantity(), shown.shares(slot));
            if (event.price() == shown.price(slot)) {
                out.orderExecuted(shown.locate(slot), t, shown.reference(slot), shownExecuted, event.matchId());
            } else if (fitsPrice(event.price())) {
                out.orderExecutedWithPrice(shown.locate(slot), t, shown.reference(slot), shownExecuted,
                    event.matchId(), true, event.price());
            } else {
                unpublishedPrints++;
                out.orderCancel(shown.locate(slot), t, shown.reference(slot), shownExecuted);
            }
            takeOff(slot, shownExecuted);
        }
        final long hiddenExecuted = event.quantity() - shownExecuted;
        if (hiddenExecuted > 0) {
            if (fitsPrice(event.price()) && hiddenExecuted <= MAX_SHARES) {
                out.trade(event.instrumentId(), t, passive.side() == Side.BUY, hiddenExecuted, event.price(),
                    event.matchId());
            } else {
                unpublishedPrints++;
            }
        }
        reconcile(passive, t);
        reconcile(event.aggressor(), t);
    }

    /** An auction execution: each side the feed shows is executed at the cross price, non-printable. */
    private void executeInCross(final TradeParty party, final TradeEvent event, final long t) {
        final int slot = shown.find(party.orderId());
        if (slot != DisplayedOrders.NOT_SHOWN) {
            final long executed = Math.min(event.quantity(), shown.shares(slot));
            if (fitsPrice(event.price())) {
                // The Cross Trade (Q) prints the cross; its executions must not be counted again.
                out.orderExecutedWithPrice(shown.locate(slot), t, shown.reference(slot), executed, event.matchId(),
                    false, event.price());
            } else {
                unpublishedPrints++;
                out.orderCancel(shown.locate(slot), t, shown.reference(slot), executed);
            }
            takeOff(slot, executed);
        }
        reconcile(party, t);
    }

    @Override
    public void onCancelled(final CancelledEvent event) {
        settlePendingReplace();
        final int slot = shown.find(event.orderId());
        if (slot != DisplayedOrders.NOT_SHOWN) {
            delete(slot, itchTime(event.timestampNs()));
        }
    }

    @Override
    public void onReplaced(final ReplacedEvent event) {
        settlePendingReplace();
        final int slot = shown.find(event.orderId());
        if (slot == DisplayedOrders.NOT_SHOWN) {
            return; // never shown; a Booked that follows shows it
        }
        final long t = itchTime(event.timestampNs());
        if (event.leavesQty() == 0) {
            delete(slot, t); // replaced down to what was already filled: the order is done
        } else if (!event.priorityKept() || event.price() != shown.price(slot)) {
            pendingReplace = slot; // an Order Replace if the next event books it, else an Order Delete
            pendingReplaceTimestampNs = event.timestampNs();
        } else if (event.visibleQty() > shown.shares(slot)) {
            replace(slot, event.price(), event.visibleQty(), t); // more shown in place: cannot be an X
        } else {
            reduceTo(slot, event.visibleQty(), t);
        }
    }

    @Override
    public void onPhaseChanged(final PhaseChangedEvent event) {
        settlePendingReplace();
        final int id = event.instrumentId();
        if (!isKnown(id) || event.phase() == null) {
            unknownInstrumentEvents++;
            return;
        }
        phases[id] = event.phase();
        if (!sessionOpen) {
            return;
        }
        final long t = itchTime(event.timestampNs());
        if (event.phase() == TradingPhase.CONTINUOUS && !marketOpen) {
            out.systemEvent(t, SystemEvents.START_OF_MARKET_HOURS);
            marketOpen = true;
        }
        final char state = TradingStates.tradingState(event.phase());
        if (state != shownStates[id]) {
            shownStates[id] = state;
            out.tradingAction(id, t, state);
        }
        if (event.phase() == TradingPhase.CLOSED && marketOpen && allClosed()) {
            out.systemEvent(t, SystemEvents.END_OF_MARKET_HOURS);
            marketOpen = false;
        }
    }

    @Override
    public void onDayEnded(final DayEndedEvent event) {
        settlePendingReplace();
        if (!sessionOpen) {
            return;
        }
        final long t = itchTime(event.timestampNs());
        // The engine took the good-till orders off its books without an event: so does the feed.
        for (int slot = 0; slot < shown.slotLimit(); slot++) {
            if (shown.isLive(slot)) {
                delete(slot, t);
            }
        }
        if (marketOpen) {
            out.systemEvent(t, SystemEvents.END_OF_MARKET_HOURS);
            marketOpen = false;
        }
        out.systemEvent(t, SystemEvents.END_OF_SYSTEM_HOURS);
        out.systemEvent(t, SystemEvents.END_OF_MESSAGES);
        sessionOpen = false;
    }

    /**
     * An auction's indicative state: a Net Order Imbalance Indicator (I). Far, near and current
     * reference price are all the indicative uncross price (every order in a call phase takes part in
     * the cross); with no indicative price the direction is O (insufficient orders) and the prices 0.
     *
     * @param timestampNs      ns since the epoch (the event's command time stamp)
     * @param indicativePrice  the price that would uncross now, 1/10,000; 0 when nothing would
     * @param pairedShares     shares that would match at it
     * @param imbalanceShares  shares left unmatched at it
     * @param imbalanceSide    FIX side code of the unmatched shares (1 buy, 2 sell), 0 when none
     * @param crossType        {@link TradingStates#crossType(TradingPhase)} of the auction
     */
    public void onIndicative(final int instrumentId, final long timestampNs, final long indicativePrice,
        final long pairedShares, final long imbalanceShares, final byte imbalanceSide, final char crossType) {
        settlePendingReplace();
        if (!isKnownInSession(instrumentId)) {
            return;
        }
        if (!fitsPrice(indicativePrice)) {
            unpublishedPrints++;
            return;
        }
        final boolean priced = indicativePrice > 0;
        final char direction = !priced ? 'O' : imbalanceShares == 0 ? 'N'
            : imbalanceSide == Side.BUY.code() ? 'B' : 'S';
        // Near price = reference price, so the deviation is under 1% (L); space when there is no price.
        out.imbalance(instrumentId, itchTime(timestampNs), pairedShares, imbalanceShares, direction,
            priced ? indicativePrice : 0, crossType, priced ? 'L' : ' ');
    }

    /**
     * An auction uncrossed: a Cross Trade (Q) that prints its whole volume (the executions of the
     * orders in it went out as non-printable Order Executed With Price). Sent with 0 shares too, as
     * Nasdaq does when nothing crossed.
     *
     * @param timestampNs ns since the epoch (the event's command time stamp)
     * @param crossPrice  1/10,000
     * @param shares      total shares crossed
     * @param matchNumber the cross's match number
     * @param crossType   {@link TradingStates#crossType(TradingPhase)} of the auction
     */
    public void onUncrossed(final int instrumentId, final long timestampNs, final long crossPrice, final long shares,
        final long matchNumber, final char crossType) {
        settlePendingReplace();
        if (!isKnownInSession(instrumentId)) {
            return;
        }
        if (!fitsPrice(crossPrice)) {
            unpublishedPrints++;
            return;
        }
        out.crossTrade(instrumentId, itchTime(timestampNs), shares, crossPrice, matchNumber, crossType);
    }

    /**
     * The exchange reduced a live order without a trade (self-trade prevention's decrement): an Order
     * Cancel of the displayed shares that went, or an Order Delete when none are left shown.
     *
     * @param visibleQty  displayed quantity left on the book
     * @param timestampNs ns since the epoch (the event's command time stamp)
     */
    public void onRestated(final long orderId, final long visibleQty, final long timestampNs) {
        settlePendingReplace();
        final int slot = shown.find(orderId);
        if (slot != DisplayedOrders.NOT_SHOWN && visibleQty < shown.shares(slot)) {
            reduceTo(slot, visibleQty, itchTime(timestampNs));
        }
    }

    @Override
    public void onAuctionIndicative(final AuctionIndicativeEvent event) {
        final byte side = event.imbalanceSide();
        onIndicative(event.instrumentId(), event.timestampNs(), event.price(), event.pairedQty(), event.imbalanceQty(),
            side == AuctionIndicativeEvent.IMBALANCE_BUY ? Side.BUY.code()
                : side == AuctionIndicativeEvent.IMBALANCE_SELL ? Side.SELL.code() : 0,
            crossTypeOf(event.phase()));
    }

    @Override
    public void onAuctionUncrossed(final AuctionUncrossedEvent event) {
        onUncrossed(event.instrumentId(), event.timestampNs(), event.price(), event.quantity(), event.matchId(),
            crossTypeOf(event.phase()));
    }

    @Override
    public void onRestated(final RestatedEvent event) {
        onRestated(event.orderId(), event.leavesQty() == 0 ? 0 : event.visibleQty(), event.timestampNs());
    }

    private static char crossTypeOf(final TradingPhase phase) {
        return phase == null ? TradingStates.CROSS_INTRADAY : TradingStates.crossType(phase);
    }

    // Events with nothing to publish still end a held replace: it was not followed by its Booked.

    @Override
    public void onTriggered(final TriggeredEvent event) {
        settlePendingReplace();
    }

    @Override
    public void onAccepted(final AcceptedEvent event) {
        settlePendingReplace();
    }

    @Override
    public void onRejected(final RejectedEvent event) {
        settlePendingReplace();
    }

    @Override
    public void onCancelRejected(final CancelRejectedEvent event) {
        settlePendingReplace();
    }

    @Override
    public void onStatus(final StatusEvent event) {
        settlePendingReplace();
    }

    @Override
    public void onMassCancelled(final MassCancelledEvent event) {
        settlePendingReplace();
    }

    /** @return true while a replace that lost priority waits for the next event. */
    public boolean hasPendingReplace() {
        return pendingReplace != NO_PENDING;
    }

    /** @return orders shown now. */
    public int shownOrders() {
        return shown.size();
    }

    /** @return messages written since construction. */
    public long messages() {
        return out.messages();
    }

    /** @return orders not shown because their price or displayed shares do not fit ITCH. */
    public long unpublishedOrders() {
        return unpublishedOrders;
    }

    /** @return prints (P, Q, C, I) not sent because a price or share count does not fit ITCH. */
    public long unpublishedPrints() {
        return unpublishedPrints;
    }

    /** @return events about instruments the translator was not given, ignored. */
    public long unknownInstrumentEvents() {
        return unknownInstrumentEvents;
    }

    private void show(final int instrumentId, final long orderId, final boolean buy, final long price,
        final long visibleQty, final long timestampNs) {
        final int pending = pendingReplace;
        pendingReplace = NO_PENDING;
        final boolean replacing = pending != NO_PENDING && shown.orderId(pending) == orderId;
        if (pending != NO_PENDING && !replacing) {
            delete(pending, itchTime(pendingReplaceTimestampNs));
        }
        if (!isKnownInSession(instrumentId)) {
            return;
        }
        final long t = itchTime(timestampNs);
        final int slot = replacing ? pending : shown.find(orderId);
        if (visibleQty <= 0 || !fitsPrice(price) || visibleQty > MAX_SHARES) {
            if (visibleQty > 0) {
                unpublishedOrders++;
            }
            if (slot != DisplayedOrders.NOT_SHOWN) {
                delete(slot, t);
            }
            return;
        }
        if (slot == DisplayedOrders.NOT_SHOWN) {
            final long reference = nextReference++;
            out.addOrder(instrumentId, t, reference, buy, visibleQty, price);
            shown.add(orderId, reference, instrumentId, buy, price, visibleQty);
        } else if (shown.isBuy(slot) != buy) {
            delete(slot, t); // an Order Replace keeps the side
            show(instrumentId, orderId, buy, price, visibleQty, timestampNs);
        } else if (replacing || shown.price(slot) != price || shown.shares(slot) != visibleQty) {
            replace(slot, price, visibleQty, t);
        }
        // else: shown already exactly so (a restored order booked again): nothing to say
    }

    /** Shows an order anew under a new reference: an Order Replace, which puts it at the back. */
    private void replace(final int slot, final long price, final long visibleQty, final long t) {
        final long reference = nextReference++;
        out.orderReplace(shown.locate(slot), t, shown.reference(slot), reference, visibleQty, price);
        shown.replace(slot, reference, price, visibleQty);
    }

    /** Brings an order's shown shares down to what the engine shows now, if that is fewer. */
    private void reconcile(final TradeParty party, final long t) {
        final int slot = shown.find(party.orderId());
        if (slot != DisplayedOrders.NOT_SHOWN) {
            reduceTo(slot, party.leavesQty() == 0 ? 0 : party.visibleQty(), t);
        }
    }

    private void reduceTo(final int slot, final long visibleQty, final long t) {
        if (visibleQty <= 0) {
            delete(slot, t);
        } else if (visibleQty < shown.shares(slot)) {
            out.orderCancel(shown.locate(slot), t, shown.reference(slot), shown.shares(slot) - visibleQty);
            shown.shares(slot, visibleQty);
        }
    }

    /** Shares executed off a shown order; an order executed in full leaves the feed with it (no D). */
    private void takeOff(final int slot, final long executed) {
        final long left = shown.shares(slot) - executed;
        if (left == 0) {
            shown.remove(slot);
        } else {
            shown.shares(slot, left);
        }
    }

    private void delete(final int slot, final long t) {
        out.orderDelete(shown.locate(slot), t, shown.reference(slot));
        shown.remove(slot);
    }

    private void settlePendingReplace() {
        if (pendingReplace != NO_PENDING) {
            final int slot = pendingReplace;
            pendingReplace = NO_PENDING;
            delete(slot, itchTime(pendingReplaceTimestampNs));
        }
    }

    private boolean allClosed() {
        for (final int id : instrumentIds) {
            if (phases[id] != TradingPhase.CLOSED) {
                return false;
            }
        }
        return true;
    }

    private boolean isKnown(final int instrumentId) {
        return instrumentId > 0 && instrumentId < phases.length && phases[instrumentId] != null;
    }

    private boolean isKnownInSession(final int instrumentId) {
        if (!isKnown(instrumentId)) {
            unknownInstrumentEvents++;
            return false;
        }
        if (!sessionOpen) {
            throw new IllegalStateException("an event to publish with no session open: call startSession first");
        }
        return true;
    }

    private static boolean fitsPrice(final long price) {
        return price >= 0 && price <= MAX_PRICE;
    }

    /** Nanoseconds since the session's midnight, within what the 6-byte Timestamp can hold. */
    private long itchTime(final long epochNs) {
        return Math.min(Math.max(0, epochNs - midnightEpochNs), ItchWire.MAX_UINT48);
    }
}
