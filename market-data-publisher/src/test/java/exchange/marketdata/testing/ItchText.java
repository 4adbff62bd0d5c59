package exchange.marketdata.testing;

import exchange.marketdata.itch.AddOrder;
import exchange.marketdata.itch.AddOrderWithMpid;
import exchange.marketdata.itch.BrokenTrade;
import exchange.marketdata.itch.CrossTrade;
import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.itch.ItchMessageHandler;
import exchange.marketdata.itch.NetOrderImbalanceIndicator;
import exchange.marketdata.itch.OrderCancel;
import exchange.marketdata.itch.OrderDelete;
import exchange.marketdata.itch.OrderExecuted;
import exchange.marketdata.itch.OrderExecutedWithPrice;
import exchange.marketdata.itch.OrderReplace;
import exchange.marketdata.itch.StockDirectory;
import exchange.marketdata.itch.StockTradingAction;
import exchange.marketdata.itch.SystemEvent;
import exchange.marketdata.itch.Trade;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * ITCH messages as short lines, so that a test reads like the feed: {@code "A #1 B 100@101"} (Add
 * Order, reference 1, buy 100 at 101), {@code "E #1 30 m1"}, {@code "C #2 10@100.5 m3 N"},
 * {@code "X #1 20"}, {@code "D #1"}, {@code "U #1>#2 50@101"}, {@code "P S 30@101 m4"},
 * {@code "Q 300@101 m9 O"}, {@code "I 100 20 B 101 O L"}, {@code "S O"}, {@code "R TEST lot=1"},
 * {@code "H TEST T"}. Stock Locate, Tracking Number and Timestamp are left out: see
 * {@link #withHeaders(byte[])}.
 */
public final class ItchText implements ItchMessageHandler {
    private final List<String> lines = new ArrayList<>();
    private final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(this);

    /** @return each message as a line. */
    public static List<String> of(final List<byte[]> messages) {
        final ItchText text = new ItchText();
        for (final byte[] message : messages) {
            text.dispatcher.dispatch(new UnsafeBuffer(message), 0, message.length);
        }
        return text.lines;
    }

    /** @return one message as a line, after its Stock Locate and Timestamp: {@code "[1] 34200000000000 A #1 B 100@101"}. */
    public static String withHeaders(final byte[] message) {
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        final int locate = exchange.marketdata.itch.ItchWire.getUint16(buffer, 1);
        final long timestamp = exchange.marketdata.itch.ItchWire.getUint48(buffer, 5);
        return "[" + locate + "] " + timestamp + " " + of(List.of(message)).get(0);
    }

    /** @return a price in 1/10,000 as a plain decimal: 1010000 is "101", 1015000 is "101.5". */
    public static String price(final long price) {
        return BigDecimal.valueOf(price, 4).stripTrailingZeros().toPlainString();
    }

    @Override
    public void onSystemEvent(final SystemEvent.Decoder m) {
        lines.add("S " + m.eventCode());
    }

    @Override
    public void onStockDirectory(final StockDirectory.Decoder m) {
        lines.add("R " + m.stock() + " lot=" + m.roundLotSize());
    }

    @Override
    public void onStockTradingAction(final StockTradingAction.Decoder m) {
        lines.add("H " + m.stock() + " " + m.tradingState());
    }

    @Override
    public void onAddOrder(final AddOrder.Decoder m) {
        lines.add("A #" + m.orderReferenceNumber() + " " + m.buySellIndicator() + " " + m.shares() + "@" + price(m.price()));
    }

    @Override
    public void onAddOrderWithMpid(final AddOrderWithMpid.Decoder m) {
        lines.add("F #" + m.orderReferenceNumber() + " " + m.buySellIndicator() + " " + m.shares() + "@" + price(m.price())
            + " " + m.attribution());
    }

    @Override
    public void onOrderExecuted(final OrderExecuted.Decoder m) {
        lines.add("E #" + m.orderReferenceNumber() + " " + m.executedShares() + " m" + m.matchNumber());
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice.Decoder m) {
        lines.add("C #" + m.orderReferenceNumber() + " " + m.executedShares() + "@" + price(m.executionPrice()) + " m"
            + m.matchNumber() + " " + m.printable());
    }

    @Override
    public void onOrderCancel(final OrderCancel.Decoder m) {
        lines.add("X #" + m.orderReferenceNumber() + " " + m.canceledShares());
    }

    @Override
    public void onOrderDelete(final OrderDelete.Decoder m) {
        lines.add("D #" + m.orderReferenceNumber());
    }

    @Override
    public void onOrderReplace(final OrderReplace.Decoder m) {
        lines.add("U #" + m.originalOrderReferenceNumber() + ">#" + m.newOrderReferenceNumber() + " " + m.shares() + "@"
            + price(m.price()));
    }

    @Override
    public void onTrade(final Trade.Decoder m) {
        lines.add("P " + (m.orderReferenceNumber() == 0 ? "" : "#" + m.orderReferenceNumber() + " ") + m.buySellIndicator()
            + " " + m.shares() + "@" + price(m.price()) + " m" + m.matchNumber());
    }

    @Override
    public void onCrossTrade(final CrossTrade.Decoder m) {
        lines.add("Q " + m.shares() + "@" + price(m.crossPrice()) + " m" + m.matchNumber() + " " + m.crossType());
    }

    @Override
    public void onBrokenTrade(final BrokenTrade.Decoder m) {
        lines.add("B m" + m.matchNumber());
    }

    @Override
    public void onNetOrderImbalanceIndicator(final NetOrderImbalanceIndicator.Decoder m) {
        lines.add("I " + m.pairedShares() + " " + m.imbalanceShares() + " " + m.imbalanceDirection() + " "
            + price(m.nearPrice()) + " " + m.crossType() + " " + m.priceVariationIndicator());
    }

    @Override
    public void onUnsupportedMessage(final DirectBuffer buffer, final int offset, final int length) {
        lines.add("? " + (char)buffer.getByte(offset));
    }
}
