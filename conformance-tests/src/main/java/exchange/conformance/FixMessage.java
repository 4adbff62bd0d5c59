package exchange.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A complete message received from the server, already checked for framing (BodyLength and
 * CheckSum) by {@link FixFrameDecoder}. Immutable.
 */
final class FixMessage {
    private final String text;
    private final List<FixField> fields;

    private FixMessage(String text, List<FixField> fields) {
        this.text = text;
        this.fields = List.copyOf(fields);
    }

    /**
     * Splits a framed message into its fields.
     *
     * @param text the whole message, {@code 8=} to the SOH after {@code 10=}, as ISO-8859-1 text
     * @throws IllegalArgumentException when a field is not {@code number=value}
     */
    static FixMessage parse(String text) {
        List<FixField> fields = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(FixFraming.SOH, start);
            if (end < 0) {
                end = text.length();
            }
            String field = text.substring(start, end);
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("field without tag=value: \"" + field + "\"");
            }
            fields.add(new FixField(parseTag(field.substring(0, equals)), field.substring(equals + 1)));
            start = end + 1;
        }
        return new FixMessage(text, fields);
    }

    private static int parseTag(String tag) {
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tag is not a number: \"" + tag + "\"", e);
        }
    }

    /** Every field in the order received, header and trailer included. */
    List<FixField> fields() {
        return fields;
    }

    /** The values of every occurrence of the tag, in the order received; empty when absent. */
    List<String> valuesOf(int tag) {
        List<String> values = new ArrayList<>(1);
        for (FixField field : fields) {
            if (field.tag() == tag) {
                values.add(field.value());
            }
        }
        return values;
    }

    /** The message as received, SOH shown as {@code |}. */
    String display() {
        return FixFraming.display(text);
    }

    @Override
    public String toString() {
        return display();
    }
}
