package exchange.matching;

/**
 * The attributes only some orders have: the stop price of stop orders, and the peak and visible
 * quantity of icebergs. Kept beside {@link OrderStore} in an open-addressing table keyed by slot, so
 * that the common plain limit order pays nothing for them. An order that has extras carries
 * {@link OrderStore#HAS_EXTRAS} in its flags.
 *
 * <pre>
 *  word 0  stop price (0 when none)
 *  word 1  display peak (0 when not an iceberg)
 *  word 2  visible quantity: the part of the leaves quantity shown on the book
 *  word 3  reserved
 * </pre>
 *
 * <p>Matching thread only. Never allocates after construction; {@link #add(int)} returns false when
 * the table is full, and the caller rejects the order.
 */
final class OrderExtras {
    private static final int STRIDE = 4;
    private static final int STOP_PRICE = 0;
    private static final int PEAK = 1;
    private static final int VISIBLE = 2;

    private final int capacity;
    private final int[] keys;
    private final long[] values;
    private final int mask;
    private int size;

    /**
     * @param capacity most orders with extras at once
     */
    OrderExtras(final int capacity) {
        if (capacity < 1 || capacity > (1 << 27)) {
            throw new IllegalArgumentException("extras capacity must be 1 to 2^27: " + capacity);
        }
        this.capacity = capacity;
        final int tableSize = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
        this.keys = new int[tableSize];
        this.values = new long[tableSize * STRIDE];
        this.mask = tableSize - 1;
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
     * @return false when the table is full
     */
    boolean add(final int slot) {
        if (size == capacity) {
            return false;
        }
        int pos = hash(slot);
        while (keys[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        keys[pos] = slot + 1;
        final int base = pos * STRIDE;
        values[base] = 0;
        values[base + 1] = 0;
        values[base + 2] = 0;
        values[base + 3] = 0;
        size++;
        return true;
    }

    /** Removes a slot's extras; it must have some. */
    void remove(final int slot) {
        int gap = position(slot);
        int next = (gap + 1) & mask;
        while (keys[next] != 0) {
            final int home = hash(keys[next] - 1);
            if (((next - home) & mask) >= ((next - gap) & mask)) {
                keys[gap] = keys[next];
                System.arraycopy(values, next * STRIDE, values, gap * STRIDE, STRIDE);
                gap = next;
            }
            next = (next + 1) & mask;
        }
        keys[gap] = 0;
        size--;
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
     * @return where a slot's extras are, for the {@code ...At} accessors; valid until the next
     *         {@link #add} or {@link #remove}
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
        int pos = hash(slot);
        while (keys[pos] != slot + 1) {
            if (keys[pos] == 0) {
                throw new IllegalStateException("no extras for slot " + slot);
            }
            pos = (pos + 1) & mask;
        }
        return pos;
    }

    /**
     * The slot itself: slots are small dense integers (the order store's free list hands back the
     * most recently freed slot first), so slot-keyed extras land in the first positions of the table,
     * close together, without collisions until slots outnumber the table.
     */
    private int hash(final int slot) {
        return slot & mask;
    }
}
