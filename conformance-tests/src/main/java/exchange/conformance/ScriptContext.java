package exchange.conformance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * The state of one script run: its connections by index, its captures, its transcript, the
 * current expectation timeout and the script's deadline. Steps act through it.
 *
 * <p>One script, one thread: not thread-safe.
 */
final class ScriptContext implements AutoCloseable {
    /** How long closing leftover connections at the end of a script may take. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final RunOptions options;
    private final ServerControl control;
    private final long deadlineNs;
    private final Map<Integer, FixConnection> connections = new TreeMap<>();
    private final Captures captures = new Captures();
    private final Transcript transcript = new Transcript();
    private Duration expectTimeout;

    ScriptContext(String host, int port, RunOptions options, ServerControl control) {
        this.host = host;
        this.port = port;
        this.options = options;
        this.control = control;
        this.expectTimeout = options.expectTimeout();
        this.deadlineNs = System.nanoTime() + options.scriptTimeout().toNanos();
    }

    RunOptions options() {
        return options;
    }

    ServerControl control() {
        return control;
    }

    Captures captures() {
        return captures;
    }

    Transcript transcript() {
        return transcript;
    }

    Instant now() {
        return options.clock().instant();
    }

    /** Sets the expectation timeout for the rest of the script ({@code eTIMEOUT}). */
    void expectTimeout(Duration timeout) {
        expectTimeout = timeout;
    }

    /**
     * How long the next expectation may wait: the expectation timeout, cut short by the script's
     * deadline.
     *
     * @throws ScriptFailure when the script's deadline has passed
     */
    Duration expectBudget(int line) throws ScriptFailure {
        return budget(line, expectTimeout);
    }

    /**
     * The wanted duration, if the script's deadline leaves that much.
     *
     * @throws ScriptFailure when the script's deadline has passed
     */
    Duration budget(int line, Duration wanted) throws ScriptFailure {
        long remainingNs = deadlineNs - System.nanoTime();
        if (remainingNs <= 0) {
            throw new ScriptFailure(line, "the script took longer than its timeout of "
                    + options.scriptTimeout().toMillis() + " ms");
        }
        return wanted.toNanos() <= remainingNs ? wanted : Duration.ofNanos(remainingNs);
    }

    /**
     * Opens connection {@code index}, replacing one already open under that index. Before the
     * first connection, or when all earlier ones have closed, lets the server settle first.
     */
    void connect(int line, int index) throws ScriptFailure, InterruptedException {
        FixConnection previous = connections.remove(index);
        if (previous != null) {
            previous.close();
            transcript.note(index, "closed, to connect again");
        }
        if (connections.values().stream().noneMatch(FixConnection::isOpen)) {
            awaitServerReady(line);
        }
        try {
            connections.put(index, FixConnection.open(host, port, budget(line, options.connectTimeout())));
            transcript.note(index, "connected to " + host + ":" + port);
        } catch (IOException e) {
            throw new ScriptFailure(line, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private void awaitServerReady(int line) throws ScriptFailure, InterruptedException {
        Duration timeout = expectBudget(line);
        try {
            control.awaitReadyForNewConnection(timeout);
        } catch (TimeoutException e) {
            throw new ScriptFailure(line, "the server was not ready for a new connection within "
                    + timeout.toMillis() + " ms: " + e.getMessage());
        }
    }

    /**
     * The connection under {@code index}.
     *
     * @throws ScriptFailure when the script has not connected it, or has disconnected it
     */
    FixConnection connection(int line, int index) throws ScriptFailure {
        FixConnection connection = connections.get(index);
        if (connection == null) {
            throw new ScriptFailure(line, "connection " + index + " is not connected");
        }
        return connection;
    }

    /** Closes connection {@code index} at once and forgets it ({@code iDISCONNECT}). */
    void disconnect(int line, int index) throws ScriptFailure {
        connection(line, index).close();
        connections.remove(index);
        transcript.note(index, "disconnected by the script");
    }

    /** Forgets a connection the server has closed ({@code eDISCONNECT}). */
    void forget(int index) {
        FixConnection connection = connections.remove(index);
        if (connection != null) {
            connection.close();
        }
    }

    /** Closes what the script left open, giving the server a moment to see each close. */
    @Override
    public void close() {
        for (Map.Entry<Integer, FixConnection> entry : connections.entrySet()) {
            if (entry.getValue().isOpen()) {
                transcript.note(entry.getKey(), "closed at the end of the script");
            }
            entry.getValue().closeGracefully(CLOSE_TIMEOUT);
        }
        connections.clear();
    }
}
