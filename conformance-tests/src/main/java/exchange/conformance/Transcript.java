package exchange.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What one script run sent and received, in order, for reports of failed scripts.
 * Lines look like {@code 1> 8=FIX.4.4|...} (sent on connection 1), {@code 1< ...} (received)
 * and {@code 1: note}. Keeps at most {@link #MAX_LINES} lines. Not thread-safe.
 */
final class Transcript {
    static final int MAX_LINES = 2_000;

    private final List<String> lines = new ArrayList<>();
    private int dropped;

    void sent(int connection, String message) {
        add(connection + "> " + FixFraming.display(message));
    }

    void received(int connection, FixMessage message) {
        add(connection + "< " + message.display());
    }

    void note(int connection, String note) {
        add(connection + ": " + note);
    }

    private void add(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else {
            dropped++;
        }
    }

    /** The lines so far, plus a last line saying how many were left out, if any. */
    List<String> lines() {
        List<String> copy = new ArrayList<>(lines);
        if (dropped > 0) {
            copy.add("... " + dropped + " more lines left out");
        }
        return List.copyOf(copy);
    }
}
