package exchange.sequencer;

import exchange.matching.CancelReason;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import exchange.matching.event.TriggeredEvent;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event-log consumer that keeps the live GTC and GTD orders (state, fills, context, time priority)
 * and, when a trading day ends, saves them to the {@link GtcStore}. When a saved order is back on the
 * book at start of day (Restored), or could not be restored, its store entry is removed, so a start
 * of day redone after a crash restores only what is still missing.
 *
 * <p>It needs no state of its own across restarts: its durable position is just after the last
 * DayEnded event it saved, where no GTC order is live yet (they come back as Restored events).
 *
 * <p>One thread (the housekeeping thread).
 */
public final class GtcRecorder implements EventHandler, EventLogConsumer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GtcRecorder.class);

    private static final class Order {
        final byte[] record = new byte[RestoreOrderCommand.CONTEXT_OFFSET + 1 + 255];
        final RestoreOrderCommand restore = new RestoreOrderCommand();
        long priority; // its place: the value of places when it last took one

        Order() {
            restore.wrap(new UnsafeBuffer(record), 0);
            restore.init();
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(record, restore.length());
        }
    }

    private final GtcStore store;
    private final PositionStore position;
    private final EventLogReader reader;
    private final EventDecoder decoder = new EventDecoder();
    private final Map<Long, Order> live = new HashMap<>();
    // Places taken in a level (or among the waiting stops), counted in event order. Not the command
    // sequence: one command can give several orders their places (an aggressor booked, then the
    // stop-limits it triggered behind it; icebergs refreshed one after another), and only the event
    // order tells which came first. Relative only, so it need not survive a restart: the recorder
    // reads again from the last DayEnded, where no good-till order is live.
    private long places;
    private long documentIndex;
    private long commandSequence;
    private int eventIndex;
    private volatile long processedSequence;

    /**
     * @param log      the event log
     * @param store    the GTC store
     * @param position this consumer's durable position
     */
    public GtcRecorder(final EventLog log, final GtcStore store, final PositionStore position) {
        this.store = store;
        this.position = position;
        this.reader = log.newReader();
        final PositionStore.Position p = position.load();
        if (!p.isNone() && !reader.seekAfter(p.documentIndex(), p.commandSequence(), p.eventIndex())) {
            LOG.warn("GTC recorder position {} is not in the event log; reading it from the start", p);
        }
    }

    /** Lets another thread take the recorder over (Chronicle checks that one thread uses a tailer). */
    void handOver() {
        reader.handOver();
    }

    /**
     * Reads what the event log has, up to a limit.
     *
     * @return events read
     */
    public int poll(final int maxDocuments) {
        final int n = reader.poll(this, maxDocuments);
        if (n > 0) {
            processedSequence = commandSequence;
        }
        return n;
    }

    /** @return the command sequence of the last event processed */
    public long processedSequence() {
        return processedSequence;
    }

    /** @return live GTC and GTD orders known now */
    public int liveCount() {
        return live.size();
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        this.documentIndex = documentIndex;
        this.commandSequence = commandSequence;
        this.eventIndex = eventIndex;
        decoder.decode(buffer, offset, this);
    }

    @Override
    public void onAccepted(final AcceptedEvent e) {
        if (e.timeInForce() != null && e.timeInForce().survivesEndOfDay()) {
            final Order o = new Order();
            fromOrderEvent(o, e);
            o.restore.displayQty(e.displayQty()).expireTimeNs(e.expireTimeNs());
            o.restore.context(e.buffer(), e.contextStart(), e.contextLength());
            o.priority = ++places;
            live.put(e.orderId(), o);
        }
    }

    @Override
    public void onRestored(final RestoredEvent e) {
        final Order o = new Order();
        fromOrderEvent(o, e);
        o.restore.displayQty(e.displayQty()).expireTimeNs(e.expireTimeNs());
        o.restore.context(e.buffer(), e.contextStart(), e.contextLength());
        // A stop that had triggered stays so however many nights it is carried. Its showing cannot tell:
        // a market stop restored into a call book shows nothing, as a waiting one does, and saved as
        // waiting it would wait for its stop price again, or with its fills not be restored at all.
        // (A stop that shows is on the book too: event logs written before the flag say only that.)
        if ((e.flags() & RestoredEvent.TRIGGERED) != 0
            || (e.orderType() != null && e.orderType().isStop() && e.visibleQty() > 0)) {
            o.restore.flags(RestoreOrderCommand.TRIGGERED);
        }
        o.priority = ++places;
        live.put(e.orderId(), o);
        store.remove(e.orderId());
    }

    private static void fromOrderEvent(final Order o, final OrderEvent e) {
        o.restore.instrumentId(e.instrumentId()).sessionId(e.sessionId()).firmId(e.firmId());
        o.restore.orderId(e.orderId())
            .accountId(e.accountId())
            .side(e.side())
            .orderType(e.orderType())
            .timeInForce(e.timeInForce())
            .instructions(e.instructions())
            .price(e.price())
            .stopPrice(e.stopPrice())
            .orderQty(e.orderQty())
            .cumQty(e.cumQty())
            .cumNotional(e.cumNotional());
    }

    @Override
    public void onBooked(final BookedEvent e) {
        final Order o = live.get(e.orderId());
        if (o != null) {
            o.priority = ++places;
            o.restore.price(e.price());
        }
    }

    @Override
    public void onTrade(final TradeEvent e) {
        fill(e.buy());
        fill(e.sell());
    }

    private void fill(final TradeParty p) {
        final Order o = live.get(p.orderId());
        if (o == null) {
            return;
        }
        if (p.leavesQty() == 0) {
            live.remove(p.orderId());
        } else {
            o.restore.cumQty(p.cumQty()).cumNotional(p.cumNotional()).orderQty(p.orderQty());
        }
    }

    @Override
    public void onCancelled(final CancelledEvent e) {
        live.remove(e.orderId());
        if (e.reason() == CancelReason.RESTORE_FAILED) {
            store.remove(e.orderId());
        }
    }

    @Override
    public void onReplaced(final ReplacedEvent e) {
        final Order o = live.get(e.orderId());
        if (o == null) {
            return;
        }
        if (e.leavesQty() == 0) {
            live.remove(e.orderId());
            return;
        }
        o.restore.price(e.price()).stopPrice(e.stopPrice()).orderQty(e.orderQty()).cumQty(e.cumQty())
            .cumNotional(e.cumNotional());
        if (o.restore.displayQty() > 0 && e.displayQty() > 0) {
            // the peak after the replace, also one at or above the quantity (the whole order shows),
            // which no Booked event tells apart from the quantity left
            o.restore.displayQty(e.displayQty());
        }
        if (e.contextLength() > 0) {
            o.restore.context(e.buffer(), e.contextStart(), e.contextLength());
        }
        if (!e.priorityKept()) {
            o.priority = ++places;
        }
    }

    /** A GTC stop that triggered comes back tomorrow as the order it became, not waiting again. */
    @Override
    public void onTriggered(final TriggeredEvent e) {
        final Order o = live.get(e.orderId());
        if (o != null) {
            o.restore.flags(o.restore.flags() | RestoreOrderCommand.TRIGGERED);
            o.priority = ++places;
        }
    }

    /** Self-trade prevention took quantity off: the order comes back with what it has left. */
    @Override
    public void onRestated(final RestatedEvent e) {
        final Order o = live.get(e.orderId());
        if (o != null) {
            o.restore.orderQty(e.orderQty()).cumQty(e.cumQty()).cumNotional(e.cumNotional());
        }
    }

    /**
     * Saves the orders that live on. The driver does not end a day twice (after a crash between journaling
     * an EndOfDay and writing down that the day had ended, it learns from this store that the day had
     * ended). Should a second DayEnded for a saved date come all the same (a state file put back by hand),
     * it finds nothing live, since the engine held no order after the first; saving that would wipe what
     * the first one saved, so the store is left as it is.
     */
    @Override
    public void onDayEnded(final DayEndedEvent e) {
        if (live.isEmpty() && store.savedDate() == e.tradingDate()) {
            position.save(documentIndex, commandSequence, eventIndex);
            LOG.warn("trading day {} ended again: the {} GTC/GTD orders saved at its first end are kept",
                e.tradingDate(), store.size());
            return;
        }
        final List<GtcStore.Saved> saved = new ArrayList<>(live.size());
        for (final Map.Entry<Long, Order> entry : live.entrySet()) {
            saved.add(new GtcStore.Saved(entry.getKey(), entry.getValue().priority, entry.getValue().bytes()));
        }
        store.saveAll(e.tradingDate(), saved);
        position.save(documentIndex, commandSequence, eventIndex);
        LOG.info("trading day {} ended: {} GTC/GTD orders saved for the next day", e.tradingDate(), saved.size());
        live.clear();
    }

    @Override
    public void close() {
        reader.close();
    }
}
