package exchange.operations.view;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.TradingPhase;
import exchange.matching.command.EndOfDayCommand;
import exchange.operations.actions.OperatorCommands;
import exchange.operations.day.TradeRecord;
import exchange.risk.KillSwitchCommand;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import exchange.sequencer.TestClock;
import exchange.sequencer.TestCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class MarketViewTest {
    static final List<Instrument> INSTRUMENTS = List.of(
        Instrument.builder(1, "AAA").tickSize(100).referencePrice(100_0000).build(),
        Instrument.builder(2, "BBB").tickSize(100).referencePrice(50_0000).build());

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2026-11-27T10:00:00Z");
    private Sequencer sequencer;

    @BeforeEach
    void start() {
        sequencer = Sequencer.start(SequencerConfig.builder(dir.resolve("data")).idleStrategy("sleep")
            .snapshotInterval(0).engine(EngineConfig.defaults().orderCapacity(1024).levelCapacity(256)).build(),
            INSTRUMENTS, clock);
    }

    @AfterEach
    void stop() {
        sequencer.close();
    }

    private MarketView newView() {
        return new MarketView(sequencer.eventLog(), dir.resolve("operations"), INSTRUMENTS, 1024,
            firm -> "FIRM" + firm, account -> "ACC" + account, sequencer::appliedSequence, 3, 5, 10);
    }

    /** Drives the view on this thread until it has every event of the command. */
    private static MarketSnapshot catchUp(final MarketView view, final long sequence) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (view.snapshot().consumedThrough() < sequence && System.nanoTime() < deadline) {
            view.doWork();
            Thread.yield();
        }
        assertThat(view.snapshot().consumedThrough()).isGreaterThanOrEqualTo(sequence);
        return view.snapshot();
    }

    private long order(final int instrument, final Side side, final long price, final long qty, final int firm) {
        return sequencer.commands().append(TestCommands.limit(instrument, side, price, qty, firm, TimeInForce.DAY));
    }

    @Test
    void shouldShowBooksTradesPhasesAndTheDaysCountsAsTheEventLogTellsThem() {
        final MarketView view = newView();
        try {
            view.onStart();
            order(1, Side.BUY, 99_0000, 100, 1);
            order(1, Side.BUY, 99_5000, 10, 1);
            order(1, Side.BUY, 98_0000, 5, 2);
            order(1, Side.BUY, 97_0000, 5, 2);
            order(1, Side.SELL, 101_0000, 40, 2);
            order(1, Side.SELL, 99_5000, 15, 2); // trades 10 @ 99.50 with firm 1's bid, rests 5
            final long halt = sequencer.commands().append(OperatorCommands.setPhase(2, TradingPhase.HALTED));
            final long rejected = order(2, Side.BUY, 50_0000, 1, 1);

            final MarketSnapshot s = catchUp(view, rejected);

            final MarketSnapshot.InstrumentView aaa = s.instrument("AAA");
            assertThat(aaa.phase()).isEqualTo(TradingPhase.CONTINUOUS);
            assertThat(aaa.bids()).as("three levels kept, best first").containsExactly(
                new MarketSnapshot.Level(99_0000, 100, 1), new MarketSnapshot.Level(98_0000, 5, 1),
                new MarketSnapshot.Level(97_0000, 5, 1));
            assertThat(aaa.asks()).containsExactly(new MarketSnapshot.Level(99_5000, 5, 1),
                new MarketSnapshot.Level(101_0000, 40, 1));
            final TradeRecord trade = aaa.lastTrade();
            assertThat(trade).isEqualTo(new TradeRecord(trade.timeNs(), "AAA", 99_5000, 10, "FIRM1", "FIRM2",
                Side.SELL, trade.matchId()));
            assertThat(aaa.day().volume()).isEqualTo(10);
            assertThat(aaa.day().vwap()).isEqualByComparingTo("99.50");
            assertThat(s.instrument("BBB").phase()).isEqualTo(TradingPhase.HALTED);
            assertThat(s.trades()).containsExactly(trade);
            assertThat(s.counters().accepted()).isEqualTo(6);
            assertThat(s.counters().trades()).isEqualTo(1);
            assertThat(s.counters().rejectsByReason()).isEqualTo(Map.of("INSTRUMENT_HALTED", 1L));
            assertThat(halt).isLessThan(rejected);
        } finally {
            view.onClose();
        }
    }

    @Test
    void shouldTellWhatAMassCancelAndAnEndOfDayDidAndStartTheNextDayFromTheDayItKept() {
        MarketView view = newView();
        final long endOfDay;
        try {
            view.onStart();
            order(1, Side.BUY, 99_0000, 100, 1);
            order(2, Side.BUY, 49_0000, 100, 1);
            order(1, Side.SELL, 101_0000, 100, 2);
            final long cancel = sequencer.commands().append(OperatorCommands.massCancel(1, 0, 0));
            sequencer.commands().append(OperatorCommands.setPhase(2, TradingPhase.HALTED));
            final long kill = sequencer.commands().append((buffer, offset) -> KillSwitchCommand.write(buffer, offset, 2, 0));
            sequencer.commands().append((buffer, offset) -> KillSwitchCommand.write(buffer, offset, 3, 7));
            sequencer.commands().append((buffer, offset) -> KillSwitchCommand.write(buffer, offset, 3, 7, false));
            endOfDay = sequencer.commands().append((buffer, offset) -> {
                final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(buffer, offset);
                c.init().tradingDate(20261127);
                return c.length();
            });

            final MarketSnapshot s = catchUp(view, endOfDay);

            assertThat(view.outcomes().of(cancel).cancelled()).isEqualTo(2);
            assertThat(view.outcomes().of(kill).cancelled()).as("firm 2's ask").isEqualTo(1);
            assertThat(view.outcomes().of(endOfDay)).isEqualTo(new CommandOutcomes.Outcome(0, 20261127, 0, 0, false));
            assertThat(s.killSwitches()).containsExactly(new MarketSnapshot.KillSwitch("FIRM2", 2, null, 0));
            assertThat(s.instrument("AAA").asks()).as("the day ended: books empty").isEmpty();
            assertThat(s.counters().accepted()).as("counts start again").isZero();
        } finally {
            view.onClose();
        }

        clock.set("2026-11-28T10:00:00Z");
        final long next = order(1, Side.BUY, 99_0000, 7, 1);
        view = newView();
        try {
            view.onStart();
            final MarketSnapshot s = catchUp(view, next);
            assertThat(s.instrument("AAA").bids()).containsExactly(new MarketSnapshot.Level(99_0000, 7, 1));
            assertThat(s.instrument("BBB").phase()).as("the halt outlives the day").isEqualTo(TradingPhase.HALTED);
            assertThat(s.killSwitches()).as("so does a kill switch, before the day restates it")
                .containsExactly(new MarketSnapshot.KillSwitch("FIRM2", 2, null, 0));
            assertThat(s.counters().accepted()).as("only the new day was read").isEqualTo(1);
        } finally {
            view.onClose();
        }
    }
}
