package exchange.sequencer;

import exchange.matching.TradingPhase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where the trading-day driver is in the day: the date, whether the day has started or ended, and the
 * last phase it journaled. A small properties file, replaced atomically, written right after the
 * commands it records are journaled; a crash in between makes the driver journal them again, which
 * changes nothing (restores of live orders and repeated phase changes are no-ops), except for an
 * EndOfDay: the driver finds that one in what the journal made of it (the GTC store's saved date) at
 * start, and does not journal it again.
 */
final class TradingDayState {
    enum Stage { NONE, STARTED, ENDED }

    private final Path file;
    // Written by the driver's thread only; volatile so that operators may read them from any thread.
    private volatile int date;
    private volatile Stage stage = Stage.NONE;
    private volatile TradingPhase phase = TradingPhase.CLOSED;

    TradingDayState(final Path file) {
        this.file = file;
        if (Files.exists(file)) {
            final Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
                date = Integer.parseInt(p.getProperty("date", "0"));
                stage = Stage.valueOf(p.getProperty("stage", "NONE"));
                phase = TradingPhase.valueOf(p.getProperty("phase", "CLOSED"));
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (final IllegalArgumentException e) {
                throw new IllegalStateException(file + " is damaged: " + e.getMessage(), e);
            }
        }
    }

    Path file() {
        return file;
    }

    int date() {
        return date;
    }

    Stage stage() {
        return stage;
    }

    TradingPhase phase() {
        return phase;
    }

    void set(final int date, final Stage stage, final TradingPhase phase) {
        this.date = date;
        this.stage = stage;
        this.phase = phase;
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        final String text = "date=" + date + "\nstage=" + stage + "\nphase=" + phase + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
