package exchange.marketdata.testing;

import exchange.marketdata.book.OrderBookBuilder;
import exchange.matching.MatchingEngine;
import exchange.matching.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * Books as comparable text, one line per shown order in price-time priority:
 * {@code "B 100.01 30"} (side, price, displayed quantity). The engine's side lists what it displays
 * (an order with nothing displayed is left out); the feed's side lists what an {@link OrderBookBuilder}
 * rebuilt. Two equal lists mean the same levels holding the same orders in the same queue order.
 * Allocates: tests only.
 */
public final class EngineBooks {
    private EngineBooks() {
    }

    /** The engine's book of one instrument; matching thread only. */
    public static List<String> ofEngine(final MatchingEngine engine, final int instrumentId) {
        final List<String> lines = new ArrayList<>();
        engine.forEachRestingOrder(instrumentId, order -> {
            if (order.visibleQty() > 0) {
                lines.add((order.side() == Side.BUY ? "B " : "S ") + ItchText.price(order.price()) + " " + order.visibleQty());
            }
        });
        return lines;
    }

    /** The book of one Stock Locate as the feed rebuilt it; subscriber thread only. */
    public static List<String> ofFeed(final OrderBookBuilder books, final int stockLocate) {
        final List<String> lines = new ArrayList<>();
        books.forEachOrder(stockLocate, (buy, price, reference, shares) ->
            lines.add((buy ? "B " : "S ") + ItchText.price(price) + " " + shares));
        return lines;
    }
}
