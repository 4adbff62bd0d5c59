package exchange.matching.event;

/**
 * An order was cancel/replaced (ExecType 5). The order block holds the new state; the previous
 * price and quantities let market data publish an Order Cancel (priority kept, fewer shares) or an
 * Order Replace (priority lost); the display quantity lets a report echo an iceberg's peak (MaxFloor).
 *
 * <pre>
 * 104  previous price (i64)   112 previous order qty (i64)
 * 120  visible qty (i64): displayed now   128 previous visible qty (i64)
 * 136  display qty (i64): an iceberg's peak after the replace; 0 = all displayed
 * 144  priority kept (u8: 1 yes, 0 no)
 * 145  context length (u8), then the context bytes
 * </pre>
 */
public final class ReplacedEvent extends OrderEvent {
    public static final int PREVIOUS_PRICE_OFFSET = BODY_OFFSET;
    public static final int PREVIOUS_ORDER_QTY_OFFSET = BODY_OFFSET + 8;
    public static final int VISIBLE_QTY_OFFSET = BODY_OFFSET + 16;
    public static final int PREVIOUS_VISIBLE_QTY_OFFSET = BODY_OFFSET + 24;
    public static final int DISPLAY_QTY_OFFSET = BODY_OFFSET + 32;
    public static final int PRIORITY_KEPT_OFFSET = BODY_OFFSET + 40;
    public static final int CONTEXT_OFFSET = BODY_OFFSET + 41;

    @Override
    public EventType type() {
        return EventType.REPLACED;
    }

    @Override
    protected boolean hasContext() {
        return true;
    }

    @Override
    protected int endOffset() {
        return CONTEXT_OFFSET;
    }

    public long previousPrice() {
        return buffer.getLong(offset + PREVIOUS_PRICE_OFFSET);
    }

    public ReplacedEvent previousPrice(final long v) {
        buffer.putLong(offset + PREVIOUS_PRICE_OFFSET, v);
        return this;
    }

    public long previousOrderQty() {
        return buffer.getLong(offset + PREVIOUS_ORDER_QTY_OFFSET);
    }

    public ReplacedEvent previousOrderQty(final long v) {
        buffer.putLong(offset + PREVIOUS_ORDER_QTY_OFFSET, v);
        return this;
    }

    public long visibleQty() {
        return buffer.getLong(offset + VISIBLE_QTY_OFFSET);
    }

    public ReplacedEvent visibleQty(final long v) {
        buffer.putLong(offset + VISIBLE_QTY_OFFSET, v);
        return this;
    }

    public long previousVisibleQty() {
        return buffer.getLong(offset + PREVIOUS_VISIBLE_QTY_OFFSET);
    }

    public ReplacedEvent previousVisibleQty(final long v) {
        buffer.putLong(offset + PREVIOUS_VISIBLE_QTY_OFFSET, v);
        return this;
    }

    /** @return an iceberg's peak after the replace, 0 for an order shown whole */
    public long displayQty() {
        return buffer.getLong(offset + DISPLAY_QTY_OFFSET);
    }

    public ReplacedEvent displayQty(final long v) {
        buffer.putLong(offset + DISPLAY_QTY_OFFSET, v);
        return this;
    }

    public boolean priorityKept() {
        return buffer.getByte(offset + PRIORITY_KEPT_OFFSET) != 0;
    }

    public ReplacedEvent priorityKept(final boolean v) {
        buffer.putByte(offset + PRIORITY_KEPT_OFFSET, (byte) (v ? 1 : 0));
        return this;
    }

    @Override
    protected String ownFields() {
        return " prevPx=" + previousPrice() + " prevQty=" + previousOrderQty() + " visible=" + visibleQty()
            + " prevVisible=" + previousVisibleQty() + " kept=" + priorityKept() + " ctx=" + contextLength();
    }
}
