package exchange.matching;

import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the engine's books from the inside, for tests: every side sorted best last with distinct
 * prices; no book crossed in continuous trading; every level's quantity and count equal to the sum
 * of its orders (hidden iceberg quantity included); an iceberg showing a positive part of its leaves,
 * at most its peak; within a level, orders in the time they were booked; every order linked both ways
 * and pointing at its level; the store's live count equal to the orders on books.
 */
final class BookInvariants {
    private BookInvariants() {
    }

    /**
     * @param engine     the engine to look into
     * @param priorityOf the time priority of an order id: when it was last booked, in booking order
     */
    static void check(final MatchingEngine engine, final LongUnaryOperator priorityOf) {
        final Books books = engine.books();
        final OrderStore orders = books.orders();
        final LevelStore levels = books.levels();
        int onBooks = 0;
        int levelCount = 0;
        int waiting = 0;
        int stopLevelCount = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null) {
                continue;
            }
            for (final BookSide side : new BookSide[] {book.bids(), book.asks()}) {
                long previous = 0;
                for (int depth = side.size() - 1; depth >= 0; depth--) {
                    final int level = side.levelAt(depth);
                    levelCount++;
                    final long price = levels.price(level);
                    if (depth < side.size() - 1) {
                        assertThat(side.isBid() ? price > previous : price < previous)
                            .as("levels sorted, distinct, best last: %d after %d", price, previous).isTrue();
                    }
                    previous = price;
                    long qty = 0;
                    int count = 0;
                    int prev = OrderStore.NULL_SLOT;
                    long previousPriority = Long.MIN_VALUE;
                    for (int slot = levels.head(level); slot != OrderStore.NULL_SLOT; slot = orders.next(slot)) {
                        assertThat(orders.prev(slot)).as("back link").isEqualTo(prev);
                        assertThat(orders.level(slot)).as("order's level").isEqualTo(level);
                        final boolean limitPriced = (orders.flags(slot) & OrderStore.LIMIT_PRICED) != 0;
                        assertThat(Books.levelPrice(orders.isSell(slot), limitPriced, orders.price(slot)))
                            .as("order's price, or its side's market level").isEqualTo(price);
                        assertThat(limitPriced || book.phase() != TradingPhase.CONTINUOUS)
                            .as("no market order rests in continuous trading").isTrue();
                        assertThat(orders.isSell(slot)).as("order's side").isEqualTo(!side.isBid());
                        assertThat(orders.bookId(slot)).as("order's book").isEqualTo(id);
                        assertThat(orders.leavesQty(slot)).as("resting leaves").isPositive();
                        assertThat(orders.find(orders.orderId(slot))).as("indexed").isEqualTo(slot);
                        final long priority = priorityOf.applyAsLong(orders.orderId(slot));
                        assertThat(priority).as("time priority within level %d", price).isGreaterThan(previousPriority);
                        previousPriority = priority;
                        if (books.isIceberg(slot)) {
                            final long visible = books.extras().visible(slot);
                            assertThat(visible).as("iceberg %d shows part of what it has", orders.orderId(slot))
                                .isPositive().isLessThanOrEqualTo(orders.leavesQty(slot))
                                .isLessThanOrEqualTo(books.extras().peak(slot));
                        }
                        qty += orders.leavesQty(slot);
                        count++;
                        prev = slot;
                    }
                    assertThat(levels.tail(level)).as("tail").isEqualTo(prev);
                    assertThat(count).as("level count").isEqualTo(levels.count(level)).isPositive();
                    assertThat(qty).as("level qty").isEqualTo(levels.qty(level));
                    onBooks += count;
                }
            }
            for (final BookSide side : book.stopSides()) {
                waiting += checkStops(books, id, side);
                stopLevelCount += side.size();
            }
            if (book.phase() == TradingPhase.CONTINUOUS && !book.bids().isEmpty() && !book.asks().isEmpty()) {
                assertThat(levels.price(book.bids().best())).as("book %d not crossed", id)
                    .isLessThan(levels.price(book.asks().best()));
            }
        }
        assertThat(orders.size()).as("live orders are all on books or waiting stops").isEqualTo(onBooks + waiting);
        assertThat(levels.size()).as("levels in use are all on books").isEqualTo(levelCount);
        assertThat(books.stopLevels().size()).as("stop levels in use are all on stop sides").isEqualTo(stopLevelCount);
    }

    /**
     * A stop side: stop prices distinct, nearest to triggering last; each stop waiting, of a stop type,
     * at its own stop price, in stop priority within its level.
     *
     * @return the stops on it
     */
    private static int checkStops(final Books books, final int bookId, final BookSide side) {
        final OrderStore orders = books.orders();
        final LevelStore levels = books.stopLevels();
        int count = 0;
        long previous = 0;
        for (int depth = side.size() - 1; depth >= 0; depth--) {
            final int level = side.levelAt(depth);
            final long stopPrice = levels.price(level);
            if (depth < side.size() - 1) {
                assertThat(side.isBid() ? stopPrice > previous : stopPrice < previous)
                    .as("stop levels sorted, distinct, next to trigger last: %d after %d", stopPrice, previous).isTrue();
            }
            previous = stopPrice;
            long previousSequence = Long.MIN_VALUE;
            long qty = 0;
            int inLevel = 0;
            for (int slot = levels.head(level); slot != OrderStore.NULL_SLOT; slot = orders.next(slot)) {
                final int flags = orders.flags(slot);
                assertThat(flags & OrderStore.WAITING_STOP).as("stop waits").isNotZero();
                assertThat(OrderStore.type(flags).isStop()).as("a stop type").isTrue();
                assertThat(orders.isSell(slot)).as("stop side").isEqualTo(side.isBid());
                assertThat(orders.bookId(slot)).as("stop's book").isEqualTo(bookId);
                assertThat(orders.level(slot)).as("stop's level").isEqualTo(level);
                assertThat(books.extras().stopPrice(slot)).as("stop price").isEqualTo(stopPrice);
                assertThat(orders.cumQty(slot)).as("a waiting stop has no fills").isZero();
                assertThat(orders.stopSequence(slot)).as("stop priority within stop level %d", stopPrice)
                    .isGreaterThan(previousSequence);
                assertThat(orders.find(orders.orderId(slot))).as("indexed").isEqualTo(slot);
                previousSequence = orders.stopSequence(slot);
                qty += orders.leavesQty(slot);
                inLevel++;
            }
            assertThat(inLevel).as("stop level count").isEqualTo(levels.count(level)).isPositive();
            assertThat(qty).as("stop level qty").isEqualTo(levels.qty(level));
            count += inLevel;
        }
        return count;
    }
}
