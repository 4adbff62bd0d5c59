package exchange.marketdata.store;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MessageStore} on the heap, for tests and tools: nothing survives the process. Thread-safe
 * by locking; it allocates a copy per message, so it has no place on a hot path.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final int maxMessageLength;
    private final List<byte[]> messages = new ArrayList<>();

    public InMemoryMessageStore(final int maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
    }

    public InMemoryMessageStore() {
        this(ChronicleMessageStore.DEFAULT_MAX_MESSAGE_LENGTH);
    }

    @Override
    public synchronized long append(final DirectBuffer buffer, final int offset, final int length) {
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException("message length " + length + " not in [0, " + maxMessageLength + "]");
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        messages.add(copy);
        return messages.size();
    }

    @Override
    public synchronized long lastSequence() {
        return messages.size();
    }

    @Override
    public int maxMessageLength() {
        return maxMessageLength;
    }

    @Override
    public MessageStoreReader newReader() {
        return new MessageStoreReader() {
            @Override
            public int read(final long sequenceNumber, final MutableDirectBuffer destination, final int offset) {
                final byte[] message = get(sequenceNumber);
                if (message == null) {
                    return NOT_FOUND;
                }
                destination.putBytes(offset, message);
                return message.length;
            }

            @Override
            public void close() {
            }
        };
    }

    private synchronized byte[] get(final long sequenceNumber) {
        return sequenceNumber < 1 || sequenceNumber > messages.size() ? null : messages.get((int)(sequenceNumber - 1));
    }

    @Override
    public void close() {
    }
}
