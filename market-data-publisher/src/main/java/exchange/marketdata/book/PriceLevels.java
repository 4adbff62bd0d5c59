package exchange.marketdata.book;

import java.util.Arrays;

/**
 * One side of a book, aggregated by price: total shares and order count per level, best level first.
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
    private int size;

    PriceLevels(final boolean bids, final int initialCapacity) {
        this.bids = bids;
        this.prices = new long[initialCapacity];
        this.shares = new long[initialCapacity];
        this.orderCounts = new int[initialCapacity];
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

    void addOrder(final long price, final long orderShares) {
        int index = search(price);
        if (index < 0) {
            index = -index - 1;
            insertAt(index, price);
        }
        shares[index] += orderShares;
        orderCounts[index]++;
    }

    /** Takes shares off a level; {@code orderGone} also takes the order off its count. */
    void reduce(final long price, final long removedShares, final boolean orderGone) {
        final int index = search(price);
        if (index < 0) {
            throw new IllegalStateException("no level at " + price);
        }
        shares[index] -= removedShares;
        if (orderGone) {
            orderCounts[index]--;
        }
        if (orderCounts[index] == 0) {
            System.arraycopy(prices, index + 1, prices, index, size - index - 1);
            System.arraycopy(shares, index + 1, shares, index, size - index - 1);
            System.arraycopy(orderCounts, index + 1, orderCounts, index, size - index - 1);
            size--;
        }
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
        }
        System.arraycopy(prices, index, prices, index + 1, size - index);
        System.arraycopy(shares, index, shares, index + 1, size - index);
        System.arraycopy(orderCounts, index, orderCounts, index + 1, size - index);
        prices[index] = price;
        shares[index] = 0;
        orderCounts[index] = 0;
        size++;
    }
}
