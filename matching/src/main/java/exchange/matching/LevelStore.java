package exchange.matching;

/**
 * Every price level of the engine in one pre-allocated {@code long[]}: four longs per level. A level
 * holds the FIFO of the orders resting at one price on one side: an intrusive doubly linked list
 * through the orders' link words, so removing any order is O(1).
 *
 * <pre>
 *  word 0  price
 *  word 1  quantity: the sum of the leaves quantities of its orders, iceberg reserves included
 *          (what shows is in the events: each order's visible quantity)
 *  word 2  head slot (high int) | tail slot (low int)
 *  word 3  order count
 * </pre>
 *
 * <p>Matching thread only. Never allocates after construction. {@link #allocate(long)} returns
 * {@link #NULL_LEVEL} when full: the caller rejects the order.
 */
final class LevelStore {
    static final int NULL_LEVEL = -1;
    private static final int STRIDE = 4;
    private static final int PRICE = 0;
    private static final int QTY = 1;
    private static final int ENDS = 2;
    private static final int COUNT = 3;
    private static final long LOW_INT = 0xFFFF_FFFFL;

    private final long[] data;
    private final int capacity;
    private int freeHead;
    private int size;

    /**
     * @param capacity most levels across all books and sides
     */
    LevelStore(final int capacity) {
        if (capacity < 1 || capacity > (1 << 28)) {
            throw new IllegalArgumentException("level capacity must be 1 to 2^28: " + capacity);
        }
        this.capacity = capacity;
        this.data = new long[capacity * STRIDE];
        for (int level = 0; level < capacity; level++) {
            data[level * STRIDE + COUNT] = level + 1 < capacity ? level + 1 : NULL_LEVEL; // free-list link
        }
        freeHead = 0;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return freeHead == NULL_LEVEL;
    }

    /**
     * @param price the level's price
     * @return an empty level, or {@link #NULL_LEVEL} when none is free
     */
    int allocate(final long price) {
        final int level = freeHead;
        if (level == NULL_LEVEL) {
            return NULL_LEVEL;
        }
        final int base = level * STRIDE;
        freeHead = (int) data[base + COUNT];
        size++;
        data[base + PRICE] = price;
        data[base + QTY] = 0;
        data[base + ENDS] = -1L;
        data[base + COUNT] = 0;
        return level;
    }

    /** @param level an empty level to give back */
    void free(final int level) {
        data[level * STRIDE + COUNT] = freeHead;
        freeHead = level;
        size--;
    }

    long price(final int level) {
        return data[level * STRIDE + PRICE];
    }

    long qty(final int level) {
        return data[level * STRIDE + QTY];
    }

    void addQty(final int level, final long delta) {
        data[level * STRIDE + QTY] += delta;
    }

    int count(final int level) {
        return (int) data[level * STRIDE + COUNT];
    }

    int head(final int level) {
        return (int) (data[level * STRIDE + ENDS] >> 32);
    }

    int tail(final int level) {
        return (int) data[level * STRIDE + ENDS];
    }

    /**
     * Appends an order at the back of the level's FIFO.
     *
     * @param level  the level
     * @param orders the order store
     * @param slot   the order, not in any list
     */
    void append(final int level, final OrderStore orders, final int slot) {
        final int base = level * STRIDE;
        final int tail = (int) data[base + ENDS];
        orders.setLinks(slot, tail, OrderStore.NULL_SLOT);
        orders.level(slot, level);
        if (tail == OrderStore.NULL_SLOT) {
            data[base + ENDS] = ((long) slot << 32) | (slot & LOW_INT);
        } else {
            orders.setNext(tail, slot);
            data[base + ENDS] = (data[base + ENDS] & ~LOW_INT) | (slot & LOW_INT);
        }
        data[base + COUNT]++;
    }

    /**
     * Unlinks an order from the level's FIFO.
     *
     * @param level  the level holding the order
     * @param orders the order store
     * @param slot   the order
     */
    void remove(final int level, final OrderStore orders, final int slot) {
        final int base = level * STRIDE;
        final int prev = orders.prev(slot);
        final int next = orders.next(slot);
        if (prev == OrderStore.NULL_SLOT) {
            data[base + ENDS] = ((long) next << 32) | (data[base + ENDS] & LOW_INT);
        } else {
            orders.setNext(prev, next);
        }
        if (next == OrderStore.NULL_SLOT) {
            data[base + ENDS] = (data[base + ENDS] & ~LOW_INT) | (prev & LOW_INT);
        } else {
            orders.setPrev(next, prev);
        }
        data[base + COUNT]--;
    }
}
