package exchange.matching;

/**
 * Every live order of the engine, in one pre-allocated {@code long[]}: eight longs (64 bytes) per
 * order, no objects, no garbage. An order is addressed by its slot; a free list hands slots out and
 * takes them back. An open-addressing index maps order ids to slots, storing only {@code slot + 1}
 * and comparing against the id kept in the slot, so it costs 8 bytes per order at half load.
 *
 * <pre>
 *  word 0  order id
 *  word 1  limit price (1/10,000)
 *  word 2  order qty (total, fills included)
 *  word 3  cum qty
 *  word 4  cum notional (sum of px x qty of fills); while a stop waits: its stop priority sequence
 *  word 5  links: previous slot (high int) | next slot (low int), in its level's FIFO or the free list
 *  word 6  level (high int) | flags (low int): book id (bits 0..15), sell (16), order type (17..19),
 *          time in force (20..22), instructions (23..29), has extras (30), waiting stop (31)
 *  word 7  session (bits 48..63) | firm (bits 32..47) | account (low int)
 * </pre>
 *
 * <p>Rarer attributes (stop price, iceberg peak) live in {@link OrderExtras}, so the common order
 * pays nothing for them.
 *
 * <p>Matching thread only. Never allocates after construction. {@link #allocate()} returns
 * {@link #NULL_SLOT} when full: the caller rejects the order.
 */
final class OrderStore {
    static final int NULL_SLOT = -1;
    static final int STRIDE = 8;

    private static final int ORDER_ID = 0;
    private static final int PRICE = 1;
    private static final int ORDER_QTY = 2;
    private static final int CUM_QTY = 3;
    private static final int CUM_NOTIONAL = 4;
    private static final int LINKS = 5;
    private static final int META = 6;
    private static final int OWNER = 7;

    // Flags, the low int of word 6.
    static final int BOOK_MASK = 0xFFFF;
    static final int SIDE_SELL = 1 << 16;
    static final int TYPE_SHIFT = 17;
    static final int TYPE_MASK = 0x7 << TYPE_SHIFT;
    /**
     * Set in the flags of an order with a limit price: LIMIT and STOP_LIMIT are the odd ordinals of
     * {@link OrderType} (checked below), so one bit tells them from MARKET and STOP.
     */
    static final int LIMIT_PRICED = 1 << TYPE_SHIFT;
    /** Set in the flags of a stop or stop-limit order: STOP and STOP_LIMIT are ordinals 2 and 3 (checked below). */
    static final int STOP_TYPE = 2 << TYPE_SHIFT;
    static final int TIF_SHIFT = 20;
    static final int TIF_MASK = 0x7 << TIF_SHIFT;
    static final int INSTRUCTIONS_SHIFT = 23;
    static final int INSTRUCTIONS_MASK = 0x7F << INSTRUCTIONS_SHIFT;
    /** Within the instructions: post-only (NewOrderCommand.POST_ONLY). */
    static final int POST_ONLY_INSTRUCTION = 1;
    /** Within the instructions: the self-trade prevention code, bits 4..6. */
    static final int STP_INSTRUCTION_SHIFT = 4;
    static final int STP_INSTRUCTION_MASK = 0x7 << STP_INSTRUCTION_SHIFT;
    static final int HAS_EXTRAS = 1 << 30;
    static final int WAITING_STOP = 1 << 31;

    private static final long LOW_INT = 0xFFFF_FFFFL;

    private final long[] data;
    private final int capacity;
    private final int[] index;
    private final int indexMask;
    private int freeHead;
    private int size;

    /**
     * @param capacity most live orders, at least 1
     */
    OrderStore(final int capacity) {
        // capacity * STRIDE words in one array, whose length is an int: 2^28 orders would be 2^31 words
        if (capacity < 1 || capacity > (1 << 28) - 1) {
            throw new IllegalArgumentException("order capacity must be 1 to 2^28 - 1: " + capacity);
        }
        this.capacity = capacity;
        this.data = new long[capacity * STRIDE];
        final int indexSize = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
        this.index = new int[indexSize];
        this.indexMask = indexSize - 1;
        for (int slot = 0; slot < capacity; slot++) {
            setNext(slot, slot + 1 < capacity ? slot + 1 : NULL_SLOT);
        }
        freeHead = 0;
    }

    /** @return most live orders. */
    int capacity() {
        return capacity;
    }

    /** @return live orders. */
    int size() {
        return size;
    }

    /** @return true when no slot is free. */
    boolean isFull() {
        return size == capacity;
    }

