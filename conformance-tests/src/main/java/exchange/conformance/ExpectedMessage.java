package exchange.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of an {@code E} line and the rules for comparing a received message with it.
 *
 * <p>The rules, QuickFIX/J's unless marked as an extension:
 * <ul>
 *   <li>MsgType(35) is compared first.</li>
 *   <li>BodyLength(9) and CheckSum(10) are not compared (the decoder has already checked that
 *       the received ones are right). SendingTime(52), TransactTime(60) and OrigSendingTime(122)
 *       must be there when listed, but their values are not compared.</li>
 *   <li>Text(58) is compared as a prefix; every other listed field exactly.</li>
 *   <li>A received field that is not listed fails, except 9, 10, 52, 60 and 122.</li>
 *   <li>Under a heartbeat override, a message that lists HeartBtInt(108) (a Logon reply) is
 *       compared leniently: 108 and unlisted fields are not checked. QuickFIX/J checks only the
 *       presence of listed fields there; this runner also compares their values.</li>
 *   <li>Extension: {@code <ANY>}, {@code <ABSENT>}, {@code <CAPTURE:name>}, {@code <name>}
 *       values; {@code <name>} and {@code <RUN>} inside a value, filled in before comparing; a tag
 *       listed several times (a repeating group) is compared occurrence by occurrence, in
 *       order.</li>
 * </ul>
 *
 * <p>Immutable.
 */
final class ExpectedMessage {
    private static final Pattern FIELD = Pattern.compile("(\\d+)=(.*)", Pattern.DOTALL);
    private static final int BODY_LENGTH = 9;
    private static final int MSG_TYPE = 35;
    private static final int CHECKSUM = 10;
    private static final int TEXT = 58;
    private static final int HEARTBEAT_INTERVAL = 108;
    private static final Set<Integer> TIME_FIELDS = Set.of(52, 60, 122);
    private static final Set<Integer> COMP_ID_FIELDS = Set.of(49, 56);

    private final String text;
    private final Map<Integer, List<ValueRule>> rulesByTag;

    private ExpectedMessage(String text, Map<Integer, List<ValueRule>> rulesByTag) {
        this.text = text;
        this.rulesByTag = rulesByTag;
    }

