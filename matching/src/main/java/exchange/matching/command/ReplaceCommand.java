package exchange.matching.command;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;

/**
 * Cancel/replace one live order of the sender's firm: new price, quantity, stop price or display
 * quantity. Side, order type and time in force must stay as they are. The order keeps its OrderID.
 *
 * <p>Priority: a lower quantity at the same price keeps time priority; a new price or a higher
 * quantity (or a new display quantity) loses it; a quantity at or below the filled quantity ends the
 * order.
 *
 * <pre>
 *  32  order id (i64)
 *  40  price (i64)
 *  48  stop price (i64)
 *  56  quantity (i64): the new total order quantity, fills included (FIX OrderQty semantics)
 *  64  display quantity (i64)
 *  72  side (u8)  73 ord type (u8)  74 time in force (u8)  75..79 reserved
 *  80  context length (u8), then the context bytes
 * </pre>
 */
public final class ReplaceCommand extends OrderRequestCommand {
    public static final int PRICE_OFFSET = 40;
    public static final int STOP_PRICE_OFFSET = 48;
    public static final int QUANTITY_OFFSET = 56;
    public static final int DISPLAY_QUANTITY_OFFSET = 64;
    public static final int SIDE_OFFSET = 72;
    public static final int ORD_TYPE_OFFSET = 73;
    public static final int TIF_OFFSET = 74;
    public static final int CONTEXT_OFFSET = 80;

    @Override
    public CommandType type() {
        return CommandType.REPLACE;
    }

    @Override
    protected int contextOffset() {
        return CONTEXT_OFFSET;
    }

    @Override
    public ReplaceCommand init() {
        super.init();
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public ReplaceCommand price(final long price) {
        buffer.putLong(offset + PRICE_OFFSET, price);
        return this;
    }

    public long stopPrice() {
        return buffer.getLong(offset + STOP_PRICE_OFFSET);
    }

    public ReplaceCommand stopPrice(final long stopPrice) {
        buffer.putLong(offset + STOP_PRICE_OFFSET, stopPrice);
        return this;
    }

    public long quantity() {
        return buffer.getLong(offset + QUANTITY_OFFSET);
    }

    public ReplaceCommand quantity(final long quantity) {
        buffer.putLong(offset + QUANTITY_OFFSET, quantity);
        return this;
    }

    public long displayQuantity() {
        return buffer.getLong(offset + DISPLAY_QUANTITY_OFFSET);
    }

    public ReplaceCommand displayQuantity(final long displayQuantity) {
        buffer.putLong(offset + DISPLAY_QUANTITY_OFFSET, displayQuantity);
        return this;
    }

    /** @return FIX Side(54) byte as stored. */
    public byte sideCode() {
        return buffer.getByte(offset + SIDE_OFFSET);
    }

    public Side side() {
        return Side.fromCode(sideCode());
    }

    public ReplaceCommand side(final Side side) {
        buffer.putByte(offset + SIDE_OFFSET, side.code());
        return this;
    }

    /** @return FIX OrdType(40) byte as stored. */
    public byte orderTypeCode() {
        return buffer.getByte(offset + ORD_TYPE_OFFSET);
    }

    public ReplaceCommand orderType(final OrderType type) {
        buffer.putByte(offset + ORD_TYPE_OFFSET, type.code());
        return this;
    }

    /** @return FIX TimeInForce(59) byte as stored. */
    public byte timeInForceCode() {
        return buffer.getByte(offset + TIF_OFFSET);
    }

    public ReplaceCommand timeInForce(final TimeInForce tif) {
        buffer.putByte(offset + TIF_OFFSET, tif.code());
        return this;
    }

    @Override
    protected String body() {
        return super.body() + " qty=" + quantity() + " px=" + price() + " stop=" + stopPrice()
            + " display=" + displayQuantity();
    }
}