    /**
     * Takes a free slot and files it under an order id.
     *
     * @param orderId new order's id, not already live
     * @return the slot, or {@link #NULL_SLOT} when full
     */
    int allocate(final long orderId) {
        final int slot = freeHead;
        if (slot == NULL_SLOT) {
            return NULL_SLOT;
        }
        freeHead = next(slot);
        size++;
        final int base = slot * STRIDE;
        data[base + ORDER_ID] = orderId;
        data[base + CUM_QTY] = 0;
        data[base + CUM_NOTIONAL] = 0;
        data[base + LINKS] = -1L;
        insertIndex(orderId, slot);
        return slot;
    }

    /**
     * Returns a slot to the free list and drops its order id from the index.
     *
     * @param slot a live order's slot
     */
    void free(final int slot) {
        removeIndex(data[slot * STRIDE + ORDER_ID], slot);
        data[slot * STRIDE + ORDER_ID] = 0;
        setNext(slot, freeHead);
        freeHead = slot;
        size--;
    }

    /**
     * @param orderId an order id
     * @return the live order's slot, or {@link #NULL_SLOT}
     */
    int find(final long orderId) {
        int pos = hash(orderId);
        while (true) {
            final int entry = index[pos];
            if (entry == 0) {
                return NULL_SLOT;
            }
            if (data[(entry - 1) * STRIDE + ORDER_ID] == orderId) {
                return entry - 1;
            }
            pos = (pos + 1) & indexMask;
        }
    }

    /**
     * Order ids are command sequences, so live orders cluster in time. The home of an id is twice the
     * id, modulo the index size: a new order's entry is next to the previous order's (the index is
     * written front to back, which the prefetcher follows), the orders still live sit in the few lines
     * and pages of the recent ids, and the odd position after each home is free for an id that finds
     * its home taken (only by an id half an index size away), so probe chains, and the walk of a
     * backward-shift deletion, end after one or two entries.
     */
    private int hash(final long orderId) {
        return (int) (orderId << 1) & indexMask;
    }

    private void insertIndex(final long orderId, final int slot) {
        int pos = hash(orderId);
        while (index[pos] != 0) {
            pos = (pos + 1) & indexMask;
        }
        index[pos] = slot + 1;
    }

