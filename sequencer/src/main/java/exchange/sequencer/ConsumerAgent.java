package exchange.sequencer;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;

/**
 * Runs one event-log consumer at its own pace, remembering its place durably: on start it resumes
 * just after the last event it saved; after each batch it saves the position of the last event
 * handed over. A consumer whose side effects must not repeat (a FIX message sent) makes them durable
 * before it returns from {@link EventLogConsumer#onEvent}; a crash between that and the position save
 * replays at most the last batch, which such a consumer recognises (by ExecID, by sequence).
 *
 * <p>Drive it with an Agrona {@link org.agrona.concurrent.AgentRunner} or call {@link #doWork()}.
 * One thread.
 */
public final class ConsumerAgent implements Agent, EventLogConsumer {
    private final String name;
    private final EventLogReader reader;
    private final PositionStore positions;
    private final EventLogConsumer consumer;
    private final int documentsPerWork;
    private long documentIndex = -1;
    private long commandSequence;
    private int eventIndex;
    private long delivered;

    /**
     * @param name             the consumer's name (its position file is {@code <positions dir>/<name>.pos})
     * @param log              the event log
     * @param positions        this consumer's position store
     * @param consumer         receives each event
     * @param documentsPerWork most log documents per {@link #doWork()}
     */
    public ConsumerAgent(final String name, final EventLog log, final PositionStore positions,
                         final EventLogConsumer consumer, final int documentsPerWork) {
        this.name = name;
        this.reader = log.newReader();
        this.positions = positions;
        this.consumer = consumer;
        this.documentsPerWork = documentsPerWork;
        final PositionStore.Position p = positions.load();
        if (!p.isNone() && !reader.seekAfter(p.documentIndex(), p.commandSequence(), p.eventIndex())) {
            throw new CorruptJournalException("consumer " + name + " stopped at event log document "
                + Long.toHexString(p.documentIndex()) + ", which is not in the log");
        }
    }

    @Override
    public void onStart() {
        reader.handOver();
    }

    @Override
    public int doWork() {
        final int n = reader.poll(this, documentsPerWork);
        if (n > 0) {
            positions.save(documentIndex, commandSequence, eventIndex);
        }
        return n;
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        consumer.onEvent(documentIndex, commandSequence, eventIndex, buffer, offset, length);
        this.documentIndex = documentIndex;
        this.commandSequence = commandSequence;
        this.eventIndex = eventIndex;
        delivered++;
    }

    /** @return events handed to the consumer since start */
    public long delivered() {
        return delivered;
    }

    /** @return the command sequence of the last event handed over */
    public long lastCommandSequence() {
        return reader.lastCommandSequence();
    }

    @Override
    public void onClose() {
        reader.close();
        positions.close();
    }

    @Override
    public String roleName() {
        return "consumer-" + name;
    }
}
