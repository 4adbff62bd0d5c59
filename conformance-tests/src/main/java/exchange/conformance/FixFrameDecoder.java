package exchange.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream from the server into FIX messages by BodyLength(9), and checks that each
 * one ends with a correct CheckSum(10).
 *
 * <pre>
 *   8=FIX.4.4|9=49|35=5|34=2|...|56=TW|10=123|
 *             ^    ^-- BodyLength bytes --^ ^-- trailer: "10=", three digits, SOH
 * </pre>
 *
 * <p>One connection's reader thread only. Bytes are kept until a whole message has arrived, so
 * a read that times out half-way through a message loses nothing.
 */
final class FixFrameDecoder {
    private static final int MAX_BEGIN_STRING_LENGTH = 32;
    private static final int MAX_BODY_LENGTH_DIGITS = 7;
    private static final int TRAILER_LENGTH = "10=000\u0001".length();

    private byte[] buffer = new byte[4096];
    private int length;

    /** Adds bytes read from the socket. */
    void append(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    /** True when bytes of an incomplete message are waiting for the rest. */
    boolean hasPartialMessage() {
        return length > 0;
    }

    /**
     * Takes the next complete message off the buffer.
     *
     * @return the message, or {@code null} when more bytes are needed
     * @throws MalformedMessageException when the bytes cannot be a FIX message; the buffer is
     *                                   then left as it is, and the connection is of no further use
     */
    FixMessage next() throws MalformedMessageException {
        if (length == 0) {
            return null;
        }
        if (!startsWith(0, "8=")) {
            if (length < 2 && buffer[0] == '8') {
                return null;
            }
            throw malformed("does not start with 8=");
        }
        int beginStringEnd = indexOfSoh(2, MAX_BEGIN_STRING_LENGTH);
        if (beginStringEnd < 0) {
            return whenShorterThan(MAX_BEGIN_STRING_LENGTH, "BeginString(8) is not followed by SOH");
        }
        int bodyLengthStart = beginStringEnd + 1;
        if (length < bodyLengthStart + 2) {
            return null;
        }
        if (!startsWith(bodyLengthStart, "9=")) {
            throw malformed("BeginString(8) is not followed by BodyLength(9)");
        }
        int digitsStart = bodyLengthStart + 2;
        int bodyLengthEnd = indexOfSoh(digitsStart, MAX_BODY_LENGTH_DIGITS + 1);
        if (bodyLengthEnd < 0) {
            return whenShorterThan(digitsStart + MAX_BODY_LENGTH_DIGITS + 1, "BodyLength(9) is not a number");
        }
        int bodyLength = parseDigits(digitsStart, bodyLengthEnd);
        int bodyStart = bodyLengthEnd + 1;
        int trailerStart = bodyStart + bodyLength;
        int messageEnd = trailerStart + TRAILER_LENGTH;
        if (length < messageEnd) {
            return null;
        }
        if (buffer[trailerStart - 1] != FixFraming.SOH || !startsWith(trailerStart, "10=")
                || buffer[messageEnd - 1] != FixFraming.SOH) {
            throw malformed("BodyLength(9)=" + bodyLength + " does not end where CheckSum(10) begins");
        }
        int declared = parseDigits(trailerStart + 3, messageEnd - 1);
        int computed = FixFraming.checksum(buffer, 0, trailerStart);
        if (declared != computed) {
            throw malformed("CheckSum(10)=" + declared + " but the bytes sum to " + computed);
        }
        String text = new String(buffer, 0, messageEnd, StandardCharsets.ISO_8859_1);
        System.arraycopy(buffer, messageEnd, buffer, 0, length - messageEnd);
        length -= messageEnd;
        try {
            return FixMessage.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage(), FixFraming.display(text));
        }
    }

    private FixMessage whenShorterThan(int limit, String reason) throws MalformedMessageException {
        if (length < limit) {
            return null;
        }
        throw malformed(reason);
    }

    private boolean startsWith(int offset, String prefix) {
        if (offset + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOfSoh(int from, int maxDistance) {
        int end = Math.min(length, from + maxDistance);
        for (int i = from; i < end; i++) {
            if (buffer[i] == FixFraming.SOH) {
                return i;
            }
        }
        return -1;
    }

    private int parseDigits(int from, int to) throws MalformedMessageException {
        if (from == to) {
            throw malformed("empty number");
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw malformed("not a number: " + new String(buffer, from, to - from, StandardCharsets.ISO_8859_1));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private MalformedMessageException malformed(String reason) {
        String received = new String(buffer, 0, Math.min(length, 512), StandardCharsets.ISO_8859_1);
        return new MalformedMessageException(reason, FixFraming.display(received));
    }
}
