package exchange.matching.command;

/**
 * Ask for the state of one order of the sender's firm.
 *
 * <pre>
 *  32  order id (i64)
 *  40  context length (u8), then the context bytes
 * </pre>
 */
public final class StatusCommand extends OrderRequestCommand {
    public static final int CONTEXT_OFFSET = 40;

    @Override
    public CommandType type() {
        return CommandType.STATUS;
    }

    @Override
    protected int contextOffset() {
        return CONTEXT_OFFSET;
    }

    @Override
    public StatusCommand init() {
        super.init();
        return this;
    }
}
