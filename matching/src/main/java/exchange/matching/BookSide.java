package exchange.matching;

/**
 * One side of one book: its price levels sorted by price, best last. Levels are kept in two parallel
 * arrays ordered by an ascending key (the price for bids, minus the price for asks), so the best level
 * is always at the end, and the levels a busy book touches most (near the touch) move least when one
 * is inserted or removed.
 *
 * <p>Matching thread only. Never allocates after construction; a side full of levels refuses a new
 * price.
 */
final class BookSide {
    private static final int LINEAR_SCAN = 8;

    private final boolean bid;
    private final long[] keys;
    private final int[] levels;
    private int size;

    /**
     * @param bid       true for the buy side
     * @param maxLevels most distinct prices
     */
    BookSide(final boolean bid, final int maxLevels) {
        this.bid = bid;
        this.keys = new long[maxLevels];
        this.levels = new int[maxLevels];
    }

    boolean isBid() {
        return bid;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == levels.length;
    }

    /** @return the best level, or {@link LevelStore#NULL_LEVEL} when empty. */
    int best() {
        return size == 0 ? LevelStore.NULL_LEVEL : levels[size - 1];
    }

    /**
     * @param depth 0 for the best level
     * @return the level {@code depth} places behind the best
     */
    int levelAt(final int depth) {
        return levels[size - 1 - depth];
    }

    private long key(final long price) {
        return bid ? price : -price;
    }

    /**
     * @param price a price
     * @return the level at that price, or {@link LevelStore#NULL_LEVEL}
     */
    int find(final long price) {
        final int pos = position(key(price));
        return pos >= 0 ? levels[pos] : LevelStore.NULL_LEVEL;
    }

    /**
     * @param price a price
     * @return the position of its level, or {@code -(insertion point) - 1} when there is none
     */
    int search(final long price) {
        return position(key(price));
    }

    /**
     * @param position a position from {@link #search(long)}
     * @return the level there
     */
    int levelAtPosition(final int position) {
        return levels[position];
    }

    /**
     * Inserts a level at its sorted place. The price must not be present and the side not full.
     *
     * @param price the level's price
     * @param level the level
     */
    void insert(final long price, final int level) {
        insertAt(-position(key(price)) - 1, price, level);
    }

    /**
     * Inserts a level at the insertion point a {@link #search(long)} for its price gave.
     *
     * @param at    the insertion point
     * @param price the level's price
     * @param level the level
     */
    void insertAt(final int at, final long price, final int level) {
        final long key = key(price);
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        keys[at] = key;
        levels[at] = level;
        size++;
    }

    /**
     * Removes the level at a price. The price must be present.
     *
     * @param price the level's price
     */
    void remove(final long price) {
        final int at = position(key(price));
        final int tail = size - at - 1;
        if (tail > 0) {
            System.arraycopy(keys, at + 1, keys, at, tail);
            System.arraycopy(levels, at + 1, levels, at, tail);
        }
        size--;
    }

    /** Removes the best level. */
    void removeBest() {
        size--;
    }

    /**
     * Finds a key from the best end: a short linear scan, since most activity is near the touch, then
     * a binary search.
     *
     * @return its position, or {@code -(insertion point) - 1}
     */
    private int position(final long key) {
        int i = size - 1;
        final int stop = Math.max(-1, size - 1 - LINEAR_SCAN);
        while (i > stop) {
            final long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k < key) {
                return -(i + 1) - 1;
            }
            i--;
        }
        int low = 0;
        int high = i;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            final long k = keys[mid];
            if (k < key) {
                low = mid + 1;
            } else if (k > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }
}
