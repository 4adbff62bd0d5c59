package exchange.conformance;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The placeholder vocabulary shared by sent and expected lines: {@code <TIME>},
 * {@code <TIME+n>}, {@code <TIME-n>}, {@code <ANY>}, {@code <ABSENT>}, {@code <CAPTURE:name>},
 * {@code <name>} and {@code <RUN>}. Stateless.
 */
final class Placeholders {
    /** A placeholder: angle brackets around anything but brackets and SOH. */
    static final Pattern PLACEHOLDER = Pattern.compile("<([^<>\u0001]*)>");
    /** {@code TIME}, {@code TIME+n} or {@code TIME-n}, n in units of {@link FixTimestamps#OFFSET_UNIT_MS}. */
    static final Pattern TIME = Pattern.compile("TIME(?:([+-])(\\d+))?");
    /** A capture name. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String CAPTURE_PREFIX = "CAPTURE:";
    static final String ANY = "ANY";
    static final String ABSENT = "ABSENT";
    /** The run's own token, as if every script captured it before its first line. */
    static final String RUN = "RUN";

    private static final Set<String> RESERVED = Set.of("TIME", ANY, ABSENT, "CAPTURE", RUN);

    private Placeholders() {
    }

    /** True when the name may be used for a capture. */
    static boolean isCaptureName(String name) {
        return NAME.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** True when {@code <name>} stands for a value a run knows: a capture, or {@code <RUN>}. */
    static boolean isReference(String name) {
        return RUN.equals(name) || isCaptureName(name);
    }
}
