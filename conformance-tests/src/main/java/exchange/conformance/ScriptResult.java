package exchange.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one script run. Immutable.
 *
 * @param name       the script's name
 * @param passed     true when every step did what the script expects
 * @param failure    the first difference, one line starting with the script line number;
 *                   {@code null} when passed
 * @param details    lines that show the difference in full (expected and received messages)
 * @param elapsed    how long the run took
 * @param transcript what was sent and received, in order
 */
public record ScriptResult(String name, boolean passed, String failure, List<String> details,
                           Duration elapsed, List<String> transcript) {
    public ScriptResult {
        details = List.copyOf(details);
        transcript = List.copyOf(transcript);
    }

    static ScriptResult passed(String name, Duration elapsed, List<String> transcript) {
        return new ScriptResult(name, true, null, List.of(), elapsed, transcript);
    }

    static ScriptResult failed(String name, String failure, List<String> details, Duration elapsed,
                               List<String> transcript) {
        return new ScriptResult(name, false, failure, details, elapsed, transcript);
    }

    /**
     * One line: {@code PASSED name (12 ms)} or {@code FAILED name (12 ms): line 7: field 58: ...}.
     */
    public String summaryLine() {
        String line = (passed ? "PASSED " : "FAILED ") + name + " (" + elapsed.toMillis() + " ms)";
        return passed ? line : line + ": " + failure;
    }

    /** The summary line, then the details and the transcript, each line indented. */
    public String report() {
        List<String> lines = new ArrayList<>();
        lines.add(summaryLine());
        details.forEach(detail -> lines.add("    " + detail));
        if (!transcript.isEmpty()) {
            lines.add("    transcript (n> sent on connection n, n< received):");
            transcript.forEach(entry -> lines.add("      " + entry));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
