package exchange.conformance;

import java.util.List;

/**
 * A script step did not get what the script expects. Carries the first difference as one line
 * ({@link #getMessage()}, starting with the script's line number) and optional detail lines,
 * such as the expected and the received message in full.
 */
final class ScriptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> details;

    ScriptFailure(int line, String difference, String... details) {
        super("line " + line + ": " + difference);
        this.details = List.of(details);
    }

    /** Further lines that show the difference, e.g. {@code expected: ...} and {@code received: ...}. */
    List<String> details() {
        return details;
    }
}
