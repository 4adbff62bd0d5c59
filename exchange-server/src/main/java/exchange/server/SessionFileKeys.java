package exchange.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a key given twice in one section of the FIX session file: QuickFIX/J keeps the last of the two and
 * says nothing, as {@link java.util.Properties} does, so a second {@code CancelOnDisconnect} or
 * {@code PasswordHash} added to a session would silently replace the first. The lines are read as QuickFIX/J
 * reads them: {@code [NAME]} opens a section, {@code #} starts a comment, {@code key=value} with the key trimmed.
 * The file's other mistakes are left to QuickFIX/J and the session checks. Start-up only.
 */
final class SessionFileKeys {
    private SessionFileKeys() {
    }

    /**
     * @param file the session file, for the message
     * @param text its text
     * @throws IllegalArgumentException naming the file, the key, its section and both lines
     */
    static void refuseRepeats(final Path file, final String text) {
        final String[] lines = text.split("\r\n|\r|\n", -1);
        final Map<String, Integer> keyLines = new HashMap<>();
        String section = "first";
        int sectionLine = 1;
        for (int i = 0; i < lines.length; i++) {
            final String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                sectionLine = i + 1;
                keyLines.clear();
                continue;
            }
            final int equals = line.indexOf('=');
            if (equals < 0) {
                continue; // QuickFIX/J's to refuse
            }
            final String key = line.substring(0, equals).trim();
            final Integer earlier = keyLines.putIfAbsent(key, i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException(file + ": " + key + " is given twice in the " + section
                    + " section of line " + sectionLine + ", on line " + earlier + " and line " + (i + 1) + "; keep one");
            }
        }
    }
}
