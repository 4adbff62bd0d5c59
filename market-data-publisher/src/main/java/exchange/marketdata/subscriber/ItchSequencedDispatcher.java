package exchange.marketdata.subscriber;

import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.itch.ItchMessageHandler;
import exchange.marketdata.moldudp64.SequencedMessageHandler;
import org.agrona.DirectBuffer;

/**
 * Decodes sequenced MoldUDP64 messages as ITCH and hands them to an {@link ItchMessageHandler}; the
 * handler can ask {@link #sequenceNumber()} for the feed sequence number of the message in hand.
 * Single-threaded; never allocates.
 */
public final class ItchSequencedDispatcher implements SequencedMessageHandler {
    private final ItchMessageDispatcher dispatcher;
    private long sequenceNumber;

    public ItchSequencedDispatcher(final ItchMessageHandler handler) {
        this.dispatcher = new ItchMessageDispatcher(handler);
    }

    @Override
    public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length) {
        this.sequenceNumber = sequenceNumber;
        dispatcher.dispatch(buffer, offset, length);
    }

    /** Feed sequence number of the message being dispatched (or last dispatched). */
    public long sequenceNumber() {
        return sequenceNumber;
    }
}
