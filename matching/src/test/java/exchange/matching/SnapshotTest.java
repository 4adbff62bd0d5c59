package exchange.matching;

import exchange.matching.testing.CommandStream;
import exchange.matching.testing.RecordedEvents;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
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
        out.putInt(out.capacity() - 4, at[0]);
        return out;
    }

    private static int snapshotLength(final ExpandableArrayBuffer snapshot) {
        return snapshot.getInt(snapshot.capacity() - 4);
    }

    @ParameterizedTest(name = "snapshot after {0} of 6000 commands")
    @ValueSource(ints = {0, 1, 500, 2999, 4900})
    void shouldContinueExactlyAsAnUninterruptedEngineAfterLoadingASnapshot(final int cut) {
        final List<byte[]> commands = CommandStream.generate(99L + cut, 6000);
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
