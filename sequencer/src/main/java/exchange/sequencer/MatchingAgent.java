package exchange.sequencer;

import exchange.matching.MatchingEngine;
import exchange.matching.command.Command;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching loop: reads the journal in order, applies each command to the engine, and publishes
 * the events. One {@link #doWork()} applies up to {@value #COMMANDS_PER_WORK} commands and then
 * flushes the event batch, so events are published as soon as the loop has caught up with the
 * journal, and in large documents when it is behind; then it rings the event log's doorbell, which
 * wakes the consumers that wait parked. Takes a snapshot every configured number of
 * commands, right after a flush (so a snapshot never gets ahead of the event log).
 *
 * <p>Runs on the one matching thread. A bug (an exception from the engine) stops the loop: the
 * engine's state can no longer be trusted, and the sequencer reports the failure.
 */
final class MatchingAgent implements Agent, JournalReader.RecordHandler {
    static final int COMMANDS_PER_WORK = 256;
    private static final Logger LOG = LoggerFactory.getLogger(MatchingAgent.class);

    private final JournalReader reader;
    private final MatchingEngine engine;
    private final EventLogWriter writer;
    private final SnapshotStore snapshots;
    private final long snapshotInterval;
    private final Doorbell published;
    private long lastIndex = -1;
    private long commands;
    private long commandsSinceSnapshot;
    private volatile long appliedSequence;
    private volatile Throwable failure;

    MatchingAgent(final JournalReader reader, final MatchingEngine engine, final EventLogWriter writer,
                  final SnapshotStore snapshots, final long snapshotInterval, final long appliedSequence,
                  final Doorbell published) {
        this.reader = reader;
        this.engine = engine;
        this.writer = writer;
        this.snapshots = snapshots;
        this.snapshotInterval = snapshotInterval;
        this.appliedSequence = appliedSequence;
        this.published = published;
    }

    @Override
    public void onStart() {
        reader.handOver();
        writer.handOver();
    }

    @Override
    public int doWork() {
        try {
            int work = 0;
            while (work < COMMANDS_PER_WORK && reader.read(this)) {
                work++;
            }
            if (writer.hasPending()) {
                writer.flush();
                published.ring();
            }
            if (work > 0) {
                appliedSequence = reader.expectedSequence() - 1;
                if (snapshotInterval > 0 && commandsSinceSnapshot >= snapshotInterval) {
                    snapshot();
                }
            }
            return work;
        } catch (final RuntimeException | Error e) {
            failure = e;
            LOG.error("matching loop stopped: the engine failed on the command after sequence {}", appliedSequence, e);
            throw new AgentTerminationException(e);
        }
    }

    @Override
    public void onCommand(final UnsafeBuffer record, final int length, final long index) {
        writer.beginCommand(record.getLong(Command.SEQUENCE_OFFSET));
        engine.onCommand(record, 0);
        writer.endCommand();
        lastIndex = index;
        commands++;
        commandsSinceSnapshot++;
    }

    /** Writes a snapshot now; the event batch must be flushed. */
    void snapshot() {
        if (lastIndex < 0) {
            return;
        }
        final long start = System.nanoTime();
        final java.nio.file.Path file = snapshots.write(engine, lastIndex);
        commandsSinceSnapshot = 0;
        LOG.info("snapshot at sequence {} written to {} in {} ms", engine.lastCommandSequence(), file,
            (System.nanoTime() - start) / 1_000_000);
    }

    /** @return sequence of the last command applied and published */
    long appliedSequence() {
        return appliedSequence;
    }

    /** @return commands applied since start */
    long commands() {
        return commands;
    }

    /** @return the failure that stopped the loop, or {@code null} */
    Throwable failure() {
        return failure;
    }

    @Override
    public void onClose() {
        writer.flush();
        reader.close();
    }

    @Override
    public String roleName() {
        return "matching";
    }
}
