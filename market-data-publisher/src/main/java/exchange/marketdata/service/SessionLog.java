package exchange.marketdata.service;

import exchange.marketdata.publisher.InlinePublisher;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.store.MessageStoreReader;
import exchange.marketdata.translator.ItchSink;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The translator's output for one session, into that session's market-data log, exactly once, and
 * on to the feed as it is appended.
 *
 * <p>Messages are appended in batches and committed by {@link #commit()}; a crash loses the open
 * batch, which the next start regenerates like the rest.
 *
 * <p>The translator regenerates a session from its first event whenever the service starts. The log
 * may already hold the first {@code n} messages of the session (from before a stop or a crash,
 * however abrupt): those are not appended again but compared, byte for byte, with what is regenerated,
 * and from message {@code n + 1} on every message is appended. A difference means the log does not
 * belong to this event log (or the translation is not deterministic): the service stops rather than
 * publish a feed that contradicts itself.
 *
 * <p>Translator thread only. Never allocates.
 */
final class SessionLog implements ItchSink {
    private final String session;
    private final MessageStore store;
    private final InlinePublisher publisher;
    private final long recovered;
    private final MessageStoreReader reader;
    private final UnsafeBuffer stored;
    private long produced;

    /** @param publisher sends each message appended (the publisher numbers from the log's next message). */
    SessionLog(final String session, final MessageStore store, final InlinePublisher publisher) {
        this.session = session;
        this.store = store;
        this.publisher = publisher;
        this.recovered = store.lastSequence();
        this.reader = store.newReader();
        this.stored = new UnsafeBuffer(new byte[store.maxMessageLength()]);
    }

    @Override
    public void onMessage(final MutableDirectBuffer buffer, final int offset, final int length) {
        final long sequence = ++produced;
        if (sequence <= recovered) {
            checkSameAsStored(sequence, buffer, offset, length);
            return;
        }
        final long appended = store.appendToBatch(buffer, offset, length);
        if (appended != sequence) {
            throw new IllegalStateException("session " + session + ": message " + sequence + " was stored as " + appended
                + "; another writer is using the market-data log");
        }
        publisher.send(buffer, offset, length);
    }

    private void checkSameAsStored(final long sequence, final MutableDirectBuffer buffer, final int offset,
        final int length) {
        final int storedLength = reader.read(sequence, stored, 0);
        boolean same = storedLength == length;
        for (int i = 0; same && i < length; i++) {
            same = stored.getByte(i) == buffer.getByte(offset + i);
        }
        if (!same) {
            throw new IllegalStateException("session " + session + ": message " + sequence + " regenerated from the "
                + "event log differs from the one in the market-data log; the log belongs to another event log or "
                + "another instrument list");
        }
    }

    /**
     * Commits the messages appended since the last commit: from now on a subscriber can ask for them
     * again. (Their packets may already have left: a restart regenerates the same messages under the
     * same numbers, so nothing on the wire is ever contradicted.)
     */
    void commit() {
        store.commit();
    }

    /** Messages found in the log when the session was opened, to be regenerated before anything is appended. */
    long recovered() {
        return recovered;
    }

    /** Messages of the session produced so far (regenerated or appended). */
    long produced() {
        return produced;
    }

    /** Whether the translator is still regenerating messages the log already holds. */
    boolean isRecovering() {
        return produced < recovered;
    }

    void close() {
        reader.close();
    }
}
