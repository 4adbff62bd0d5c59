package exchange.sequencer;

import exchange.matching.TradingPhase;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The trading-day lifecycle beside a sequencer, on one housekeeping thread: the GTC recorder (which
 * saves good-till orders at end of day) and the schedule driver (which journals the day's commands).
 *
 * <p>The thread stops at its first failure, logging an ERROR that the exchange needs attention ({@link #failure()}
 * says why): going round again would journal a second time what the failed round had journaled.
 */
public final class TradingDay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingDay.class);

    /** How long the start waits for the matching thread while it catches the trading day up. */
    private static final long CATCH_UP_TIMEOUT_NS = TimeUnit.MINUTES.toNanos(10);

    private final GtcStore store;
    private final PositionStore position;
    private final GtcRecorder recorder;
    private final TradingDayDriver driver;
    private final AgentRunner runner;
    private volatile Throwable failure;

    private TradingDay(final Sequencer sequencer, final TradingSchedule schedule, final long gtcCapacity,
                       final EpochNanoClock clock) {
        final java.nio.file.Path data = sequencer.config().dataDir();
        this.store = new GtcStore(data.resolve("gtc"), gtcCapacity, sequencer.config().engine().orderCapacity());
        this.position = new PositionStore(data.resolve("positions"), "gtc-recorder", false);
        this.recorder = new GtcRecorder(sequencer.eventLog(), store, position);
        this.driver = new TradingDayDriver(schedule, sequencer, recorder, store, data.resolve("trading-day.state"), clock);
        try {
            driver.checkStoreHoldsTheEndedDay(data.resolve("gtc"));
            catchUp(sequencer, clock);
        } catch (final RuntimeException e) {
            recorder.close();
            position.close();
            store.close();
            throw e;
        }
        final ErrorHandler errors = AgentErrors.of(LOG, "trading-day");
        this.runner = new AgentRunner(IdleStrategies.cold(TimeUnit.MILLISECONDS.toNanos(1)), errors, null, new Agent() {
            @Override
            public void onStart() {
                recorder.handOver();
            }

            /**
             * Stops the thread at the first failure, loudly, rather than going round again: a tick that failed
             * after journaling part of what was due (a phase, a day's start before its orders came back) would
             * journal it again at every retry, into the single line every engine replays.
             */
            @Override
            public int doWork() {
                try {
                    return recorder.poll(64) + driver.tick();
                } catch (final RuntimeException | Error e) {
                    failure = e;
                    driver.failPendingRequest(e);
                    LOG.error("the trading-day thread stopped: the exchange needs attention. Until a restart, no phase"
                        + " changes, clock ticks, day's end or start, and no GTC orders saved; what was journaled"
                        + " before this failure stands, nothing is journaled again", e);
                    throw new AgentTerminationException(e);
                }
            }

            @Override
            public String roleName() {
                return "trading-day";
            }
        });
        AgentRunner.startOnThread(runner);
    }

    /**
     * Brings the trading day up to the schedule before anything else may trade (the FIX sessions open right
     * after the start): a day the exchange was down at the end of is ended, its Day orders expired; the day of
     * the moment is started, its GTC and GTD orders back in their priority; its phase is set. Left to the
     * lifecycle thread, the first orders after a start would race it: trade with the Day orders of a day that
     * ended, or take the place of good-till orders not yet restored.
     */
    private void catchUp(final Sequencer sequencer, final EpochNanoClock clock) {
        final long deadline = System.nanoTime() + CATCH_UP_TIMEOUT_NS;
        while (driver.behindSchedule(clock.nanoTime())) {
            if (recorder.poll(256) + driver.tick() == 0) {
                if (sequencer.failure() != null || System.nanoTime() > deadline) {
                    LOG.warn("the trading day has not caught up with the schedule ({}); the trading-day thread goes on",
                        sequencer.failure() != null ? "the matching thread failed"
                            : "the matching thread took more than " + CATCH_UP_TIMEOUT_NS / 1_000_000_000L + " s");
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L); // the matching thread is applying
            }
        }
    }

    /**
     * Starts the lifecycle thread, once the trading day is where the schedule says it is now.
     *
     * @param sequencer   the running sequencer
     * @param schedule    the timetable
     * @param gtcCapacity GTC/GTD orders the store is sized for (it takes up to as many as the engine holds)
     * @param clock       wall clock (a test may drive it)
     * @return the running lifecycle
     * @throws java.io.UncheckedIOException when the GTC store is damaged
     * @throws IllegalStateException        when, between two days, the GTC store does not hold the good-till
     *                                      orders of the day that ended (once the journal is matched)
     */
    public static TradingDay start(final Sequencer sequencer, final TradingSchedule schedule, final long gtcCapacity,
                                   final EpochNanoClock clock) {
        return new TradingDay(sequencer, schedule, gtcCapacity, clock);
    }

    /**
     * Ends the trading day now, as at its scheduled end (operators).
     *
     * @return completes with the EndOfDay command's sequence once journaled, or exceptionally with an
     *         {@link IllegalStateException} when no trading day is open or the thread has stopped
     * @see TradingDayDriver#requestEndOfDay()
     */
    public CompletableFuture<Long> requestEndOfDay() {
        if (failure != null) {
            return stopped();
        }
        final CompletableFuture<Long> request = driver.requestEndOfDay();
        if (failure != null) { // stopped meanwhile, perhaps before it could see this request
            driver.failPendingRequest(failure);
        }
        return request;
    }

    private CompletableFuture<Long> stopped() {
        return CompletableFuture.failedFuture(new IllegalStateException(
            "the trading-day thread has stopped (" + failure + "); restart the exchange", failure));
    }

    /** @return the failure that stopped the trading-day thread, or {@code null} while it runs; any thread */
    public Throwable failure() {
        return failure;
    }

    /** @return the phase the schedule has every instrument in now (CLOSED outside the trading day); any thread */
    public TradingPhase phase() {
        return driver.phase();
    }

    /** @return true from the start of a trading day to its end; any thread */
    public boolean isDayOpen() {
        return driver.isDayOpen();
    }

    /** @return the trading date the exchange is in or last was in, yyyymmdd, 0 before the first; any thread */
    public int tradingDate() {
        return driver.tradingDate();
    }

    /**
     * @return the command sequence of the last event the GTC recorder has read; its position file moves
     *         only at each end of day, so a lag measured from the file would grow all day
     */
    public long gtcRecorderSequence() {
        return recorder.processedSequence();
    }

    /** @return the GTC store, for operators and tests */
    public GtcStore store() {
        return store;
    }

    @Override
    public void close() {
        runner.close();
        recorder.close();
        position.close();
        store.close();
    }
}
