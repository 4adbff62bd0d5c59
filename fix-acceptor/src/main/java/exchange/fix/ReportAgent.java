package exchange.fix;

import exchange.matching.event.EventDecoder;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogConsumer;
import exchange.sequencer.EventLogReader;
import exchange.sequencer.PositionStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link ReportStream} over the event log with a durable place, exactly once across restarts:
 * it saves its place after each batch (and every {@value #SAVE_EVERY_EVENTS} events within one) and the
 * place where the trading day began at each DayEnded (where the day that ended began, when it carries GTC or
 * GTD orders over to the next);
 * on start it follows the log silently from the start of the day up to the saved place (to know the
 * day's orders again), then produces messages from there on. On its very first start (no place saved)
 * it begins with the current trading day, not with the days before it. The subclass sends them, skipping what
 * its sessions' QuickFIX/J stores show was sent just before a crash.
 *
 * <p>One thread: drive it with an AgentRunner.
 */
public abstract class ReportAgent implements Agent, EventLogConsumer, ReportStream.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(ReportAgent.class);
    /**
     * Events after which the place is saved within a batch. After a kill -9 the events after the saved
     * place are read again and the sender skips what its sessions' stores show was sent, looking back
     * 2,000 messages of each store: a batch of 64 documents can hold tens of thousands of events (a mass
     * cancel, a kill switch, a day's end, a backlog), so without these saves copies and reports before the
     * last 2,000 would go out twice. An event gives a session at most four messages (a drop copy of both
     * sides of a trade, each with its TradeCaptureReport), so 256 events stay well within the 2,000.
     */
    static final int SAVE_EVERY_EVENTS = 256;
    /** How long an agent may take to start: to follow the day's events up to its place and send its backlog. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final EventLog log;
    private final PositionStore position;
    private final PositionStore dayStart;
    private final EventDecoder decoder = new EventDecoder();
    private final CoalescedWrites writes = new CoalescedWrites();
    protected final ReportStream stream;
    private EventLogReader reader;
    private long documentIndex = -1;
    private long commandSequence;
    private int eventIndex;
    private boolean following;
    /**
     * Where the trading day being read began: just after the DayEnded before it, or {@link PositionStore.Position#NONE}
     * for the log's start.
     */
    private PositionStore.Position dayBegan;
    private int unsaved;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile RuntimeException startFailure;

    protected ReportAgent(final EventLog log, final PositionStore position, final PositionStore dayStart,
                          final Instruments instruments, final OrderRegistry registry,
                          final ReportStream.Versions versions) {
        this(log, position, dayStart, instruments, registry, versions, ReportStream.FINISHED_KEPT);
    }

    /** As above, its stream keeping the last state of {@code finishedKept} ended orders: tests take fewer. */
    ReportAgent(final EventLog log, final PositionStore position, final PositionStore dayStart,
                final Instruments instruments, final OrderRegistry registry, final ReportStream.Versions versions,
                final int finishedKept) {
        this.log = log;
        this.position = position;
        this.dayStart = dayStart;
        this.stream = new ReportStream(instruments, registry, versions, this, finishedKept);
    }

    /** Reads what the sessions' stores say was sent last; called once the follow-up is done. */
    protected abstract void loadSent();

    /**
     * @return the writes this agent holds until the end of each batch: {@link CoalescedWrites#install(quickfix.Session)
     *         install} them on the sessions it sends to
     */
    public CoalescedWrites writes() {
        return writes;
    }

    @Override
    public void onStart() {
        writes.ownedBy(Thread.currentThread());
        try {
            start();
        } catch (final RuntimeException e) {
            startFailure = e;
            started.countDown();
            throw e;
        }
    }

    private void start() {
        final PositionStore.Position day = dayStart.load();
        final PositionStore.Position saved = position.load();
        reader = log.newReader();
        dayBegan = day;
        if (day.isNone() && saved.isNone()) {
            // never run before (a session added to a running exchange): the current day, not the history
            if (reader.seekToCurrentDay()) {
                dayStart.save(reader.lastDocumentIndex(), reader.lastCommandSequence(), reader.lastEventIndex());
                dayBegan = dayStart.load();
                LOG.info("{}: first start; taking up the trading day that began after command {}", roleName(),
                    reader.lastCommandSequence());
            }
        } else if (!day.isNone() && !reader.seekAfter(day.documentIndex(), day.commandSequence(), day.eventIndex())) {
            dayBegan = PositionStore.Position.NONE;
            LOG.warn("{}: the start of the trading day is not in the event log; reading it from its start", roleName());
        }
        long followed = 0;
        if (!saved.isNone()) {
            following = true;
            stream.sending(false);
            final EventLogConsumer upToSaved = (doc, seq, idx, buffer, offset, length) -> {
                if (seq < saved.commandSequence() || (seq == saved.commandSequence() && idx <= saved.eventIndex())) {
                    onEvent(doc, seq, idx, buffer, offset, length);
                }
            };
            int n;
            do {
                n = reader.poll(upToSaved, 1);
                followed += n;
            } while (n > 0 && (reader.lastCommandSequence() < saved.commandSequence()
                || (reader.lastCommandSequence() == saved.commandSequence() && reader.lastEventIndex() < saved.eventIndex())));
            reader.close();
            reader = log.newReader();
            if (!reader.seekAfter(saved.documentIndex(), saved.commandSequence(), saved.eventIndex())) {
                throw new IllegalStateException(roleName() + ": its saved place is not in the event log");
            }
            following = false;
        }
        loadSent();
        stream.sending(true);
        long backlog = 0;
        for (int n = doWork(); n > 0; n = doWork()) {
            backlog += n;
        }
        LOG.info("{}: {} live orders of the day known again from {} events; resumed after command {} and sent {} "
            + "events of backlog", roleName(), stream.liveOrders(), followed, saved.commandSequence(), backlog);
        started.countDown();
    }

    /**
     * Waits until the agent has started: it knows the day's orders (and their ClOrdIDs) again and has
     * dealt with every event in the log when it started.
     *
     * @param timeout {@link #START_TIMEOUT} but in tests
     * @throws IllegalStateException when it failed to start, did not start within the timeout, or the wait
     *                               was interrupted (the thread's interrupt flag is set again)
     */
    public void awaitStarted(final Duration timeout) {
        final boolean done;
        try {
            done = started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + roleName() + " started", e);
        }
        if (startFailure != null) {
            throw new IllegalStateException(roleName() + " failed to start: " + startFailure.getMessage(), startFailure);
        }
        if (!done) {
            throw new IllegalStateException(roleName() + " did not catch up with the event log in "
                + timeout.toMinutes() + " minutes");
        }
    }

    /** Reads a batch of events and sends their messages: each session's leave in one write, at the end. */
    @Override
    public int doWork() {
        final int n;
        try {
            n = reader.poll(this, 64);
        } finally {
            writes.flush();
        }
        if (n > 0 && documentIndex >= 0) {
            position.save(documentIndex, commandSequence, eventIndex);
            unsaved = 0;
        }
        return n;
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        this.documentIndex = documentIndex;
        this.commandSequence = commandSequence;
        this.eventIndex = eventIndex;
        decoder.decode(buffer, offset, stream);
        if (!following && ++unsaved >= SAVE_EVERY_EVENTS) {
            // its messages are in the sessions' stores (held writes only wait for the socket)
            position.save(documentIndex, commandSequence, eventIndex);
            unsaved = 0;
        }
    }

    /**
     * Saves where a restart takes up the day: just after this DayEnded; or, when GTC or GTD orders are carried
     * over to the next day, where the day that ended began, since only its events tell those orders (and their
     * ClOrdIDs), which a broker may ask about until they come back at the start of the next day.
     */
    @Override
    public void dayEnded() {
        final PositionStore.Position ended = new PositionStore.Position(documentIndex, commandSequence, eventIndex);
        if (!following) {
            final PositionStore.Position from = stream.liveOrders() > 0 ? dayBegan : ended;
            dayStart.save(from.documentIndex(), from.commandSequence(), from.eventIndex());
        }
        dayBegan = ended;
    }

    /** @return live orders of the day the stream knows */
    public int liveOrders() {
        return stream.liveOrders();
    }

    @Override
    public void onClose() {
        if (reader != null) {
            reader.close();
        }
        position.close();
        dayStart.close();
    }
}
