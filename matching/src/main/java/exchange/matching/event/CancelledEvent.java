package exchange.matching.event;

import exchange.matching.CancelReason;

/**
 * An order ended without trading in full: cancelled on request, by the engine (IOC remainder,
 * self-trade prevention, mass cancel...) or expired. Leaves qty is 0. When a cancel request caused
 * it, the event carries that request's context; otherwise the context is empty.
 *
 * <pre>
 * 104  cancelled qty (i64): the leaves qty taken off
 * 112  reason (u8, CancelReason code)
 * 113  context length (u8), then the context bytes
 * </pre>
 */
public final class CancelledEvent extends OrderEvent {
    public static final int CANCELLED_QTY_OFFSET = BODY_OFFSET;
    public static final int REASON_OFFSET = BODY_OFFSET + 8;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 9;

    @Override
    public EventType type() {
        return EventType.CANCELLED;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    public long cancelledQty() {
        return buffer.getLong(offset + CANCELLED_QTY_OFFSET);
    }

    public CancelledEvent cancelledQty(final long v) {
        buffer.putLong(offset + CANCELLED_QTY_OFFSET, v);
        return this;
    }

    public CancelReason reason() {
        return CancelReason.fromCode(buffer.getByte(offset + REASON_OFFSET));
    }

    public CancelledEvent reason(final CancelReason reason) {
        buffer.putByte(offset + REASON_OFFSET, reason.code());
        return this;
    }

    @Override
    protected String ownFields() {
        return " cancelled=" + cancelledQty() + " reason=" + reason() + " ctx=" + contextLength();
    }
}
