package exchange.marketdata.book;

import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.testing.ItchMessages;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookBuilderTest {
    private static final int AAPL = 1;
    private static final int MSFT = 2;

    private final ItchMessages itch = new ItchMessages();
    private final List<String> events = new ArrayList<>();
    private final OrderBookBuilder builder = new OrderBookBuilder(new BookListener() {
        @Override
        public void onBookChanged(final OrderBook book) {
            events.add("changed " + book.stock());
        }

        @Override
        public void onTrade(final OrderBook book) {
            events.add("trade " + book.stock() + " " + book.lastTradeShares() + "@" + Prices.format(book.lastTradePrice()));
        }

        @Override
        public void onIndicativeAuction(final OrderBook book) {
            final IndicativeAuction auction = book.indicative();
            events.add("auction " + book.stock() + " " + auction.pairedShares() + "+" + auction.imbalanceShares()
                + auction.imbalanceDirection() + "@" + Prices.format(auction.currentReferencePrice()) + " "
                + auction.crossType());
        }

        @Override
        public void onCrossTrade(final OrderBook book) {
            events.add("cross " + book.stock() + " " + book.lastCrossShares() + "@" + Prices.format(book.lastCrossPrice())
                + " match=" + book.lastCrossMatchNumber() + " " + book.lastCrossType());
        }
    }, 4);
    private final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(builder);

    private void given(final byte[]... messages) {
        when(messages);
        events.clear();
    }

    private void when(final byte[]... messages) {
        for (final byte[] message : messages) {
            assertThat(dispatcher.dispatch(new UnsafeBuffer(message), 0, message.length)).isTrue();
        }
    }

    private String book(final int locate) {
        return builder.book(locate).describe(10);
    }

    @Test
    void shouldAggregateRestingOrdersIntoPriceLevels() {
        when(
            itch.stockDirectory(AAPL, "AAPL"),
            itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 2, 'B', 50, 99_9900),
            itch.addWithMpid(AAPL, "AAPL", 3, 'S', 30, 100_0100, "GSCO"));

        assertThat(book(AAPL)).isEqualTo(String.join("\n",
            "AAPL [1]",
            "  bid: 150@99.9900 (2)",
            "  ask: 30@100.0100 (1)"));
        assertThat(builder.orderCount()).isEqualTo(3);
        assertThat(events).containsExactly("changed AAPL", "changed AAPL", "changed AAPL");
    }

    @Test
    void shouldQueueTheOrdersOfALevelInTimePriority() {
        given(
            itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 2, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 3, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 4, 'S', 100, 100_0100));

        when(
            itch.replace(AAPL, 1, 5, 100, 99_9900), // to the back
            itch.executed(AAPL, 2, 40, 1),          // keeps its place
            itch.cancel(AAPL, 3, 10),               // keeps its place
            itch.add(AAPL, "AAPL", 6, 'B', 10, 99_9800));

        final List<String> queue = new ArrayList<>();
        builder.forEachOrder(AAPL, (buy, price, reference, shares) ->
            queue.add((buy ? "B " : "S ") + Prices.format(price) + " #" + reference + " " + shares));
        assertThat(queue).containsExactly(
            "B 99.9900 #2 60", "B 99.9900 #3 90", "B 99.9900 #5 100", "B 99.9800 #6 10", "S 100.0100 #4 100");
    }

    @Test
    void shouldKeepLevelsBestFirstOnBothSides() {
        when(
            itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9800),
            itch.add(AAPL, "AAPL", 2, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 3, 'B', 100, 99_9700),
            itch.add(AAPL, "AAPL", 4, 'S', 100, 100_0200),
            itch.add(AAPL, "AAPL", 5, 'S', 100, 100_0100),
            itch.add(AAPL, "AAPL", 6, 'S', 100, 100_0300),
            itch.add(AAPL, "AAPL", 7, 'B', 100, 99_9600),
            itch.add(AAPL, "AAPL", 8, 'S', 100, 100_0400));

        assertThat(book(AAPL)).isEqualTo(String.join("\n",
            "AAPL [1]",
            "  bid: 100@99.9900 (1) 100@99.9800 (1) 100@99.9700 (1) 100@99.9600 (1)",
            "  ask: 100@100.0100 (1) 100@100.0200 (1) 100@100.0300 (1) 100@100.0400 (1)"));
        assertThat(builder.book(AAPL).bids().price(0)).isEqualTo(99_9900);
        assertThat(builder.book(AAPL).asks().shares(3)).isEqualTo(100);
    }

    @Test
    void shouldTradeAtTheRestingPriceWhenAnOrderIsExecuted() {
        given(
            itch.add(AAPL, "AAPL", 1, 'S', 100, 100_0100),
            itch.add(AAPL, "AAPL", 2, 'S', 50, 100_0100));

        when(itch.executed(AAPL, 1, 40, 7));

        assertThat(book(AAPL)).isEqualTo(String.join("\n",
            "AAPL [1] last=40@100.0100 match=7 trades=1",
            "  bid:",
            "  ask: 110@100.0100 (2)"));
        assertThat(events).containsExactly("changed AAPL", "trade AAPL 40@100.0100");
    }

    @Test
    void shouldRemoveAnOrderOnceFullyExecuted() {
        given(
            itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 2, 'B', 100, 99_9800));

        when(itch.executed(AAPL, 1, 60, 1), itch.executed(AAPL, 1, 40, 2));

        assertThat(book(AAPL)).endsWith("bid: 100@99.9800 (1)\n  ask:");
        assertThat(builder.orderCount()).isEqualTo(1);
    }

    @Test
    void shouldTradeAtTheExecutionPriceOnlyWhenPrintable() {
        given(itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9900));

        when(
            itch.executedWithPrice(AAPL, 1, 10, 1, false, 99_9500),
            itch.executedWithPrice(AAPL, 1, 20, 2, true, 99_9700));

        assertThat(book(AAPL)).isEqualTo(String.join("\n",
            "AAPL [1] last=20@99.9700 match=2 trades=1",
            "  bid: 70@99.9900 (1)",
            "  ask:"));
    }

    @Test
    void shouldCancelPartOfAnOrderAndDeleteWhatIsLeft() {
        given(
            itch.add(AAPL, "AAPL", 1, 'S', 100, 100_0100),
            itch.add(AAPL, "AAPL", 2, 'S', 100, 100_0200));

        when(itch.cancel(AAPL, 1, 30));
        assertThat(book(AAPL)).endsWith("ask: 70@100.0100 (1) 100@100.0200 (1)");

        when(itch.delete(AAPL, 1));
        assertThat(book(AAPL)).endsWith("ask: 100@100.0200 (1)");
        assertThat(builder.orderCount()).isEqualTo(1);
    }

    @Test
    void shouldMoveAReplacedOrderToItsNewReferencePriceAndSize() {
        given(
            itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9900),
            itch.add(AAPL, "AAPL", 2, 'B', 100, 99_9900));

        when(itch.replace(AAPL, 1, 10, 300, 99_9800));

        assertThat(book(AAPL)).endsWith("bid: 100@99.9900 (1) 300@99.9800 (1)\n  ask:");
        when(itch.executed(AAPL, 10, 300, 5));
        assertThat(book(AAPL)).endsWith("bid: 100@99.9900 (1)\n  ask:");
        when(itch.delete(AAPL, 1));
        assertThat(builder.unknownOrderMessages()).as("the old reference is gone").isEqualTo(1);
    }

    @Test
    void shouldRecordNonDisplayedAndCrossTradesWithoutTouchingTheLevels() {
        given(itch.add(MSFT, "MSFT", 1, 'B', 100, 99_9900));

        when(itch.trade(MSFT, "MSFT", 25, 100_0000, 8));
        assertThat(book(MSFT)).isEqualTo(String.join("\n",
            "MSFT [2] last=25@100.0000 match=8 trades=1",
            "  bid: 100@99.9900 (1)",
            "  ask:"));

        when(itch.crossTrade(MSFT, "MSFT", 5_000, 100_0500, 9), itch.brokenTrade(MSFT, 9));
        assertThat(book(MSFT)).startsWith("MSFT [2] last=5000@100.0500 match=9 trades=2");
    }

    @Test
    void shouldKeepTheLatestIndicativeAuctionOfEachInstrument() {
        given(itch.stockDirectory(AAPL, "AAPL"), itch.stockDirectory(MSFT, "MSFT"));
        assertThat(builder.book(AAPL).indicative().present()).isFalse();

        when(
            itch.imbalance(AAPL, "AAPL", 400, 200, 'B', 190_0000, 'O'),
            itch.imbalance(MSFT, "MSFT", 0, 0, 'O', 0, 'C'),
            itch.imbalance(AAPL, "AAPL", 500, 100, 'S', 190_2500, 'O'));

        final IndicativeAuction aapl = builder.book(AAPL).indicative();
        assertThat(aapl.present()).isTrue();
        assertThat(aapl.pairedShares()).isEqualTo(500);
        assertThat(aapl.imbalanceShares()).isEqualTo(100);
        assertThat(aapl.imbalanceDirection()).isEqualTo('S');
        assertThat(aapl.farPrice()).isEqualTo(190_2500);
        assertThat(aapl.nearPrice()).isEqualTo(190_2500);
        assertThat(aapl.currentReferencePrice()).isEqualTo(190_2500);
        assertThat(aapl.crossType()).isEqualTo('O');
        assertThat(builder.book(MSFT).indicative().imbalanceDirection()).isEqualTo('O');
        assertThat(builder.book(MSFT).indicative().crossType()).isEqualTo('C');
        assertThat(events).containsExactly(
            "auction AAPL 400+200B@190.0000 O", "auction MSFT 0+0O@0.0000 C", "auction AAPL 500+100S@190.2500 O");
        assertThat(book(AAPL)).as("no level changes").endsWith("bid:\n  ask:");
    }

    @Test
    void shouldReportACrossTradeToTheListenerAndKeepItAsTheLastTrade() {
        given(itch.stockDirectory(AAPL, "AAPL"));

        when(itch.crossTrade(AAPL, "AAPL", 500, 190_2500, 7, 'O'));

        assertThat(events).containsExactly("cross AAPL 500@190.2500 match=7 O");
        final OrderBook book = builder.book(AAPL);
        assertThat(book.lastTradePrice()).isEqualTo(190_2500);
        assertThat(book.lastTradeShares()).isEqualTo(500);
        assertThat(book.lastCrossType()).isEqualTo('O');
    }

    @Test
    void shouldReportACrossThatMatchedNothingWithoutMakingItATrade() {
        given(itch.stockDirectory(AAPL, "AAPL"));

        when(itch.crossTrade(AAPL, "AAPL", 0, 190_0000, 3, 'C'));

        assertThat(events).containsExactly("cross AAPL 0@190.0000 match=3 C");
        assertThat(builder.book(AAPL).lastTradePrice()).isEqualTo(OrderBook.NO_TRADE);
        assertThat(builder.book(AAPL).tradeCount()).isZero();
    }

    @Test
    void shouldKeepBooksApartByStockLocate() {
        when(
            itch.add(AAPL, "AAPL", 1, 'B', 100, 99_9900),
            itch.add(MSFT, "MSFT", 2, 'B', 200, 299_9900),
            itch.tradingAction(MSFT, "MSFT", 'H'));

        assertThat(builder.books()).extracting(OrderBook::stock).containsExactly("AAPL", "MSFT");
        assertThat(book(AAPL)).endsWith("bid: 100@99.9900 (1)\n  ask:");
        assertThat(book(MSFT)).startsWith("MSFT [2] state=H").endsWith("bid: 200@299.9900 (1)\n  ask:");
    }

    @Test
    void shouldCountAndIgnoreMessagesAboutOrdersItNeverSaw() {
        when(
            itch.executed(AAPL, 99, 10, 1),
            itch.executedWithPrice(AAPL, 99, 10, 2, true, 1),
            itch.cancel(AAPL, 99, 10),
            itch.delete(AAPL, 99),
            itch.replace(AAPL, 99, 100, 10, 1));

        assertThat(builder.unknownOrderMessages()).isEqualTo(5);
        assertThat(builder.orderCount()).isZero();
    }
}
