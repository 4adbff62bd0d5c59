package exchange.marketdata.service;

import exchange.matching.TradingPhase;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the market-data service starts: just after the event that ended the last complete session
 * (its DayEnded), with the trading phase each instrument was left in and that session's name. Written
 * once a day, after every message of the session is in its market-data log; nothing else is ever
 * written, because everything inside a session is regenerated from the event log (see
 * {@link MarketDataService}).
 *
 * <p>A small properties file, replaced atomically (written beside, forced to the device, renamed), so
 * a crash leaves the old point or the new one, never a mix.
 *
 * @param documentIndex   event-log document of the last event of the last complete session, -1 for none
 * @param commandSequence its command
 * @param eventIndex      its index among that command's events
 * @param lastSession     the last complete session's name, null for none
 * @param phases          instrument id to the phase it was left in
 */
public record ResumePoint(long documentIndex, long commandSequence, int eventIndex, String lastSession,
                          Map<Integer, TradingPhase> phases) {
    /** Before anything: the start of the event log, every instrument in the engine's first phase. */
    public static final ResumePoint START = new ResumePoint(-1, 0, -1, null, Map.of());

    public ResumePoint {
        phases = Map.copyOf(phases);
    }

    /** @return whether a session was completed before (there is a position to seek to). */
    public boolean hasPosition() {
        return documentIndex >= 0;
    }

    /**
     * @return the point saved in {@code file}, or {@link #START} when there is no file
     * @throws IllegalStateException when the file is damaged: starting over would publish every day again
     */
    public static ResumePoint load(final Path file) {
        if (!Files.exists(file)) {
            return START;
        }
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            final Map<Integer, TradingPhase> phases = new TreeMap<>();
            for (final String key : p.stringPropertyNames()) {
                if (key.startsWith("phase.")) {
                    phases.put(Integer.parseInt(key.substring(6)), TradingPhase.valueOf(p.getProperty(key)));
                }
            }
            final String session = p.getProperty("lastSession", "");
            return new ResumePoint(Long.parseLong(p.getProperty("documentIndex")),
                Long.parseLong(p.getProperty("commandSequence")), Integer.parseInt(p.getProperty("eventIndex")),
                session.isEmpty() ? null : session, phases);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (final RuntimeException e) {
            throw new IllegalStateException(file + " is damaged (" + e + "); it says where market data resumes, "
                + "so it must be repaired or restored, not ignored", e);
        }
    }

    /** Replaces {@code file} with this point, atomically and durably. */
    public void save(final Path file) {
        final StringBuilder text = new StringBuilder("# where the market-data service resumes; written at the end of each session\n");
        text.append("documentIndex=").append(documentIndex).append('\n')
            .append("commandSequence=").append(commandSequence).append('\n')
            .append("eventIndex=").append(eventIndex).append('\n')
            .append("lastSession=").append(lastSession == null ? "" : lastSession).append('\n');
        new TreeMap<>(phases).forEach((id, phase) -> text.append("phase.").append(id).append('=').append(phase).append('\n'));
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                final ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
