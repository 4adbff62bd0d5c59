package exchange.matching;

/**
 * The attributes only some orders have: the stop price of stop orders, and the peak and visible
 * quantity of icebergs. Kept beside {@link OrderStore}, so that the common plain limit order pays
 * nothing for them: a slot-indexed table of one int per order slot points into a dense pool of
 * entries, handed out and taken back last-in first-out, so that the extras of live orders stay
 * together in few cache lines. An order that has extras carries {@link OrderStore#HAS_EXTRAS} in its
 * flags.
 *
 * <pre>
 *  word 0  stop price (0 when none)
 *  word 1  display peak (0 when not an iceberg)
 *  word 2  visible quantity: the part of the leaves quantity shown on the book
 *  word 3  reserved
 * </pre>
 *
 * <p>Matching thread only. Never allocates after construction; {@link #add(int)} returns false when
 * the pool is full, and the caller rejects the order.
 */
final class OrderExtras {
    private static final int STRIDE = 4;
    private static final int STOP_PRICE = 0;
    private static final int PEAK = 1;
    private static final int VISIBLE = 2;

    private final int capacity;
    /** Per order slot: its entry + 1, or 0 when it has none. */
    private final int[] entryOfSlot;
    private final long[] values;
    /** Free entries, a stack: the most recently freed is handed out first. */
    private final int[] free;
    private int size;

    /**
     * @param capacity      most orders with extras at once
     * @param orderCapacity the order store's capacity: slots are below it
     */
    OrderExtras(final int capacity, final int orderCapacity) {
        if (capacity < 1 || capacity > (1 << 27)) {
            throw new IllegalArgumentException("extras capacity must be 1 to 2^27: " + capacity);
        }
        this.capacity = capacity;
        this.entryOfSlot = new int[orderCapacity];
        this.values = new long[capacity * STRIDE];
        this.free = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            free[i] = capacity - 1 - i; // entry 0 on top
        }
    }

    boolean isFull() {
        return size == capacity;
    }

    int size() {
        return size;
    }

    /**
     * Adds zeroed extras for a slot that has none.
     *
     * @return false when the pool is full
     */
    boolean add(final int slot) {
        if (size == capacity) {
            return false;
        }
        final int entry = free[capacity - 1 - size];
        size++;
        entryOfSlot[slot] = entry + 1;
        final int base = entry * STRIDE;
        values[base] = 0;
        values[base + 1] = 0;
        values[base + 2] = 0;
        values[base + 3] = 0;
        return true;
    }

    /** Removes a slot's extras; it must have some. */
    void remove(final int slot) {
        final int entry = position(slot);
        entryOfSlot[slot] = 0;
        size--;
        free[capacity - 1 - size] = entry;
    }

    long stopPrice(final int slot) {
        return values[position(slot) * STRIDE + STOP_PRICE];
    }

    void stopPrice(final int slot, final long price) {
        values[position(slot) * STRIDE + STOP_PRICE] = price;
    }

    long peak(final int slot) {
        return values[position(slot) * STRIDE + PEAK];
    }

    void peak(final int slot, final long peak) {
        values[position(slot) * STRIDE + PEAK] = peak;
    }

    long visible(final int slot) {
        return values[position(slot) * STRIDE + VISIBLE];
    }

    void visible(final int slot, final long visible) {
        values[position(slot) * STRIDE + VISIBLE] = visible;
    }

    /**
     * @return where a slot's extras are, for the {@code ...At} accessors; valid until the slot's
     *         extras are removed
     */
    int find(final int slot) {
        return position(slot);
    }

    long peakAt(final int at) {
        return values[at * STRIDE + PEAK];
    }

    long visibleAt(final int at) {
        return values[at * STRIDE + VISIBLE];
    }

    void visibleAt(final int at, final long visible) {
        values[at * STRIDE + VISIBLE] = visible;
    }

    private int position(final int slot) {
        final int entry = entryOfSlot[slot] - 1;
        if (entry < 0) {
            throw new IllegalStateException("no extras for slot " + slot);
        }
        return entry;
    }
}
