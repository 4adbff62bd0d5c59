package exchange.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code I...}, {@code I2,...}: sends a message. A connection the server has already closed is
 * not a failure here, as in QuickFIX/J: the next expectation tells what happened.
 */
record SendStep(int line, int connection, OutgoingTemplate message) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        FixConnection target = context.connection(line, connection);
        byte[] bytes = message.compose(context.captures(), context.options(), context.now());
        context.transcript().sent(connection, new String(bytes, StandardCharsets.ISO_8859_1));
        if (!target.isOpen()) {
            context.transcript().note(connection, "not sent: the server has closed the connection");
            return;
        }
        try {
            target.send(bytes);
        } catch (IOException e) {
            context.transcript().note(connection, "send failed: " + e.getMessage());
        }
    }
}
