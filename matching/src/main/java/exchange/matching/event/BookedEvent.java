package exchange.matching.event;

import exchange.matching.Side;

/**
 * An order now rests on the book with some quantity displayed: after entry, after a stop triggers,
 * after an iceberg refreshes its peak (at the back of its level), or when a GTC order is restored at
 * start of day. Market data publishes it as an Add Order. Not an ExecutionReport, so it carries only
 * what a book view needs.
 *
 * <pre>
 *  24  order id (i64)
 *  32  price (i64)
 *  40  visible qty (i64): the displayed quantity now on the book
 *  48  leaves qty (i64): all that is left, hidden reserve included
 *  56  order qty (i64)
 *  64  session id (i32)   68 firm id (i32)
 *  72  side (u8, FIX 54)  73 reason (u8): 1 new, 2 triggered, 3 iceberg refresh, 4 restored
 *  74  reserved (6 bytes)
 *  80  end
 * </pre>
 */
public final class BookedEvent extends Event {
    public static final int ORDER_ID_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;
    public static final int VISIBLE_QTY_OFFSET = 40;
    public static final int LEAVES_QTY_OFFSET = 48;
    public static final int ORDER_QTY_OFFSET = 56;
    public static final int SESSION_OFFSET = 64;
    public static final int FIRM_OFFSET = 68;
    public static final int SIDE_OFFSET = 72;
    public static final int REASON_OFFSET = 73;
    public static final int END_OFFSET = 80;

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

    @Override
    public BookedEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + SIDE_OFFSET, 0L); // side, reason and the six reserved bytes
        return this;
    }

    public long orderId() {
        return buffer.getLong(offset + ORDER_ID_OFFSET);
    }

    public BookedEvent orderId(final long v) {
        buffer.putLong(offset + ORDER_ID_OFFSET, v);
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public BookedEvent price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long visibleQty() {
        return buffer.getLong(offset + VISIBLE_QTY_OFFSET);
    }

    public BookedEvent visibleQty(final long v) {
        buffer.putLong(offset + VISIBLE_QTY_OFFSET, v);
        return this;
    }

    public long leavesQty() {
        return buffer.getLong(offset + LEAVES_QTY_OFFSET);
    }

    public BookedEvent leavesQty(final long v) {
        buffer.putLong(offset + LEAVES_QTY_OFFSET, v);
        return this;
    }

    public long orderQty() {
        return buffer.getLong(offset + ORDER_QTY_OFFSET);
    }

    public BookedEvent orderQty(final long v) {
        buffer.putLong(offset + ORDER_QTY_OFFSET, v);
        return this;
    }

    public int sessionId() {
        return buffer.getInt(offset + SESSION_OFFSET);
    }

    public BookedEvent sessionId(final int v) {
        buffer.putInt(offset + SESSION_OFFSET, v);
        return this;
    }

    public int firmId() {
        return buffer.getInt(offset + FIRM_OFFSET);
    }

    public BookedEvent firmId(final int v) {
        buffer.putInt(offset + FIRM_OFFSET, v);
        return this;
    }

    public Side side() {
        return Side.fromCode(buffer.getByte(offset + SIDE_OFFSET));
    }

    public BookedEvent sideCode(final byte v) {
        buffer.putByte(offset + SIDE_OFFSET, v);
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
    protected String body() {
        return " order=" + orderId() + " " + side() + " px=" + price() + " visible=" + visibleQty() + " leaves="
            + leavesQty() + " qty=" + orderQty() + " session=" + sessionId() + " firm=" + firmId() + " reason=" + reason();
    }
}
