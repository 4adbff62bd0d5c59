package exchange.sequencer;

import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inbound journal: every command, in the single line the engine applies them in. A Chronicle Queue
 * rolled daily (UTC), one document per command, each holding exactly the command record. The journal
 * is the source of truth: an engine rebuilt from it is the engine that was.
 *
 * <p>Appending is thread-safe ({@link CommandSink}): many gateway threads append; under Chronicle's
 * write lock each command gets the next sequence number (dense, from 1, across days) and a time stamp
 * (nanoseconds since the epoch, never going backwards). With {@link Durability#SYNC} the append msyncs
 * before it returns, and readers see only synced commands.
 *
 * <p>Reading is for one thread at a time per {@link JournalReader}.
 */
public final class CommandJournal implements CommandSink, AutoCloseable {
    /** Largest command record. */
    public static final int MAX_RECORD_LENGTH = 512;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandJournal.class);

    private final SingleChronicleQueue queue;
    private final Durability durability;
    private final EpochNanoClock clock;
    private final AtomicLong lastSequence = new AtomicLong();
    private final AtomicLong lastTimestamp = new AtomicLong();
    private final AtomicLong lastSyncedIndex = new AtomicLong(-1);
    private final ThreadLocal<Appender> appenders;
    /**
     * Taken around Chronicle's own write lock so that the process's writers queue here: a writer that
     * finds Chronicle's lock held spins and yields until it is free, which on a machine with fewer cores
     * than gateway threads burns the core the holder needs; a waiter on this lock parks.
     */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Appender> allAppenders = new ArrayList<>();
    private boolean tornEntryFound;
    private final QueuePrefaulter.Writer prefault = new QueuePrefaulter.Writer();
    private final Doorbell doorbell = new Doorbell();

    private static final class Appender {
        final ExcerptAppender appender;
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_RECORD_LENGTH]);
        final MappedChunkAdvisor advisor;

        Appender(final ExcerptAppender appender, final QueuePrefaulter.Writer prefault) {
            this.appender = appender;
            this.advisor = new MappedChunkAdvisor(prefault);
        }
    }

    private CommandJournal(final SingleChronicleQueue queue, final Durability durability, final EpochNanoClock clock) {
        this.queue = queue;
        this.durability = durability;
        this.clock = clock;
        this.appenders = ThreadLocal.withInitial(() -> {
            final Appender a = new Appender(queue.createAppender(), prefault);
            synchronized (allAppenders) {
                allAppenders.add(a);
            }
            return a;
        });
    }

    /**
     * Opens (or creates) the journal in a directory and finds where it ends: the last complete
     * command's sequence and time stamp. A command whose write was cut short by a crash is not part of
     * the journal (Chronicle never shows an incomplete document) and was never acknowledged.
     *
     * @param dir        the journal directory
     * @param durability page cache or sync
     * @param clock      the time stamps' clock
     * @return the open journal
     * @throws CorruptJournalException when the last command cannot be read
     */
    public static CommandJournal open(final Path dir, final Durability durability, final EpochNanoClock clock) {
        QueueFiles.checkMetadata(dir, "journal");
        final SingleChronicleQueue queue;
        try {
            queue = SingleChronicleQueueBuilder.binary(dir.toFile())
                .rollCycle(RollCycles.FAST_DAILY)
                .timeoutMS(5_000)
                .build();
        } catch (final RuntimeException e) {
            throw new CorruptJournalException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
        final CommandJournal journal = new CommandJournal(queue, durability, clock);
        journal.findEnd(dir);
        return journal;
    }

    private void findEnd(final Path dir) {
        final long last = QueueFiles.lastDocumentIndex(queue);
        if (last < 0) {
            return;
        }
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(last)) {
                throw new CorruptJournalException("the last journal entry in " + dir + " (index "
                    + Long.toHexString(last) + ") cannot be read");
            }
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final int length = (int) bytes.readRemaining();
                if (length < Command.HEADER_LENGTH || length > MAX_RECORD_LENGTH) {
                    throw new CorruptJournalException("the last journal entry in " + dir + " (index "
                        + Long.toHexString(dc.index()) + ") is " + length + " bytes, not a command");
                }
                final UnsafeBuffer view = new UnsafeBuffer(bytes.addressForRead(bytes.readPosition()), length);
                lastSequence.set(view.getLong(Command.SEQUENCE_OFFSET));
                lastTimestamp.set(view.getLong(Command.TIMESTAMP_OFFSET));
                lastSyncedIndex.set(dc.index());
                tornEntryFound = headerAfterIsIncomplete(bytes);
            }
        }
        if (tornEntryFound) {
            LOG.warn("journal {}: the entry after sequence {} was cut short by a crash while being written; it was "
                + "never journaled, so never acknowledged, and is ignored", dir, lastSequence.get());
        }
    }

    /**
     * A journal file is zero beyond its last document. A writer killed in the middle of a document
     * leaves its header and part of its bytes there (Chronicle ignores them and will write over them),
     * so any non-zero byte just after the last complete document means an entry was cut short.
     */
    private static boolean headerAfterIsIncomplete(final Bytes<?> bytes) {
        final long end = (bytes.readLimit() + 3) & ~3L;
        final long stop = Math.min(end + 64, bytes.realCapacity());
        for (long at = end; at + 4 <= stop; at += 4) {
            if (bytes.bytesStore().readVolatileInt(at) != 0) {
                return true;
            }
        }
        return false;
    }

    /** @return true when opening found an entry cut short by a crash (and ignored it) */
    public boolean tornEntryFound() {
        return tornEntryFound;
    }

    /** @return rung after each command is journaled (and synced, with {@link Durability#SYNC}) */
    public Doorbell doorbell() {
        return doorbell;
    }

    /** @return the sequence of the last command journaled, 0 when empty */
    public long lastSequence() {
        return lastSequence.get();
    }

    /** @return the time stamp of the last command journaled, 0 when empty */
    public long lastTimestampNs() {
        return lastTimestamp.get();
    }

    /** @return where the appenders say how far they have written, for a {@link QueuePrefaulter} */
    QueuePrefaulter.Writer prefault() {
        return prefault;
    }

    /** @return the underlying queue, for readers in this package */
    SingleChronicleQueue queue() {
        return queue;
    }

    /**
     * @return the Chronicle index up to which readers may go: everything with {@link Durability#PAGE_CACHE},
     *         the last msync'd command with {@link Durability#SYNC}
     */
    long readableUpTo() {
        return durability == Durability.SYNC ? lastSyncedIndex.get() : Long.MAX_VALUE;
    }

    @Override
    public long append(final CommandWriter writer) {
        final Appender a = appenders.get();
        final UnsafeBuffer scratch = a.scratch;
        final int length = writer.write(scratch, 0);
        check(scratch, length);
        final long sequence;
        long index;
        writeLock.lock();
        try (DocumentContext dc = a.appender.writingDocument()) {
            sequence = lastSequence.get() + 1;
            final long timestamp = Math.max(clock.nanoTime(), lastTimestamp.get());
            scratch.putLong(Command.SEQUENCE_OFFSET, sequence);
            scratch.putLong(Command.TIMESTAMP_OFFSET, timestamp);
            dc.wire().bytes().write(scratch.byteArray(), 0, length);
            a.advisor.wrote(dc.wire().bytes());
            // Both counters move under Chronicle's write lock, so sequences follow the journal's order.
            lastSequence.set(sequence);
            lastTimestamp.set(timestamp);
            index = dc.index();
        } finally {
            writeLock.unlock();
        }
        if (durability == Durability.SYNC) {
            a.appender.sync();
            lastSyncedIndex.accumulateAndGet(index, Math::max);
        }
        doorbell.ring();
        return sequence;
    }

    private static void check(final UnsafeBuffer record, final int length) {
        if (length < Command.HEADER_LENGTH || length > MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("command record of " + length + " bytes");
        }
        if ((record.getShort(0) & 0xFFFF) != length) {
            throw new IllegalArgumentException("command record says " + (record.getShort(0) & 0xFFFF)
                + " bytes, writer wrote " + length);
        }
        if (CommandType.fromCode(record.getByte(2) & 0xFF) == null) {
            throw new IllegalArgumentException("unknown command type " + (record.getByte(2) & 0xFF));
        }
    }

    /**
     * @return a reader positioned at the start of the journal; for one thread
     */
    public JournalReader newReader() {
        return new JournalReader(this);
    }

    @Override
    public void close() {
        synchronized (allAppenders) {
            for (final Appender a : allAppenders) {
                a.appender.close();
            }
            allAppenders.clear();
        }
        queue.close();
    }
}
