package exchange.sequencer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * A consumer's durable place in the event log: the last event it has fully dealt with. One small
 * file per consumer ({@code <dir>/<name>.pos}): document index, command sequence, event index, and a
 * checksum, rewritten in place with one write; a file that fails its checksum counts as no position.
 *
 * <p>One thread per store.
 */
public final class PositionStore implements AutoCloseable {
    private static final int LENGTH = 32;

    /** A stored position, or {@link #NONE}. */
    public record Position(long documentIndex, long commandSequence, int eventIndex) {
        /** Before the first event. */
        public static final Position NONE = new Position(-1, 0, -1);

        public boolean isNone() {
            return documentIndex < 0;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final boolean force;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();

    /**
     * @param dir   where position files live; created if missing
     * @param name  the consumer's name: letters, digits, dash, underscore, dot
     * @param force true to force each save to the device (survives a power cut, costs a flush)
     */
    public PositionStore(final Path dir, final String name, final boolean force) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("consumer name must be letters, digits, dot, dash or underscore: " + name);
        }
        this.force = force;
        this.file = dir.resolve(name + ".pos");
        try {
            Files.createDirectories(dir);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open consumer position " + file, e);
        }
    }

    /** @return the stored position, {@link Position#NONE} when there is none or it is damaged */
    public Position load() {
        try {
            buffer.clear();
            final int read = channel.read(buffer, 0);
            if (read < LENGTH) {
                return Position.NONE;
            }
            final long doc = buffer.getLong(0);
            final long sequence = buffer.getLong(8);
            final int event = buffer.getInt(16);
            return checksum(doc, sequence, event) == buffer.getLong(24) ? new Position(doc, sequence, event) : Position.NONE;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read consumer position " + file, e);
        }
    }

    /**
     * Stores the position of the last event dealt with.
     */
    public void save(final long documentIndex, final long commandSequence, final int eventIndex) {
        buffer.clear();
        buffer.putLong(0, documentIndex).putLong(8, commandSequence).putInt(16, eventIndex).putInt(20, 0)
            .putLong(24, checksum(documentIndex, commandSequence, eventIndex));
        try {
            channel.write(buffer, 0);
            if (force) {
                channel.force(false);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write consumer position " + file, e);
        }
    }

    private long checksum(final long doc, final long sequence, final int event) {
        crc.reset();
        final ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(doc).putLong(sequence).putInt(event);
        crc.update(b.array());
        return crc.getValue();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
