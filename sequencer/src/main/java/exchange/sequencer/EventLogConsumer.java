package exchange.sequencer;

import org.agrona.MutableDirectBuffer;

/**
 * Receives events from the event log, in order. The event's position (the log document it is in, the
 * command that caused it, its index among that command's events) is what a consumer stores to resume
 * exactly after it ({@link EventLogReader#seekAfter}).
 */
@FunctionalInterface
public interface EventLogConsumer {
    /**
     * @param documentIndex   Chronicle index of the log document holding the event
     * @param commandSequence the causing command
     * @param eventIndex      the event's index among that command's events, from 0
     * @param buffer          holding the event record (decode it with an {@link exchange.matching.event.EventDecoder})
     * @param offset          of the record
     * @param length          of the record; valid only during the call
     */
    void onEvent(long documentIndex, long commandSequence, int eventIndex, MutableDirectBuffer buffer, int offset,
                 int length);
}
