package exchange.matching;

/**
 * Price-time matching of one aggressor against the other side of its book: best price first, and
 * within a price, first come first served. Every fill trades at the resting order's price.
 *
 * <p>Matching thread only. Never allocates.
 */
final class ContinuousMatcher {
    private final Books books;
    private final OrderStore orders;
    private final LevelStore levels;
    private final EventWriter events;

    ContinuousMatcher(final Books books, final EventWriter events) {
        this.books = books;
        this.orders = books.orders();
        this.levels = books.levels();
        this.events = events;
    }

    /**
     * @param slot an order
     * @return the worst price it may trade at: its limit, or the extreme for a market order
     */
    long limitOf(final int slot) {
        final int flags = orders.flags(slot);
        if (OrderStore.type(flags).hasLimitPrice()) {
            return orders.price(slot);
        }
        return (flags & OrderStore.SIDE_SELL) != 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * @param sell  the aggressor's side
     * @param limit the aggressor's limit
     * @param qty   the quantity wanted
     * @return true when the other side holds at least {@code qty} at prices within the limit
     */
    boolean canFill(final OrderBook book, final boolean sell, final long limit, final long qty) {
        final BookSide contra = book.contra(sell);
        long available = 0;
        for (int depth = 0; depth < contra.size() && available < qty; depth++) {
            final int level = contra.levelAt(depth);
            if (!crosses(sell, limit, levels.price(level))) {
                break;
            }
            available += levels.qty(level);
        }
        return available >= qty;
    }

    private static boolean crosses(final boolean sell, final long limit, final long restingPrice) {
        return sell ? restingPrice >= limit : restingPrice <= limit;
    }

    /**
     * Trades the aggressor against the other side until it is filled or the best resting price is
     * beyond its limit. Filled resting orders leave the book; emptied levels are dropped.
     *
     * @param book  the aggressor's book
     * @param slot  the aggressor, not on the book
     * @param limit from {@link #limitOf(int)}
     */
    void match(final OrderBook book, final int slot, final long limit) {
        final boolean sell = orders.isSell(slot);
        final BookSide contra = book.contra(sell);
        final byte aggressorSide = sell ? Side.SELL.code() : Side.BUY.code();
        long leaves = orders.leavesQty(slot);
        while (leaves > 0) {
            final int level = contra.best();
            if (level == LevelStore.NULL_LEVEL) {
                break;
            }
            final long price = levels.price(level);
            if (!crosses(sell, limit, price)) {
                break;
            }
            int resting = levels.head(level);
            while (resting != OrderStore.NULL_SLOT && leaves > 0) {
                final int next = orders.next(resting);
                final long qty = Math.min(leaves, orders.leavesQty(resting));
                orders.fill(slot, qty, price);
                orders.fill(resting, qty, price);
                levels.addQty(level, -qty);
                leaves -= qty;
                final long restingLeaves = orders.leavesQty(resting);
                if (sell) {
                    events.trade(book.id(), resting, slot, price, qty, aggressorSide, 0, restingLeaves, 0);
                } else {
                    events.trade(book.id(), slot, resting, price, qty, aggressorSide, 0, 0, restingLeaves);
                }
                if (restingLeaves == 0) {
                    levels.remove(level, orders, resting);
                    books.release(resting);
                }
                resting = next;
            }
            if (levels.count(level) == 0) {
                contra.removeBest();
                levels.free(level);
            }
            book.lastTradePrice(price);
        }
    }
}
