package exchange.matching;

import exchange.matching.testing.CommandStream;
import exchange.matching.testing.RecordedEvents;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {
    private static final List<Instrument> INSTRUMENTS = CommandStream.instruments();
    private static final EngineConfig CONFIG = CommandStream.withFirms(
        EngineConfig.defaults().orderCapacity(1 << 14).levelCapacity(1 << 10));

    private static ExpandableArrayBuffer snapshot(final MatchingEngine engine) {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int[] at = {0};
        engine.writeSnapshot((buffer, offset, length) -> {
            out.putBytes(at[0], buffer, offset, length);
            at[0] += length;
        });
        out.checkLimit(at[0] + 8); // the length goes in the last four bytes, which the records must not reach
        out.putInt(out.capacity() - 4, at[0]);
        return out;
    }

    private static int snapshotLength(final ExpandableArrayBuffer snapshot) {
        return snapshot.getInt(snapshot.capacity() - 4);
    }

    @ParameterizedTest(name = "snapshot after {0} of 6000 commands")
    @ValueSource(ints = {0, 1, 500, 2999, 4900})
    void shouldContinueExactlyAsAnUninterruptedEngineAfterLoadingASnapshot(final int cut) {
        continuesExactly(CommandStream.generate(99L + cut, 6000), cut);
    }

    /** The states a snapshot must carry besides resting orders. */
    enum State {
        PRE_OPEN_WITH_A_PUBLISHED_INDICATIVE_AUCTION,
        VOLATILITY_AUCTION_RUNNING,
        WAITING_STOPS,
        ICEBERG_SHOWING_PART_OF_A_PEAK
    }

    @ParameterizedTest(name = "snapshot taken with {0}")
    @EnumSource(State.class)
    void shouldCarryEveryStateOfMarketStructureAcrossASnapshot(final State state) {
        final List<byte[]> commands = CommandStream.generate(2026L, 6000);
        final MatchingEngine probe = new MatchingEngine(INSTRUMENTS, CONFIG, new RecordedEvents());
        int cut = -1;
        for (int i = 0; i < 4000 && cut < 0; i++) {
            probe.onCommand(new UnsafeBuffer(commands.get(i).clone()), 0);
            if (i > 200 && inState(probe, state)) {
                cut = i + 1;
            }
        }
        assertThat(cut).as("the stream reaches %s", state).isPositive();
        continuesExactly(commands, cut);
    }

    private static boolean inState(final MatchingEngine engine, final State state) {
        final OrderBook book = engine.books().book(1);
        return switch (state) {
            case PRE_OPEN_WITH_A_PUBLISHED_INDICATIVE_AUCTION -> book.phase() == TradingPhase.PRE_OPEN
                && book.indicativePublished() && book.publishedPairedQty() > 0;
            case VOLATILITY_AUCTION_RUNNING -> book.phase() == TradingPhase.VOLATILITY_AUCTION && book.volatilityEndNs() > 0;
            case WAITING_STOPS -> book.stops(false).size() + book.stops(true).size() >= 2;
            case ICEBERG_SHOWING_PART_OF_A_PEAK -> {
                final boolean[] found = {false};
                engine.forEachRestingOrder(1, o -> found[0] |= o.displayQty() > 0 && o.visibleQty() < o.displayQty()
                    && o.visibleQty() < o.leavesQty());
                yield found[0];
            }
        };
    }

    private static void continuesExactly(final List<byte[]> commands, final int cut) {
        final RecordedEvents uninterrupted = new RecordedEvents();
        final MatchingEngine reference = new MatchingEngine(INSTRUMENTS, CONFIG, uninterrupted);
        final RecordedEvents before = new RecordedEvents();
        final MatchingEngine first = new MatchingEngine(INSTRUMENTS, CONFIG, before);
        for (int i = 0; i < cut; i++) {
            reference.onCommand(new UnsafeBuffer(commands.get(i).clone()), 0);
            first.onCommand(new UnsafeBuffer(commands.get(i).clone()), 0);
        }
        final int mark = uninterrupted.size();
        final ExpandableArrayBuffer snapshot = snapshot(first);

        final RecordedEvents after = new RecordedEvents();
        final MatchingEngine second = new MatchingEngine(INSTRUMENTS, CONFIG, after);
        second.loadSnapshot(snapshot, 0, snapshotLength(snapshot));
        assertThat(second.lastCommandSequence()).isEqualTo(cut);
        assertThat(second.liveOrderCount()).isEqualTo(first.liveOrderCount());
        for (int i = cut; i < commands.size(); i++) {
            reference.onCommand(new UnsafeBuffer(commands.get(i).clone()), 0);
            second.onCommand(new UnsafeBuffer(commands.get(i).clone()), 0);
        }
        final List<byte[]> expected = uninterrupted.since(mark);
        assertThat(after.size()).isEqualTo(expected.size()).isGreaterThan(500);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(after.bytes(i)).as("event %d after the snapshot: %s", i, after.event(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldRefuseToLoadIntoAnEngineThatHasAlreadyWorked() {
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, CONFIG, new RecordedEvents());
        engine.onCommand(new UnsafeBuffer(CommandStream.generate(1L, 1).get(0)), 0);
        final ExpandableArrayBuffer snapshot = snapshot(engine);
        assertThatThrownBy(() -> engine.loadSnapshot(snapshot, 0, snapshotLength(snapshot)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("fresh");
    }

    @Test
    void shouldRefuseATruncatedSnapshot() {
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, CONFIG, new RecordedEvents());
        for (final byte[] c : CommandStream.generate(3L, 500)) {
            engine.onCommand(new UnsafeBuffer(c), 0);
        }
        final ExpandableArrayBuffer snapshot = snapshot(engine);
        final MatchingEngine fresh = new MatchingEngine(INSTRUMENTS, CONFIG, new RecordedEvents());
        assertThatThrownBy(() -> fresh.loadSnapshot(snapshot, 0, snapshotLength(snapshot) - 20))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseASnapshotOfAnInstrumentThatIsNotConfigured() {
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, CONFIG, new RecordedEvents());
        final ExpandableArrayBuffer snapshot = snapshot(engine);
        final MatchingEngine other = new MatchingEngine(List.of(Instrument.builder(1, "AAA").build()), CONFIG,
            new RecordedEvents());
        assertThatThrownBy(() -> other.loadSnapshot(snapshot, 0, snapshotLength(snapshot)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("instrument 2");
    }
}
