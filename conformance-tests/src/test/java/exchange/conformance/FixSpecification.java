package exchange.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-read parts of {@code docs/FIX-SPEC.md}: the tag tables of the messages, and the table of
 * reject reasons. A message's table follows a heading {@code ### Name (MsgType): broker to exchange} or
 * {@code ### Name (MsgType): exchange to broker}; its rows start with the tag number. A table of
 * messages the exchange sends has a column per FIX version ({@code FIX 4.2}, {@code FIX 4.4},
 * {@code FIX 5.0 SP2}) holding {@code Y} when the tag is sent in that version and {@code -} when not;
 * without such columns, the tag is sent in every version. Only the first table under a heading
 * counts, and nothing inside a fenced code block. Read once; not to be changed after.
 */
final class FixSpecification {
    /** The FIX versions, as the document names them, by BeginString. */
    static final Map<String, String> VERSIONS = Map.of("FIX.4.2", "FIX 4.2", "FIX.4.4", "FIX 4.4", "FIXT.1.1", "FIX 5.0 SP2");

    private static final Pattern MESSAGE_HEADING =
            Pattern.compile("(.+) \\((\\w+)\\): (broker to exchange|exchange to broker)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+?)\\s*$");

    /** One message's table. */
    record MessageTable(String name, String msgType, boolean inbound, Map<Integer, Set<String>> versionsByTag) {
        Set<Integer> tags() {
            return new TreeSet<>(versionsByTag.keySet());
        }

        /** The tags sent in a version (by the document's name for it). */
        Set<Integer> tags(String version) {
            Set<Integer> tags = new TreeSet<>();
            versionsByTag.forEach((tag, versions) -> {
                if (versions.contains(version)) {
                    tags.add(tag);
                }
            });
            return tags;
        }
    }

    /** The first table under a heading: its header row and its other rows, cells trimmed. */
    record Table(List<String> header, List<List<String>> rows) {
    }

    private final Map<String, Table> tablesByHeading = new LinkedHashMap<>();
    private final List<MessageTable> messages = new ArrayList<>();

    private FixSpecification(List<String> lines) {
        String heading = null;
        boolean inTable = false;
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher matcher = HEADING.matcher(line);
            if (matcher.matches()) {
                heading = matcher.group(1);
                inTable = false;
                continue;
            }
            if (heading == null) {
                continue;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    heading = null; // only the first table under a heading counts
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                tablesByHeading.put(heading, new Table(cells, new ArrayList<>()));
                inTable = true;
            } else if (cells.stream().noneMatch(cell -> cell.matches(":?-{3,}:?"))) {
                tablesByHeading.get(heading).rows().add(cells);
            }
        }
        for (Map.Entry<String, Table> entry : tablesByHeading.entrySet()) {
            Matcher matcher = MESSAGE_HEADING.matcher(entry.getKey());
            if (matcher.matches()) {
                messages.add(messageTable(matcher.group(1), matcher.group(2),
                        matcher.group(3).equals("broker to exchange"), entry.getKey(), entry.getValue()));
            }
        }
    }

    /** Reads the document. */
    static FixSpecification read(Path file) throws IOException {
        return new FixSpecification(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static MessageTable messageTable(String name, String msgType, boolean inbound, String heading, Table table) {
        List<String> header = table.header();
        List<List<String>> rows = table.rows();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no rows in the table under \"### " + heading + "\"");
        }
        Map<String, Integer> versionColumns = new LinkedHashMap<>();
        for (String version : VERSIONS.values()) {
            int column = header.indexOf(version);
            if (column >= 0) {
                versionColumns.put(version, column);
            }
        }
        Map<Integer, Set<String>> versionsByTag = new LinkedHashMap<>();
        for (List<String> row : rows) {
            if (!row.get(0).matches("\\d+")) {
                throw new IllegalStateException("\"### " + heading + "\": a row that does not start with a tag: " + row);
            }
            int tag = Integer.parseInt(row.get(0));
            Set<String> versions = new TreeSet<>();
            if (versionColumns.isEmpty()) {
                versions.addAll(VERSIONS.values());
            }
            versionColumns.forEach((version, column) -> {
                String cell = column < row.size() ? row.get(column) : "";
                if (cell.equals("Y")) {
                    versions.add(version);
                } else if (!cell.equals("-")) {
                    throw new IllegalStateException("\"### " + heading + "\", tag " + tag + ", " + version
                            + ": Y or -, not \"" + cell + '"');
                }
            });
            if (versionsByTag.put(tag, versions) != null) {
                throw new IllegalStateException("\"### " + heading + "\": tag " + tag + " twice");
            }
        }
        return new MessageTable(name, msgType, inbound, versionsByTag);
    }

    /** The tables of messages the broker sends, by MsgType. */
    Map<String, MessageTable> inbound() {
        Map<String, MessageTable> tables = new LinkedHashMap<>();
        messages.stream().filter(MessageTable::inbound).forEach(t -> tables.put(t.msgType(), t));
        return tables;
    }

    /** The tables of messages the exchange sends, by MsgType. */
    Map<String, MessageTable> outbound() {
        Map<String, MessageTable> tables = new LinkedHashMap<>();
        messages.stream().filter(t -> !t.inbound()).forEach(t -> tables.put(t.msgType(), t));
        return tables;
    }

    /**
     * The first table under a heading.
     *
     * @throws IllegalStateException when there is no such heading or no table under it
     */
    Table table(String heading) {
        Table table = tablesByHeading.get(heading);
        if (table == null || table.rows().isEmpty()) {
            throw new IllegalStateException("no table under a heading \"" + heading + "\"");
        }
        return table;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip().replace("`", ""));
        }
        return cells;
    }
}
