package exchange.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark figures, kept in order, printed for people and written as a flat JSON object for tools.
 * Numbers only (and a few strings), so no JSON library is needed.
 */
public final class Results {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds or replaces a figure. */
    public Results put(final String key, final Object value) {
        values.put(key, value);
        return this;
    }

    /** @return a figure, or {@code null} */
    public Object get(final String key) {
        return values.get(key);
    }

    /** @return the figures as a JSON object, one key per line */
    public String toJson() {
        final StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (final Map.Entry<String, Object> e : values.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": ");
            final Object v = e.getValue();
            if (v instanceof Number) {
                json.append(v);
            } else {
                json.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            json.append(++i < values.size() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }

    /**
     * Writes the JSON, creating parent folders.
     *
     * @param file where
     */
    public void write(final Path file) throws IOException {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }
}
