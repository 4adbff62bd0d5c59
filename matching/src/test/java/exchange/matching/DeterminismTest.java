package exchange.matching;

import exchange.matching.testing.CommandStream;
import exchange.matching.testing.RecordedEvents;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    private static final List<Instrument> INSTRUMENTS = CommandStream.instruments();

    private static RecordedEvents run(final List<byte[]> commands) {
        final RecordedEvents events = new RecordedEvents();
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, CommandStream.config(), events);
        for (final byte[] command : commands) {
            engine.onCommand(new UnsafeBuffer(command.clone()), 0);
        }
        return events;
    }

    @Test
    void shouldWriteByteIdenticalEventsWhenTheSameCommandsAreAppliedTwice() {
        final List<byte[]> commands = CommandStream.generate(20261127L, 20_000);
        final RecordedEvents first = run(commands);
        final RecordedEvents second = run(commands);
        assertThat(first.size()).isGreaterThan(20_000);
        assertThat(first.sameAs(second)).as("same events, byte for byte").isTrue();
    }

    @Test
    void shouldExerciseEveryEventTypeSoThatThePropertyTestsCoverThem() {
        final RecordedEvents events = run(CommandStream.generate(7L, 20_000));
        final java.util.Set<exchange.matching.event.EventType> seen = java.util.EnumSet.noneOf(exchange.matching.event.EventType.class);
        for (int i = 0; i < events.size(); i++) {
            seen.add(events.event(i).type());
        }
        assertThat(seen).containsExactlyInAnyOrder(exchange.matching.event.EventType.values());
    }

    @Test
    void shouldWriteDifferentEventsForADifferentStream() {
        // Guards the test above against comparing two empty or constant outputs.
        final RecordedEvents first = run(CommandStream.generate(1L, 2_000));
        final RecordedEvents second = run(CommandStream.generate(2L, 2_000));
        assertThat(first.sameAs(second)).isFalse();
    }
}
