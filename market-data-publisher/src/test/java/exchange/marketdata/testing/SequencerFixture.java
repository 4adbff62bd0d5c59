package exchange.marketdata.testing;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.event.EventSink;
import exchange.matching.command.CommandType;
import exchange.matching.TradingPhase;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.sequencer.CommandWriter;
import exchange.sequencer.EventLog;
import exchange.sequencer.JournalReader;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import exchange.sequencer.TestCommands;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real sequencer in a temporary folder, for market-data tests: orders go in through its journal, the
 * matching thread applies them and writes the event log the market-data service reads. Its clock
 * starts at 2026-11-27 09:00 UTC and moves a microsecond per command, so two runs stamp the same times.
 * The instruments are those {@code CommandStream} uses: AAA (1) and BBB (2), tick 0.01, lot 1, with
 * their price collars, circuit breakers and policies, and the engine has the stream's firms' self-trade
 * prevention, so that the streams' stops, icebergs, auctions and self-trade decrements all happen.
 */
public final class SequencerFixture implements AutoCloseable {
    public static final List<Instrument> INSTRUMENTS = exchange.matching.testing.CommandStream.instruments();
    public static final int ORDER_CAPACITY = 1 << 14;
    public static final EngineConfig ENGINE = exchange.matching.testing.CommandStream.withFirms(
        EngineConfig.defaults().orderCapacity(ORDER_CAPACITY).levelCapacity(1 << 10));
    /** 2026-11-27T09:00:00Z in ns. */
    public static final long START_NS = 1_795_770_000_000_000_000L;
    public static final int TRADING_DATE = 20261127;

    private final Sequencer sequencer;
    private final long[] now;

    private SequencerFixture(final Sequencer sequencer, final long[] now) {
        this.sequencer = sequencer;
        this.now = now;
    }

    public static SequencerFixture start(final Path dataDir) {
        final SequencerConfig config = SequencerConfig.builder(dataDir).idleStrategy("backoff").snapshotInterval(0)
            .engine(ENGINE).build();
        final long[] now = {START_NS};
        final EpochNanoClock clock = () -> now[0] += 1_000;
        return new SequencerFixture(Sequencer.start(config, INSTRUMENTS, clock), now);
    }

    /**
     * Moves the clock on: the next command is stamped a microsecond after {@code epochNs}. Call it
     * between appends (the sequencer reads the clock on its own thread as it journals).
     */
    public void clockAt(final long epochNs) {
        now[0] = epochNs;
    }

    /** Appends commands written by {@code writers} and waits until they are applied. */
    public void append(final CommandWriter... writers) throws InterruptedException {
        for (final CommandWriter writer : writers) {
            sequencer.commands().append(writer);
        }
        awaitApplied();
    }

    public EventLog eventLog() {
        return sequencer.eventLog();
    }

    /** Appends commands (their sequences and times are the journal's) and waits until they are applied. */
    public void append(final List<byte[]> commands) throws InterruptedException {
        for (final byte[] command : commands) {
            sequencer.commands().append(TestCommands.copyOf(command));
        }
        awaitApplied();
    }

    /** Moves every instrument to a phase, as the trading-day driver does. */
    public void phase(final TradingPhase phase) throws InterruptedException {
        final CommandWriter setPhase = (buffer, offset) -> {
            final SetPhaseCommand c = (SetPhaseCommand)new SetPhaseCommand().wrap(buffer, offset);
            c.init().instrumentId(Instrument.NULL_ID);
            c.phase(phase);
            return c.length();
        };
        sequencer.commands().append(setPhase);
        awaitApplied();
    }

    /** Ends the trading day 2026-11-27. */
    public void endOfDay() throws InterruptedException {
        final CommandWriter endOfDay = (buffer, offset) -> {
            final EndOfDayCommand c = (EndOfDayCommand)new EndOfDayCommand().wrap(buffer, offset);
            c.init().tradingDate(TRADING_DATE);
            return c.length();
        };
        sequencer.commands().append(endOfDay);
        awaitApplied();
    }

    private void awaitApplied() throws InterruptedException {
        assertThat(sequencer.awaitApplied(60, TimeUnit.SECONDS)).as("applied; failure: %s", sequencer.failure()).isTrue();
    }

    /** Command sequence of the last event in the log: a consumer that reached it has read everything. */
    public long lastEventCommandSequence() {
        return sequencer.eventLog().lastEntry().commandSequence();
    }

    /**
     * A fresh engine that has applied every journaled command, on the calling thread: the engine's books
     * to compare a feed with.
     */
    public MatchingEngine referenceEngine() {
        return referenceEngine((buffer, offset, length) -> { });
    }

    /** {@link #referenceEngine()}, its events to {@code events} as it replays the journal. */
    public MatchingEngine referenceEngine(final EventSink events) {
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, ENGINE, events);
        try (JournalReader reader = sequencer.commands().newReader()) {
            final JournalReader.RecordHandler apply = (record, length, index) -> engine.onCommand(record, 0);
            while (reader.read(apply)) {
                // to the end of the journal
            }
        }
        return engine;
    }

    /** A stream without its end-of-day commands, so that it all happens in one session. */
    public static List<byte[]> withoutEndsOfDay(final List<byte[]> commands) {
        final List<byte[]> kept = new ArrayList<>();
        for (final byte[] command : commands) {
            if ((command[2] & 0xFF) != CommandType.END_OF_DAY.code()) {
                kept.add(command);
            }
        }
        return kept;
    }

    @Override
    public void close() {
        sequencer.close();
    }
}
