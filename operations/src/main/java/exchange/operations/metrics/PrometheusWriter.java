package exchange.operations.metrics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): for each metric family a
 * {@code # HELP} and a {@code # TYPE} line, then its samples, each {@code name{label="value",...} value}.
 * Names and label names are checked against the format's rules and a family is declared once; label
 * values are escaped.
 *
 * <p>One thread; allocates (one page per scrape).
 */
public final class PrometheusWriter {
    /** The content type of the page. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Metric types. */
    public enum Type { COUNTER, GAUGE, SUMMARY }

    private final StringBuilder out = new StringBuilder(4096);
    private final Set<String> families = new HashSet<>();
    private String family;
    private Type familyType;

    /**
     * Declares a metric family; its samples follow.
     *
     * @param name a metric name; a counter's ends in {@code _total}
     * @param type its type
     * @param help what it counts or measures, with its unit
     * @throws IllegalArgumentException for a bad or repeated name
     */
    public PrometheusWriter family(final String name, final Type type, final String help) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        if (!families.add(name)) {
            throw new IllegalArgumentException("metric family declared twice: " + name);
        }
        family = name;
        familyType = type;
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
            .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT))
            .append('\n');
        return this;
    }

    /**
     * A sample of the current family.
     *
     * @param suffix appended to the family's name: "" for the value itself, {@code _count} or {@code _sum}
     *               for a summary
     * @param value  the value
     * @param labels label names and values, alternating
     */
    public PrometheusWriter sample(final String suffix, final double value, final String... labels) {
        start(suffix, labels);
        if (Double.isNaN(value)) {
            out.append("NaN");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "+Inf" : "-Inf");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
        return this;
    }

    /** A sample with a whole value. */
    public PrometheusWriter sample(final String suffix, final long value, final String... labels) {
        start(suffix, labels);
        out.append(value).append('\n');
        return this;
    }

    private void start(final String suffix, final String... labels) {
        if (family == null) {
            throw new IllegalStateException("declare a family first");
        }
        if (!suffix.isEmpty() && familyType != Type.SUMMARY) {
            throw new IllegalArgumentException("only a summary has " + suffix);
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name and value pairs");
        }
        out.append(family).append(suffix);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL_NAME.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("not a label name: " + labels[i]);
                }
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ');
    }

    private static String escape(final String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** @return the page */
    @Override
    public String toString() {
        return out.toString();
    }
}
