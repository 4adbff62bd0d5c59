package exchange.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of an {@code I} line, turned into bytes when it is sent.
 *
 * <p>A line that starts {@code 8=FIX} (or {@code 8=FIXT}) and ends with SOH is {@link Framed}:
 * its placeholders are filled, BodyLength(9) and CheckSum(10) are computed unless the script
 * wrote them. Any other line is {@link Verbatim}: garbage on purpose, sent byte for byte as
 * written, only given a CheckSum(10) when it has none. Both rules are QuickFIX/J's.
 *
 * <p>Immutable; {@link #compose} may be called from any thread.
 */
sealed interface OutgoingTemplate {

    /**
     * Reads the message part of an {@code I} line (what follows {@code I} or {@code In,}).
     *
     * @throws IllegalArgumentException when a placeholder is not allowed in a sent message
     */
    static OutgoingTemplate parse(String text) {
        Matcher matcher = Framed.SHAPE.matcher(text);
        if (!matcher.matches()) {
            return new Verbatim(text);
        }
        Framed framed = new Framed(matcher.group(1), matcher.group(2), matcher.group(3));
        framed.references();
        return framed;
    }

    /** The capture names this message uses, in order of first use. */
    Set<String> references();

    /**
     * The bytes to send.
     *
     * @param captures values captured so far by the script
     * @param options  heartbeat override and CompID mapping
     * @param now      the time that {@code <TIME>} stands for
     */
    byte[] compose(Captures captures, RunOptions options, Instant now);

    /** A well-formed message: placeholders filled, framing computed where the script left it out. */
    record Framed(String beginString, String body, String trailer) implements OutgoingTemplate {
        static final Pattern SHAPE = Pattern.compile("8=(FIXT?\\.\\d\\.\\d)\u0001(.*?\u0001)(10=.*|)");
        private static final Pattern HEARTBEAT_INTERVAL = Pattern.compile("(^|\u0001)108=\\d+\u0001");
        private static final String LOGON = "35=A\u0001";
        /** A trailer for a CheckSum(10) that is wrong whatever the message's placeholders become. */
        static final String WRONG_CHECKSUM = "10=<WRONG>\u0001";

        @Override
        public Set<String> references() {
            Set<String> names = new LinkedHashSet<>();
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(body);
            while (matcher.find()) {
                String content = matcher.group(1);
                if (Placeholders.TIME.matcher(content).matches()) {
                    continue;
                }
                if (Placeholders.isReference(content)) {
                    names.add(content);
                } else if (content.equals(Placeholders.ANY) || content.equals(Placeholders.ABSENT)
                        || content.startsWith(Placeholders.CAPTURE_PREFIX)) {
                    throw new IllegalArgumentException(matcher.group() + " belongs in expected (E) lines only");
                }
            }
            return names;
        }

        @Override
        public byte[] compose(Captures captures, RunOptions options, Instant now) {
            String filled = fill(body, captures, now);
            if (options.overridesHeartbeat()) {
                filled = overrideHeartbeat(filled, options.heartbeatOverrideSeconds());
            }
            filled = mapCompIds(filled, options.compIds());
            StringBuilder message = new StringBuilder(filled.length() + 32);
            message.append("8=").append(beginString).append(FixFraming.SOH);
            if (!filled.startsWith("9=")) {
                message.append("9=").append(filled.length()).append(FixFraming.SOH);
            }
            message.append(filled);
            if (trailer.equals(WRONG_CHECKSUM)) {
                // one more than the right one: a message with <RUN> or <TIME> in it has a different CheckSum each
                // run, and a fixed wrong value is the right one about once in 256 runs
                message.append(FixFraming.checksumField((FixFraming.checksum(message.toString()) + 1) & 0xFF));
                return message.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            message.append(trailer.equals("10=0" + FixFraming.SOH) ? "10=000" + FixFraming.SOH : trailer);
            return withChecksum(message.toString());
        }

        private String fill(String text, Captures captures, Instant now) {
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder(text.length() + 32);
            while (matcher.find()) {
                String content = matcher.group(1);
                Matcher time = Placeholders.TIME.matcher(content);
                String replacement;
                if (time.matches()) {
                    replacement = FixTimestamps.format(now.plusMillis(offsetMs(time)), beginString);
                } else if (Placeholders.isReference(content)) {
                    replacement = captures.get(content);
                } else {
                    replacement = matcher.group();
                }
                matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(filled);
            return filled.toString();
        }

        private static long offsetMs(Matcher time) {
            if (time.group(1) == null) {
                return 0;
            }
            long offset = Long.parseLong(time.group(2)) * FixTimestamps.OFFSET_UNIT_MS;
            return time.group(1).equals("-") ? -offset : offset;
        }

        private static String overrideHeartbeat(String text, int seconds) {
            if (!text.startsWith(LOGON) && !text.contains(FixFraming.SOH + LOGON)) {
                return text;
            }
            Matcher matcher = HEARTBEAT_INTERVAL.matcher(text);
            return matcher.find()
                    ? text.substring(0, matcher.start()) + matcher.group(1) + "108=" + seconds + FixFraming.SOH
                            + text.substring(matcher.end())
                    : text;
        }

        private static String mapCompIds(String text, Map<String, String> compIds) {
            if (compIds.isEmpty()) {
                return text;
            }
            String[] fields = text.split(String.valueOf(FixFraming.SOH), -1);
            for (int i = 0; i < fields.length; i++) {
                String field = fields[i];
                if (field.startsWith("49=") || field.startsWith("56=")) {
                    String mapped = compIds.get(field.substring(3));
                    if (mapped != null) {
                        fields[i] = field.substring(0, 3) + mapped;
                    }
                }
            }
            return String.join(String.valueOf(FixFraming.SOH), fields);
        }
    }

    /** Deliberate garbage, sent as written: no placeholder is filled, no CompID mapped. */
    record Verbatim(String text) implements OutgoingTemplate {
        @Override
        public Set<String> references() {
            return Set.of();
        }

        @Override
        public byte[] compose(Captures captures, RunOptions options, Instant now) {
            return withChecksum(text);
        }
    }

    /** The message as bytes, with a computed CheckSum(10) appended when it has no 10= field. */
    private static byte[] withChecksum(String message) {
        String complete = message.contains(FixFraming.SOH + "10=")
                ? message
                : message + FixFraming.checksumField(FixFraming.checksum(message));
        return complete.getBytes(StandardCharsets.ISO_8859_1);
    }
}
