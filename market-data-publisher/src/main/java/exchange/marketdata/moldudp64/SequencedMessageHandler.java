package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;

/**
 * Receives MoldUDP64 messages with their sequence numbers.
 *
 * <p>The buffer is only valid during the call: copy what must be kept.
 */
@FunctionalInterface
public interface SequencedMessageHandler {
    /**
     * @param sequenceNumber the message's sequence number in its session, from 1.
     * @param buffer holds the message at {@code [offset, offset + length)}.
     */
    void onMessage(long sequenceNumber, DirectBuffer buffer, int offset, int length);
}
