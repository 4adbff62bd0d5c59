package exchange.matching.testing;

import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventSink;
import exchange.matching.event.EventType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link EventSink} that keeps a copy of every event record, for tests. Each record can be read
 * back through a fresh flyweight.
 */
public final class RecordedEvents implements EventSink {
    private final List<byte[]> records = new ArrayList<>();

    @Override
    public void onEvent(final MutableDirectBuffer buffer, final int offset, final int length) {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        records.add(copy);
    }

    /** @return the number of records kept. */
    public int size() {
        return records.size();
    }

    /** @return the raw bytes of record i. */
    public byte[] bytes(final int i) {
        return records.get(i);
    }

    /** @return every record's bytes, in order. */
    public List<byte[]> all() {
        return List.copyOf(records);
    }

    /** @return the records from index {@code from} on. */
    public List<byte[]> since(final int from) {
        return List.copyOf(records.subList(from, records.size()));
    }

    /** Forgets every record. */
    public void clear() {
        records.clear();
    }

    /**
     * @param i record index
     * @return a fresh flyweight over a copy of record i
     */
    public Event event(final int i) {
        return decode(records.get(i));
    }

    /**
     * @param record an event record
     * @return a fresh flyweight over it
     */
    public static Event decode(final byte[] record) {
        return new EventDecoder().wrap(new UnsafeBuffer(record), 0);
    }

    /**
     * @return the events from index {@code from} on, decoded, each with its own flyweight
     */
    public List<Event> eventsSince(final int from) {
        final List<Event> events = new ArrayList<>();
        for (int i = from; i < records.size(); i++) {
            events.add(event(i));
        }
        return events;
    }

    /**
     * @param type  an event type
     * @param from  first record index to look at
     * @return every event of that type from {@code from} on
     */
    @SuppressWarnings("unchecked")
    public <T extends Event> List<T> ofType(final EventType type, final int from) {
        final List<T> found = new ArrayList<>();
        for (final Event e : eventsSince(from)) {
            if (e.type() == type) {
                found.add((T) e);
            }
        }
        return found;
    }

    /** @return true when both hold the same records, byte for byte. */
    public boolean sameAs(final RecordedEvents other) {
        if (records.size() != other.records.size()) {
            return false;
        }
        for (int i = 0; i < records.size(); i++) {
            if (!Arrays.equals(records.get(i), other.records.get(i))) {
                return false;
            }
        }
        return true;
    }
}
