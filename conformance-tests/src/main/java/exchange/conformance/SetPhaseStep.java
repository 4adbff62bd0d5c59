package exchange.conformance;

/**
 * {@code iSET_PHASE <symbol> <phase>} <b>(ext)</b>: moves an instrument of the server to a trading phase
 * through {@link ServerControl#setPhase}, as the exchange's schedule or an operator would; fails where
 * the server offers no such control.
 */
record SetPhaseStep(int line, String symbol, String phase) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        try {
            context.control().setPhase(symbol, phase);
            context.transcript().note(0, "server instrument " + symbol + " phase " + phase);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new ScriptFailure(line, "iSET_PHASE " + symbol + " " + phase + ": " + e.getMessage());
        }
    }
}
