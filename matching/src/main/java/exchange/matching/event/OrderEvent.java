package exchange.matching.event;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;

/**
 * The state of one order after the event, as an ExecutionReport reports it. Shared by every event
 * about one order.
 *
 * <pre>
 *  24  order id (i64)        32 exec id (i64; 0 when the event is not an ExecutionReport)
 *  40  session id (i32)      44 firm id (i32)      48 account id (i32)
 *  52  side (u8)  53 ord type (u8)  54 time in force (u8)  55 instructions (u8)
 *  56  price (i64)           64 stop price (i64)
 *  72  order qty (i64)       80 cum qty (i64)      88 leaves qty (i64)
 *  96  cum notional (i64): sum of last px x last qty, so AvgPx = cum notional / cum qty
 * 104  the event's own fields
 * </pre>
 */
public abstract class OrderEvent extends Event {
    public static final int ORDER_ID_OFFSET = 24;
    public static final int EXEC_ID_OFFSET = 32;
    public static final int SESSION_OFFSET = 40;
    public static final int FIRM_OFFSET = 44;
    public static final int ACCOUNT_OFFSET = 48;
    public static final int SIDE_OFFSET = 52;
    public static final int ORD_TYPE_OFFSET = 53;
    public static final int TIF_OFFSET = 54;
    public static final int INSTRUCTIONS_OFFSET = 55;
    public static final int PRICE_OFFSET = 56;
    public static final int STOP_PRICE_OFFSET = 64;
    public static final int ORDER_QTY_OFFSET = 72;
    public static final int CUM_QTY_OFFSET = 80;
    public static final int LEAVES_QTY_OFFSET = 88;
    public static final int CUM_NOTIONAL_OFFSET = 96;
    public static final int BODY_OFFSET = 104;

    public long orderId() {
        return buffer.getLong(offset + ORDER_ID_OFFSET);
    }

    public OrderEvent orderId(final long v) {
        buffer.putLong(offset + ORDER_ID_OFFSET, v);
        return this;
    }

    public long execId() {
        return buffer.getLong(offset + EXEC_ID_OFFSET);
    }

    public OrderEvent execId(final long v) {
        buffer.putLong(offset + EXEC_ID_OFFSET, v);
        return this;
    }

    public int sessionId() {
        return buffer.getInt(offset + SESSION_OFFSET);
    }

    public OrderEvent sessionId(final int v) {
        buffer.putInt(offset + SESSION_OFFSET, v);
        return this;
    }

    public int firmId() {
        return buffer.getInt(offset + FIRM_OFFSET);
    }

    public OrderEvent firmId(final int v) {
        buffer.putInt(offset + FIRM_OFFSET, v);
        return this;
    }

    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public OrderEvent accountId(final int v) {
        buffer.putInt(offset + ACCOUNT_OFFSET, v);
        return this;
    }

    public Side side() {
        return Side.fromCode(buffer.getByte(offset + SIDE_OFFSET));
    }

    public OrderEvent sideCode(final byte v) {
        buffer.putByte(offset + SIDE_OFFSET, v);
        return this;
    }

    public OrderType orderType() {
        return OrderType.fromCode(buffer.getByte(offset + ORD_TYPE_OFFSET));
    }

    public OrderEvent orderTypeCode(final byte v) {
        buffer.putByte(offset + ORD_TYPE_OFFSET, v);
        return this;
    }

    public TimeInForce timeInForce() {
        return TimeInForce.fromCode(buffer.getByte(offset + TIF_OFFSET));
    }

    public OrderEvent timeInForceCode(final byte v) {
        buffer.putByte(offset + TIF_OFFSET, v);
        return this;
    }

    public int instructions() {
        return buffer.getByte(offset + INSTRUCTIONS_OFFSET) & 0xFF;
    }

    public OrderEvent instructions(final int v) {
        buffer.putByte(offset + INSTRUCTIONS_OFFSET, (byte) v);
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public OrderEvent price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long stopPrice() {
        return buffer.getLong(offset + STOP_PRICE_OFFSET);
    }

    public OrderEvent stopPrice(final long v) {
        buffer.putLong(offset + STOP_PRICE_OFFSET, v);
        return this;
    }

    public long orderQty() {
        return buffer.getLong(offset + ORDER_QTY_OFFSET);
    }

    public OrderEvent orderQty(final long v) {
        buffer.putLong(offset + ORDER_QTY_OFFSET, v);
        return this;
    }

    public long cumQty() {
        return buffer.getLong(offset + CUM_QTY_OFFSET);
    }

    public OrderEvent cumQty(final long v) {
        buffer.putLong(offset + CUM_QTY_OFFSET, v);
        return this;
    }

    public long leavesQty() {
        return buffer.getLong(offset + LEAVES_QTY_OFFSET);
    }

    public OrderEvent leavesQty(final long v) {
        buffer.putLong(offset + LEAVES_QTY_OFFSET, v);
        return this;
    }

    public long cumNotional() {
        return buffer.getLong(offset + CUM_NOTIONAL_OFFSET);
    }

    public OrderEvent cumNotional(final long v) {
        buffer.putLong(offset + CUM_NOTIONAL_OFFSET, v);
        return this;
    }

    @Override
    protected String body() {
        return " order=" + orderId() + " exec=" + execId() + " session=" + sessionId() + " firm=" + firmId()
            + " account=" + accountId() + " " + side() + " " + orderType() + " " + timeInForce()
            + " px=" + price() + " stop=" + stopPrice() + " qty=" + orderQty() + " cum=" + cumQty()
            + " leaves=" + leavesQty() + " notional=" + cumNotional() + ownFields();
    }

    /** @return this event type's own fields for {@link #toString()}. */
    protected abstract String ownFields();
}
