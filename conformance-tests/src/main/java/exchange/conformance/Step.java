package exchange.conformance;

/**
 * One line of a script that does something: connect, send, expect, disconnect, wait...
 * Steps are immutable; all run state is in the {@link ScriptContext}.
 */
interface Step {

    /** The step's line in the script, 1-based. */
    int line();

    /**
     * Does the step.
     *
     * @throws ScriptFailure when the server did not do what the script expects
     */
    void execute(ScriptContext context) throws ScriptFailure, InterruptedException;
}
