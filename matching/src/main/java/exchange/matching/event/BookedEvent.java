package exchange.matching.event;

/**
 * An order now rests on the book with some quantity displayed: after entry, after a stop triggers,
 * after an iceberg refreshes its peak (at the back of its level), or when a GTC order is restored at
 * start of day. Market data publishes it as an Add Order. Not an ExecutionReport (exec id 0).
 *
 * <pre>
 * 104  visible qty (i64): the displayed quantity now on the book
 * 112  reason (u8): 1 new, 2 triggered, 3 iceberg refresh, 4 restored, 5 auction remainder
 * 113  end
 * </pre>
 */
public final class BookedEvent extends OrderEvent {
    public static final int VISIBLE_QTY_OFFSET = BODY_OFFSET;
    public static final int REASON_OFFSET = BODY_OFFSET + 8;
    public static final int END_OFFSET = BODY_OFFSET + 9;

    public static final int REASON_NEW = 1;
    public static final int REASON_TRIGGERED = 2;
    public static final int REASON_REFRESH = 3;
    public static final int REASON_RESTORED = 4;

    @Override
    public EventType type() {
        return EventType.BOOKED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    public long visibleQty() {
        return buffer.getLong(offset + VISIBLE_QTY_OFFSET);
    }

    public BookedEvent visibleQty(final long v) {
        buffer.putLong(offset + VISIBLE_QTY_OFFSET, v);
        return this;
    }

    public int reason() {
        return buffer.getByte(offset + REASON_OFFSET) & 0xFF;
    }

    public BookedEvent reason(final int v) {
        buffer.putByte(offset + REASON_OFFSET, (byte) v);
        return this;
    }

    @Override
    protected String ownFields() {
        return " visible=" + visibleQty() + " reason=" + reason();
    }
}
