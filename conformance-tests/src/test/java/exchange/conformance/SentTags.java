package exchange.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import exchange.conformance.FixSpecification.MessageTable;

/**
 * The body tags of every message the server sent in a set of script runs, by FIX version and
 * MsgType, read from the runs' transcripts; and how they compare with {@link FixSpecification}.
 * Thread-safe: scripts may report from any thread.
 */
final class SentTags {
    /** Standard header and trailer fields, which the specification describes once, not per message. */
    static final Set<Integer> HEADER_AND_TRAILER = Set.of(8, 9, 10, 34, 35, 43, 49, 50, 52, 56, 57, 97, 115, 116, 122,
            128, 129, 142, 143, 144, 145, 1128, 1129);

    private final Map<String, Map<String, Set<Integer>>> tagsByVersionAndType = new TreeMap<>();

    /** Notes the messages received in a script's transcript ({@code n< 8=FIX.4.4|...} lines). */
    synchronized void record(ScriptResult result) {
        for (String line : result.transcript()) {
            int mark = line.indexOf("< ");
            if (mark < 0 || !line.substring(0, mark).matches("\\d+")) {
                continue;
            }
            String version = null;
            String msgType = null;
            Set<Integer> tags = new TreeSet<>();
            for (String field : line.substring(mark + 2).split("\\|")) {
                int equals = field.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                int tag = Integer.parseInt(field.substring(0, equals));
                String value = field.substring(equals + 1);
                if (tag == 8) {
                    version = FixSpecification.VERSIONS.get(value);
                } else if (tag == 35) {
                    msgType = value;
                }
                if (!HEADER_AND_TRAILER.contains(tag)) {
                    tags.add(tag);
                }
            }
            if (version != null && msgType != null) {
                tagsByVersionAndType.computeIfAbsent(version, v -> new TreeMap<>())
                        .computeIfAbsent(msgType, t -> new TreeSet<>()).addAll(tags);
            }
        }
    }

    /**
     * Where the messages sent and the specification's tables of messages the exchange sends disagree:
     * a message with no table, a tag sent in a version whose column does not have it, a documented
     * tag never sent in any version the table gives it. Empty when they agree.
     */
    synchronized List<String> differencesFrom(FixSpecification specification) {
        List<String> differences = new ArrayList<>();
        Map<String, MessageTable> tables = specification.outbound();
        Map<String, Set<Integer>> sentAnywhere = new TreeMap<>();
        tagsByVersionAndType.forEach((version, byType) -> byType.forEach((msgType, tags) -> {
            MessageTable table = tables.get(msgType);
            if (table == null) {
                differences.add("the exchange sent " + msgType + " in " + version + ", which has no \"### ... ("
                        + msgType + "): exchange to broker\" table; tags " + tags);
                return;
            }
            Set<Integer> undocumented = new TreeSet<>(tags);
            undocumented.removeAll(table.tags(version));
            if (!undocumented.isEmpty()) {
                differences.add(table.name() + " (" + msgType + ") in " + version + ": sent tags " + undocumented
                        + " that the table does not give to " + version);
            }
            sentAnywhere.computeIfAbsent(msgType, t -> new TreeSet<>()).addAll(tags);
        }));
        tables.forEach((msgType, table) -> {
            Set<Integer> neverSent = new TreeSet<>(table.tags());
            neverSent.removeAll(sentAnywhere.getOrDefault(msgType, Set.of()));
            if (!neverSent.isEmpty()) {
                differences.add(table.name() + " (" + msgType + "): documented tags " + neverSent
                        + " that no script saw the exchange send");
            }
        });
        return differences;
    }

    @Override
    public synchronized String toString() {
        return tagsByVersionAndType.toString();
    }
}
