package exchange.matching.event;

/**
 * The answer to a status request (ExecType I). When the order is live the order block holds its
 * state; otherwise only the order id, and the session and firm that asked, are set: the gateway
 * answers from what it knows of finished orders.
 *
 * <pre>
 * 104  order live (u8: 1 yes, 0 no)
 * 105  context length (u8), then the context bytes
 * </pre>
 */
public final class StatusEvent extends OrderEvent {
    public static final int ORDER_LIVE_OFFSET = BODY_OFFSET;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 1;

    @Override
    public EventType type() {
        return EventType.STATUS;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    public boolean orderLive() {
        return buffer.getByte(offset + ORDER_LIVE_OFFSET) != 0;
    }

    public StatusEvent orderLive(final boolean v) {
        buffer.putByte(offset + ORDER_LIVE_OFFSET, (byte) (v ? 1 : 0));
        return this;
    }

    @Override
    protected String ownFields() {
        return " live=" + orderLive() + " ctx=" + contextLength();
    }
}
