package exchange.conformance;

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
