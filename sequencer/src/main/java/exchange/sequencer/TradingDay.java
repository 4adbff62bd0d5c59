package exchange.sequencer;

import exchange.matching.TradingPhase;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * The trading-day lifecycle beside a sequencer, on one housekeeping thread: the GTC recorder (which
 * saves good-till orders at end of day) and the schedule driver (which journals the day's commands).
 */
public final class TradingDay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingDay.class);

    private final GtcStore store;
    private final PositionStore position;
    private final GtcRecorder recorder;
    private final TradingDayDriver driver;
    private final AgentRunner runner;

    private TradingDay(final Sequencer sequencer, final TradingSchedule schedule, final long gtcCapacity,
                       final EpochNanoClock clock) {
        final java.nio.file.Path data = sequencer.config().dataDir();
        this.store = new GtcStore(data.resolve("gtc"), gtcCapacity, sequencer.config().engine().orderCapacity());
        this.position = new PositionStore(data.resolve("positions"), "gtc-recorder", false);
        this.recorder = new GtcRecorder(sequencer.eventLog(), store, position);
        this.driver = new TradingDayDriver(schedule, sequencer, recorder, store, data.resolve("trading-day.state"), clock);
        try {
            driver.checkStoreHoldsTheEndedDay(data.resolve("gtc"));
        } catch (final RuntimeException e) {
            recorder.close();
            position.close();
            store.close();
            throw e;
        }
        final ErrorHandler errors = e -> LOG.error("trading-day thread error", e);
        this.runner = new AgentRunner(new SleepingMillisIdleStrategy(1), errors, null, new Agent() {
            @Override
            public void onStart() {
                recorder.handOver();
            }

            @Override
            public int doWork() {
                return recorder.poll(64) + driver.tick();
            }

            @Override
            public String roleName() {
                return "trading-day";
            }
        });
        AgentRunner.startOnThread(runner);
    }

    /**
     * Starts the lifecycle thread.
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
     *         {@link IllegalStateException} when no trading day is open
     * @see TradingDayDriver#requestEndOfDay()
     */
    public CompletableFuture<Long> requestEndOfDay() {
        return driver.requestEndOfDay();
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
