package exchange.matching.command;

/**
 * Cancel one live order of the sender's firm.
 *
 * <pre>
 *  32  order id (i64)
 *  40  context length (u8), then the context bytes
 * </pre>
 */
public final class CancelCommand extends OrderRequestCommand {
    public static final int CONTEXT_OFFSET = 40;

    @Override
    public CommandType type() {
        return CommandType.CANCEL;
    }

    @Override
    protected int contextOffset() {
        return CONTEXT_OFFSET;
    }

    @Override
    public CancelCommand init() {
        super.init();
        return this;
    }
}
