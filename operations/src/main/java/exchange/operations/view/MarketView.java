package exchange.operations.view;

import exchange.marketdata.book.OrderBook;
import exchange.marketdata.book.OrderBookBuilder;
import exchange.marketdata.book.PriceLevels;
import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.service.ResumePoint;
import exchange.marketdata.translator.ItchTranslator;
import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventType;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogConsumer;
import exchange.sequencer.EventLogReader;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The market as operators see it, rebuilt from the event log on a cold-path thread: the books are the
 * ones a market-data subscriber builds (the engine's events through the {@link ItchTranslator} into an
 * {@link OrderBookBuilder}, the code the feed itself runs), with each instrument's phase, the day's
 * figures ({@link DayTally}) and what operators' commands did ({@link CommandOutcomes}).
 *
 * <p>It reads the log from the start of the trading day: the place of the last DayEnded, and each
 * instrument's phase then (a phase outlives the day: an instrument an operator halted stays halted), are
 * kept in {@code view-day-start.properties} of its state folder, in the market-data service's
 * {@link ResumePoint} format. After each batch it may publish a {@link MarketSnapshot}: at once when it has
 * caught up with the log, at most every publish interval while it has not.
 *
 * <p>{@link #doWork()}: one thread (an AgentRunner). {@link #snapshot()} and {@link #awaitConsumed}: any
 * thread. A slow view never slows the matching thread: it is one more reader of the log.
 */
public final class MarketView implements Agent, EventLogConsumer {
    /** The state file in the view's folder. */
    public static final String DAY_START_FILE = "view-day-start.properties";
    /** The kill switches that were on when the day began (a restart before the next day restates them). */
    public static final String KILL_SWITCHES_FILE = "view-kill-switches.properties";
    private static final Logger LOG = LoggerFactory.getLogger(MarketView.class);
    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);

    private final EventLogReader reader;
    private final Path dayStartFile;
    private final Path killSwitchesFile;
    private final LongSupplier appliedSequence;
    private final int depthLevels;
    private final long publishIntervalNs;
    private final EventDecoder decoder = new EventDecoder();
    private final ItchTranslator translator;
    private final OrderBookBuilder books = new OrderBookBuilder();
    private final DayTally tally;
    private final CommandOutcomes outcomes = new CommandOutcomes();
    private final List<Instrument> instruments;
    private volatile MarketSnapshot snapshot = MarketSnapshot.EMPTY;
    private volatile long lastEventSequence;
    private long consumedThrough;
    private boolean dirty = true;
    private long lastPublishNs;

    /**
     * @param log               the event log
     * @param stateDir          where the view keeps where its day began
     * @param instruments       the instruments
     * @param orderCapacity     most orders shown at once (the engine's order capacity)
     * @param firmNames         a firm's name from its id
     * @param accountNames      an account's name from its id
     * @param appliedSequence   the sequencer's last applied command ({@code Sequencer::appliedSequence})
     * @param depthLevels       price levels a side each snapshot holds
     * @param tradesKept        last trades kept per instrument and overall
     * @param publishIntervalMs least time between two snapshots while the view is behind the log
     */
    public MarketView(final EventLog log, final Path stateDir, final List<Instrument> instruments,
                      final int orderCapacity, final IntFunction<String> firmNames,
                      final IntFunction<String> accountNames, final LongSupplier appliedSequence,
                      final int depthLevels, final int tradesKept, final long publishIntervalMs) {
        this.instruments = List.copyOf(instruments);
        this.dayStartFile = stateDir.resolve(DAY_START_FILE);
        this.killSwitchesFile = stateDir.resolve(KILL_SWITCHES_FILE);
        this.appliedSequence = appliedSequence;
        this.depthLevels = depthLevels;
        this.publishIntervalNs = TimeUnit.MILLISECONDS.toNanos(publishIntervalMs);
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(books);
        this.translator = new ItchTranslator(instruments, orderCapacity, dispatcher::dispatch);
        this.tally = new DayTally(instruments, firmNames, accountNames, outcomes, tradesKept);
        this.reader = log.newReader();
        final ResumePoint day = ResumePoint.load(dayStartFile);
        if (day.hasPosition()) {
            day.phases().forEach((id, phase) -> {
                if (instruments.stream().anyMatch(i -> i.id() == id)) {
                    translator.phase(id, phase);
                }
            });
            if (!reader.seekAfter(day.documentIndex(), day.commandSequence(), day.eventIndex())) {
                LOG.warn("market view: the start of the trading day is not in the event log; reading it from its start");
            } else {
                KillSwitchFile.load(killSwitchesFile).forEach(k -> tally.killSwitch(k[0], k[1], true));
            }
        }
    }

    @Override
    public void onStart() {
        reader.handOver();
    }

    @Override
    public int doWork() {
        final long applied = appliedSequence.getAsLong();
        final int events = reader.poll(this, 64);
        final long now = System.nanoTime();
        if (events == 0) {
            // Nothing more in the log: every event of every command applied before the poll has been read.
            if (applied > consumedThrough) {
                consumedThrough = applied;
                dirty = true;
            }
            if (dirty) {
                publish(now);
            }
        } else if (now - lastPublishNs >= publishIntervalNs) {
            publish(now);
        }
        return events;
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        final long timestampNs = buffer.getLong(offset + Event.TIMESTAMP_OFFSET);
        if (!translator.isSessionOpen()) {
            translator.startSession(timestampNs - Math.floorMod(timestampNs, DAY_NS), timestampNs);
        }
        decoder.decode(buffer, offset, translator);
        decoder.decode(buffer, offset, tally);
        lastEventSequence = commandSequence;
        dirty = true;
        if ((buffer.getByte(offset + Event.TYPE_OFFSET) & 0xFF) == EventType.DAY_ENDED.code()) {
            final Map<Integer, TradingPhase> phases = new TreeMap<>();
            for (final Instrument i : instruments) {
                phases.put(i.id(), translator.phase(i.id()));
            }
            KillSwitchFile.save(killSwitchesFile, tally.killSwitches());
            new ResumePoint(documentIndex, commandSequence, eventIndex, null, phases).save(dayStartFile);
        }
    }

    private void publish(final long now) {
        final List<MarketSnapshot.InstrumentView> views = new ArrayList<>(instruments.size());
        for (final int id : tally.instrumentIds()) {
            final OrderBook book = books.book(id);
            views.add(new MarketSnapshot.InstrumentView(id, tally.symbol(id), translator.phase(id),
                book == null ? List.of() : levels(book.bids()), book == null ? List.of() : levels(book.asks()),
                tally.figures(id), tally.trades(id)));
        }
        snapshot = new MarketSnapshot(consumedThrough, List.copyOf(views), tally.trades(),
            tally.killSwitches(), tally.counters());
        dirty = false;
        lastPublishNs = now;
    }

    private List<MarketSnapshot.Level> levels(final PriceLevels side) {
        final int n = Math.min(depthLevels, side.size());
        final List<MarketSnapshot.Level> levels = new ArrayList<>(n);
        for (int level = 0; level < n; level++) {
            levels.add(new MarketSnapshot.Level(side.price(level), side.shares(level), side.orderCount(level)));
        }
        return List.copyOf(levels);
    }

    /** @return the latest snapshot; any thread */
    public MarketSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Waits until a snapshot holds every event of the command with this sequence (its effect, or that it
     * had none). Any thread.
     *
     * @return the snapshot, or null when the timeout passed first
     */
    public MarketSnapshot awaitConsumed(final long commandSequence, final long timeout, final TimeUnit unit) {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            final MarketSnapshot s = snapshot;
            if (s.consumedThrough() >= commandSequence) {
                return s;
            }
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** @return what recent commands did; any thread */
    public CommandOutcomes outcomes() {
        return outcomes;
    }

    /** @return the command of the last event read; any thread */
    public long lastEventSequence() {
        return lastEventSequence;
    }

    @Override
    public void onClose() {
        reader.close();
    }

    @Override
    public String roleName() {
        return "operations-view";
    }
}
