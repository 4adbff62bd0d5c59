package exchange.operations.json;

import java.math.BigDecimal;

/**
 * Writes JSON text, compact, in one pass: objects, arrays, names and values, with commas and string
 * escapes done here. Numbers are written as given (a {@code long}, or a {@link BigDecimal} in plain
 * notation), so that an amount keeps its exact digits.
 *
 * <pre>{@code
 * new JsonWriter().beginObject().name("symbol").value("AAPL").name("bid").value(new BigDecimal("190.25"))
 *     .endObject().toString();   // {"symbol":"AAPL","bid":190.25}
 * }</pre>
 *
 * <p>One thread. Allocates (a cold-path tool); throws {@link IllegalStateException} when the calls do
 * not make a document (a value without a name in an object, an unbalanced end).
 */
public final class JsonWriter {
    private static final int MAX_DEPTH = 64;

    private final StringBuilder out;
    private final boolean[] inObject = new boolean[MAX_DEPTH];
    private final boolean[] hasElements = new boolean[MAX_DEPTH];
    private int depth;
    private boolean nameWritten;

    public JsonWriter() {
        this(new StringBuilder(256));
    }

    /** @param out where the text goes */
    public JsonWriter(final StringBuilder out) {
        this.out = out;
    }

    public JsonWriter beginObject() {
        beforeValue();
        return open('{', true);
    }

    public JsonWriter endObject() {
        return close('}', true);
    }

    public JsonWriter beginArray() {
        beforeValue();
        return open('[', false);
    }

    public JsonWriter endArray() {
        return close(']', false);
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(final String name) {
        if (depth == 0 || !inObject[depth - 1] || nameWritten) {
            throw new IllegalStateException("a name belongs in an object, before its value: " + name);
        }
        comma();
        string(name);
        out.append(':');
        nameWritten = true;
        return this;
    }

    /** A string, or null. */
    public JsonWriter value(final String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonWriter value(final long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(final boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A number in plain notation, or null. */
    public JsonWriter value(final BigDecimal value) {
        beforeValue();
        out.append(value == null ? "null" : value.toPlainString());
        return this;
    }

    /** A floating-point figure (a JVM figure, a latency in microseconds); non-finite values are written as null. */
    public JsonWriter value(final double value) {
        beforeValue();
        out.append(Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : "null");
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Shorthands: a name and its value. */
    public JsonWriter field(final String name, final String value) {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final long value) {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final boolean value) {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final BigDecimal value) {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final double value) {
        return name(name).value(value);
    }

    /** @return the document; the writer must be back at depth 0 */
    @Override
    public String toString() {
        if (depth != 0) {
            throw new IllegalStateException("unfinished document: " + depth + " open");
        }
        return out.toString();
    }

    private JsonWriter open(final char c, final boolean object) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("nested deeper than " + MAX_DEPTH);
        }
        out.append(c);
        inObject[depth] = object;
        hasElements[depth] = false;
        depth++;
        return this;
    }

    private JsonWriter close(final char c, final boolean object) {
        if (depth == 0 || inObject[depth - 1] != object || nameWritten) {
            throw new IllegalStateException("'" + c + "' does not close what is open");
        }
        depth--;
        out.append(c);
        return this;
    }

    private void beforeValue() {
        if (depth == 0) {
            if (out.length() != 0) {
                throw new IllegalStateException("one value per document");
            }
            return;
        }
        if (inObject[depth - 1]) {
            if (!nameWritten) {
                throw new IllegalStateException("a value in an object needs a name first");
            }
            nameWritten = false;
            hasElements[depth - 1] = true;
        } else {
            comma();
        }
    }

    private void comma() {
        if (hasElements[depth - 1]) {
            out.append(',');
        }
        hasElements[depth - 1] = true;
    }

    private void string(final String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // < and > escaped too, so that JSON can sit in a page's script without closing it
                    if (c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
