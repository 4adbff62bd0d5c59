package exchange.sequencer;

import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.matching.command.ClockCommand;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the trading day from the schedule by journaling commands, like any other command source:
 * <ol>
 *   <li>at start, once every command journaled before has been matched, a day the state file calls open
 *       whose EndOfDay is in fact among them (a crash came between journaling it and writing down that the
 *       day had ended) is taken as ended, and not ended again;</li>
 *   <li>a day left open (the exchange was down at its end) is ended first: phase CLOSED, EndOfDay;</li>
 *   <li>at start of day, once the GTC store holds what the last day saved, the kill switches that are
 *       on are restated (so that consumers reading the event log from the start of the day know them),
 *       then the saved GTC and GTD orders are journaled back (RestoreOrder, in time priority);</li>
 *   <li>the phases follow the timetable (pre-open, continuous, pre-close, closed), as scheduled
 *       changes: an instrument an operator halted stays halted until an operator resumes it;</li>
 *   <li>at end of day: phase CLOSED, then EndOfDay (Day orders expire, the rest is saved);</li>
 *   <li>when no command has arrived for a clock interval, a Clock command, so that GTD orders expire
 *       and timed auctions end on time.</li>
 * </ol>
 * Started late, it catches up: it starts the day, then goes straight to the phase of the moment.
 * An operator may end the day early ({@link #requestEndOfDay()}): the driver ends it as at the scheduled
 * time, and the schedule starts the next day at its time.
 *
 * <p>One thread (the housekeeping thread), but {@link #requestEndOfDay()}, {@link #phase()} and
 * {@link #isDayOpen()} may be called from any thread.
 */
public final class TradingDayDriver {
    private static final Logger LOG = LoggerFactory.getLogger(TradingDayDriver.class);

    private final TradingSchedule schedule;
    private final CommandSink commands;
    private final CommandJournal journal;
    private final Sequencer sequencer;
    private final GtcRecorder recorder;
    private final GtcStore store;
    private final TradingDayState state;
    private final EpochNanoClock clock;
    private final AtomicReference<CompletableFuture<Long>> endOfDayRequest = new AtomicReference<>();
    /** The last command journaled before the driver was made: what a crash may have left unmatched. */
    private final long journalEndAtStart;
    private boolean endOfDayRecovered;
    private long endOfDaySequence;

    public TradingDayDriver(final TradingSchedule schedule, final Sequencer sequencer, final GtcRecorder recorder,
                            final GtcStore store, final Path stateFile, final EpochNanoClock clock) {
        this.schedule = schedule;
        this.sequencer = sequencer;
        this.commands = sequencer.commands();
        this.journal = sequencer.commands();
        this.recorder = recorder;
        this.store = store;
        this.state = new TradingDayState(stateFile);
        this.clock = clock;
        this.journalEndAtStart = journal.lastSequence();
    }

    /**
     * At start, on the starting thread, before the driver's own: between two days (the state file says the
     * last day ended) the GTC store must hold that day's good-till orders once the journal is matched and
     * the recorder has read its events. When it does not (its folder was deleted, a damaged store was set
     * aside), the orders cannot come back, and waiting for the store would never end.
     *
     * @param storeDir the GTC store's folder, for the message
     * @throws IllegalStateException saying what was lost and what the operator may do
     */
    void checkStoreHoldsTheEndedDay(final Path storeDir) {
        if (state.stage() != TradingDayState.Stage.ENDED) {
            return;
        }
        try {
            if (!sequencer.awaitApplied(10, java.util.concurrent.TimeUnit.MINUTES)) {
                return; // the matching thread failed or is slow: its own error says so, and tick() waits
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        while (recorder.poll(256) > 0) {
            // drain
        }
        final int saved = store.savedDate();
        if (saved != state.date()) {
            throw new IllegalStateException("the GTC store " + storeDir + " does not hold the good-till orders of "
                + "trading day " + state.date() + ", which has ended (it holds " + (saved == 0 ? "none" : "those of "
                + saved) + "): put back the store from a copy taken after that day ended, or, to start the next day "
                + "without them, delete " + state.file());
        }
    }

    /**
     * @return true while the trading day is behind the schedule at this instant: a day to end (left open by a
     *         stop, or past its end), a day to start, or a phase to set
     */
    boolean behindSchedule(final long now) {
        final int today = schedule.tradingDate(now);
        final boolean started = state.stage() == TradingDayState.Stage.STARTED;
        if (state.date() < today && (started || schedule.withinDay(now))) {
            return true;
        }
        return started && state.date() == today && (schedule.pastEndOfDay(now) || schedule.phaseAt(now) != state.phase());
    }

    /**
     * Does what is due now.
     *
     * @return the number of commands journaled
     */
    public int tick() {
        if (!endOfDayRecovered) {
            endOfDayRecovered = recoverEndOfDay();
            if (!endOfDayRecovered) {
                return 0;
            }
        }
        final long now = clock.nanoTime();
        final int today = schedule.tradingDate(now);
        int work = 0;
        if (state.stage() == TradingDayState.Stage.STARTED && state.date() < today) {
            LOG.warn("trading day {} was never ended (the exchange was down at its end); ending it now", state.date());
            work += endDay(state.date());
        }
        if (schedule.withinDay(now) && state.date() < today) {
            if (!gtcStoreReady()) {
                return work;
            }
            work += startDay(today);
        }
        work += endDayOnRequest();
        if (state.date() == today && state.stage() == TradingDayState.Stage.STARTED) {
            if (schedule.pastEndOfDay(now)) {
                work += endDay(today);
            } else {
                final TradingPhase phase = schedule.phaseAt(now);
                if (phase != state.phase()) {
                    setPhase(phase);
                    state.set(today, TradingDayState.Stage.STARTED, phase);
                    LOG.info("trading day {}: phase {}", today, phase);
                    work++;
                }
            }
        }
        if (now - journal.lastTimestampNs() >= schedule.clockIntervalMs() * 1_000_000L) {
            commands.append((buffer, offset) -> {
                final ClockCommand c = (ClockCommand) new ClockCommand().wrap(buffer, offset);
                return c.init().length();
            });
            work++;
        }
        return work;
    }

    /**
     * Asks for the trading day to end now: on the driver's thread, at its next tick, phase CLOSED then
     * EndOfDay, as at the scheduled end of day. Asking again before then gets the same answer.
     *
     * @return completes with the sequence of the EndOfDay command once it is journaled, or exceptionally
     *         with an {@link IllegalStateException} when no trading day is open
     */
    public CompletableFuture<Long> requestEndOfDay() {
        return endOfDayRequest.updateAndGet(pending -> pending == null ? new CompletableFuture<>() : pending);
    }

    private int endDayOnRequest() {
        final CompletableFuture<Long> request = endOfDayRequest.getAndSet(null);
        if (request == null) {
            return 0;
        }
        if (state.stage() != TradingDayState.Stage.STARTED) {
            request.completeExceptionally(new IllegalStateException("no trading day is open"
                + (state.date() == 0 ? "" : " (trading day " + state.date() + " has " + state.stage().name().toLowerCase(Locale.ROOT) + ")")));
            return 0;
        }
        LOG.info("trading day {}: ending on request", state.date());
        final int work;
        try {
            work = endDay(state.date());
        } catch (final RuntimeException | Error e) {
            request.completeExceptionally(e); // the operator's answer; the thread's owner deals with the failure
            throw e;
        }
        request.complete(endOfDaySequence);
        return work;
    }

    /**
     * Answers an end-of-day request not yet taken with the failure that stopped the driver's thread.
     *
     * @param failure what stopped it
     */
    void failPendingRequest(final Throwable failure) {
        final CompletableFuture<Long> request = endOfDayRequest.getAndSet(null);
        if (request != null) {
            request.completeExceptionally(failure);
        }
    }

    /** @return the phase the driver last journaled for every instrument (CLOSED outside the trading day); any thread */
    public TradingPhase phase() {
        return state.phase();
    }

    /** @return true from the start of a trading day to its end; any thread */
    public boolean isDayOpen() {
        return state.stage() == TradingDayState.Stage.STARTED;
    }

    /** @return the trading date the driver is in or last was in, yyyymmdd, 0 before the first; any thread */
    public int tradingDate() {
        return state.date();
    }

    /**
     * Finds out, once at start, whether the day the state file calls open had in fact ended. The driver
     * journals EndOfDay and only then writes down that the day has ended; a crash in between leaves the
     * file saying the day is open, and ending it again would give every consumer of the event log a second
     * DayEnded for the date (and a day ended early would follow the schedule's phases again). The journal
     * says what happened: once every command journaled before the start has been matched and the GTC
     * recorder has read their events, the store holds the orders saved for the day exactly when its
     * EndOfDay was journaled (only the driver journals EndOfDay, and only for the day the file calls open).
     *
     * @return false while the matching thread or the recorder is still catching up with the journal
     */
    private boolean recoverEndOfDay() {
        if (state.stage() != TradingDayState.Stage.STARTED) {
            return true;
        }
        if (sequencer.appliedSequence() < journalEndAtStart) {
            return false;
        }
        while (recorder.poll(256) > 0) {
            // drain
        }
        if (store.savedDate() == state.date()) {
            LOG.warn("trading day {} had ended: its EndOfDay was journaled just before the exchange stopped, before "
                + "the driver could write it down; it is not ended again", state.date());
            state.set(state.date(), TradingDayState.Stage.ENDED, TradingPhase.CLOSED);
        }
        return true;
    }

    /**
     * The store is ready when every journaled command has been applied and the recorder has read all
     * their events: then a DayEnded already journaled has been saved.
     */
    private boolean gtcStoreReady() {
        if (sequencer.appliedSequence() < journal.lastSequence()) {
            return false;
        }
        while (recorder.poll(256) > 0) {
            // drain
        }
        if (state.stage() == TradingDayState.Stage.ENDED && store.savedDate() != state.date()) {
            LOG.warn("waiting for the GTC store to save trading day {} (it holds {})", state.date(), store.savedDate());
            return false;
        }
        return true;
    }

    private int startDay(final int today) {
        setPhase(TradingPhase.CLOSED); // the books stay closed while the orders come back
        commands.append((buffer, offset) -> {
            final SetKillSwitchCommand c = (SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, offset);
            c.init().instrumentId(Instrument.NULL_ID);
            c.action(SetKillSwitchCommand.ACTION_RESTATE);
            return c.length();
        });
        final List<GtcStore.Saved> saved = store.pending();
        for (final GtcStore.Saved s : saved) {
            commands.append(RecordCopy.of(s.record()));
        }
        state.set(today, TradingDayState.Stage.STARTED, TradingPhase.CLOSED);
        LOG.info("trading day {} started: {} GTC/GTD orders restored", today, saved.size());
        return saved.size() + 2;
    }

    private int endDay(final int date) {
        if (state.phase() != TradingPhase.CLOSED) {
            setPhase(TradingPhase.CLOSED);
        }
        endOfDaySequence = commands.append((buffer, offset) -> {
            final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(buffer, offset);
            // a GTD order expiring before the next trading day starts cannot trade again: it expires with this day
            c.init().tradingDate(date).gtdHorizonSeconds(schedule.nextStartOfDaySeconds(date));
            return c.length();
        });
        state.set(date, TradingDayState.Stage.ENDED, TradingPhase.CLOSED);
        LOG.info("trading day {} ended", date);
        return 2;
    }

    private void setPhase(final TradingPhase phase) {
        commands.append((buffer, offset) -> {
            final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset);
            c.init().instrumentId(Instrument.NULL_ID);
            c.phase(phase).scheduled(true);
            return c.length();
        });
    }

    /** Copies a stored command record into the journal. */
    private static final class RecordCopy {
        private RecordCopy() {
        }

        static CommandWriter of(final byte[] record) {
            return (buffer, offset) -> {
                buffer.putBytes(offset, record);
                return record.length;
            };
        }
    }
}
