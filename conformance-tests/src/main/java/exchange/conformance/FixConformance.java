package exchange.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line: plays FIX conformance scripts against a server and prints one line per
 * script, then {@code N passed, M failed}. Exit code 0 only when every script passed, 1 when
 * one failed, 2 for a usage error or when no script was found.
 */
@Command(name = "fix-conformance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Plays FIX conversation scripts (QuickFIX/J .def format, see SCRIPTS.md) "
                + "against a FIX acceptor and reports PASSED or FAILED for each.")
public final class FixConformance implements Callable<Integer> {
    static final int EXIT_ALL_PASSED = 0;
    static final int EXIT_SOME_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "localhost", description = "server host (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", required = true, description = "server FIX port")
    private int port;

    @Option(names = "--heartbeat", defaultValue = "" + RunOptions.DEFAULT_HEARTBEAT_OVERRIDE_SECONDS,
            description = "HeartBtInt(108) written into every sent Logon; Logon replies are then compared "
                    + "leniently. -1 sends Logons as written (default: ${DEFAULT-VALUE})")
    private int heartbeatSeconds;

    @Option(names = "--timeout-ms", defaultValue = "10000",
            description = "how long one expected message or disconnect may take (default: ${DEFAULT-VALUE})")
    private long expectTimeoutMs;

    @Option(names = "--script-timeout-ms", defaultValue = "120000",
            description = "how long one whole script may take (default: ${DEFAULT-VALUE})")
    private long scriptTimeoutMs;

    @Option(names = "--connect-delay-ms", defaultValue = "50",
            description = "pause before a script's first connection, so that the server has dropped the "
                    + "previous script's session (default: ${DEFAULT-VALUE})")
    private long connectDelayMs;

    @Option(names = "--comp-id", paramLabel = "SCRIPT=SERVER",
            description = "replace a SenderCompID/TargetCompID value of the scripts with the server's, "
                    + "e.g. --comp-id TW=BROKER1 --comp-id ISLD=EXCH; repeatable")
    private Map<String, String> compIds = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"},
            description = "after a failed script, print the expected and received messages and the transcript")
    private boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "SCRIPT_OR_DIR",
            description = "script files (.def) and directories to search for them")
    private List<Path> paths;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FixConformance()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> scripts;
        RunOptions options;
        try {
            scripts = ScriptFiles.collect(paths);
            options = RunOptions.defaults()
                    .withExpectTimeout(Duration.ofMillis(expectTimeoutMs))
                    .withScriptTimeout(Duration.ofMillis(scriptTimeoutMs))
                    .withHeartbeatOverride(heartbeatSeconds)
                    .withCompIds(compIds);
        } catch (IOException | IllegalArgumentException e) {
            err.println("fix-conformance: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (scripts.isEmpty()) {
            err.println("fix-conformance: no " + ScriptParser.EXTENSION + " scripts in " + paths);
            return EXIT_USAGE;
        }
        err.println("fix-conformance: " + scripts.size() + " scripts against " + host + ":" + port + " " + options);
        ScriptRunner runner = new ScriptRunner(host, port, options,
                ServerControl.tcpOnly(Duration.ofMillis(Math.max(0, connectDelayMs))));
        Set<String> repeated = repeatedNames(scripts);
        int passed = 0;
        int failed = 0;
        for (Path script : scripts) {
            ScriptResult result = runner.run(script);
            if (repeated.contains(result.name())) {
                result = new ScriptResult(folderAndName(script), result.passed(), result.failure(), result.details(),
                        result.elapsed(), result.transcript());
            }
            out.println(verbose && !result.passed() ? result.report() : result.summaryLine());
            out.flush();
            if (result.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? EXIT_ALL_PASSED : EXIT_SOME_FAILED;
    }

    /** The script names found more than once, e.g. the same QuickFIX/J script in fix42/ and fix44/. */
    private static Set<String> repeatedNames(List<Path> scripts) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Path script : scripts) {
            String name = ScriptFiles.nameOf(script);
            if (!seen.add(name)) {
                repeated.add(name);
            }
        }
        return repeated;
    }

    /** {@code fix42/1a_ValidLogonWithCorrectMsgSeqNum}: a repeated name with its folder's, to tell them apart. */
    private static String folderAndName(Path script) {
        Path folder = script.toAbsolutePath().getParent();
        String name = ScriptFiles.nameOf(script);
        return folder == null || folder.getFileName() == null ? name : folder.getFileName() + "/" + name;
    }
}
