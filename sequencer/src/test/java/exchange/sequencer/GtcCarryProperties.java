package exchange.sequencer;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.RestingOrder;
import exchange.matching.TradingPhase;
import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.testing.CommandStream;
import exchange.matching.testing.RecordedEvents;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command streams through an engine whose events feed a real {@link GtcRecorder}; the day
 * ends as the trading-day driver ends it (every book closed, then EndOfDay), and the saved orders are
 * restored, in the store's order, into a fresh engine as the next start of day does. The good-till
 * orders the first engine held must come back exactly: the same orders in the same places of the
 * same levels (time priority), the same waiting stops in the same trigger order, with their fills,
 * owners, instructions and iceberg peaks. jqwik prints the seed of a failing stream.
 */
class GtcCarryProperties {
    private static final List<Instrument> INSTRUMENTS = CommandStream.instruments();
    private static Path dir;
    private static EventLog log;
    private static GtcStore store;
    private static int runs;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("gtc-carry");
        log = EventLog.open(dir.resolve("events"));
        store = new GtcStore(dir.resolve("gtc"), 4096, 4096);
    }

    @AfterContainer
    static void close() throws IOException {
        store.close();
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 300)
    void goodTillOrdersComeBackTheNextDayAsTheyWere(@ForAll final long seed,
                                                    @ForAll @IntRange(min = 1, max = 300) final int length) {
        final EngineConfig config = CommandStream.withFirms(
            EngineConfig.defaults().orderCapacity(4096).levelCapacity(512).extrasCapacity(256));
        store.saveAll(0, List.of()); // nothing from the last try
        try (PositionStore position = new PositionStore(dir.resolve("positions"), "run" + runs++, false);
             GtcRecorder recorder = new GtcRecorder(log, store, position)) {
            final MatchingEngine today = new MatchingEngine(INSTRUMENTS, config, new RecorderFeed(recorder));
            long sequence = 0;
            long now = 0;
            for (final byte[] command : CommandStream.generate(seed, length)) {
                final UnsafeBuffer buffer = new UnsafeBuffer(command);
                sequence = buffer.getLong(Command.SEQUENCE_OFFSET);
                now = buffer.getLong(Command.TIMESTAMP_OFFSET);
                if ((buffer.getByte(Command.TYPE_OFFSET) & 0xFF) == CommandType.END_OF_DAY.code()) {
                    continue; // one day: what an earlier end carried would come back before another end
                }
                today.onCommand(buffer, 0);
            }
            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[512]);
            today.onCommand(closeAll(scratch, ++sequence, now), 0);
            final List<String> carried = goodTill(today);
            final EndOfDayCommand end = (EndOfDayCommand) new EndOfDayCommand().wrap(scratch, 0);
            end.init().tradingDate(20261127);
            end.sequence(++sequence).timestampNs(now);
            today.onCommand(scratch, 0);

            final MatchingEngine tomorrow = new MatchingEngine(INSTRUMENTS, config, new RecordedEvents());
            tomorrow.onCommand(closeAll(scratch, ++sequence, now), 0);
            for (final GtcStore.Saved saved : store.pending()) {
                final UnsafeBuffer restore = new UnsafeBuffer(saved.record().clone());
                restore.putLong(Command.SEQUENCE_OFFSET, ++sequence);
                restore.putLong(Command.TIMESTAMP_OFFSET, now);
                tomorrow.onCommand(restore, 0);
            }
            assertThat(goodTill(tomorrow)).as("the good-till orders, book by book, level by level, in time priority")
                .containsExactlyElementsOf(carried);
        }
    }

    private static UnsafeBuffer closeAll(final UnsafeBuffer buffer, final long sequence, final long now) {
        final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, 0);
        c.init().instrumentId(Instrument.NULL_ID);
        c.phase(TradingPhase.CLOSED).scheduled(true);
        c.sequence(sequence).timestampNs(now);
        return buffer;
    }

    /** The good-till orders of every book: resting orders in book order, then waiting stops in trigger order. */
    private static List<String> goodTill(final MatchingEngine engine) {
        final List<String> orders = new ArrayList<>();
        for (final Instrument instrument : INSTRUMENTS) {
            engine.forEachRestingOrder(instrument.id(), o -> {
                if (o.timeInForce().survivesEndOfDay()) {
                    orders.add("resting " + describe(o));
                }
            });
            engine.forEachWaitingStop(instrument.id(), o -> {
                if (o.timeInForce().survivesEndOfDay()) {
                    // a waiting stop's notional word holds its stop priority: its place is the order here
                    orders.add("waiting " + describe(o).replaceFirst(" notional [0-9]+", ""));
                }
            });
        }
        return orders;
    }

    private static String describe(final RestingOrder o) {
        return o.instrumentId() + " " + o.side() + " " + o.orderType() + " " + o.timeInForce() + " order " + o.orderId()
            + " px " + o.price() + " stop " + o.stopPrice() + " qty " + o.orderQty() + " cum " + o.cumQty()
            + " leaves " + o.leavesQty() + " notional " + o.cumNotional() + " peak " + o.displayQty()
            + " instructions " + o.instructions() + " owner " + o.sessionId() + "/" + o.firmId() + "/" + o.accountId();
    }
}
