package exchange.conformance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * UTCTimestamp values for the {@code <TIME>} placeholders of sent messages.
 * Thread-safe.
 */
final class FixTimestamps {
    /**
     * A script's {@code <TIME+n>} and {@code <TIME-n>} move the time by n units of 1.1 seconds,
     * not n seconds. QuickFIX/J's runner does so, and its scripts rely on it: {@code <TIME-121>}
     * is 133.1 s in the past, clearly beyond a 120 s MaxLatency.
     */
    static final long OFFSET_UNIT_MS = 1_100;

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private FixTimestamps() {
    }

    /**
     * Formats a time as the given FIX version writes it: with milliseconds from FIX.4.2 on
     * (FIXT.1.1 included), whole seconds for FIX.4.0, FIX.4.1 and older.
     *
     * @param time        the instant to format
     * @param beginString BeginString(8) of the message, e.g. {@code FIX.4.4}
     */
    static String format(Instant time, String beginString) {
        boolean millis = beginString.compareTo("FIX.4.2") >= 0;
        return (millis ? MILLIS : SECONDS).format(time);
    }
}
