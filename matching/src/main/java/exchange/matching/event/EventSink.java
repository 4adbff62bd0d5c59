package exchange.matching.event;

import org.agrona.MutableDirectBuffer;

/**
 * Where the engine puts its events, one complete record at a time, in order.
 *
 * <p>Called on the matching thread. The record is valid only during the call: copy what you keep.
 * An implementation must not block; the sequencer's appends to the outbound event log, a benchmark
 * counts, a test decodes.
 */
@FunctionalInterface
public interface EventSink {
    /**
     * @param buffer holding the event record
     * @param offset of its first byte
     * @param length of the record in bytes
     */
    void onEvent(MutableDirectBuffer buffer, int offset, int length);
}
