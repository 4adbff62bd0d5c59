package exchange.sequencer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a queue directory before Chronicle opens it, so that files that are not a queue's give a
 * clear message at once instead of a lock timeout.
 */
final class QueueFiles {
    private static final String METADATA = "metadata.cq4t";

    private QueueFiles() {
    }

    /**
     * @param dir  the queue directory
     * @param what "journal" or "event log", for the message
     * @throws CorruptJournalException when the directory holds a metadata file that is not Chronicle's
     */
    static void checkMetadata(final Path dir, final String what) {
        final Path metadata = dir.resolve(METADATA);
        if (!Files.exists(metadata)) {
            return;
        }
        final byte[] head = new byte[64];
        int read;
        try (InputStream in = Files.newInputStream(metadata)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot open the " + what + " in " + dir + ": " + METADATA
                + " cannot be read: " + e.getMessage(), e);
        }
        if (read < head.length || !new String(head, StandardCharsets.ISO_8859_1).contains("STStore")) {
            throw new CorruptJournalException("cannot open the " + what + " in " + dir + ": " + metadata
                + " is not a Chronicle Queue metadata file; the directory holds something else or is damaged");
        }
    }
}