    private void removeIndex(final long orderId, final int slot) {
        int pos = hash(orderId);
        while (index[pos] != slot + 1) {
            pos = (pos + 1) & indexMask;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int gap = pos;
        int next = (gap + 1) & indexMask;
        while (index[next] != 0) {
            final int home = hash(data[(index[next] - 1) * STRIDE + ORDER_ID]);
            if (((next - home) & indexMask) >= ((next - gap) & indexMask)) {
                index[gap] = index[next];
                gap = next;
            }
            next = (next + 1) & indexMask;
        }
        index[gap] = 0;
    }

    long orderId(final int slot) {
        return data[slot * STRIDE + ORDER_ID];
    }

    long price(final int slot) {
        return data[slot * STRIDE + PRICE];
    }

    void price(final int slot, final long price) {
        data[slot * STRIDE + PRICE] = price;
    }

    long orderQty(final int slot) {
        return data[slot * STRIDE + ORDER_QTY];
    }

    void orderQty(final int slot, final long qty) {
        data[slot * STRIDE + ORDER_QTY] = qty;
    }

    /**
     * Takes quantity off an order without a fill (self-trade prevention's decrement): order qty and
     * leaves go down together.
     *
     * @param slot the order
     * @param qty  at most its leaves
     */
    void reduceQty(final int slot, final long qty) {
        data[slot * STRIDE + ORDER_QTY] -= qty;
    }

    long cumQty(final int slot) {
        return data[slot * STRIDE + CUM_QTY];
    }

    /** @return order qty minus cum qty. */
    long leavesQty(final int slot) {
        final int base = slot * STRIDE;
        return data[base + ORDER_QTY] - data[base + CUM_QTY];
    }

    long cumNotional(final int slot) {
        return data[slot * STRIDE + CUM_NOTIONAL];
    }

    /**
     * Records a fill.
     *
     * @param slot  the order
     * @param qty   filled quantity
     * @param price fill price
     */
    void fill(final int slot, final long qty, final long price) {
        final int base = slot * STRIDE;
        data[base + CUM_QTY] += qty;
        data[base + CUM_NOTIONAL] += qty * price;
    }

    /**
     * Sets the fills of a restored order.
     *
     * @param slot        the order
     * @param cumQty      filled quantity
     * @param cumNotional sum of px x qty of its fills
     */
    void restoreFills(final int slot, final long cumQty, final long cumNotional) {
        final int base = slot * STRIDE;
        data[base + CUM_QTY] = cumQty;
        data[base + CUM_NOTIONAL] = cumNotional;
    }

    /** @return a waiting stop's priority sequence (the notional word, unused until it triggers). */
    long stopSequence(final int slot) {
        return data[slot * STRIDE + CUM_NOTIONAL];
    }

    void stopSequence(final int slot, final long sequence) {
        data[slot * STRIDE + CUM_NOTIONAL] = sequence;
    }

    int prev(final int slot) {
        return (int) (data[slot * STRIDE + LINKS] >> 32);
    }

    int next(final int slot) {
        return (int) data[slot * STRIDE + LINKS];
    }

    void setPrev(final int slot, final int prev) {
        final int i = slot * STRIDE + LINKS;
        data[i] = ((long) prev << 32) | (data[i] & LOW_INT);
    }

    void setNext(final int slot, final int next) {
        final int i = slot * STRIDE + LINKS;
        data[i] = (data[i] & ~LOW_INT) | (next & LOW_INT);
    }

    void setLinks(final int slot, final int prev, final int next) {
        data[slot * STRIDE + LINKS] = ((long) prev << 32) | (next & LOW_INT);
    }

    int level(final int slot) {
        return (int) (data[slot * STRIDE + META] >> 32);
    }

    void level(final int slot, final int level) {
        final int i = slot * STRIDE + META;
        data[i] = ((long) level << 32) | (data[i] & LOW_INT);
    }

    int flags(final int slot) {
        return (int) data[slot * STRIDE + META];
    }

    void flags(final int slot, final int flags) {
        final int i = slot * STRIDE + META;
        data[i] = (data[i] & ~LOW_INT) | (flags & LOW_INT);
    }

    int bookId(final int slot) {
        return flags(slot) & BOOK_MASK;
    }

    boolean isSell(final int slot) {
        return (flags(slot) & SIDE_SELL) != 0;
    }

    int sessionId(final int slot) {
        return (int) (data[slot * STRIDE + OWNER] >>> 48);
    }

    int firmId(final int slot) {
        return (int) (data[slot * STRIDE + OWNER] >>> 32) & 0xFFFF;
    }

    int accountId(final int slot) {
        return (int) data[slot * STRIDE + OWNER];
    }

    /**
     * @return the owner word: session (bits 48..63), firm (32..47), account (low int); masked, it
     *         compares two orders' owners in one instruction (self-trade prevention)
     */
    long owner(final int slot) {
        return data[slot * STRIDE + OWNER];
    }

    void owner(final int slot, final int sessionId, final int firmId, final int accountId) {
        data[slot * STRIDE + OWNER] = ((long) (sessionId & 0xFFFF) << 48) | ((long) (firmId & 0xFFFF) << 32)
            | (accountId & LOW_INT);
    }

    /**
     * Packs the order's fixed attributes into a flags word.
     *
     * @return the flags
     */
    static int packFlags(final int bookId, final boolean sell, final OrderType type, final TimeInForce tif,
                         final int instructions) {
        return (bookId & BOOK_MASK) | (sell ? SIDE_SELL : 0) | (type.ordinal() << TYPE_SHIFT)
            | (tif.ordinal() << TIF_SHIFT) | ((instructions << INSTRUCTIONS_SHIFT) & INSTRUCTIONS_MASK);
    }

    static OrderType type(final int flags) {
        return ORDER_TYPES[(flags & TYPE_MASK) >>> TYPE_SHIFT];
    }

    static TimeInForce tif(final int flags) {
        return TIFS[(flags & TIF_MASK) >>> TIF_SHIFT];
    }

    static int instructions(final int flags) {
        return (flags & INSTRUCTIONS_MASK) >>> INSTRUCTIONS_SHIFT;
    }

    private static final OrderType[] ORDER_TYPES = OrderType.values();

    static {
        for (final OrderType t : ORDER_TYPES) {
            if (((t.ordinal() & 1) == 1) != t.hasLimitPrice()) {
                throw new ExceptionInInitializerError("OrderType order breaks LIMIT_PRICED: " + t);
            }
            if (((t.ordinal() & 2) == 2) != t.isStop()) {
                throw new ExceptionInInitializerError("OrderType order breaks STOP_TYPE: " + t);
            }
        }
    }
    private static final TimeInForce[] TIFS = TimeInForce.values();
}
