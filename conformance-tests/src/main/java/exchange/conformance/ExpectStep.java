package exchange.conformance;

import java.time.Duration;

/** {@code E...}, {@code E2,...}: the next message on the connection must match. */
record ExpectStep(int line, int connection, ExpectedMessage expected) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        Duration timeout = context.expectBudget(line);
        Received received = context.connection(line, connection).receive(timeout);
        String expectedLine = "expected: " + expected.display();
        if (received instanceof Received.Timeout) {
            throw new ScriptFailure(line, "no message on connection " + connection + " within "
                    + timeout.toMillis() + " ms", expectedLine);
        }
        if (received instanceof Received.Closed closed) {
            throw new ScriptFailure(line, "connection " + connection + " " + closed.reason()
                    + " instead of sending the expected message", expectedLine);
        }
        if (received instanceof Received.Malformed malformed) {
            throw new ScriptFailure(line, "malformed message on connection " + connection + ": "
                    + malformed.reason(), expectedLine);
        }
        FixMessage message = ((Received.Message) received).message();
        context.transcript().received(connection, message);
        String difference = expected.firstDifference(message, context.captures(), context.options());
        if (difference != null) {
            throw new ScriptFailure(line, difference, expectedLine, "received: " + message.display());
        }
        expected.capture(message, context.captures());
    }
}
