package exchange.matching.event;

/**
 * An order from an earlier trading day is back on the book (GTC or GTD, loaded at start of day) with
 * its original order id, fills and priority. Carries the context saved with it, so that gateways and
 * drop copies know its ClOrdID again. Not an ExecutionReport (exec id 0); market data publishes the
 * visible part as an Add Order.
 *
 * <p>A stop comes back either waiting for its stop price again or, when it had triggered, as the order it
 * became; the flags say which, since nothing else does for a market stop restored into a call book (it
 * shows nothing, as a waiting stop does). Event logs written before the flags have 0 there.
 *
 * <pre>
 *   3  flags (u8, the header's reserved byte): bit 0 {@link #TRIGGERED}
 * 104  visible qty (i64)   112 display qty (i64; 0 = all displayed)   120 expire time (i64, ns)
 * 128  context length (u8), then the context bytes
 * </pre>
 */
public final class RestoredEvent extends OrderEvent {
    public static final int FLAGS_OFFSET = TYPE_OFFSET + 1;
    /** Flags bit: a stop that had triggered, back on the book as the order it became (not waiting). */
    public static final int TRIGGERED = 1;
    public static final int VISIBLE_QTY_OFFSET = BODY_OFFSET;
    public static final int DISPLAY_QTY_OFFSET = BODY_OFFSET + 8;
    public static final int EXPIRE_TIME_OFFSET = BODY_OFFSET + 16;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 24;

    @Override
    public EventType type() {
        return EventType.RESTORED;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    public int flags() {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    public RestoredEvent flags(final int v) {
        buffer.putByte(offset + FLAGS_OFFSET, (byte) v);
        return this;
    }

    public long visibleQty() {
        return buffer.getLong(offset + VISIBLE_QTY_OFFSET);
    }

    public RestoredEvent visibleQty(final long v) {
        buffer.putLong(offset + VISIBLE_QTY_OFFSET, v);
        return this;
    }

    public long displayQty() {
        return buffer.getLong(offset + DISPLAY_QTY_OFFSET);
    }

    public RestoredEvent displayQty(final long v) {
        buffer.putLong(offset + DISPLAY_QTY_OFFSET, v);
        return this;
    }

    public long expireTimeNs() {
        return buffer.getLong(offset + EXPIRE_TIME_OFFSET);
    }

    public RestoredEvent expireTimeNs(final long v) {
        buffer.putLong(offset + EXPIRE_TIME_OFFSET, v);
        return this;
    }

    @Override
    protected String ownFields() {
        return " visible=" + visibleQty() + " display=" + displayQty() + " expire=" + expireTimeNs() + " ctx="
            + contextLength() + " flags=" + flags();
    }
}
