package exchange.sequencer;

import exchange.matching.MatchingEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Engine snapshots on disk, so that a restart replays only the journal written since the newest one.
 * One file per snapshot, {@code snapshot-<sequence>.bin}:
 * <pre>
 *   0  magic "EXSNAP01" (8 bytes)
 *   8  sequence of the last command applied (i64)
 *  16  its Chronicle index in the journal (i64)
 *  24  length of the engine records (i64)
 *  32  the engine's snapshot records ({@link MatchingEngine#writeSnapshot})
 *  ..  CRC-32 of everything before it (i64)
 * </pre>
 * Written to a temporary file, forced to disk and renamed, so a crash leaves either the old set or
 * the new one; a file whose checksum fails is skipped (and reported), and an older one used.
 */
public final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final byte[] MAGIC = "EXSNAP01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HEADER_LENGTH = 32;

    private final Path dir;
    private final int kept;

    /** A snapshot found on disk: where it is in the journal, and its engine records, mapped. */
    public record Snapshot(Path file, long sequence, long journalIndex, UnsafeBuffer records, int length) {
    }

    /**
     * @param dir  where snapshots live; created if missing
     * @param kept how many to keep
     */
    public SnapshotStore(final Path dir, final int kept) {
        this.dir = dir;
        this.kept = kept;
        try {
            Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the snapshot directory " + dir, e);
        }
    }

    /**
     * Writes a snapshot of the engine as it is now. Matching thread (the engine's owner) only.
     *
     * @param engine       the engine
     * @param journalIndex Chronicle index of the last command it applied
     * @return the file written
     */
    public Path write(final MatchingEngine engine, final long journalIndex) {
        final long sequence = engine.lastCommandSequence();
        final Path file = dir.resolve(String.format("snapshot-%020d.bin", sequence));
        final Path temp = dir.resolve(file.getFileName() + ".tmp");
        final CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 20)) {
            final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            header.put(MAGIC).putLong(sequence).putLong(journalIndex).putLong(0);
            out.write(header.array());
            crc.update(header.array(), 0, 24);
            final long[] recordsLength = {0};
            final byte[] copy = new byte[512];
            engine.writeSnapshot((buffer, offset, length) -> {
                buffer.getBytes(offset, copy, 0, length);
                try {
                    out.write(copy, 0, length);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
                crc.update(copy, 0, length);
                recordsLength[0] += length;
            });
            out.flush();
            final ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            final ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, recordsLength[0]);
            crc.update(lengthBytes.array());
            trailer.putLong(0, crc.getValue());
            channel.write(trailer, HEADER_LENGTH + recordsLength[0]);
            channel.write(lengthBytes, 24);
            channel.force(true);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the snapshot directory " + dir + " does not support atomic renames", e);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot rename snapshot " + temp, e);
        }
        prune();
        return file;
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("snapshot-\\d{20}\\.bin"))
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                .toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + dir, e);
        }
    }

    private void prune() {
        final List<Path> files = files();
        for (int i = kept; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (final IOException e) {
                LOG.warn("could not delete old snapshot {}: {}", files.get(i), e.toString());
            }
        }
    }

    /**
     * Finds the newest intact snapshot at or before a sequence.
     *
     * @param maxSequence the newest command the snapshot may include
     * @return the snapshot, or {@code null} when there is none
     */
    public Snapshot newestAtOrBefore(final long maxSequence) {
        final List<String> skipped = new ArrayList<>();
        for (final Path file : files()) {
            final long sequence = Long.parseLong(file.getFileName().toString().substring(9, 29));
            if (sequence > maxSequence) {
                continue;
            }
            final Snapshot snapshot = read(file, skipped);
            if (snapshot != null) {
                return snapshot;
            }
        }
        return null;
    }

    private static Snapshot read(final Path file, final List<String> skipped) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            if (size < HEADER_LENGTH + 8) {
                LOG.warn("snapshot {} is truncated ({} bytes); using an older one", file, size);
                skipped.add(file.toString());
                return null;
            }
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            final UnsafeBuffer all = new UnsafeBuffer(mapped);
            final byte[] magic = new byte[8];
            all.getBytes(0, magic);
            final long length = all.getLong(24);
            if (!java.util.Arrays.equals(magic, MAGIC) || length < 0 || HEADER_LENGTH + length + 8 != size) {
                LOG.warn("snapshot {} is not a complete snapshot; using an older one", file);
                return null;
            }
            final CRC32 crc = new CRC32();
            final byte[] chunk = new byte[1 << 16];
            for (long at = 0; at < HEADER_LENGTH + length; at += chunk.length) {
                final int n = (int) Math.min(chunk.length, HEADER_LENGTH + length - at);
                all.getBytes((int) at, chunk, 0, n);
                if (at == 0) {
                    crc.update(chunk, 0, 24);
                    crc.update(chunk, 32, n - 32);
                } else {
                    crc.update(chunk, 0, n);
                }
            }
            crc.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length).array());
            if (crc.getValue() != all.getLong((int) (HEADER_LENGTH + length))) {
                LOG.warn("snapshot {} fails its checksum; using an older one", file);
                return null;
            }
            return new Snapshot(file, all.getLong(8), all.getLong(16), new UnsafeBuffer(mapped, HEADER_LENGTH, (int) length),
                (int) length);
        } catch (final IOException e) {
            LOG.warn("snapshot {} cannot be read ({}); using an older one", file, e.toString());
            return null;
        }
    }
}
