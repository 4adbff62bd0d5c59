package exchange.sequencer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the kernel that the memory-mapped chunk of a queue file a writer has just entered is not read
 * in sequence ({@code madvise(MADV_RANDOM)}), so that the first touch of each page faults in that page
 * alone.
 *
 * <p>Why: Chronicle writes through a shared mapping of a file it grows ahead of the writer and leaves
 * sparse. Without the advice, a disk file system answers the first touch of a page with read-around:
 * it allocates the pages around it (up to the device's read-ahead, 8 MB on the benchmark VM) as large
 * folios and zeroes them, on the writer's thread. Measured with {@code perf record} on the sequencer
 * benchmark, that zeroing ({@code zero_user_segments} under {@code filemap_fault}) was two thirds of the
 * matching thread's time; page by page the same bytes cost a third as much (a C test of 2.75 GB of
 * 256-byte writes through a mapping on this VM's ext4: 437 MB/s without the advice, 1,400 MB/s with).
 * Nothing in the file changes: the advice is about how pages are brought in, not what they hold.
 *
 * <p>It also tells the queue's {@link QueuePrefaulter.Writer} how far the writer has written.
 *
 * <p>One per writing thread (a chunk is advised once per thread that enters it, which is harmless),
 * called under the queue's write lock. Without the native call (not Linux), it advises nothing.
 */
final class MappedChunkAdvisor {
    private static final Logger LOG = LoggerFactory.getLogger(MappedChunkAdvisor.class);
    private static final PosixAPI POSIX = posix();

    private final QueuePrefaulter.Writer prefault;
    private BytesStore<?, ?> lastStore;
    private MappedFile lastFile;

    /** @param prefault where to tell the {@link QueuePrefaulter} how far this writer has written */
    MappedChunkAdvisor(final QueuePrefaulter.Writer prefault) {
        this.prefault = prefault;
    }

    /** @return the native calls, or {@code null} where there are none */
    static PosixAPI posixOrNull() {
        return POSIX;
    }

    private static PosixAPI posix() {
        try {
            return PosixAPI.posix();
        } catch (final RuntimeException | LinkageError e) {
            LOG.info("no madvise here ({}): queue files are mapped with the kernel's default advice", e.toString());
            return null;
        }
    }

    /**
     * Call after writing through {@code bytes}; advises its chunk when it is a new one.
     *
     * @param bytes the writer's mapped bytes
     */
    void wrote(final Bytes<?> bytes) {
        final BytesStore<?, ?> store = bytes.bytesStore();
        if (store != lastStore) {
            lastStore = store;
            lastFile = bytes instanceof MappedBytes mapped ? mapped.mappedFile() : null;
            advise(store);
        }
        if (lastFile != null) {
            prefault.wrote(lastFile, bytes.writePosition());
        }
    }

    private static void advise(final BytesStore<?, ?> store) {
        if (POSIX != null && store instanceof MappedBytesStore mapped) {
            final long address = mapped.addressForRead(mapped.start());
            final long length = mapped.realCapacity();
            if (POSIX.madvise(address, length, MAdviseFlag.MADV_RANDOM) != 0) {
                LOG.debug("madvise of {} bytes at {} failed: {}", length, Long.toHexString(address), POSIX.lastErrorStr());
            }
        }
    }
}
