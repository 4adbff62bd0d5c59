package exchange.marketdata.store;

import org.agrona.DirectBuffer;

/**
 * An append-only log of one MoldUDP64 session's messages, numbered from 1 with no gaps.
 *
 * <p>Messages are written one at a time ({@link #append}) or in batches ({@link #appendToBatch}, then
 * {@link #commit()}): a message counts, can be read and survives a crash once committed.
 *
 * <p>Threading: {@link #append}, {@link #appendToBatch} and {@link #commit()} from one thread only
 * (the one that writes the feed); {@link #lastSequence()} from any thread; reading through a {@link MessageStoreReader}, one per reading
 * thread (the sender, the re-request server), because the underlying tailers are thread-confined.
 */
public interface MessageStore extends AutoCloseable {
    /** {@link #lastSequence()} of an empty store. */
    long NULL_SEQUENCE = 0;

    /**
     * Appends one message and commits it (with the open batch, if any).
     *
     * @return its sequence number: 1 for the first message, then one more each time.
     * @throws IllegalArgumentException if the message is longer than {@link #maxMessageLength()}.
     */
    long append(DirectBuffer buffer, int offset, int length);

    /**
     * Adds one message to the open batch, which {@link #commit()} writes; a batch that would grow past
     * the store's limit is committed first. Cheaper than {@link #append} per message.
     *
     * @return its sequence number.
     * @throws IllegalArgumentException if the message is longer than {@link #maxMessageLength()}.
     */
    default long appendToBatch(final DirectBuffer buffer, final int offset, final int length) {
        return append(buffer, offset, length);
    }

    /** Writes the open batch: its messages become readable and durable. Nothing when none is open. */
    default void commit() {
    }

    /** Sequence number of the last message committed, {@link #NULL_SEQUENCE} when empty. */
    long lastSequence();

    /** Largest message accepted, in bytes. */
    int maxMessageLength();

    /** A reader for the calling thread; close it when done. */
    MessageStoreReader newReader();

    @Override
    void close();
}
