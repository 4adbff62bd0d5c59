package exchange.sequencer;

import exchange.matching.event.Event;
import exchange.matching.testing.RecordedEvents;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a whole event log into memory, for tests: each event with its command sequence and index.
 */
public final class EventLogCollector implements EventLogConsumer {
    /** One event as read from the log. */
    public record Logged(long commandSequence, int eventIndex, byte[] bytes) {
        public Event event() {
            return RecordedEvents.decode(bytes);
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Logged l && l.commandSequence == commandSequence && l.eventIndex == eventIndex
                && Arrays.equals(l.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(commandSequence) * 31 + eventIndex;
        }

        @Override
        public String toString() {
            return commandSequence + "/" + eventIndex + " " + event();
        }
    }

    private final List<Logged> events = new ArrayList<>();

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        events.add(new Logged(commandSequence, eventIndex, copy));
    }

    public List<Logged> events() {
        return events;
    }

    /** @return every event in the log, in order */
    public static List<Logged> readAll(final EventLog log) {
        final EventLogCollector collector = new EventLogCollector();
        try (EventLogReader reader = log.newReader()) {
            while (reader.poll(collector, 1024) > 0) {
                // keep reading until the end
            }
        }
        return collector.events;
    }
}
