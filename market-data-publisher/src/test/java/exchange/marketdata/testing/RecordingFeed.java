package exchange.marketdata.testing;

import exchange.marketdata.book.OrderBookBuilder;
import exchange.marketdata.moldudp64.SequencedMessageHandler;
import exchange.marketdata.subscriber.ItchSequencedDispatcher;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a subscriber delivered: a copy of every message in delivery order, and a book builder fed with
 * them. Notes any message that is not the next sequence number. Subscriber thread only; read it
 * through {@code FeedSubscriber.onSubscriberThread}.
 */
public final class RecordingFeed implements SequencedMessageHandler {
    private final List<byte[]> messages = new ArrayList<>();
    private final OrderBookBuilder books = new OrderBookBuilder();
    private final ItchSequencedDispatcher dispatcher = new ItchSequencedDispatcher(books);
    private long outOfSequence;

    @Override
    public void onMessage(final long sequenceNumber, final DirectBuffer buffer, final int offset, final int length) {
        if (sequenceNumber != messages.size() + 1) {
            outOfSequence++;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        messages.add(copy);
        dispatcher.onMessage(sequenceNumber, buffer, offset, length);
    }

    public List<byte[]> messages() {
        return new ArrayList<>(messages);
    }

    public OrderBookBuilder books() {
        return books;
    }

    public long outOfSequence() {
        return outOfSequence;
    }
}