    /**
     * Reads the message part of an {@code E} line (what follows {@code E} or {@code En,}).
     *
     * @throws IllegalArgumentException when a field is not {@code number=value} or a placeholder
     *                                  is misused
     */
    static ExpectedMessage parse(String text) {
        Map<Integer, List<ValueRule>> rulesByTag = new LinkedHashMap<>();
        for (String field : text.split(String.valueOf(FixFraming.SOH))) {
            if (field.isEmpty()) {
                continue;
            }
            Matcher matcher = FIELD.matcher(field);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a tag=value field: \"" + field + "\"");
            }
            int tag = Integer.parseInt(matcher.group(1));
            if (tag == BODY_LENGTH || tag == CHECKSUM) {
                continue;
            }
            List<ValueRule> rules = rulesByTag.computeIfAbsent(tag, t -> new ArrayList<>(1));
            rules.add(ruleFor(tag, matcher.group(2)));
            if (rules.size() > 1 && rules.stream().anyMatch(ValueRule.Absent.class::isInstance)) {
                throw new IllegalArgumentException("tag " + tag + " is both <ABSENT> and listed");
            }
        }
        return new ExpectedMessage(text, rulesByTag);
    }

    private static ValueRule ruleFor(int tag, String value) {
        Matcher placeholder = Placeholders.PLACEHOLDER.matcher(value);
        if (placeholder.matches()) {
            String content = placeholder.group(1);
            if (content.equals(Placeholders.ANY) || Placeholders.TIME.matcher(content).matches()) {
                return new ValueRule.Any(value);
            }
            if (content.equals(Placeholders.ABSENT)) {
                return new ValueRule.Absent();
            }
            if (content.startsWith(Placeholders.CAPTURE_PREFIX)) {
                String name = content.substring(Placeholders.CAPTURE_PREFIX.length());
                if (!Placeholders.isCaptureName(name)) {
                    throw new IllegalArgumentException("not a capture name: <" + content + ">");
                }
                return new ValueRule.Capture(name);
            }
            if (Placeholders.isReference(content)) {
                return new ValueRule.SameAs(content);
            }
        }
        if (placeholder.reset().find()) {
            return template(tag, value, placeholder.reset());
        }
        if (TIME_FIELDS.contains(tag)) {
            return new ValueRule.Any(value);
        }
        return tag == TEXT ? new ValueRule.Prefix(value) : new ValueRule.Exact(value);
    }

    /** A value with references inside it, such as {@code 11=B1-<RUN>}. */
    private static ValueRule template(int tag, String value, Matcher placeholders) {
        List<String> names = new ArrayList<>();
        while (placeholders.find()) {
            String content = placeholders.group(1);
            if (!Placeholders.isReference(content)) {
                throw new IllegalArgumentException(placeholders.group() + " cannot be part of a value, only the whole of it"
                        + " (inside a value only captured names and <RUN>)");
            }
            names.add(content);
        }
        return new ValueRule.Template(value, names, tag == TEXT);
    }

    /** The names this message captures, in order. */
    Set<String> captureNames() {
        return namesOf(ValueRule.Capture.class);
    }

    /** The captured names this message compares with, in order. */
    Set<String> references() {
        return namesOf(ValueRule.SameAs.class);
    }

    private Set<String> namesOf(Class<? extends ValueRule> kind) {
        Set<String> names = new LinkedHashSet<>();
        for (List<ValueRule> rules : rulesByTag.values()) {
            for (ValueRule rule : rules) {
                if (rule instanceof ValueRule.Capture capture && kind == ValueRule.Capture.class) {
                    names.add(capture.name());
                } else if (rule instanceof ValueRule.SameAs sameAs && kind == ValueRule.SameAs.class) {
                    names.add(sameAs.name());
                } else if (rule instanceof ValueRule.Template template && kind == ValueRule.SameAs.class) {
                    names.addAll(template.names());
                }
            }
        }
        return names;
    }

    /** The listed fields in the order written (BodyLength and CheckSum left out). */
    List<ExpectedField> fields() {
        List<ExpectedField> fields = new ArrayList<>();
        rulesByTag.forEach((tag, rules) -> rules.forEach(rule -> fields.add(new ExpectedField(tag, rule))));
        return fields;
    }

    /**
     * Compares a received message with this one.
     *
     * @return the first difference, one line, or {@code null} when the message matches
     */
    String firstDifference(FixMessage received, Captures captures, RunOptions options) {
        boolean lenient = options.overridesHeartbeat() && rulesByTag.containsKey(HEARTBEAT_INTERVAL);
        if (rulesByTag.containsKey(MSG_TYPE)) {
            String difference = compareTag(MSG_TYPE, received, captures, options, lenient);
            if (difference != null) {
                return difference;
            }
        }
        for (Integer tag : rulesByTag.keySet()) {
            String difference = tag == MSG_TYPE ? null : compareTag(tag, received, captures, options, lenient);
            if (difference != null) {
                return difference;
            }
        }
        if (!lenient) {
            for (FixField field : received.fields()) {
                int tag = field.tag();
                if (!rulesByTag.containsKey(tag) && tag != BODY_LENGTH && tag != CHECKSUM
                        && !TIME_FIELDS.contains(tag)) {
                    return "unexpected field " + field;
                }
            }
        }
        return null;
    }

    private String compareTag(int tag, FixMessage received, Captures captures, RunOptions options, boolean lenient) {
        List<ValueRule> rules = rulesByTag.get(tag);
        List<String> values = received.valuesOf(tag);
        if (rules.get(0) instanceof ValueRule.Absent) {
            return values.isEmpty() ? null : "field " + tag + " should be absent, received " + tag + "=" + values.get(0);
        }
        if (values.isEmpty()) {
            return "missing field " + tag + ", expected " + rules.get(0).describe(captures);
        }
        if (lenient && tag == HEARTBEAT_INTERVAL) {
            return null;
        }
        if (values.size() < rules.size() || (values.size() > rules.size() && !lenient)) {
            return "field " + tag + " received " + times(values.size()) + ", expected " + times(rules.size());
        }
        for (int i = 0; i < rules.size(); i++) {
            ValueRule rule = mapCompId(tag, rules.get(i), options);
            if (!rule.accepts(values.get(i), captures)) {
                String occurrence = rules.size() > 1 ? " (occurrence " + (i + 1) + ")" : "";
                return "field " + tag + occurrence + ": expected " + rule.describe(captures)
                        + ", received \"" + values.get(i) + '"';
            }
        }
        return null;
    }

    private static ValueRule mapCompId(int tag, ValueRule rule, RunOptions options) {
        if (COMP_ID_FIELDS.contains(tag) && rule instanceof ValueRule.Exact exact) {
            String mapped = options.compIds().get(exact.value());
            if (mapped != null) {
                return new ValueRule.Exact(mapped);
            }
        }
        return rule;
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }

    /**
     * Remembers the values of {@code <CAPTURE:name>} fields. Call only after
     * {@link #firstDifference} found none.
     */
    void capture(FixMessage received, Captures captures) {
        rulesByTag.forEach((tag, rules) -> {
            List<String> values = received.valuesOf(tag);
            for (int i = 0; i < rules.size() && i < values.size(); i++) {
                if (rules.get(i) instanceof ValueRule.Capture capture) {
                    captures.put(capture.name(), values.get(i));
                }
            }
        });
    }

    /** The message as the script wrote it, SOH shown as {@code |}. */
    String display() {
        return FixFraming.display(text);
    }

    @Override
    public String toString() {
        return display();
    }
}
