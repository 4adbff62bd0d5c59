package exchange.conformance;

/**
 * {@code iSET_SESSION <sessionID> <setting>=<value>}: changes a session on the server through
 * {@link ServerControl#setSession}; fails where the server offers no such control.
 */
record SetSessionStep(int line, String sessionId, String setting, String value) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        try {
            context.control().setSession(sessionId, setting, value);
            context.transcript().note(0, "server session " + sessionId + " " + setting + "=" + value);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new ScriptFailure(line, "iSET_SESSION " + sessionId + " " + setting + "=" + value
                    + ": " + e.getMessage());
        }
    }
}
