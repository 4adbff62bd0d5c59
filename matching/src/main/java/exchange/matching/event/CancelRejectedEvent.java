package exchange.matching.event;

import exchange.matching.RejectReason;
import exchange.matching.command.CommandType;

/**
 * A cancel or replace was refused (FIX OrderCancelReject). When the order is live the order block
 * holds its unchanged state; otherwise only the order id, and the session and firm that asked.
 *
 * <pre>
 * 104  reason (u8, RejectReason code)
 * 105  request type (u8, CommandType code: CANCEL or REPLACE)
 * 106  order live (u8: 1 yes, 0 no)
 * 107  context length (u8), then the context bytes
 * </pre>
 */
public final class CancelRejectedEvent extends OrderEvent {
    public static final int REASON_OFFSET = BODY_OFFSET;
    public static final int REQUEST_TYPE_OFFSET = BODY_OFFSET + 1;
    public static final int ORDER_LIVE_OFFSET = BODY_OFFSET + 2;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 3;

    @Override
    public EventType type() {
        return EventType.CANCEL_REJECTED;
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

    public CancelRejectedEvent reason(final RejectReason reason) {
        buffer.putByte(offset + REASON_OFFSET, reason.code());
        return this;
    }

    public CommandType requestType() {
        return CommandType.fromCode(buffer.getByte(offset + REQUEST_TYPE_OFFSET));
    }

    public CancelRejectedEvent requestType(final CommandType type) {
        buffer.putByte(offset + REQUEST_TYPE_OFFSET, (byte) type.code());
        return this;
    }

    public boolean orderLive() {
        return buffer.getByte(offset + ORDER_LIVE_OFFSET) != 0;
    }

    public CancelRejectedEvent orderLive(final boolean v) {
        buffer.putByte(offset + ORDER_LIVE_OFFSET, (byte) (v ? 1 : 0));
        return this;
    }

    @Override
    protected String ownFields() {
        return " reason=" + reason() + " request=" + requestType() + " live=" + orderLive() + " ctx=" + contextLength();
    }
}
