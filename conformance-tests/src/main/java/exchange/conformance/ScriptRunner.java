package exchange.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Plays scripts against a FIX acceptor at host:port over plain TCP, one at a time.
 *
 * <p>Each script gets fresh connections and captures; connections it leaves open are closed when
 * it ends. A run never takes longer than {@link RunOptions#scriptTimeout()}, and no single
 * expectation longer than {@link RunOptions#expectTimeout()} (or the script's {@code eTIMEOUT}).
 *
 * <p>Thread-safe in the sense that it keeps no state between runs; but scripts that use the same
 * server session must not run at the same time.
 */
public final class ScriptRunner {
    private final String host;
    private final int port;
    private final RunOptions options;
    private final ServerControl control;

    /**
     * @param host    the server's host name or address
     * @param port    the server's FIX port
     * @param options timeouts, heartbeat override, CompID mapping
     * @param control what the runner may ask of the server beyond TCP; {@link ServerControl#tcpOnly}
     *                when nothing
     */
    public ScriptRunner(String host, int port, RunOptions options, ServerControl control) {
        this.host = Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.port = port;
        this.options = Objects.requireNonNull(options, "options");
        this.control = Objects.requireNonNull(control, "control");
    }

    /** The options the runner plays scripts with. */
    public RunOptions options() {
        return options;
    }

    /**
     * Reads and plays a script file. A file that cannot be read or parsed gives a failed result,
     * not an exception.
     */
    public ScriptResult run(Path file) {
        Script script;
        try {
            script = ScriptParser.read(file);
        } catch (IOException | ScriptSyntaxException e) {
            return ScriptResult.failed(ScriptFiles.nameOf(file), "cannot read " + file + ": " + e.getMessage(),
                    List.of(), Duration.ZERO, List.of());
        }
        return run(script);
    }

    /** Plays a parsed script and tells whether the server did what it expects. */
    public ScriptResult run(Script script) {
        long startNs = System.nanoTime();
        ScriptContext context = new ScriptContext(host, port, options, control);
        try {
            try {
                for (Step step : script.steps()) {
                    step.execute(context);
                }
            } finally {
                context.close();
            }
            return ScriptResult.passed(script.name(), since(startNs), context.transcript().lines());
        } catch (ScriptFailure failure) {
            return ScriptResult.failed(script.name(), failure.getMessage(), failure.details(), since(startNs),
                    context.transcript().lines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScriptResult.failed(script.name(), "interrupted", List.of(), since(startNs),
                    context.transcript().lines());
        }
    }

    private static Duration since(long startNs) {
        return Duration.ofNanos(System.nanoTime() - startNs);
    }
}
