package exchange.conformance;

import java.time.Duration;

/**
 * {@code eNOTHING <ms>}, {@code e2,NOTHING <ms>} (extension): for that long, the server sends
 * nothing on the connection and keeps it open.
 */
record ExpectNothingStep(int line, int connection, Duration quiet) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        Duration budget = context.budget(line, quiet);
        if (budget.compareTo(quiet) < 0) {
            throw new ScriptFailure(line, "the script's timeout leaves less than the " + quiet.toMillis()
                    + " ms of silence asked for");
        }
        Received received = context.connection(line, connection).receive(quiet);
        if (received instanceof Received.Message message) {
            context.transcript().received(connection, message.message());
            throw new ScriptFailure(line, "expected no message on connection " + connection + " for "
                    + quiet.toMillis() + " ms", "received: " + message.message().display());
        }
        if (received instanceof Received.Closed closed) {
            throw new ScriptFailure(line, "connection " + connection + " " + closed.reason()
                    + " during " + quiet.toMillis() + " ms that should have been quiet");
        }
        if (received instanceof Received.Malformed malformed) {
            throw new ScriptFailure(line, "malformed message on connection " + connection + ": "
                    + malformed.reason());
        }
    }
}
