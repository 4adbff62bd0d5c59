package exchange.sequencer;

import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.command.Command;
import net.openhft.affinity.AffinityLock;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One shard's sequencer: the journal that gives every command its place in line, the matching
 * thread that applies them to the engine, and the event log that publishes what happened.
 *
 * <p>Start-up is recovery: the engine is rebuilt from the newest snapshot and the journal after it,
 * silently up to where the event log ends (those events were published before), and then the loop
 * resumes with the commands that were journaled but not yet applied. A command whose events were
 * published in part before a crash is applied again and only its missing events are published. So
 * nothing that was journaled is lost, nothing is published twice, and the books are those of an
 * uninterrupted run.
 *
 * <p>{@link #commands()} is thread-safe; {@link #eventLog()} is shared with consumers, each of which
 * makes its own reader.
 */
public final class Sequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final SequencerConfig config;
    private final CommandJournal journal;
    private final EventLog eventLog;
    private final EventLogWriter writer;
    private final MatchingAgent agent;
    private final AgentRunner runner;
    private final RecoveryReport recovery;
    private final QueuePrefaulter prefaulter;

    /** What start-up found and did, for the log and for tests. */
    public record RecoveryReport(long snapshotSequence, long replayedCommands, long republishedFrom,
                                 long journalEnd, long eventLogEnd, long millis) {
    }

    private Sequencer(final SequencerConfig config, final CommandJournal journal, final EventLog eventLog,
                      final EventLogWriter writer, final MatchingAgent agent, final RecoveryReport recovery) {
        this.config = config;
        this.journal = journal;
        this.eventLog = eventLog;
        this.writer = writer;
        this.agent = agent;
        this.recovery = recovery;
        this.prefaulter = new QueuePrefaulter(journal.prefault(), eventLog.prefault());
        final IdleStrategy idle = IdleStrategies.create(config.idleStrategy(), journal.doorbell());
        // The matching agent stops itself at its first failure, having logged it with its stack trace (an engine
        // that failed half way through a command cannot be trusted): the runner's handler says once it stopped.
        final ErrorHandler errors = AgentErrors.of(LOG, "matching");
        this.runner = new AgentRunner(idle, errors, null, agent);
        AgentRunner.startOnThread(runner, r -> {
            final Thread t = new Thread(() -> {
                if (config.cpu() >= 0) {
                    try (AffinityLock lock = AffinityLock.acquireLock(config.cpu())) {
                        LOG.info("matching thread pinned to CPU {}", lock.cpuId());
                        r.run();
                    }
                } else {
                    r.run();
                }
            }, "matching");
            t.setDaemon(false);
            return t;
        });
    }

    /**
     * Replays the journal silently up to where the event log ends; a command the log holds in part is
     * applied with only its missing events published.
     *
     * @return commands replayed
     */
    private static long replay(final JournalReader reader, final MatchingEngine engine, final EventLogWriter writer,
                               final EventLog.End end) {
        long replayed = 0;
        writer.suppressAll(true);
        final JournalReader.RecordHandler apply = (record, length, index) -> {
            final long sequence = record.getLong(Command.SEQUENCE_OFFSET);
            writer.beginCommand(sequence);
            if (sequence == end.commandSequence() && !end.commandComplete()) {
                writer.suppressAll(false);
                writer.skipFirst(end.nextEventIndex());
            }
            engine.onCommand(record, 0);
            writer.endCommand();
        };
        while (reader.expectedSequence() <= end.commandSequence()) {
            if (!reader.read(apply)) {
                throw new CorruptJournalException("the journal ends before command " + end.commandSequence()
                    + ", which the event log has");
            }
            replayed++;
        }
        writer.suppressAll(false);
        writer.flush();
        return replayed;
    }

    /**
     * Recovers and starts the matching thread.
     *
     * @param config      settings
     * @param instruments the shard's instruments
     * @param clock       the journal's time stamps
     * @return the running sequencer
     * @throws CorruptJournalException when the journal or the event log cannot be trusted
     */
    public static Sequencer start(final SequencerConfig config, final List<Instrument> instruments,
                                  final EpochNanoClock clock) {
        final long start = System.nanoTime();
        CommandJournal journal = null;
        EventLog eventLog = null;
        EventLogWriter writer = null;
        JournalReader reader = null;
        try {
            journal = CommandJournal.open(config.journalDir(), config.durability(), clock);
            eventLog = EventLog.open(config.eventLogDir());
            writer = new EventLogWriter(eventLog, config.batchBytes());
            final MatchingEngine engine = new MatchingEngine(instruments, config.engine(), writer);
            final SnapshotStore snapshots = new SnapshotStore(config.snapshotDir(), config.snapshotsKept());
            reader = journal.newReader();

            final EventLog.End end = eventLog.lastEntry();
            if (end.commandSequence() > journal.lastSequence()) {
                throw new CorruptJournalException("the event log reaches command " + end.commandSequence()
                    + " but the journal ends at " + journal.lastSequence() + ": they are not from the same run");
            }
            final SnapshotStore.Snapshot snapshot = snapshots.newestAtOrBefore(end.commandSequence());
            if (snapshot != null) {
                engine.loadSnapshot(snapshot.records(), 0, snapshot.length());
                reader.startAfter(snapshot.journalIndex(), snapshot.sequence());
                LOG.info("loaded snapshot {} (sequence {})", snapshot.file(), snapshot.sequence());
            }
            final long replayed = replay(reader, engine, writer, end);
            engine.releaseOwnership();
            final RecoveryReport recovery = new RecoveryReport(snapshot == null ? 0 : snapshot.sequence(), replayed,
                end.commandComplete() ? end.commandSequence() + 1 : end.commandSequence(), journal.lastSequence(),
                end.commandSequence(), (System.nanoTime() - start) / 1_000_000);
            LOG.info("recovered: snapshot at {}, {} commands replayed, journal ends at {}, event log at {}, in {} ms",
                recovery.snapshotSequence(), replayed, journal.lastSequence(), end.commandSequence(), recovery.millis());
            final MatchingAgent agent = new MatchingAgent(reader, engine, writer, snapshots, config.snapshotInterval(),
                reader.expectedSequence() - 1, eventLog.doorbell());
            return new Sequencer(config, journal, eventLog, writer, agent, recovery);
        } catch (final RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            closeQuietly(eventLog);
            closeQuietly(journal);
            throw e;
        }
    }

    private static void closeQuietly(final AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (final Exception e) {
                LOG.warn("while closing after a failed start: {}", e.toString());
            }
        }
    }

    /** @return where gateways append commands */
    public CommandJournal commands() {
        return journal;
    }

    /** @return the event log, for consumers */
    public EventLog eventLog() {
        return eventLog;
    }

    /** @return what start-up did */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** @return sequence of the last command applied and published */
    public long appliedSequence() {
        return agent.appliedSequence();
    }

    /** @return the failure that stopped the matching thread, or {@code null} while it runs */
    public Throwable failure() {
        return agent.failure();
    }

    /**
     * Waits until every command journaled so far has been applied and its events published.
     *
     * @param timeout how long to wait
     * @param unit    its unit
     * @return true when caught up
     */
    public boolean awaitApplied(final long timeout, final TimeUnit unit) throws InterruptedException {
        final long target = journal.lastSequence();
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (agent.appliedSequence() < target) {
            if (agent.failure() != null || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Stops the matching thread (after it has published what it applied) and closes the files. */
    @Override
    public void close() {
        runner.close();
        writer.close();
        prefaulter.close();
        journal.close();
        eventLog.close();
        LOG.info("sequencer stopped at sequence {}", agent.appliedSequence());
    }

    /** @return the configuration in use */
    public SequencerConfig config() {
        return config;
    }
}
