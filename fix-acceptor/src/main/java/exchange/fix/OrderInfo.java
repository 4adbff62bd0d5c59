package exchange.fix;

import exchange.matching.event.OrderEvent;

/**
 * What the ExecutionReport sender knows of one order of the day: its owner, its current ClOrdID and the
 * fields an ExecutionReport repeats. Kept from the event log; one thread.
 */
final class OrderInfo {
    long orderId;
    int session;
    int firm;
    String clOrdId;
    String origClOrdId = "";
    String account;
    int instrument;
    byte side;
    byte ordType;
    byte tif;
    long price;
    long stopPrice;
    /** An iceberg's peak (MaxFloor, 111), 0 for an order shown whole. */
    long displayQty;
    long orderQty;
    long cumQty;
    int accountId;
    /** A GTD order's expire time (ns since the epoch, UTC), 0 for an order of another time in force. */
    long expireTimeNs;
    long cumNotional;
    /** 0 while live; else the final OrdStatus: 2 filled, 4 canceled, C expired, 8 rejected. */
    char finalStatus;
    /**
     * A GTC or GTD order between the end of a trading day and its restore at the start of the next: alive,
     * but off the books, where the engine cannot find it.
     */
    boolean carried;

    OrderInfo(final long orderId) {
        this.orderId = orderId;
    }

    /** @return this, made over for another order, as new: every field above as a new info has it */
    OrderInfo reset(final long newOrderId) {
        orderId = newOrderId;
        session = 0;
        firm = 0;
        clOrdId = null;
        origClOrdId = "";
        account = null;
        instrument = 0;
        side = 0;
        ordType = 0;
        tif = 0;
        price = 0;
        stopPrice = 0;
        displayQty = 0;
        orderQty = 0;
        cumQty = 0;
        accountId = 0;
        expireTimeNs = 0;
        cumNotional = 0;
        finalStatus = 0;
        carried = false;
        return this;
    }

    void from(final OrderEvent e) {
        session = e.sessionId();
        firm = e.firmId();
        instrument = e.instrumentId();
        // the Side as the broker sent it, supported or not: an ExecutionReport must have one, rejects too
        side = e.buffer().getByte(e.offset() + OrderEvent.SIDE_OFFSET);
        ordType = e.orderType() == null ? 0 : e.orderType().code();
        tif = e.timeInForce() == null ? 0 : e.timeInForce().code();
        price = e.price();
        stopPrice = e.stopPrice();
        orderQty = e.orderQty();
        cumQty = e.cumQty();
        cumNotional = e.cumNotional();
    }

    long leavesQty() {
        return finalStatus != 0 ? 0 : Math.max(0, orderQty - cumQty);
    }

    /** @return the order's FIX OrdStatus now */
    char ordStatus() {
        if (finalStatus != 0) {
            return finalStatus;
        }
        return cumQty == 0 ? '0' : cumQty >= orderQty ? '2' : '1';
    }
}
