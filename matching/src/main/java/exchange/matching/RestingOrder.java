package exchange.matching;

/**
 * A read-only view of one resting order, handed to a {@link RestingOrderVisitor}. The engine reuses
 * one instance: it is valid only during the visit.
 */
public final class RestingOrder {
    private int instrumentId;
    private long orderId;
    private Side side;
    private OrderType orderType;
    private TimeInForce timeInForce;
    private int instructions;
    private long price;
    private long stopPrice;
    private long orderQty;
    private long cumQty;
    private long cumNotional;
    private long visibleQty;
    private long displayQty;
    private int sessionId;
    private int firmId;
    private int accountId;

    void set(final int instrumentId, final long orderId, final int flags, final long price, final long stopPrice,
             final long orderQty, final long cumQty, final long cumNotional, final long visibleQty,
             final long displayQty, final int sessionId, final int firmId, final int accountId) {
        this.instrumentId = instrumentId;
        this.orderId = orderId;
        this.side = (flags & OrderStore.SIDE_SELL) != 0 ? Side.SELL : Side.BUY;
        this.orderType = OrderStore.type(flags);
        this.timeInForce = OrderStore.tif(flags);
        this.instructions = OrderStore.instructions(flags);
        this.price = price;
        this.stopPrice = stopPrice;
        this.orderQty = orderQty;
        this.cumQty = cumQty;
        this.cumNotional = cumNotional;
        this.visibleQty = visibleQty;
        this.displayQty = displayQty;
        this.sessionId = sessionId;
        this.firmId = firmId;
        this.accountId = accountId;
    }

    public int instrumentId() {
        return instrumentId;
    }

    public long orderId() {
        return orderId;
    }

    public Side side() {
        return side;
    }

    public OrderType orderType() {
        return orderType;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public int instructions() {
        return instructions;
    }

    public long price() {
        return price;
    }

    public long stopPrice() {
        return stopPrice;
    }

    public long orderQty() {
        return orderQty;
    }

    public long cumQty() {
        return cumQty;
    }

    public long leavesQty() {
        return orderQty - cumQty;
    }

    public long cumNotional() {
        return cumNotional;
    }

    /** @return the quantity shown on the book (the current peak of an iceberg). */
    public long visibleQty() {
        return visibleQty;
    }

    /** @return the iceberg peak size, 0 when fully displayed. */
    public long displayQty() {
        return displayQty;
    }

    public int sessionId() {
        return sessionId;
    }

    public int firmId() {
        return firmId;
    }

    public int accountId() {
        return accountId;
    }

    @Override
    public String toString() {
        return "RestingOrder{" + orderId + " " + side + " " + leavesQty() + "@" + price + " visible=" + visibleQty
            + " session=" + sessionId + " firm=" + firmId + "}";
    }
}
