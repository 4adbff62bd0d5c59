package exchange.marketdata.translator;

import org.agrona.collections.Long2LongHashMap;

/**
 * The orders the feed currently shows, by engine order id: for each, the ITCH Order Reference Number
 * it is shown under, its Stock Locate, side, displayed price and displayed shares. Parallel arrays of
 * slots reused through a free list, and a primitive map from order id to slot.
 *
 * <p>Sized once: the map is created large enough never to resize, and a table sized to the engine's
 * order capacity can never fill (the engine cannot show more orders than it holds). Filling it anyway
 * is a bug and throws. Translator thread only; never allocates after construction.
 */
final class DisplayedOrders {
    /** What {@link #find} returns for an order the feed does not show. */
    static final int NOT_SHOWN = -1;

    private final Long2LongHashMap slotByOrderId;
    private final long[] orderIds;
    private final long[] references;
    private final int[] locates;
    private final boolean[] buys;
    private final long[] prices;
    private final long[] shares;
    private final boolean[] live;
    private final int[] freeSlots;
    private int freeCount;
    private int used;

    /** @param capacity most orders shown at once: the engine's order capacity. */
    DisplayedOrders(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        // Load factor 0.5 on twice the capacity: the map never reaches its resize threshold.
        slotByOrderId = new Long2LongHashMap(capacity * 2, 0.5f, NOT_SHOWN);
        orderIds = new long[capacity];
        references = new long[capacity];
        locates = new int[capacity];
        buys = new boolean[capacity];
        prices = new long[capacity];
        shares = new long[capacity];
        live = new boolean[capacity];
        freeSlots = new int[capacity];
    }

    /** @return the slot of the order, or {@link #NOT_SHOWN}. */
    int find(final long orderId) {
        return (int)slotByOrderId.get(orderId);
    }

    /**
     * Starts showing an order.
     *
     * @return its slot
     * @throws IllegalStateException if the table is full (more orders shown than the engine can hold).
     */
    int add(final long orderId, final long reference, final int locate, final boolean buy, final long price,
        final long displayedShares) {
        final int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else if (used < orderIds.length) {
            slot = used++;
        } else {
            throw new IllegalStateException("more than " + orderIds.length + " orders shown at once");
        }
        orderIds[slot] = orderId;
        references[slot] = reference;
        locates[slot] = locate;
        buys[slot] = buy;
        prices[slot] = price;
        shares[slot] = displayedShares;
        live[slot] = true;
        slotByOrderId.put(orderId, slot);
        return slot;
    }

    /** Stops showing the order in {@code slot}. */
    void remove(final int slot) {
        slotByOrderId.remove(orderIds[slot]);
        live[slot] = false;
        freeSlots[freeCount++] = slot;
    }

    /** Shows the order under a new reference, price and shares (an Order Replace). */
    void replace(final int slot, final long reference, final long price, final long displayedShares) {
        references[slot] = reference;
        prices[slot] = price;
        shares[slot] = displayedShares;
    }

    long orderId(final int slot) {
        return orderIds[slot];
    }

    long reference(final int slot) {
        return references[slot];
    }

    int locate(final int slot) {
        return locates[slot];
    }

    boolean isBuy(final int slot) {
        return buys[slot];
    }

    long price(final int slot) {
        return prices[slot];
    }

    long shares(final int slot) {
        return shares[slot];
    }

    void shares(final int slot, final long displayedShares) {
        shares[slot] = displayedShares;
    }

    /** Orders shown now. */
    int size() {
        return slotByOrderId.size();
    }

    /**
     * One past the highest slot ever used: with {@link #isLive(int)}, a walk over every shown order in
     * slot order, which is the same on every run fed the same events.
     */
    int slotLimit() {
        return used;
    }

    boolean isLive(final int slot) {
        return live[slot];
    }

    /** Forgets every order (a new session starts with empty books). */
    void clear() {
        slotByOrderId.clear();
        java.util.Arrays.fill(live, 0, used, false);
        freeCount = 0;
        used = 0;
    }
}
