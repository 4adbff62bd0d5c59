package exchange.conformance;

/** Inline scripts for tests, written with {@code |} where the wire has SOH. */
final class Scripts {
    private Scripts() {
    }

    /** The lines joined by LF, every {@code |} turned into SOH. */
    static String text(String... lines) {
        return soh(String.join("\n", lines));
    }

    /** The text with every {@code |} turned into SOH. */
    static String soh(String text) {
        return text.replace('|', FixFraming.SOH);
    }

    /** Parses the lines as a script named {@code inline}. */
    static Script parse(String... lines) throws ScriptSyntaxException {
        return ScriptParser.parse("inline", text(lines));
    }
}
