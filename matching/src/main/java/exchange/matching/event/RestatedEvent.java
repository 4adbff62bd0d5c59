package exchange.matching.event;

import exchange.matching.CancelReason;

/**
 * The exchange took quantity off a live order without a trade: self-trade prevention decremented
 * it. The order block holds the new state (order qty and leaves both lower by the restated qty).
 * For FIX: ExecutionReport ExecType D Restated, ExecRestatementReason 4 (partial decline of OrderQty).
 * Market data: an Order Cancel of the displayed quantity that went (previous visible minus visible).
 *
 * <pre>
 * 104  restated qty (i64): how much was taken off
 * 112  visible qty (i64): displayed quantity left on the book (0 for an order not on the book)
 * 120  reason (u8, CancelReason code)   121 reserved (7 bytes)
 * 128  end
 * </pre>
 */
public final class RestatedEvent extends OrderEvent {
    public static final int RESTATED_QTY_OFFSET = BODY_OFFSET;
    public static final int VISIBLE_QTY_OFFSET = BODY_OFFSET + 8;
    public static final int REASON_OFFSET = BODY_OFFSET + 16;
    public static final int END_OFFSET = BODY_OFFSET + 24;

    @Override
    public EventType type() {
        return EventType.RESTATED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public RestatedEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + REASON_OFFSET, 0L); // reason and the seven reserved bytes
        return this;
    }

    public long restatedQty() {
        return buffer.getLong(offset + RESTATED_QTY_OFFSET);
    }

    public RestatedEvent restatedQty(final long v) {
        buffer.putLong(offset + RESTATED_QTY_OFFSET, v);
        return this;
    }

    public long visibleQty() {
        return buffer.getLong(offset + VISIBLE_QTY_OFFSET);
    }

    public RestatedEvent visibleQty(final long v) {
        buffer.putLong(offset + VISIBLE_QTY_OFFSET, v);
        return this;
    }

    public CancelReason reason() {
        return CancelReason.fromCode(buffer.getByte(offset + REASON_OFFSET));
    }

    public RestatedEvent reason(final CancelReason reason) {
        buffer.putByte(offset + REASON_OFFSET, reason.code());
        return this;
    }

    @Override
    protected String ownFields() {
        return " restated=" + restatedQty() + " visible=" + visibleQty() + " reason=" + reason();
    }
}
