package exchange.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An operator's properties file ({@code exchange.properties}, {@code risk.properties}) read in the syntax of
 * {@link Properties#load(java.io.Reader)} (comments with {@code #} or {@code !}, {@code =}, {@code :} or a space
 * between name and value, trimming, a {@code \} at a line's end continuing it, escapes), keeping the line
 * each setting is on, and refusing a setting given twice.
 *
 * <p>Why: {@link Properties} keeps the last of two lines with one name and says nothing, so an operator who
 * adds {@code exchange.engine.orders=...} at the bottom of a file that already has it, or a second credit
 * limit for one account, would get one of the two silently. A repeated name stops the start instead, naming
 * the file, the setting and both lines, as any other configuration mistake does.
 *
 * <p>Each logical line is handed to {@link Properties} on its own, so a file reads exactly as it did with
 * {@link Properties#load(java.io.Reader)}. It lives in the risk gateway, the lowest module that reads an
 * operator's file; the composition root reads {@code exchange.properties} with it too. Start-up only;
 * immutable.
 */
public final class PropertiesFile {
    /** The line number of a setting that was not read from a file. */
    public static final int NO_LINE = 0;

    private final Path file;
    private final Map<String, String> values;
    private final Map<String, Integer> lines;

    private PropertiesFile(final Path file, final Map<String, String> values, final Map<String, Integer> lines) {
        this.file = file;
        this.values = Collections.unmodifiableMap(values);
        this.lines = Collections.unmodifiableMap(lines);
    }

    /**
     * Reads a UTF-8 properties file.
     *
     * @param file the file
     * @return its settings in file order, with their lines
     * @throws IllegalArgumentException naming the file, the setting and both lines when a setting is given twice
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static PropertiesFile read(final Path file) {
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(file, text);
    }

    /**
     * Reads properties text.
     *
     * @param file the file the text is from, for the messages
     * @param text the text, in {@link Properties} syntax
     * @return its settings in text order, with their lines
     * @throws IllegalArgumentException naming the file, the setting and both lines when a setting is given twice
     */
    public static PropertiesFile parse(final Path file, final String text) {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            final StringBuilder logical = new StringBuilder();
            int lineNumber = 0;
            int firstLine = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (logical.length() == 0) {
                    firstLine = lineNumber;
                    final String start = line.stripLeading();
                    if (start.isEmpty() || start.charAt(0) == '#' || start.charAt(0) == '!') {
                        continue; // a comment never continues, even when it ends with a backslash
                    }
                } else {
                    logical.append('\n');
                }
                logical.append(line);
                if (!continues(line)) {
                    add(file, logical.toString(), firstLine, values, lines);
                    logical.setLength(0);
                }
            }
            if (logical.length() > 0) { // the last line ended with a backslash: Properties takes it as it is
                add(file, logical.toString(), firstLine, values, lines);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e); // a StringReader does not fail
        }
        return new PropertiesFile(file, values, lines);
    }

    /** @return whether a line ends with an odd number of backslashes, which {@link Properties} joins to the next */
    private static boolean continues(final String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return (backslashes & 1) == 1;
    }

    private static void add(final Path file, final String logicalLine, final int line,
                            final Map<String, String> values, final Map<String, Integer> lines) {
        final Properties one = new Properties();
        try {
            one.load(new StringReader(logicalLine));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e); // a StringReader does not fail
        } catch (final IllegalArgumentException e) { // a malformed \\uxxxx escape
            throw new IllegalArgumentException(file + " line " + line + ": " + e.getMessage(), e);
        }
        for (final String name : one.stringPropertyNames()) {
            final Integer earlier = lines.putIfAbsent(name, line);
            if (earlier != null) {
                throw new IllegalArgumentException(file + ": " + name + " is given twice, on line " + earlier
                    + " and line " + line + "; keep one");
            }
            values.put(name, one.getProperty(name));
        }
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    /** @return every setting and its value (as {@link Properties} reads it, untrimmed at the end), in file order */
    public Map<String, String> values() {
        return values;
    }

    /** @return the line a setting starts on, or {@link #NO_LINE} when the file does not have it */
    public int line(final String name) {
        return lines.getOrDefault(name, NO_LINE);
    }

    /** @return the settings as a new {@link Properties}, for code that takes one */
    public Properties toProperties() {
        final Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }
}
