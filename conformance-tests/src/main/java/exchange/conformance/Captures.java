package exchange.conformance;

import java.util.HashMap;
import java.util.Map;

/**
 * Values a script took from received messages with {@code <CAPTURE:name>}, for later lines to
 * use as {@code <name>}. One per script run, shared by all its connections. Not thread-safe.
 */
final class Captures {
    private final Map<String, String> values = new HashMap<>();

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
