package exchange.matching.command;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import org.agrona.DirectBuffer;

/**
 * Enter a new order. Its OrderID is the command's {@link #sequence()}, so the gateway knows it the
 * moment the sequencer has journaled the command, before the engine has seen it.
 *
 * <pre>
 *  32  account id (i32)
 *  36  side (u8, FIX 54)  37 ord type (u8, FIX 40)  38 time in force (u8, FIX 59)  39 instructions (u8)
 *  40  price (i64, 1/10,000; 0 for market and stop)
 *  48  stop price (i64; 0 unless stop or stop-limit)
 *  56  quantity (i64)
 *  64  display quantity (i64; 0 = all displayed, else iceberg peak, FIX MaxFloor 111)
 *  72  minimum quantity (i64; 0 = none, FIX MinQty 110)
 *  80  expire time (i64, ns since epoch; GTD only)
 *  88  reject reason (u8; REJECT_ORDER only, 0 here)
 *  89  context length (u8), then the context bytes
 * </pre>
 *
 * <p>Instructions bits: bit 0 post-only (FIX ExecInst 6); bits 4..6 self-trade prevention mode
 * ({@link exchange.matching.SelfTradePrevention}), 0 for the firm's default.
 */
public class NewOrderCommand extends Command {
    public static final int ACCOUNT_OFFSET = 32;
    public static final int SIDE_OFFSET = 36;
    public static final int ORD_TYPE_OFFSET = 37;
    public static final int TIF_OFFSET = 38;
    public static final int INSTRUCTIONS_OFFSET = 39;
    public static final int PRICE_OFFSET = 40;
    public static final int STOP_PRICE_OFFSET = 48;
    public static final int QUANTITY_OFFSET = 56;
    public static final int DISPLAY_QUANTITY_OFFSET = 64;
    public static final int MIN_QUANTITY_OFFSET = 72;
    public static final int EXPIRE_TIME_OFFSET = 80;
    public static final int REJECT_REASON_OFFSET = 88;
    public static final int CONTEXT_OFFSET = 89;

    /** Instructions bit: post-only, participate don't initiate. */
    public static final int POST_ONLY = 1;
    /** Instructions bits 4..6: self-trade prevention mode. */
    public static final int STP_SHIFT = 4;
    public static final int STP_MASK = 0x7 << STP_SHIFT;

    @Override
    public CommandType type() {
        return CommandType.NEW_ORDER;
    }

    @Override
    public NewOrderCommand init() {
        header(type().code(), CONTEXT_OFFSET + 1);
        buffer.setMemory(offset + 3, CONTEXT_OFFSET + 1 - 3, (byte) 0);
        return this;
    }

    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public NewOrderCommand accountId(final int accountId) {
        buffer.putInt(offset + ACCOUNT_OFFSET, accountId);
        return this;
    }

    /** @return FIX Side(54) byte as stored, possibly invalid. */
    public byte sideCode() {
        return buffer.getByte(offset + SIDE_OFFSET);
    }

    /** @return the side, or {@code null} when the stored code is invalid. */
    public Side side() {
        return Side.fromCode(sideCode());
    }

    public NewOrderCommand side(final Side side) {
        buffer.putByte(offset + SIDE_OFFSET, side.code());
        return this;
    }

    /** @return the order type, or {@code null} when the stored code is invalid. */
    public OrderType orderType() {
        return OrderType.fromCode(buffer.getByte(offset + ORD_TYPE_OFFSET));
    }

    public NewOrderCommand orderType(final OrderType type) {
        buffer.putByte(offset + ORD_TYPE_OFFSET, type.code());
        return this;
    }

    /** @return the time in force, or {@code null} when the stored code is invalid. */
    public TimeInForce timeInForce() {
        return TimeInForce.fromCode(buffer.getByte(offset + TIF_OFFSET));
    }

    public NewOrderCommand timeInForce(final TimeInForce tif) {
        buffer.putByte(offset + TIF_OFFSET, tif.code());
        return this;
    }

    /** @return the raw instructions byte. */
    public int instructions() {
        return buffer.getByte(offset + INSTRUCTIONS_OFFSET) & 0xFF;
    }

    public NewOrderCommand instructions(final int instructions) {
        buffer.putByte(offset + INSTRUCTIONS_OFFSET, (byte) instructions);
        return this;
    }

    /** @return true for a post-only order. */
    public boolean postOnly() {
        return (instructions() & POST_ONLY) != 0;
    }

    public NewOrderCommand postOnly(final boolean postOnly) {
        return instructions(postOnly ? instructions() | POST_ONLY : instructions() & ~POST_ONLY);
    }

    /** @return self-trade prevention mode code, 0 for the firm default. */
    public int selfTradePreventionCode() {
        return (instructions() & STP_MASK) >>> STP_SHIFT;
    }

    public NewOrderCommand selfTradePreventionCode(final int code) {
        return instructions((instructions() & ~STP_MASK) | ((code << STP_SHIFT) & STP_MASK));
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public NewOrderCommand price(final long price) {
        buffer.putLong(offset + PRICE_OFFSET, price);
        return this;
    }

    public long stopPrice() {
        return buffer.getLong(offset + STOP_PRICE_OFFSET);
    }

    public NewOrderCommand stopPrice(final long stopPrice) {
        buffer.putLong(offset + STOP_PRICE_OFFSET, stopPrice);
        return this;
    }

    public long quantity() {
        return buffer.getLong(offset + QUANTITY_OFFSET);
    }

    public NewOrderCommand quantity(final long quantity) {
        buffer.putLong(offset + QUANTITY_OFFSET, quantity);
        return this;
    }

    public long displayQuantity() {
        return buffer.getLong(offset + DISPLAY_QUANTITY_OFFSET);
    }

    public NewOrderCommand displayQuantity(final long displayQuantity) {
        buffer.putLong(offset + DISPLAY_QUANTITY_OFFSET, displayQuantity);
        return this;
    }

    public long minQuantity() {
        return buffer.getLong(offset + MIN_QUANTITY_OFFSET);
    }

    public NewOrderCommand minQuantity(final long minQuantity) {
        buffer.putLong(offset + MIN_QUANTITY_OFFSET, minQuantity);
        return this;
    }

    public long expireTimeNs() {
        return buffer.getLong(offset + EXPIRE_TIME_OFFSET);
    }

    public NewOrderCommand expireTimeNs(final long expireTimeNs) {
        buffer.putLong(offset + EXPIRE_TIME_OFFSET, expireTimeNs);
        return this;
    }

    /** @return context length in bytes. */
    public int contextLength() {
        return contextLength(CONTEXT_OFFSET);
    }

    /** @return offset in the buffer of the first context byte. */
    public int contextStart() {
        return offset + CONTEXT_OFFSET + 1;
    }

    public NewOrderCommand context(final DirectBuffer src, final int srcOffset, final int length) {
        putContext(CONTEXT_OFFSET, src, srcOffset, length);
        return this;
    }

    public NewOrderCommand context(final byte[] context) {
        putContext(CONTEXT_OFFSET, context);
        return this;
    }

    /** @return a copy of the context; allocates. */
    public byte[] contextBytes() {
        return contextBytes(CONTEXT_OFFSET);
    }

    @Override
    protected String body() {
        return " account=" + accountId() + " " + side() + " " + orderType() + " " + timeInForce()
            + " qty=" + quantity() + " px=" + price() + " stop=" + stopPrice() + " display=" + displayQuantity()
            + " min=" + minQuantity() + " expire=" + expireTimeNs() + " instr=" + instructions();
    }
}
