package exchange.matching.event;

/**
 * A stop or stop-limit order was triggered by a trade at or through its stop price and now works as a
 * market or limit order, with time priority from now. Its matching, booking or cancelling events
 * follow. An ExecutionReport: FIX 5.0 ExecType L (Triggered or activated by system); for FIX 4.4 see
 * the README (ExecType D Restated, ExecRestatementReason 99, Text "Stop triggered at ...").
 *
 * <pre>
 * 104  trigger price (i64): the trade price that triggered it
 * 112  end
 * </pre>
 */
public final class TriggeredEvent extends OrderEvent {
    public static final int TRIGGER_PRICE_OFFSET = BODY_OFFSET;
    public static final int END_OFFSET = BODY_OFFSET + 8;

    @Override
    public EventType type() {
        return EventType.TRIGGERED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    public long triggerPrice() {
        return buffer.getLong(offset + TRIGGER_PRICE_OFFSET);
    }

    public TriggeredEvent triggerPrice(final long v) {
        buffer.putLong(offset + TRIGGER_PRICE_OFFSET, v);
        return this;
    }

    @Override
    protected String ownFields() {
        return " trigger=" + triggerPrice();
    }
}
