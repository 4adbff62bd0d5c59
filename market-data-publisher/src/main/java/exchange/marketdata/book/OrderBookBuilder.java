package exchange.marketdata.book;

import exchange.marketdata.itch.AddOrder;
import exchange.marketdata.itch.AddOrderWithMpid;
import exchange.marketdata.itch.BrokenTrade;
import exchange.marketdata.itch.CrossTrade;
import exchange.marketdata.itch.ItchMessageHandler;
import exchange.marketdata.itch.NetOrderImbalanceIndicator;
import exchange.marketdata.itch.OrderCancel;
import exchange.marketdata.itch.OrderDelete;
import exchange.marketdata.itch.OrderExecuted;
import exchange.marketdata.itch.OrderExecutedWithPrice;
import exchange.marketdata.itch.OrderReplace;
import exchange.marketdata.itch.StockDirectory;
import exchange.marketdata.itch.StockTradingAction;
import exchange.marketdata.itch.Trade;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds order-by-order books from ITCH messages, one {@link OrderBook} per Stock Locate.
 *
 * <ul>
 *   <li>Add Order (A, F): a new order rests at its price.</li>
 *   <li>Order Executed (E): shares come off the order at its own price, which is the trade price.</li>
 *   <li>Order Executed With Price (C): shares come off the order; the trade, at the execution price,
 *   counts only if printable.</li>
 *   <li>Order Cancel (X) takes shares off; Order Delete (D) removes the order.</li>
 *   <li>Order Replace (U): the order is removed and a new one, same side, new reference, shares and
 *   price, is added (it loses its priority).</li>
 *   <li>Trade (P) only sets the last trade: it matches orders the book never held.</li>
 *   <li>Cross Trade (Q) sets the last cross (and the last trade when shares crossed) and goes to
 *   {@link BookListener#onCrossTrade}; the auction's executions came before it as non-printable C.</li>
 *   <li>Net Order Imbalance Indicator (I) replaces the book's {@link OrderBook#indicative() indicative
 *   auction} and goes to {@link BookListener#onIndicativeAuction}.</li>
 *   <li>Stock Directory (R) names the book; Stock Trading Action (H) sets its state.</li>
 * </ul>
 * A message about an order the builder never saw (a subscriber that did not start from sequence 1)
 * is counted in {@link #unknownOrderMessages()} and otherwise ignored.
 *
 * <p>Single-threaded: feed it from one thread and read the books on that thread. Allocates a book the
 * first time a Stock Locate appears, and grows its tables by doubling; nothing else.
 */
public final class OrderBookBuilder implements ItchMessageHandler {
    private static final int INITIAL_LEVELS = 64;

    private final Int2ObjectHashMap<OrderBook> books = new Int2ObjectHashMap<>();
    private final OrderTable orders;
    private final BookListener listener;
    private long unknownOrderMessages;

    public OrderBookBuilder(final BookListener listener, final int initialOrderCapacity) {
        this.listener = listener;
        this.orders = new OrderTable(initialOrderCapacity);
    }

    public OrderBookBuilder() {
        this(BookListener.NONE, 1 << 16);
    }

    /** The book of {@code stockLocate}, or null if no message has named it. */
    public OrderBook book(final int stockLocate) {
        return books.get(stockLocate);
    }

    /** Every book, by Stock Locate. Allocates: tools and tests only. */
    public List<OrderBook> books() {
        final List<OrderBook> all = new ArrayList<>(books.values());
        all.sort(Comparator.comparingInt(OrderBook::stockLocate));
        return all;
    }

    /** Live orders across all books. */
    public int orderCount() {
        return orders.size();
    }

    /** The live orders, for this package's tests. */
    OrderTable orders() {
        return orders;
    }

    /** Messages naming an order reference the builder does not hold. */
    public long unknownOrderMessages() {
        return unknownOrderMessages;
    }

    @Override
    public void onStockDirectory(final StockDirectory.Decoder message) {
        bookFor(message.stockLocate()).stockCode(message.stockCode());
    }

    @Override
    public void onStockTradingAction(final StockTradingAction.Decoder message) {
        final OrderBook book = bookFor(message.stockLocate());
        book.stockCode(message.stockCode());
        book.tradingState(message.tradingState());
    }

    @Override
    public void onAddOrder(final AddOrder.Decoder message) {
        add(message.stockLocate(), message.stockCode(), message.orderReferenceNumber(),
            message.buySellIndicator() == 'B', message.price(), message.shares());
    }

    @Override
    public void onAddOrderWithMpid(final AddOrderWithMpid.Decoder message) {
        add(message.stockLocate(), message.stockCode(), message.orderReferenceNumber(),
            message.buySellIndicator() == 'B', message.price(), message.shares());
    }

    @Override
    public void onOrderExecuted(final OrderExecuted.Decoder message) {
        final int slot = orders.find(message.orderReferenceNumber());
        if (slot == OrderTable.NOT_FOUND) {
            unknownOrderMessages++;
            return;
        }
        final long price = orders.price(slot);
        final OrderBook book = reduce(slot, message.executedShares());
        book.trade(price, message.executedShares(), message.matchNumber());
        listener.onTrade(book);
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice.Decoder message) {
        final int slot = orders.find(message.orderReferenceNumber());
        if (slot == OrderTable.NOT_FOUND) {
            unknownOrderMessages++;
            return;
        }
        final OrderBook book = reduce(slot, message.executedShares());
        if (message.printable() == 'Y') {
            book.trade(message.executionPrice(), message.executedShares(), message.matchNumber());
            listener.onTrade(book);
        }
    }

    @Override
    public void onOrderCancel(final OrderCancel.Decoder message) {
        final int slot = orders.find(message.orderReferenceNumber());
        if (slot == OrderTable.NOT_FOUND) {
            unknownOrderMessages++;
            return;
        }
        reduce(slot, message.canceledShares());
    }

    @Override
    public void onOrderDelete(final OrderDelete.Decoder message) {
        final int slot = orders.find(message.orderReferenceNumber());
        if (slot == OrderTable.NOT_FOUND) {
            unknownOrderMessages++;
            return;
        }
        reduce(slot, orders.shares(slot));
    }

    @Override
    public void onOrderReplace(final OrderReplace.Decoder message) {
        final int slot = orders.find(message.originalOrderReferenceNumber());
        if (slot == OrderTable.NOT_FOUND) {
            unknownOrderMessages++;
            return;
        }
        final int locate = orders.locate(slot);
        final boolean buy = orders.isBuy(slot);
        final OrderBook book = books.get(locate);
        remove(book, slot);
        add(locate, book.stockCode(), message.newOrderReferenceNumber(), buy, message.price(), message.shares());
    }

    @Override
    public void onTrade(final Trade.Decoder message) {
        final OrderBook book = bookFor(message.stockLocate());
        book.stockCode(message.stockCode());
        book.trade(message.price(), message.shares(), message.matchNumber());
        listener.onTrade(book);
    }

    @Override
    public void onCrossTrade(final CrossTrade.Decoder message) {
        final OrderBook book = bookFor(message.stockLocate());
        book.stockCode(message.stockCode());
        book.cross(message.crossPrice(), message.shares(), message.matchNumber(), message.crossType());
        if (message.shares() != 0) { // a cross that matched nothing carries no trade
            book.trade(message.crossPrice(), message.shares(), message.matchNumber());
        }
        listener.onCrossTrade(book);
    }

    @Override
    public void onNetOrderImbalanceIndicator(final NetOrderImbalanceIndicator.Decoder message) {
        final OrderBook book = bookFor(message.stockLocate());
        book.stockCode(message.stockCode());
        book.indicative().set(message.pairedShares(), message.imbalanceShares(), message.imbalanceDirection(),
            message.farPrice(), message.nearPrice(), message.currentReferencePrice(), message.crossType());
        listener.onIndicativeAuction(book);
    }

    @Override
    public void onBrokenTrade(final BrokenTrade.Decoder message) {
        // The book is unchanged: a broken execution does not restore the order.
    }

    /**
     * Visits the orders of one book in price-time priority: bids best price first, then asks best price
     * first, and within a price in the order they arrived (an Order Replace goes to the back; executions
     * and Order Cancels keep an order's place). Allocation-free; subscriber thread only.
     */
    public void forEachOrder(final int stockLocate, final OrderVisitor visitor) {
        final OrderBook book = books.get(stockLocate);
        if (book != null) {
            visitSide(book.bids(), visitor);
            visitSide(book.asks(), visitor);
        }
    }

    private void visitSide(final PriceLevels side, final OrderVisitor visitor) {
        for (int level = 0; level < side.size(); level++) {
            for (int slot = side.headSlot(level); slot != OrderTable.NOT_FOUND; slot = orders.next(slot)) {
                visitor.visit(side.isBids(), orders.price(slot), orders.reference(slot), orders.shares(slot));
            }
        }
    }

    /**
     * Every book in full and every live order, as text: two builders fed the same messages describe
     * themselves identically. Allocates: tests and tools only.
     */
    public String describe() {
        final StringBuilder text = new StringBuilder();
        for (final OrderBook book : books()) {
            text.append(book.describe(Integer.MAX_VALUE)).append('\n');
        }
        final List<String> live = new ArrayList<>();
        orders.forEachSlot(slot -> live.add(String.format("order %d locate=%d %s %d@%d",
            orders.reference(slot), orders.locate(slot), orders.isBuy(slot) ? "B" : "S",
            orders.shares(slot), orders.price(slot))));
        live.sort(null);
        live.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private OrderBook bookFor(final int stockLocate) {
        OrderBook book = books.get(stockLocate);
        if (book == null) {
            book = new OrderBook(stockLocate, INITIAL_LEVELS);
            books.put(stockLocate, book);
        }
        return book;
    }

    private void add(
        final int locate, final long stockCode, final long reference, final boolean buy, final long price, final long shares) {
        final OrderBook book = bookFor(locate);
        book.stockCode(stockCode);
        final int slot = orders.add(reference, locate, buy, price, shares);
        if (slot == OrderTable.NOT_FOUND) {
            unknownOrderMessages++;
            return;
        }
        book.side(buy).addOrder(price, shares, slot, orders);
        listener.onBookChanged(book);
    }

    /** Takes shares off an order (all it has, at most), removing it when none remain. */
    private OrderBook reduce(final int slot, final long shares) {
        final OrderBook book = books.get(orders.locate(slot));
        final long remaining = orders.shares(slot);
        final long removed = Math.min(shares, remaining);
        if (removed == remaining) {
            remove(book, slot);
        } else {
            book.side(orders.isBuy(slot)).reduce(orders.price(slot), removed);
            orders.shares(slot, remaining - removed);
        }
        listener.onBookChanged(book);
        return book;
    }

    private void remove(final OrderBook book, final int slot) {
        book.side(orders.isBuy(slot)).removeOrder(orders.price(slot), orders.shares(slot), slot, orders);
        orders.remove(slot);
    }
}
