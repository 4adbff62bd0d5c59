package exchange.marketdata.book;

import java.util.Arrays;

/**
 * One side of a book, aggregated by price: total shares and order count per level, best level first,
 * and each level's orders queued in time priority (the queue's links live in the {@link OrderTable}).
 *
 * <p>Levels are kept in parallel arrays sorted so that the best price is at the end: a new best level,
 * the common case, is appended without moving anything. Level {@code 0} is the best. A level whose last
 * order goes away is removed. Single-threaded; grows by doubling when full (the only allocation).
 */
public final class PriceLevels {
    private final boolean bids;
    private long[] prices;
    private long[] shares;
    private int[] orderCounts;
    private int[] heads;
    private int[] tails;
    private int size;

    PriceLevels(final boolean bids, final int initialCapacity) {
        this.bids = bids;
        this.prices = new long[initialCapacity];
        this.shares = new long[initialCapacity];
        this.orderCounts = new int[initialCapacity];
        this.heads = new int[initialCapacity];
        this.tails = new int[initialCapacity];
    }

    /** Whether this is the buy side (best = highest price). */
    public boolean isBids() {
        return bids;
    }

    /** Number of price levels. */
    public int size() {
        return size;
    }

    /** Price of level {@code level} (0 = best), in 1/10,000. */
    public long price(final int level) {
        return prices[indexOf(level)];
    }

    /** Total shares at level {@code level}. */
    public long shares(final int level) {
        return shares[indexOf(level)];
    }

    /** Number of orders at level {@code level}. */
    public int orderCount(final int level) {
        return orderCounts[indexOf(level)];
    }

    /** Total shares at {@code price}, 0 when there is no such level. */
    public long sharesAt(final long price) {
        final int index = search(price);
        return index >= 0 ? shares[index] : 0;
    }

    /** The first order (in time priority) at level {@code level}: a slot of the builder's order table. */
    int headSlot(final int level) {
        return heads[indexOf(level)];
    }

    /** Queues an order at the back of its price level, creating the level if needed. */
    void addOrder(final long price, final long orderShares, final int slot, final OrderTable orders) {
        int index = search(price);
        if (index < 0) {
            index = -index - 1;
            insertAt(index, price);
        }
        shares[index] += orderShares;
        orderCounts[index]++;
        final int tail = tails[index];
        orders.previous(slot, tail);
        orders.next(slot, OrderTable.NOT_FOUND);
        if (tail == OrderTable.NOT_FOUND) {
            heads[index] = slot;
        } else {
            orders.next(tail, slot);
        }
        tails[index] = slot;
    }

    /** Takes shares off a level; the order stays in its place. */
    void reduce(final long price, final long removedShares) {
        shares[existing(price)] -= removedShares;
    }

    /** Takes an order and its remaining shares off its level, dropping the level when it empties. */
    void removeOrder(final long price, final long removedShares, final int slot, final OrderTable orders) {
        final int index = existing(price);
        shares[index] -= removedShares;
        orderCounts[index]--;
        final int before = orders.previous(slot);
        final int after = orders.next(slot);
        if (before == OrderTable.NOT_FOUND) {
            heads[index] = after;
        } else {
            orders.next(before, after);
        }
        if (after == OrderTable.NOT_FOUND) {
            tails[index] = before;
        } else {
            orders.previous(after, before);
        }
        if (orderCounts[index] == 0) {
            System.arraycopy(prices, index + 1, prices, index, size - index - 1);
            System.arraycopy(shares, index + 1, shares, index, size - index - 1);
            System.arraycopy(orderCounts, index + 1, orderCounts, index, size - index - 1);
            System.arraycopy(heads, index + 1, heads, index, size - index - 1);
            System.arraycopy(tails, index + 1, tails, index, size - index - 1);
            size--;
        }
    }

    private int existing(final long price) {
        final int index = search(price);
        if (index < 0) {
            throw new IllegalStateException("no level at " + price);
        }
        return index;
    }

    private int indexOf(final int level) {
        if (level < 0 || level >= size) {
            throw new IndexOutOfBoundsException("level " + level + " of " + size);
        }
        return size - 1 - level;
    }

    /** Binary search in worst-to-best order; as {@link Arrays#binarySearch(long[], long)}. */
    private int search(final long price) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            if (midPrice == price) {
                return mid;
            }
            if (bids == midPrice < price) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }

    private void insertAt(final int index, final long price) {
        if (size == prices.length) {
            final int capacity = prices.length * 2;
            prices = Arrays.copyOf(prices, capacity);
            shares = Arrays.copyOf(shares, capacity);
            orderCounts = Arrays.copyOf(orderCounts, capacity);
            heads = Arrays.copyOf(heads, capacity);
            tails = Arrays.copyOf(tails, capacity);
        }
        System.arraycopy(prices, index, prices, index + 1, size - index);
        System.arraycopy(shares, index, shares, index + 1, size - index);
        System.arraycopy(orderCounts, index, orderCounts, index + 1, size - index);
        System.arraycopy(heads, index, heads, index + 1, size - index);
        System.arraycopy(tails, index, tails, index + 1, size - index);
        prices[index] = price;
        shares[index] = 0;
        orderCounts[index] = 0;
        heads[index] = OrderTable.NOT_FOUND;
        tails[index] = OrderTable.NOT_FOUND;
        size++;
    }
}
