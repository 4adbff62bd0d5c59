package exchange.conformance;

import java.nio.charset.StandardCharsets;

/**
 * The arithmetic of FIX tag=value framing: the field separator, CheckSum(10) and the display
 * form used in reports. Stateless; thread-safe.
 */
final class FixFraming {
    /** The FIX field separator, SOH. */
    static final char SOH = '\u0001';

    /** What reports print in place of SOH, so that a message fits on one readable line. */
    static final char DISPLAY_SEPARATOR = '|';

    private FixFraming() {
    }

    /**
     * CheckSum(10) of the given text: the sum of its bytes (ISO-8859-1) modulo 256.
     *
     * @param text everything that precedes the {@code 10=} field, SOHs included
     * @return the checksum, 0 to 255
     */
    static int checksum(String text) {
        return checksum(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
    }

    /** CheckSum(10) of {@code bytes[from, to)}. */
    static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /** The complete trailer field for the given checksum, e.g. {@code 10=007<SOH>}. */
    static String checksumField(int checksum) {
        return "10=" + String.format("%03d", checksum) + SOH;
    }

    /** The text with every SOH shown as {@code |}. */
    static String display(String text) {
        return text.replace(SOH, DISPLAY_SEPARATOR);
    }
}
