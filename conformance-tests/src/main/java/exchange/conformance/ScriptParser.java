package exchange.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scripts in QuickFIX/J's acceptance-test format with this project's extensions; the
 * format is described in {@code conformance-tests/SCRIPTS.md}.
 *
 * <p>Unlike QuickFIX/J's runner, which skips lines it does not understand, a line that is not
 * blank, a comment or a known step is a syntax error: a mistyped step must not pass unseen.
 * So is a {@code <name>} used before a line captures it.
 *
 * <p>Stateless; thread-safe.
 */
public final class ScriptParser {
    /** Default connection index, for lines without {@code n,}. */
    static final int FIRST_CONNECTION = 1;
    /** The file name extension of scripts. */
    public static final String EXTENSION = ".def";

    private static final Pattern COMMENT = Pattern.compile("[ \t]*#.*");
    private static final Pattern SEND = Pattern.compile("I(?:(\\d+),)?(.*)", Pattern.DOTALL);
    private static final Pattern EXPECT = Pattern.compile("E(?:(\\d+),)?(.*)", Pattern.DOTALL);
    private static final Pattern CONNECT = Pattern.compile("i(\\d*),?CONNECT");
    private static final Pattern DISCONNECT = Pattern.compile("i(\\d*),?DISCONNECT");
    private static final Pattern EXPECT_DISCONNECT = Pattern.compile("e(\\d*),?DISCONNECT");
    private static final Pattern EXPECT_NOTHING = Pattern.compile("e(\\d*),?NOTHING\\s+(\\d+)");
    private static final Pattern SET_SESSION = Pattern.compile("iSET_SESSION\\s+(\\S+)\\s+([^=\\s]+)=(.*)");
    private static final Pattern SET_PHASE = Pattern.compile("iSET_PHASE\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern WAIT = Pattern.compile("iWAIT\\s+(\\d+)");
    private static final Pattern TIMEOUT = Pattern.compile("eTIMEOUT\\s+(\\d+)");

    private ScriptParser() {
    }

    /**
     * Reads a script file: ISO-8859-1, lines ended by LF or CRLF.
     *
     * @return the script, named after the file without {@code .def}
     */
    public static Script read(Path file) throws IOException, ScriptSyntaxException {
        return parse(ScriptFiles.nameOf(file), Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    /**
     * Parses script text.
     *
     * @param name what reports call the script
     * @param text the lines; SOH characters separate fields within a message line
     * @throws ScriptSyntaxException at the first line that is not understood
     */
    public static Script parse(String name, String text) throws ScriptSyntaxException {
        List<Step> steps = new ArrayList<>();
        Set<String> captured = new HashSet<>(Set.of(Placeholders.RUN));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripCarriageReturn(lines[i]);
            int number = i + 1;
            if (line.isBlank() || COMMENT.matcher(line).matches()) {
                continue;
            }
            try {
                steps.add(parseLine(number, line, captured));
            } catch (IllegalArgumentException e) {
                throw new ScriptSyntaxException(number, e.getMessage());
            }
        }
        return new Script(name, steps);
    }

    private static Step parseLine(int number, String line, Set<String> captured) throws ScriptSyntaxException {
        Matcher matcher = SEND.matcher(line);
        if (matcher.matches()) {
            OutgoingTemplate message = OutgoingTemplate.parse(matcher.group(2));
            requireCaptured(number, message.references(), captured);
            return new SendStep(number, connection(matcher.group(1)), message);
        }
        matcher = EXPECT.matcher(line);
        if (matcher.matches()) {
            ExpectedMessage message = ExpectedMessage.parse(matcher.group(2));
            requireCaptured(number, message.references(), captured);
            captured.addAll(message.captureNames());
            return new ExpectStep(number, connection(matcher.group(1)), message);
        }
        return parseDirective(number, line.strip());
    }

    private static Step parseDirective(int number, String line) throws ScriptSyntaxException {
        Matcher matcher;
        if ((matcher = CONNECT.matcher(line)).matches()) {
            return new ConnectStep(number, connection(matcher.group(1)));
        }
        if ((matcher = DISCONNECT.matcher(line)).matches()) {
            return new DisconnectStep(number, connection(matcher.group(1)));
        }
        if ((matcher = EXPECT_DISCONNECT.matcher(line)).matches()) {
            return new ExpectDisconnectStep(number, connection(matcher.group(1)));
        }
        if ((matcher = EXPECT_NOTHING.matcher(line)).matches()) {
            return new ExpectNothingStep(number, connection(matcher.group(1)), millis(number, matcher.group(2)));
        }
        if ((matcher = SET_SESSION.matcher(line)).matches()) {
            return new SetSessionStep(number, matcher.group(1), matcher.group(2), matcher.group(3));
        }
        if ((matcher = SET_PHASE.matcher(line)).matches()) {
            return new SetPhaseStep(number, matcher.group(1), matcher.group(2));
        }
        if ((matcher = WAIT.matcher(line)).matches()) {
            return new WaitStep(number, millis(number, matcher.group(1)));
        }
        if ((matcher = TIMEOUT.matcher(line)).matches()) {
            return new TimeoutStep(number, millis(number, matcher.group(1)));
        }
        throw new ScriptSyntaxException(number, "not a comment, message or known step: \"" + FixFraming.display(line) + '"');
    }

    private static void requireCaptured(int number, Set<String> names, Set<String> captured)
            throws ScriptSyntaxException {
        for (String name : names) {
            if (!captured.contains(name)) {
                throw new ScriptSyntaxException(number, "<" + name + "> is used before any earlier line captures it"
                        + " with <CAPTURE:" + name + ">");
            }
        }
    }

    private static int connection(String index) {
        return index == null || index.isEmpty() ? FIRST_CONNECTION : Integer.parseInt(index);
    }

    private static Duration millis(int number, String digits) throws ScriptSyntaxException {
        long ms = Long.parseLong(digits);
        if (ms <= 0) {
            throw new ScriptSyntaxException(number, "a duration must be at least 1 ms");
        }
        return Duration.ofMillis(ms);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
