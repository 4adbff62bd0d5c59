package exchange.matching.event;

import exchange.matching.CancelReason;

/**
 * A mass cancel finished (FIX OrderMassCancelReport); one Cancelled event per order precedes it.
 *
 * <pre>
 *  24  session id (i32)  28 firm id (i32)  32 account id (i32)
 *  36  scope (u8)  37 side (u8, 0 both)  38 reason (u8, CancelReason code)  39 reserved
 *  40  cancelled count (i64)
 *  48  context length (u8), then the context bytes
 * </pre>
 */
public final class MassCancelledEvent extends Event {
    public static final int SESSION_OFFSET = 24;
    public static final int FIRM_OFFSET = 28;
    public static final int ACCOUNT_OFFSET = 32;
    public static final int SCOPE_OFFSET = 36;
    public static final int SIDE_OFFSET = 37;
    public static final int REASON_OFFSET = 38;
    public static final int COUNT_OFFSET = 40;
    public static final int CONTEXT_OFFSET = 48;

    @Override
    public EventType type() {
        return EventType.MASS_CANCELLED;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    @Override
    public MassCancelledEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putInt(offset + SCOPE_OFFSET, 0); // scope, side, reason and the reserved byte
        return this;
    }

    public int sessionId() {
        return buffer.getInt(offset + SESSION_OFFSET);
    }

    public MassCancelledEvent sessionId(final int v) {
        buffer.putInt(offset + SESSION_OFFSET, v);
        return this;
    }

    public int firmId() {
        return buffer.getInt(offset + FIRM_OFFSET);
    }

    public MassCancelledEvent firmId(final int v) {
        buffer.putInt(offset + FIRM_OFFSET, v);
        return this;
    }

    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public MassCancelledEvent accountId(final int v) {
        buffer.putInt(offset + ACCOUNT_OFFSET, v);
        return this;
    }

    public int scope() {
        return buffer.getByte(offset + SCOPE_OFFSET) & 0xFF;
    }

    public MassCancelledEvent scope(final int v) {
        buffer.putByte(offset + SCOPE_OFFSET, (byte) v);
        return this;
    }

    public byte sideCode() {
        return buffer.getByte(offset + SIDE_OFFSET);
    }

    public MassCancelledEvent sideCode(final byte v) {
        buffer.putByte(offset + SIDE_OFFSET, v);
        return this;
    }

    public CancelReason reason() {
        return CancelReason.fromCode(buffer.getByte(offset + REASON_OFFSET));
    }

    public MassCancelledEvent reason(final CancelReason reason) {
        buffer.putByte(offset + REASON_OFFSET, reason.code());
        return this;
    }

    public long cancelledCount() {
        return buffer.getLong(offset + COUNT_OFFSET);
    }

    public MassCancelledEvent cancelledCount(final long v) {
        buffer.putLong(offset + COUNT_OFFSET, v);
        return this;
    }

    @Override
    protected String body() {
        return " session=" + sessionId() + " firm=" + firmId() + " account=" + accountId() + " scope=" + scope()
            + " side=" + sideCode() + " reason=" + reason() + " count=" + cancelledCount() + " ctx=" + contextLength();
    }
}
