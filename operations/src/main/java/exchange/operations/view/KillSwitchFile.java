package exchange.operations.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The kill switches that were on at the last DayEnded the view passed, one {@code firm/account} a line:
 * a view restarted between that DayEnded and the next day's start (when the engine restates them) still
 * shows them. Written before the day-start file, so it is never older than where the view starts.
 */
final class KillSwitchFile {
    private KillSwitchFile() {
    }

    /** @return {firm, account} pairs; none when there is no file */
    static List<int[]> load(final Path file) {
        final List<int[]> switches = new ArrayList<>();
        if (!Files.exists(file)) {
            return switches;
        }
        try {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final String text = line.trim();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    final String[] parts = text.split("/");
                    switches.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (final RuntimeException e) {
            throw new IllegalStateException(file + " is damaged: " + e, e);
        }
        return switches;
    }

    static void save(final Path file, final List<MarketSnapshot.KillSwitch> switches) {
        final StringBuilder text = new StringBuilder("# kill switches on at the start of the trading day: firm/account\n");
        switches.forEach(k -> text.append(k.firmId()).append('/').append(k.accountId()).append('\n'));
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
