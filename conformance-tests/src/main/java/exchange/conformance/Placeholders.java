package exchange.conformance;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The placeholder vocabulary shared by sent and expected lines: {@code <TIME>},
 * {@code <TIME+n>}, {@code <TIME-n>}, {@code <ANY>}, {@code <ABSENT>}, {@code <CAPTURE:name>}
 * and {@code <name>}. Stateless.
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

    private static final Set<String> RESERVED = Set.of("TIME", ANY, ABSENT, "CAPTURE");

    private Placeholders() {
    }

    /** True when the name may be used for a capture. */
    static boolean isCaptureName(String name) {
        return NAME.matcher(name).matches() && !RESERVED.contains(name);
    }
}
