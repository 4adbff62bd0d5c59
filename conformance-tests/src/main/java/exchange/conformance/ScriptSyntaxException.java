package exchange.conformance;

/** A script line the parser cannot read. The message starts with the line number. */
public final class ScriptSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    ScriptSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    /** The line, 1-based. */
    public int line() {
        return line;
    }
}
