package exchange.conformance;

import java.time.Duration;

/** {@code eTIMEOUT <ms>} (extension): how long each later expectation of the script may wait. */
record TimeoutStep(int line, Duration timeout) implements Step {
    @Override
    public void execute(ScriptContext context) {
        context.expectTimeout(timeout);
    }
}
