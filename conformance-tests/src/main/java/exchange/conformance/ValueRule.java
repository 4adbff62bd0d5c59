package exchange.conformance;

import java.util.List;
import java.util.regex.Matcher;

/** What an expected field accepts as its received value. Immutable. */
sealed interface ValueRule {

    /** True when the received value satisfies the rule. */
    boolean accepts(String received, Captures captures);

    /** The rule as a report shows it, e.g. {@code "0"} or {@code any value}. */
    String describe(Captures captures);

    /** Exactly this value. */
    record Exact(String value) implements ValueRule {
        @Override
        public boolean accepts(String received, Captures captures) {
            return value.equals(received);
        }

        @Override
        public String describe(Captures captures) {
            return '"' + value + '"';
        }
    }

    /** A value that starts with this text: how Text(58) is compared, as QuickFIX/J does. */
    record Prefix(String prefix) implements ValueRule {
        @Override
        public boolean accepts(String received, Captures captures) {
            return received.startsWith(prefix);
        }

        @Override
        public String describe(Captures captures) {
            return "a value starting \"" + prefix + '"';
        }
    }

    /** Any value, the field only has to be there; {@code written} is what the script said. */
    record Any(String written) implements ValueRule {
        @Override
        public boolean accepts(String received, Captures captures) {
            return true;
        }

        @Override
        public String describe(Captures captures) {
            return "any value";
        }
    }

    /** Any value, remembered under the name once the whole message has matched. */
    record Capture(String name) implements ValueRule {
        @Override
        public boolean accepts(String received, Captures captures) {
            return true;
        }

        @Override
        public String describe(Captures captures) {
            return "any value (captured as <" + name + ">)";
        }
    }

    /** The value captured earlier under the name. */
    record SameAs(String name) implements ValueRule {
        @Override
        public boolean accepts(String received, Captures captures) {
            return captures.get(name).equals(received);
        }

        @Override
        public String describe(Captures captures) {
            return '"' + captures.get(name) + "\" (captured as <" + name + ">)";
        }
    }

    /**
     * The written value with the captured values (and the run's token) filled in for the
     * {@code <name>}s inside it; compared exactly, or as a prefix for Text(58).
     *
     * @param written the value as the script wrote it, e.g. {@code B1-<RUN>}
     * @param names   the names it refers to, in order
     * @param prefix  true to accept any value that starts with the filled-in one
     */
    record Template(String written, List<String> names, boolean prefix) implements ValueRule {
        public Template {
            names = List.copyOf(names);
        }

        /** The value with every {@code <name>} replaced by its captured value. */
        String filled(Captures captures) {
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(written);
            StringBuilder filled = new StringBuilder(written.length() + 16);
            while (matcher.find()) {
                matcher.appendReplacement(filled, Matcher.quoteReplacement(captures.get(matcher.group(1))));
            }
            matcher.appendTail(filled);
            return filled.toString();
        }

        @Override
        public boolean accepts(String received, Captures captures) {
            String value = filled(captures);
            return prefix ? received.startsWith(value) : received.equals(value);
        }

        @Override
        public String describe(Captures captures) {
            return (prefix ? "a value starting \"" : "\"") + filled(captures) + "\" (written " + written + ")";
        }
    }

    /** The field must not be in the message. */
    record Absent() implements ValueRule {
        @Override
        public boolean accepts(String received, Captures captures) {
            return false;
        }

        @Override
        public String describe(Captures captures) {
            return "no such field";
        }
    }
}
