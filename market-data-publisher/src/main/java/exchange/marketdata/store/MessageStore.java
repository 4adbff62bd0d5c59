package exchange.marketdata.store;

import org.agrona.DirectBuffer;

/**
 * An append-only log of one MoldUDP64 session's messages, numbered from 1 with no gaps.
 *
 * <p>Threading: {@link #append} from one thread only (the translator that writes the feed);
 * {@link #lastSequence()} from any thread; reading through a {@link MessageStoreReader}, one per reading
 * thread (the sender, the re-request server), because the underlying tailers are thread-confined.
 */
public interface MessageStore extends AutoCloseable {
    /** {@link #lastSequence()} of an empty store. */
    long NULL_SEQUENCE = 0;

    /**
     * Appends one message.
     *
     * @return its sequence number: 1 for the first message, then one more each time.
     * @throws IllegalArgumentException if the message is longer than {@link #maxMessageLength()}.
     */
    long append(DirectBuffer buffer, int offset, int length);

    /** Sequence number of the last message appended, {@link #NULL_SEQUENCE} when empty. */
    long lastSequence();

    /** Largest message accepted, in bytes. */
    int maxMessageLength();

    /** A reader for the calling thread; close it when done. */
    MessageStoreReader newReader();

    @Override
    void close();
}
