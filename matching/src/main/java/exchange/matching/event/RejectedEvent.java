package exchange.matching.event;

import exchange.matching.RejectReason;

/**
 * An order was refused (ExecType 8 Rejected), by the engine or by the gateway. The order block holds
 * the order as requested; its order id is the command sequence, and cum and leaves are 0.
 *
 * <pre>
 * 104  reason (u8, RejectReason code)
 * 105  context length (u8), then the context bytes
 * </pre>
 */
public final class RejectedEvent extends OrderEvent {
    public static final int REASON_OFFSET = BODY_OFFSET;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 1;

    @Override
    public EventType type() {
        return EventType.REJECTED;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    public RejectReason reason() {
        return RejectReason.fromCode(buffer.getByte(offset + REASON_OFFSET));
    }

    public RejectedEvent reason(final RejectReason reason) {
        buffer.putByte(offset + REASON_OFFSET, reason.code());
        return this;
    }

    @Override
    protected String ownFields() {
        return " reason=" + reason() + " ctx=" + contextLength();
    }
}
