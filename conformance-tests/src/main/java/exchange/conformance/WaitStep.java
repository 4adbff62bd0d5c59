package exchange.conformance;

import java.time.Duration;

/**
 * {@code iWAIT <ms>} (extension): the script stays silent for that long, e.g. to let a
 * heartbeat interval pass. A deliberate pause, not a wait for something to happen.
 */
record WaitStep(int line, Duration pause) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure, InterruptedException {
        Duration budget = context.budget(line, pause);
        if (budget.compareTo(pause) < 0) {
            throw new ScriptFailure(line, "the script's timeout leaves less than the " + pause.toMillis()
                    + " ms pause asked for");
        }
        Thread.sleep(pause.toMillis());
    }
}
