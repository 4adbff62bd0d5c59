package exchange.marketdata.store;

import org.agrona.MutableDirectBuffer;

/**
 * Random access to a {@link MessageStore} by sequence number. Reading the sequence after the previous
 * one is the cheap, common case (tailing); any other sequence is a seek.
 *
 * <p>One reader per thread. Never allocates.
 */
public interface MessageStoreReader extends AutoCloseable {
    /** What {@link #read} returns for a sequence number that is not (yet) in the store. */
    int NOT_FOUND = -1;

    /**
     * Copies message {@code sequenceNumber} to {@code destination[offset]}.
     *
     * @return the message length, or {@link #NOT_FOUND} if the sequence is below 1 or not yet written.
     * @throws IndexOutOfBoundsException if the destination cannot hold the message.
     */
    int read(long sequenceNumber, MutableDirectBuffer destination, int offset);

    @Override
    void close();
}
