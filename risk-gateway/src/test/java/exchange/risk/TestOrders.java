package exchange.risk;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds commands for tests, each in a buffer of its own with room for the risk stamp:
 * {@code buy(100).at(100_0000).account(1).build()}.
 */
final class TestOrders {
    private TestOrders() {
    }

    static OrderBuilder buy(final long qty) {
        return new OrderBuilder(Side.BUY, qty);
    }

    static OrderBuilder sell(final long qty) {
        return new OrderBuilder(Side.SELL, qty);
    }

    static ReplaceBuilder replace(final long orderId) {
        return new ReplaceBuilder(orderId);
    }

    /** A new order: limit Day on instrument 1 (AAA) for firm 1's account 1 unless told otherwise. */
    static final class OrderBuilder {
        private final Side side;
        private final long qty;
        private long price;
        private OrderType type = OrderType.LIMIT;
        private TimeInForce tif = TimeInForce.DAY;
        private int instrumentId = RiskFixture.AAA;
        private int firmId = RiskFixture.BROKER1;
        private int accountId = RiskFixture.ACC1;
        private int sessionId = 1;
        private byte[] context = "ORD-1".getBytes();
        private long stopPrice;
        private long display;
        private int selfTrade;

        private OrderBuilder(final Side side, final long qty) {
            this.side = side;
            this.qty = qty;
        }

        OrderBuilder at(final long price) {
            this.price = price;
            return this;
        }

        OrderBuilder market() {
            this.type = OrderType.MARKET;
            this.price = 0;
            return this;
        }

        OrderBuilder tif(final TimeInForce tif) {
            this.tif = tif;
            return this;
        }

        /** A stop (market) order, or with {@link #at} before it, a stop-limit. */
        OrderBuilder stop(final long stopPrice) {
            this.type = type == OrderType.LIMIT && price > 0 ? OrderType.STOP_LIMIT : OrderType.STOP;
            this.stopPrice = stopPrice;
            return this;
        }

        /** An iceberg showing this much. */
        OrderBuilder display(final long display) {
            this.display = display;
            return this;
        }

        /** A self-trade prevention instruction (SelfTradePrevention code). */
        OrderBuilder selfTrade(final int code) {
            this.selfTrade = code;
            return this;
        }

        OrderBuilder on(final int instrumentId) {
            this.instrumentId = instrumentId;
            return this;
        }

        OrderBuilder firm(final int firmId) {
            this.firmId = firmId;
            return this;
        }

        OrderBuilder account(final int accountId) {
            this.accountId = accountId;
            return this;
        }

        OrderBuilder session(final int sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        OrderBuilder context(final byte[] context) {
            this.context = context;
            return this;
        }

        NewOrderCommand build() {
            final NewOrderCommand order = (NewOrderCommand) new NewOrderCommand().wrap(new UnsafeBuffer(new byte[512]), 0);
            order.init();
            order.instrumentId(instrumentId).sessionId(sessionId).firmId(firmId);
            order.accountId(accountId).side(side).orderType(type).timeInForce(tif).price(price).quantity(qty)
                .stopPrice(stopPrice).displayQuantity(display).selfTradePreventionCode(selfTrade).context(context);
            return order;
        }
    }

    /** A replace of a limit Day buy on instrument 1 for firm 1 unless told otherwise. */
    static final class ReplaceBuilder {
        private final long orderId;
        private long price;
        private long qty;
        private Side side = Side.BUY;
        private OrderType type = OrderType.LIMIT;
        private TimeInForce tif = TimeInForce.DAY;
        private int instrumentId = RiskFixture.AAA;
        private int firmId = RiskFixture.BROKER1;
        private int sessionId = 1;
        private byte[] context = "REP-1".getBytes();

        private ReplaceBuilder(final long orderId) {
            this.orderId = orderId;
        }

        ReplaceBuilder to(final long qty, final long price) {
            this.qty = qty;
            this.price = price;
            return this;
        }

        ReplaceBuilder side(final Side side) {
            this.side = side;
            return this;
        }

        ReplaceBuilder tif(final TimeInForce tif) {
            this.tif = tif;
            return this;
        }

        ReplaceBuilder on(final int instrumentId) {
            this.instrumentId = instrumentId;
            return this;
        }

        ReplaceBuilder firm(final int firmId) {
            this.firmId = firmId;
            return this;
        }

        ReplaceBuilder session(final int sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        ReplaceBuilder context(final byte[] context) {
            this.context = context;
            return this;
        }

        ReplaceCommand build() {
            final ReplaceCommand replace = (ReplaceCommand) new ReplaceCommand().wrap(new UnsafeBuffer(new byte[512]), 0);
            replace.init();
            replace.instrumentId(instrumentId).sessionId(sessionId).firmId(firmId);
            replace.orderId(orderId);
            replace.price(price).quantity(qty).side(side).orderType(type).timeInForce(tif);
            replace.context(context);
            return replace;
        }
    }
}
