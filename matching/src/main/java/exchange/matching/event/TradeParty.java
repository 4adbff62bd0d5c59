package exchange.matching.event;

import exchange.matching.Flyweight;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;

/**
 * One side of a trade: the order's state after the fill. Lives inside a {@link TradeEvent}.
 *
 * <pre>
 *   0  order id (i64)     8 exec id (i64)
 *  16  session id (i32)  20 firm id (i32)  24 account id (i32)
 *  28  side (u8)  29 ord type (u8)  30 time in force (u8)  31 instructions (u8)
 *  32  limit price (i64; 0 for market)
 *  40  order qty (i64)   48 cum qty (i64)  56 leaves qty (i64)  64 cum notional (i64)
 *  72  visible qty (i64): displayed quantity left on the book after the fill (0 for an aggressor)
 *  80  end
 * </pre>
 */
public final class TradeParty extends Flyweight {
    public static final int ORDER_ID_OFFSET = 0;
    public static final int EXEC_ID_OFFSET = 8;
    public static final int SESSION_OFFSET = 16;
    public static final int FIRM_OFFSET = 20;
    public static final int ACCOUNT_OFFSET = 24;
    public static final int SIDE_OFFSET = 28;
    public static final int ORD_TYPE_OFFSET = 29;
    public static final int TIF_OFFSET = 30;
    public static final int INSTRUCTIONS_OFFSET = 31;
    public static final int PRICE_OFFSET = 32;
    public static final int ORDER_QTY_OFFSET = 40;
    public static final int CUM_QTY_OFFSET = 48;
    public static final int LEAVES_QTY_OFFSET = 56;
    public static final int CUM_NOTIONAL_OFFSET = 64;
    public static final int VISIBLE_QTY_OFFSET = 72;
    public static final int LENGTH = 80;

    public long orderId() {
        return buffer.getLong(offset + ORDER_ID_OFFSET);
    }

    public TradeParty orderId(final long v) {
        buffer.putLong(offset + ORDER_ID_OFFSET, v);
        return this;
    }

    public long execId() {
        return buffer.getLong(offset + EXEC_ID_OFFSET);
    }

    public TradeParty execId(final long v) {
        buffer.putLong(offset + EXEC_ID_OFFSET, v);
        return this;
    }

    public int sessionId() {
        return buffer.getInt(offset + SESSION_OFFSET);
    }

    public TradeParty sessionId(final int v) {
        buffer.putInt(offset + SESSION_OFFSET, v);
        return this;
    }

    public int firmId() {
        return buffer.getInt(offset + FIRM_OFFSET);
    }

    public TradeParty firmId(final int v) {
        buffer.putInt(offset + FIRM_OFFSET, v);
        return this;
    }

    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public TradeParty accountId(final int v) {
        buffer.putInt(offset + ACCOUNT_OFFSET, v);
        return this;
    }

    public Side side() {
        return Side.fromCode(buffer.getByte(offset + SIDE_OFFSET));
    }

    public TradeParty sideCode(final byte v) {
        buffer.putByte(offset + SIDE_OFFSET, v);
        return this;
    }

    public OrderType orderType() {
        return OrderType.fromCode(buffer.getByte(offset + ORD_TYPE_OFFSET));
    }

    public TradeParty orderTypeCode(final byte v) {
        buffer.putByte(offset + ORD_TYPE_OFFSET, v);
        return this;
    }

    public TimeInForce timeInForce() {
        return TimeInForce.fromCode(buffer.getByte(offset + TIF_OFFSET));
    }

    public TradeParty timeInForceCode(final byte v) {
        buffer.putByte(offset + TIF_OFFSET, v);
        return this;
    }

    public int instructions() {
        return buffer.getByte(offset + INSTRUCTIONS_OFFSET) & 0xFF;
    }

    public TradeParty instructions(final int v) {
        buffer.putByte(offset + INSTRUCTIONS_OFFSET, (byte) v);
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public TradeParty price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long orderQty() {
        return buffer.getLong(offset + ORDER_QTY_OFFSET);
    }

    public TradeParty orderQty(final long v) {
        buffer.putLong(offset + ORDER_QTY_OFFSET, v);
        return this;
    }

    public long cumQty() {
        return buffer.getLong(offset + CUM_QTY_OFFSET);
    }

    public TradeParty cumQty(final long v) {
        buffer.putLong(offset + CUM_QTY_OFFSET, v);
        return this;
    }

    public long leavesQty() {
        return buffer.getLong(offset + LEAVES_QTY_OFFSET);
    }

    public TradeParty leavesQty(final long v) {
        buffer.putLong(offset + LEAVES_QTY_OFFSET, v);
        return this;
    }

    public long cumNotional() {
        return buffer.getLong(offset + CUM_NOTIONAL_OFFSET);
    }

    public TradeParty cumNotional(final long v) {
        buffer.putLong(offset + CUM_NOTIONAL_OFFSET, v);
        return this;
    }

    public long visibleQty() {
        return buffer.getLong(offset + VISIBLE_QTY_OFFSET);
    }

    public TradeParty visibleQty(final long v) {
        buffer.putLong(offset + VISIBLE_QTY_OFFSET, v);
        return this;
    }

    @Override
    public String toString() {
        return "{order=" + orderId() + " exec=" + execId() + " session=" + sessionId() + " firm=" + firmId()
            + " account=" + accountId() + " " + side() + " " + orderType() + " " + timeInForce() + " px=" + price()
            + " qty=" + orderQty() + " cum=" + cumQty() + " leaves=" + leavesQty() + " notional=" + cumNotional()
            + " visible=" + visibleQty() + "}";
    }
}
