package exchange.marketdata.itch;

import exchange.marketdata.testing.ItchMessages;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItchMessageDispatcherTest {
    private final List<String> calls = new ArrayList<>();
    private final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(new RecordingHandler());
    private final ItchMessages itch = new ItchMessages();

    private boolean dispatch(final byte[] message) {
        return dispatcher.dispatch(new UnsafeBuffer(message), 0, message.length);
    }

    @Test
    void shouldCallTheHandlerMethodOfEachMessageType() {
        final byte[][] messages = {
            itch.systemEvent('O'), itch.stockDirectory(1, "AAPL"), itch.tradingAction(1, "AAPL", 'T'),
            itch.add(1, "AAPL", 1, 'B', 100, 1), itch.addWithMpid(1, "AAPL", 2, 'S', 100, 2, "MPID"),
            itch.executed(1, 1, 10, 1), itch.executedWithPrice(1, 1, 10, 2, true, 3), itch.cancel(1, 1, 5),
            itch.delete(1, 1), itch.replace(1, 2, 3, 50, 4), itch.trade(1, "AAPL", 10, 5, 3),
            itch.crossTrade(1, "AAPL", 10, 6, 4), itch.brokenTrade(1, 4), noii()};

        for (final byte[] message : messages) {
            assertThat(dispatch(message)).isTrue();
        }

        assertThat(calls).containsExactly("S O", "R AAPL", "H T", "A 1", "F MPID", "E 10", "C 3", "X 5", "D 1",
            "U 3", "P 5", "Q 6", "B 4", "I 7");
    }

    @Test
    void shouldPassUnknownTypesAndShortMessagesToUnsupported() {
        final byte[] unknown = new byte[20];
        unknown[0] = 'Z';
        final byte[] shortAdd = new byte[AddOrder.LENGTH - 1];
        shortAdd[0] = 'A';

        assertThat(dispatch(unknown)).isFalse();
        assertThat(dispatch(shortAdd)).isFalse();
        assertThat(dispatch(new byte[3])).isFalse();

        assertThat(calls).containsExactly("unsupported 20", "unsupported 35", "unsupported 3");
    }

    @Test
    void shouldAcceptAMessageLongerThanItsTypeForForwardCompatibility() {
        final byte[] longer = new byte[AddOrder.LENGTH + 4];
        System.arraycopy(itch.add(1, "AAPL", 9, 'B', 100, 1), 0, longer, 0, AddOrder.LENGTH);

        assertThat(dispatch(longer)).isTrue();
        assertThat(calls).containsExactly("A 9");
    }

    private byte[] noii() {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[NetOrderImbalanceIndicator.LENGTH]);
        new NetOrderImbalanceIndicator.Encoder().wrap(buffer, 0).stockLocate(1).trackingNumber(0).timestampNs(1)
            .pairedShares(1).imbalanceShares(2).imbalanceDirection('B').stock("AAPL").farPrice(7).nearPrice(7)
            .currentReferencePrice(7).crossType('O').priceVariationIndicator(' ');
        return buffer.byteArray();
    }

    private final class RecordingHandler implements ItchMessageHandler {
        @Override
        public void onSystemEvent(final SystemEvent.Decoder message) {
            calls.add("S " + message.eventCode());
        }

        @Override
        public void onStockDirectory(final StockDirectory.Decoder message) {
            calls.add("R " + message.stock());
        }

        @Override
        public void onStockTradingAction(final StockTradingAction.Decoder message) {
            calls.add("H " + message.tradingState());
        }

        @Override
        public void onAddOrder(final AddOrder.Decoder message) {
            calls.add("A " + message.orderReferenceNumber());
        }

        @Override
        public void onAddOrderWithMpid(final AddOrderWithMpid.Decoder message) {
            calls.add("F " + message.attribution());
        }

        @Override
        public void onOrderExecuted(final OrderExecuted.Decoder message) {
            calls.add("E " + message.executedShares());
        }

        @Override
        public void onOrderExecutedWithPrice(final OrderExecutedWithPrice.Decoder message) {
            calls.add("C " + message.executionPrice());
        }

        @Override
        public void onOrderCancel(final OrderCancel.Decoder message) {
            calls.add("X " + message.canceledShares());
        }

        @Override
        public void onOrderDelete(final OrderDelete.Decoder message) {
            calls.add("D " + message.orderReferenceNumber());
        }

        @Override
        public void onOrderReplace(final OrderReplace.Decoder message) {
            calls.add("U " + message.newOrderReferenceNumber());
        }

        @Override
        public void onTrade(final Trade.Decoder message) {
            calls.add("P " + message.price());
        }

        @Override
        public void onCrossTrade(final CrossTrade.Decoder message) {
            calls.add("Q " + message.crossPrice());
        }

        @Override
        public void onBrokenTrade(final BrokenTrade.Decoder message) {
            calls.add("B " + message.matchNumber());
        }

        @Override
        public void onNetOrderImbalanceIndicator(final NetOrderImbalanceIndicator.Decoder message) {
            calls.add("I " + message.nearPrice());
        }

        @Override
        public void onUnsupportedMessage(final DirectBuffer buffer, final int offset, final int length) {
            calls.add("unsupported " + length);
        }
    }
}
