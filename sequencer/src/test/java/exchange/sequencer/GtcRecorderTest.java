package exchange.sequencer;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.TradingPhase;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.event.EventType;
import exchange.matching.testing.RecordedEvents;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days run through a real {@link GtcRecorder} and {@link GtcStore}: an engine's events feed the recorder,
 * the day ends, and what the store saved is restored into a fresh engine, as the next start of day does.
 */
@Timeout(60)
class GtcRecorderTest {
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.builder(1, "AAA").tickSize(100).build());
    private static final EngineConfig CONFIG = EngineConfig.defaults().orderCapacity(64).levelCapacity(16);
    private static final long STOP_ID = 7;

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[512]);
    private long sequence;

    /**
     * A buy stop that triggered on an earlier day and was carried as the market order it became (it joined
     * a volatility auction that the close ended before it filled, say) is restored into the closed book at
     * start of day, where a market order shows nothing. Carried over a second night, it must come back again
     * as the order it became, with its fills: not as a stop waiting for its stop price again, and not
     * refused for having fills while waiting (which cancelled the live order, RESTORE_FAILED).
     */
    @ParameterizedTest(name = "filled {0} of 43")
    @ValueSource(longs = {15, 0})
    void shouldBringBackAStopThatHadTriggeredAsTheOrderItBecameAfterASecondNight(final long cumQty) {
        try (EventLog log = EventLog.open(dir.resolve("events"));
             GtcStore store = new GtcStore(dir.resolve("gtc"), 64, 64);
             PositionStore position = new PositionStore(dir.resolve("positions"), "gtc", false);
             GtcRecorder recorder = new GtcRecorder(log, store, position)) {
            final MatchingEngine today = new MatchingEngine(INSTRUMENTS, CONFIG, new RecorderFeed(recorder));
            today.onCommand(closeAll(), 0);
            today.onCommand(triggeredBuyStop(cumQty), 0);
            final List<String> carried = goodTill(today);
            assertThat(carried).as("today's book").containsExactly(
                "resting STOP order 7 px 0 stop 1010000 qty 43 cum " + cumQty + " leaves " + (43 - cumQty));
            today.onCommand(endOfDay(), 0);

            final RecordedEvents events = new RecordedEvents();
            final MatchingEngine tomorrow = new MatchingEngine(INSTRUMENTS, CONFIG, events);
            tomorrow.onCommand(closeAll(), 0);
            for (final GtcStore.Saved saved : store.pending()) {
                final UnsafeBuffer restore = new UnsafeBuffer(saved.record().clone());
                restore.putLong(RestoreOrderCommand.SEQUENCE_OFFSET, ++sequence);
                tomorrow.onCommand(restore, 0);
            }
            assertThat(events.eventsSince(0)).extracting(e -> e.type())
                .as("tomorrow's events: none cancelled at restore (RESTORE_FAILED)").doesNotContain(EventType.CANCELLED);
            assertThat(goodTill(tomorrow)).as("tomorrow's book").containsExactlyElementsOf(carried);
        }
    }

    /** Yesterday's stop as the store saved it: triggered, partly filled or not, resting as a market order. */
    private UnsafeBuffer triggeredBuyStop(final long cumQty) {
        final RestoreOrderCommand c = (RestoreOrderCommand) new RestoreOrderCommand().wrap(scratch, 0);
        c.init();
        c.instrumentId(1).sessionId(30).firmId(3);
        c.orderId(STOP_ID).accountId(1).side(Side.BUY).orderType(OrderType.STOP).timeInForce(TimeInForce.GTC)
            .price(0).stopPrice(101_0000).orderQty(43).cumQty(cumQty).cumNotional(cumQty * 101_0000)
            .flags(RestoreOrderCommand.TRIGGERED);
        c.context("stop".getBytes());
        c.sequence(++sequence).timestampNs(1);
        return scratch;
    }

    private UnsafeBuffer closeAll() {
        final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(scratch, 0);
        c.init().instrumentId(Instrument.NULL_ID);
        c.phase(TradingPhase.CLOSED).scheduled(true);
        c.sequence(++sequence).timestampNs(1);
        return scratch;
    }

    private UnsafeBuffer endOfDay() {
        final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(scratch, 0);
        c.init().tradingDate(20261127);
        c.sequence(++sequence).timestampNs(1);
        return scratch;
    }

    /** The good-till orders of the book: resting ones in book order, then waiting stops in trigger order. */
    private static List<String> goodTill(final MatchingEngine engine) {
        final List<String> orders = new ArrayList<>();
        engine.forEachRestingOrder(1, o -> orders.add("resting " + o.orderType() + " order " + o.orderId()
            + " px " + o.price() + " stop " + o.stopPrice() + " qty " + o.orderQty() + " cum " + o.cumQty()
            + " leaves " + o.leavesQty()));
        engine.forEachWaitingStop(1, o -> orders.add("waiting " + o.orderType() + " order " + o.orderId()
            + " stop " + o.stopPrice() + " qty " + o.orderQty() + " cum " + o.cumQty()));
        return orders;
    }
}
