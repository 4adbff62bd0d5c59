package exchange.conformance;

/** {@code iDISCONNECT}, {@code i2,DISCONNECT} (extension): the script drops the connection. */
record DisconnectStep(int line, int connection) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure {
        context.disconnect(line, connection);
    }
}
