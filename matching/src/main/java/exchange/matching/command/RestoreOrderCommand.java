package exchange.matching.command;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import org.agrona.DirectBuffer;

/**
 * Puts back an order that lived before: a GTC or GTD order loaded at start of day, or an order of an
 * engine snapshot. It keeps its order id, fills and attributes, and goes to the back of its price
 * level, so restoring orders in their saved order restores their priority.
 *
 * <pre>
 *  32  order id (i64)
 *  40  account id (i32)
 *  44  side (u8)  45 ord type (u8)  46 time in force (u8)  47 instructions (u8)
 *  48  price (i64)            56 stop price (i64)
 *  64  order qty (i64)        72 cum qty (i64)        80 cum notional (i64)
 *  88  display qty (i64)      96 expire time (i64, ns; GTD)
 * 104  flags (u8): bit 0 the stop has triggered (stop orders only)
 * 105  reserved (7 bytes)
 * 112  context length (u8), then the context bytes (the gateway's, kept from the original entry)
 * </pre>
 */
public final class RestoreOrderCommand extends Command {
    public static final int ORDER_ID_OFFSET = 32;
    public static final int ACCOUNT_OFFSET = 40;
    public static final int SIDE_OFFSET = 44;
    public static final int ORD_TYPE_OFFSET = 45;
    public static final int TIF_OFFSET = 46;
    public static final int INSTRUCTIONS_OFFSET = 47;
    public static final int PRICE_OFFSET = 48;
    public static final int STOP_PRICE_OFFSET = 56;
    public static final int ORDER_QTY_OFFSET = 64;
    public static final int CUM_QTY_OFFSET = 72;
    public static final int CUM_NOTIONAL_OFFSET = 80;
    public static final int DISPLAY_QTY_OFFSET = 88;
    public static final int EXPIRE_TIME_OFFSET = 96;
    public static final int FLAGS_OFFSET = 104;
    public static final int CONTEXT_OFFSET = 112;

    /** Flags bit: a stop order that has already triggered and works as a plain order. */
    public static final int TRIGGERED = 1;

    @Override
    public CommandType type() {
        return CommandType.RESTORE_ORDER;
    }

    @Override
    public RestoreOrderCommand init() {
        header(type().code(), CONTEXT_OFFSET + 1);
        buffer.setMemory(offset + 3, CONTEXT_OFFSET + 1 - 3, (byte) 0);
        return this;
    }

    public long orderId() {
        return buffer.getLong(offset + ORDER_ID_OFFSET);
    }

    public RestoreOrderCommand orderId(final long v) {
        buffer.putLong(offset + ORDER_ID_OFFSET, v);
        return this;
    }

    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public RestoreOrderCommand accountId(final int v) {
        buffer.putInt(offset + ACCOUNT_OFFSET, v);
        return this;
    }

    public Side side() {
        return Side.fromCode(buffer.getByte(offset + SIDE_OFFSET));
    }

    public RestoreOrderCommand side(final Side side) {
        buffer.putByte(offset + SIDE_OFFSET, side.code());
        return this;
    }

    public OrderType orderType() {
        return OrderType.fromCode(buffer.getByte(offset + ORD_TYPE_OFFSET));
    }

    public RestoreOrderCommand orderType(final OrderType type) {
        buffer.putByte(offset + ORD_TYPE_OFFSET, type.code());
        return this;
    }

    public TimeInForce timeInForce() {
        return TimeInForce.fromCode(buffer.getByte(offset + TIF_OFFSET));
    }

    public RestoreOrderCommand timeInForce(final TimeInForce tif) {
        buffer.putByte(offset + TIF_OFFSET, tif.code());
        return this;
    }

    public int instructions() {
        return buffer.getByte(offset + INSTRUCTIONS_OFFSET) & 0xFF;
    }

    public RestoreOrderCommand instructions(final int v) {
        buffer.putByte(offset + INSTRUCTIONS_OFFSET, (byte) v);
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public RestoreOrderCommand price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long stopPrice() {
        return buffer.getLong(offset + STOP_PRICE_OFFSET);
    }

    public RestoreOrderCommand stopPrice(final long v) {
        buffer.putLong(offset + STOP_PRICE_OFFSET, v);
        return this;
    }

    public long orderQty() {
        return buffer.getLong(offset + ORDER_QTY_OFFSET);
    }

    public RestoreOrderCommand orderQty(final long v) {
        buffer.putLong(offset + ORDER_QTY_OFFSET, v);
        return this;
    }

    public long cumQty() {
        return buffer.getLong(offset + CUM_QTY_OFFSET);
    }

    public RestoreOrderCommand cumQty(final long v) {
        buffer.putLong(offset + CUM_QTY_OFFSET, v);
        return this;
    }

    public long cumNotional() {
        return buffer.getLong(offset + CUM_NOTIONAL_OFFSET);
    }

    public RestoreOrderCommand cumNotional(final long v) {
        buffer.putLong(offset + CUM_NOTIONAL_OFFSET, v);
        return this;
    }

    public long displayQty() {
        return buffer.getLong(offset + DISPLAY_QTY_OFFSET);
    }

    public RestoreOrderCommand displayQty(final long v) {
        buffer.putLong(offset + DISPLAY_QTY_OFFSET, v);
        return this;
    }

    public long expireTimeNs() {
        return buffer.getLong(offset + EXPIRE_TIME_OFFSET);
    }

    public RestoreOrderCommand expireTimeNs(final long v) {
        buffer.putLong(offset + EXPIRE_TIME_OFFSET, v);
        return this;
    }

    public int flags() {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    public RestoreOrderCommand flags(final int v) {
        buffer.putByte(offset + FLAGS_OFFSET, (byte) v);
        return this;
    }

    public int contextLength() {
        return contextLength(CONTEXT_OFFSET);
    }

    public int contextStart() {
        return offset + CONTEXT_OFFSET + 1;
    }

    public RestoreOrderCommand context(final DirectBuffer src, final int srcOffset, final int length) {
        putContext(CONTEXT_OFFSET, src, srcOffset, length);
        return this;
    }

    public RestoreOrderCommand context(final byte[] context) {
        putContext(CONTEXT_OFFSET, context);
        return this;
    }

    public byte[] contextBytes() {
        return contextBytes(CONTEXT_OFFSET);
    }

    @Override
    protected String body() {
        return " order=" + orderId() + " account=" + accountId() + " " + side() + " " + orderType() + " "
            + timeInForce() + " px=" + price() + " stop=" + stopPrice() + " qty=" + orderQty() + " cum=" + cumQty()
            + " display=" + displayQty() + " expire=" + expireTimeNs() + " flags=" + flags();
    }
}
