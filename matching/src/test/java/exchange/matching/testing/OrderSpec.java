package exchange.matching.testing;

import exchange.matching.OrderType;
import exchange.matching.SelfTradePrevention;
import exchange.matching.Side;
import exchange.matching.TimeInForce;

/**
 * A new order as a test writes it: {@code buy("B1", 101_0000, 120).ioc().firm(2)}. Defaults: limit,
 * Day, firm 1, session 1, account 0.
 */
public final class OrderSpec {
    final String label;
    final Side side;
    OrderType type = OrderType.LIMIT;
    TimeInForce tif = TimeInForce.DAY;
    long price;
    long stopPrice;
    final long qty;
    long displayQty;
    long minQty;
    long expireTimeNs;
    int instrumentId = BookScenario.INSTRUMENT;
    int sessionId = 1;
    int firmId = 1;
    int accountId;
    int instructions;
    byte[] context = new byte[0];

    OrderSpec(final String label, final Side side, final long price, final long qty) {
        this.label = label;
        this.side = side;
        this.price = price;
        this.qty = qty;
    }

    public static OrderSpec buy(final String label, final long price, final long qty) {
        return new OrderSpec(label, Side.BUY, price, qty);
    }

    public static OrderSpec sell(final String label, final long price, final long qty) {
        return new OrderSpec(label, Side.SELL, price, qty);
    }

    public static OrderSpec marketBuy(final String label, final long qty) {
        return new OrderSpec(label, Side.BUY, 0, qty).type(OrderType.MARKET);
    }

    public static OrderSpec marketSell(final String label, final long qty) {
        return new OrderSpec(label, Side.SELL, 0, qty).type(OrderType.MARKET);
    }

    public OrderSpec type(final OrderType type) {
        this.type = type;
        return this;
    }

    public OrderSpec tif(final TimeInForce tif) {
        this.tif = tif;
        return this;
    }

    public OrderSpec ioc() {
        return tif(TimeInForce.IOC);
    }

    public OrderSpec fok() {
        return tif(TimeInForce.FOK);
    }

    /** Auction-only: the opening auction (TimeInForce OPG). */
    public OrderSpec atTheOpen() {
        return tif(TimeInForce.AT_THE_OPEN);
    }

    /** Auction-only: the closing auction. */
    public OrderSpec atTheClose() {
        return tif(TimeInForce.AT_THE_CLOSE);
    }

    public OrderSpec gtc() {
        return tif(TimeInForce.GTC);
    }

    /** @param expireTimeNs absolute expire time, ns since the epoch */
    public OrderSpec gtd(final long expireTimeNs) {
        this.expireTimeNs = expireTimeNs;
        return tif(TimeInForce.GTD);
    }

    /** A stop (market on trigger) order. */
    public static OrderSpec buyStop(final String label, final long stopPrice, final long qty) {
        return new OrderSpec(label, Side.BUY, 0, qty).type(OrderType.MARKET).stop(stopPrice);
    }

    /** A stop (market on trigger) order. */
    public static OrderSpec sellStop(final String label, final long stopPrice, final long qty) {
        return new OrderSpec(label, Side.SELL, 0, qty).type(OrderType.MARKET).stop(stopPrice);
    }

    /** Makes a limit order a stop-limit, or a market order a stop, with this stop price. */
    public OrderSpec stop(final long stopPrice) {
        this.stopPrice = stopPrice;
        return type(type == OrderType.LIMIT ? OrderType.STOP_LIMIT : OrderType.STOP);
    }

    public OrderSpec display(final long displayQty) {
        this.displayQty = displayQty;
        return this;
    }

    public OrderSpec minQty(final long minQty) {
        this.minQty = minQty;
        return this;
    }

    /** Post-only (FIX ExecInst 6): never takes liquidity. */
    public OrderSpec postOnly() {
        this.instructions |= 1;
        return this;
    }

    /** The order's own self-trade prevention mode, instead of its firm's. */
    public OrderSpec stp(final SelfTradePrevention mode) {
        this.instructions = (instructions & ~0x70) | (mode.code() << 4);
        return this;
    }

    public OrderSpec instructions(final int instructions) {
        this.instructions = instructions;
        return this;
    }

    public OrderSpec instrument(final int instrumentId) {
        this.instrumentId = instrumentId;
        return this;
    }

    public OrderSpec session(final int sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public OrderSpec firm(final int firmId) {
        this.firmId = firmId;
        return this;
    }

    public OrderSpec account(final int accountId) {
        this.accountId = accountId;
        return this;
    }

    public OrderSpec context(final String context) {
        this.context = context.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return this;
    }

    public String label() {
        return label;
    }
}
