package exchange.marketdata.translator;

/**
 * The orders the feed currently shows, by engine order id: for each, the ITCH Order Reference Number
 * it is shown under, its Stock Locate, side, displayed price and displayed shares.
 *
 * <pre>
 *  slot s, in one long[] of five longs a slot:
 *    0  engine order id ({@link #FREE} when the slot is free)
 *    1  ITCH Order Reference Number
 *    2  displayed price
 *    3  displayed shares
 *    4  Stock Locate (bits 1..16) | buy (bit 0)
 * </pre>
 *
 * An open-addressing index maps order ids to slots, as the engine's order store does: order ids are
 * command sequences, so live orders cluster in time, and the hash keeps each run of a few consecutive
 * ids in one place of the index (a new order's entry is usually in a cache line already touched)
 * while scattering the runs. A general-purpose hash map sized for the engine's capacity would spread a
 * few thousand live orders over tens of megabytes and miss the cache on every event. The index keeps
 * the order id beside the slot, so that probing and the backward-shift deletion (which walks the rest
 * of a run) read the index alone, never the orders.
 *
 * <p>Sized once: a table sized to the engine's order capacity can never fill (the engine cannot show
 * more orders than it holds); filling it anyway is a bug and throws. Translator thread only; never
 * allocates after construction.
 */
final class DisplayedOrders {
    /** What {@link #find} returns for an order the feed does not show. */
    static final int NOT_SHOWN = -1;

    private static final long FREE = Long.MIN_VALUE;
    private static final int STRIDE = 5;
    private static final int ORDER_ID = 0;
    private static final int REFERENCE = 1;
    private static final int PRICE = 2;
    private static final int SHARES = 3;
    private static final int LOCATE_SIDE = 4;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int RUN_BITS = 3;
    private static final int RUN = 1 << RUN_BITS;

    private final long[] data;
    private final long[] indexIds;
    private final int[] index;
    private final int indexMask;
    private final int indexShift;
    private final int[] freeSlots;
    private int freeCount;
    private int used;
    private int size;

    /** @param capacity most orders shown at once: the engine's order capacity. */
    DisplayedOrders(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        data = new long[capacity * STRIDE];
        final int indexSize = Integer.highestOneBit(Math.max(64, capacity * 2 - 1)) << 1; // at most half full
        index = new int[indexSize];
        indexIds = new long[indexSize];
        indexMask = indexSize - 1;
        indexShift = 64 - Integer.numberOfTrailingZeros(indexSize);
        freeSlots = new int[capacity];
    }

    /** @return the slot of the order, or {@link #NOT_SHOWN}. */
    int find(final long orderId) {
        int pos = hash(orderId);
        while (true) {
            final int entry = index[pos];
            if (entry == 0) {
                return NOT_SHOWN;
            }
            if (indexIds[pos] == orderId) {
                return entry - 1;
            }
            pos = (pos + 1) & indexMask;
        }
    }

    /**
     * Starts showing an order that is not shown.
     *
     * @return its slot
     * @throws IllegalStateException if the table is full (more orders shown than the engine can hold).
     */
    int add(final long orderId, final long reference, final int locate, final boolean buy, final long price,
        final long displayedShares) {
        final int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else if (used < freeSlots.length) {
            slot = used++;
        } else {
            throw new IllegalStateException("more than " + freeSlots.length + " orders shown at once");
        }
        final int at = slot * STRIDE;
        data[at + ORDER_ID] = orderId;
        data[at + REFERENCE] = reference;
        data[at + PRICE] = price;
        data[at + SHARES] = displayedShares;
        data[at + LOCATE_SIDE] = ((long)locate << 1) | (buy ? 1 : 0);
        int pos = hash(orderId);
        while (index[pos] != 0) {
            pos = (pos + 1) & indexMask;
        }
        index[pos] = slot + 1;
        indexIds[pos] = orderId;
        size++;
        return slot;
    }

    /** Stops showing the order in {@code slot}. */
    void remove(final int slot) {
        int pos = hash(data[slot * STRIDE + ORDER_ID]);
        while (index[pos] != slot + 1) {
            pos = (pos + 1) & indexMask;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int gap = pos;
        int next = (gap + 1) & indexMask;
        while (index[next] != 0) {
            final int home = hash(indexIds[next]);
            if (((next - home) & indexMask) >= ((next - gap) & indexMask)) {
                index[gap] = index[next];
                indexIds[gap] = indexIds[next];
                gap = next;
            }
            next = (next + 1) & indexMask;
        }
        index[gap] = 0;
        data[slot * STRIDE + ORDER_ID] = FREE;
        freeSlots[freeCount++] = slot;
        size--;
    }

    /** Shows the order under a new reference, price and shares (an Order Replace). */
    void replace(final int slot, final long reference, final long price, final long displayedShares) {
        final int at = slot * STRIDE;
        data[at + REFERENCE] = reference;
        data[at + PRICE] = price;
        data[at + SHARES] = displayedShares;
    }

    long orderId(final int slot) {
        return data[slot * STRIDE + ORDER_ID];
    }

    long reference(final int slot) {
        return data[slot * STRIDE + REFERENCE];
    }

    int locate(final int slot) {
        return (int)(data[slot * STRIDE + LOCATE_SIDE] >>> 1);
    }

    boolean isBuy(final int slot) {
        return (data[slot * STRIDE + LOCATE_SIDE] & 1) != 0;
    }

    long price(final int slot) {
        return data[slot * STRIDE + PRICE];
    }

    long shares(final int slot) {
        return data[slot * STRIDE + SHARES];
    }

    void shares(final int slot, final long displayedShares) {
        data[slot * STRIDE + SHARES] = displayedShares;
    }

    /** Orders shown now. */
    int size() {
        return size;
    }

    /**
     * One past the highest slot ever used: with {@link #isLive(int)}, a walk over every shown order in
     * slot order, which is the same on every run fed the same events.
     */
    int slotLimit() {
        return used;
    }

    boolean isLive(final int slot) {
        return data[slot * STRIDE + ORDER_ID] != FREE;
    }

    /** Forgets every order (a new session starts with empty books). */
    void clear() {
        for (int slot = 0; slot < used; slot++) {
            if (isLive(slot)) {
                remove(slot);
            }
        }
        freeCount = 0;
        used = 0;
    }

    /**
     * Keeps each run of {@value #RUN} consecutive order ids together, and scatters the runs. Short runs
     * keep probe clusters short: a deletion shifts back what follows it up to the next free entry, and
     * a run of live orders is a cluster.
     */
    private int hash(final long orderId) {
        final int block = (int)(((orderId >>> RUN_BITS) * GOLDEN) >>> indexShift) & ~(RUN - 1);
        return (block | (int)(orderId & (RUN - 1))) & indexMask;
    }
}
