package exchange.matching.event;

/**
 * An order was accepted (ExecType 0 New). Carries the order as entered and the context of the
 * NewOrder command.
 *
 * <pre>
 * 104  display qty (i64; 0 = all displayed)   112 min qty (i64)   120 expire time (i64, ns)
 * 128  context length (u8), then the context bytes
 * </pre>
 */
public final class AcceptedEvent extends OrderEvent {
    public static final int DISPLAY_QTY_OFFSET = BODY_OFFSET;
    public static final int MIN_QTY_OFFSET = BODY_OFFSET + 8;
    public static final int EXPIRE_TIME_OFFSET = BODY_OFFSET + 16;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 24;

    @Override
    public EventType type() {
        return EventType.ACCEPTED;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    public long displayQty() {
        return buffer.getLong(offset + DISPLAY_QTY_OFFSET);
    }

    public AcceptedEvent displayQty(final long v) {
        buffer.putLong(offset + DISPLAY_QTY_OFFSET, v);
        return this;
    }

    public long minQty() {
        return buffer.getLong(offset + MIN_QTY_OFFSET);
    }

    public AcceptedEvent minQty(final long v) {
        buffer.putLong(offset + MIN_QTY_OFFSET, v);
        return this;
    }

    public long expireTimeNs() {
        return buffer.getLong(offset + EXPIRE_TIME_OFFSET);
    }

    public AcceptedEvent expireTimeNs(final long v) {
        buffer.putLong(offset + EXPIRE_TIME_OFFSET, v);
        return this;
    }

    @Override
    protected String ownFields() {
        return " display=" + displayQty() + " min=" + minQty() + " expire=" + expireTimeNs() + " ctx=" + contextLength();
    }
}
