package exchange.conformance;

/** {@code iCONNECT}, {@code i2,CONNECT}: opens a TCP connection to the server. */
record ConnectStep(int line, int connection) implements Step {
    @Override
    public void execute(ScriptContext context) throws ScriptFailure, InterruptedException {
        context.connect(line, connection);
    }
}
