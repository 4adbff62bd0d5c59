package exchange.sequencer;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.PosixAPI;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Faults in, on a thread of its own, the pages of the queue files just ahead of their writers, in the
 * writers' own mappings, so that the writers (the gateways appending to the journal, the matching
 * thread publishing to the event log) find them mapped and writable.
 *
 * <p>Why: each page a writer touches first in a file on a disk file system costs a fault that
 * allocates and zeroes the page and reserves its block ({@code ext4_page_mkwrite}); on the
 * sequencer benchmark that was a quarter of the matching thread's time even page by page
 * ({@link MappedChunkAdvisor}). {@code madvise(MADV_POPULATE_WRITE)} (Linux 5.14) does the same work
 * for a range, here on the other core. It changes nothing in the file: it faults pages in as if
 * written, without writing them; what is durable, and when, is as without it.
 *
 * <p>It follows each queue's {@link Writer}: the chunk mapping the writer uses (shared with it through
 * Chronicle's {@link MappedFile}) and the position it has written up to, and keeps the next
 * {@value #AHEAD_BYTES} bytes populated. It holds a reference on the file and chunk it works in, so
 * neither is unmapped under it; {@link #close()} before closing the queues.
 */
final class QueuePrefaulter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePrefaulter.class);
    private static final int MADV_POPULATE_WRITE = 23;
    private static final int EINVAL = 22;
    private static final long PAGE_MASK = ~4095L;
    private static final long STEP_BYTES = 2L << 20;
    private static final long AHEAD_BYTES = 32L << 20;
    /** The first park when there is nothing to populate; it doubles while idle, up to the cold threads' longest. */
    private static final long IDLE_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Where one queue's writer is, for the prefaulter: set by the writing thread(s) (under the queue's
     * write lock), read by the prefault thread.
     */
    static final class Writer {
        private volatile MappedFile file;
        private volatile long position;

        /**
         * @param file     the file being written
         * @param position the offset written up to
         */
        void wrote(final MappedFile file, final long position) {
            if (file != this.file) {
                this.file = file;
            }
            this.position = position;
        }

        /** @return the offset written up to */
        long position() {
            return position;
        }
    }

    /** The prefault thread's state for one queue. */
    private static final class Follower {
        final Writer writer;
        MappedFile file;
        /** whether this thread holds a reference on {@link #file} */
        boolean fileHeld;
        MappedBytesStore store;
        long upTo;
        volatile long populatedUpTo;

        Follower(final Writer writer) {
            this.writer = writer;
        }
    }

    private final ReferenceOwner owner = ReferenceOwner.temporary("queue-prefault");
    private final Follower[] followers;
    private final PosixAPI posix;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean unsupported;
    private boolean supported;

    /**
     * Starts the thread, if the platform has the call (else it does nothing).
     *
     * @param writers the queues' writers
     */
    QueuePrefaulter(final Writer... writers) {
        followers = new Follower[writers.length];
        for (int i = 0; i < writers.length; i++) {
            followers[i] = new Follower(writers[i]);
        }
        posix = MappedChunkAdvisor.posixOrNull();
        if (posix == null) {
            thread = null;
            return;
        }
        thread = new Thread(this::run, "queue-prefault");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            // 32 MB ahead of the writers, it can sleep long once they are quiet
            final IdleStrategy idle = IdleStrategies.cold(IDLE_NS);
            while (running) {
                int worked = 0;
                for (final Follower f : followers) {
                    worked += step(f) ? 1 : 0;
                }
                idle.idle(worked);
            }
        } catch (final UnsupportedOperationException e) {
            unsupported = true;
            LOG.info("{}: queue pages are faulted in by their writers", e.getMessage());
        } finally {
            for (final Follower f : followers) {
                releaseStore(f);
                releaseFile(f);
            }
        }
    }

    /** @return true when it populated something */
    private boolean step(final Follower f) {
        final MappedFile file = f.writer.file;
        if (file == null) {
            return false;
        }
        final long writerAt = f.writer.position;
        try {
            if (file != f.file) {
                releaseStore(f);
                releaseFile(f);
                if (!file.tryReserve(owner)) {
                    return false; // closed: the writer has moved on to the next cycle's file
                }
                f.file = file;
                f.fileHeld = true;
                f.upTo = writerAt;
            }
            if (f.upTo < writerAt) {
                f.upTo = writerAt; // the writer got here first
            }
            if (f.upTo - writerAt >= AHEAD_BYTES) {
                return false;
            }
            // the chunk the writer will use at upTo: its current one while the range fits in it, as Chronicle does
            if (f.store == null || !f.store.inside(f.upTo, STEP_BYTES)) {
                releaseStore(f);
                f.store = f.file.acquireByteStore(owner, f.upTo);
            }
            final long end = Math.min(f.upTo + STEP_BYTES, f.store.start() + f.store.realCapacity());
            if (end <= f.upTo) {
                return false;
            }
            final long from = f.store.addressForWrite(f.upTo) & PAGE_MASK;
            final long to = f.store.addressForWrite(end - 1) + 1;
            if (posix.madvise(from, to - from, MADV_POPULATE_WRITE) == 0) {
                supported = true;
            } else {
                final int error = posix.lastError();
                if (error == EINVAL && !supported) {
                    throw new UnsupportedOperationException("madvise(MADV_POPULATE_WRITE) is not supported here");
                }
                LOG.debug("prefaulting {} at {} failed: {}", f.file.file(), f.upTo, posix.strerror(error));
            }
            f.upTo = end;
            f.populatedUpTo = end;
            return true;
        } catch (final UnsupportedOperationException e) {
            throw e;
        } catch (final Exception e) {
            // the file was closed (the queue rolled or is closing): drop it, follow the writer's next one
            LOG.debug("prefaulting stopped on {}: {}", file.file(), e.toString());
            releaseStore(f);
            releaseFile(f);
            f.file = file; // not held: followed no further, until the writer moves to another file
            f.upTo = Long.MAX_VALUE;
            return false;
        }
    }

    private void releaseStore(final Follower f) {
        if (f.store != null) {
            try {
                f.store.release(owner);
            } catch (final RuntimeException e) {
                LOG.debug("releasing a chunk: {}", e.toString());
            }
            f.store = null;
        }
    }

    private void releaseFile(final Follower f) {
        if (f.fileHeld) {
            try {
                f.file.release(owner);
            } catch (final RuntimeException e) {
                LOG.debug("releasing a file: {}", e.toString());
            }
            f.fileHeld = false;
        }
        f.file = null;
    }

    /**
     * @param queue the queue's place among the writers given at construction
     * @return the file offset up to which the last populating step reached, for tests
     */
    long populatedUpTo(final int queue) {
        return followers[queue].populatedUpTo;
    }

    /** @return true when the platform lets it populate pages, for tests */
    boolean active() {
        return thread != null && thread.isAlive();
    }

    /** @return true when the kernel refused to populate pages (older than Linux 5.14) and the thread stopped, for tests */
    boolean unsupported() {
        return unsupported;
    }

    /** Stops the thread, which lets go of the files it held. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
