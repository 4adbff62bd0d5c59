package exchange.conformance;

import java.time.Duration;

/**
 * {@code eDISCONNECT}, {@code e2,DISCONNECT}: the server must close the connection. Messages
 * that arrive before the close are not compared, as in QuickFIX/J; the transcript shows them.
 */
record ExpectDisconnectStep(int line, int connection) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        Duration timeout = context.expectBudget(line);
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        FixConnection target = context.connection(line, connection);
        while (true) {
            Received received = target.receive(Duration.ofNanos(Math.max(0, deadlineNs - System.nanoTime())));
            if (received instanceof Received.Closed) {
                context.transcript().note(connection, "disconnected by the server");
                context.forget(connection);
                return;
            }
            if (received instanceof Received.Timeout) {
                throw new ScriptFailure(line, "connection " + connection + " still open after "
                        + timeout.toMillis() + " ms, expected the server to disconnect");
            }
            if (received instanceof Received.Malformed malformed) {
                throw new ScriptFailure(line, "malformed message on connection " + connection
                        + " while waiting for the disconnect: " + malformed.reason());
            }
            context.transcript().received(connection, ((Received.Message) received).message());
        }
    }
}
