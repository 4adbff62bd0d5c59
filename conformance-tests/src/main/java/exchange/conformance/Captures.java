package exchange.conformance;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values a script took from received messages with {@code <CAPTURE:name>}, for later lines to
 * use as {@code <name>}, and the run's own token {@code <RUN>}. One per script run, shared by all
 * its connections. Not thread-safe.
 */
final class Captures {
    private static final AtomicLong LAST_RUN_MS = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RUN_RANDOM_CHARACTERS = 2;

    private final Map<String, String> values = new HashMap<>();

    /** Captures of a new run, with a new {@link #newRunToken() run token}. */
    Captures() {
        this(newRunToken());
    }

    /** Captures of a run whose {@code <RUN>} is the given token. */
    Captures(String runToken) {
        values.put(Placeholders.RUN, runToken);
    }

    /**
     * A token for {@code <RUN>}: 10 characters, digits and capital letters, different for every run
     * of this JVM and, unless two runners start in the same millisecond and draw the same two random
     * characters, of every other: the milliseconds since 1970 in base 36 (8 characters until 2059),
     * never the same twice here, and two random characters.
     */
    static String newRunToken() {
        long ms = LAST_RUN_MS.accumulateAndGet(System.currentTimeMillis(), (last, now) -> Math.max(last + 1, now));
        StringBuilder token = new StringBuilder(Long.toString(ms, Character.MAX_RADIX));
        for (int i = 0; i < RUN_RANDOM_CHARACTERS; i++) {
            token.append(Character.forDigit(RANDOM.nextInt(Character.MAX_RADIX), Character.MAX_RADIX));
        }
        return token.toString().toUpperCase(Locale.ROOT);
    }

    /** Remembers a value; a second capture of the same name replaces the first. */
    void put(String name, String value) {
        values.put(name, value);
    }

    /**
     * The captured value.
     *
     * @throws IllegalStateException when nothing was captured under the name; the parser rules
     *                               this out for well-formed scripts
     */
    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("nothing captured as <" + name + ">");
        }
        return value;
    }
}
