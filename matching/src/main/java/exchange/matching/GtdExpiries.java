package exchange.matching;

/**
 * The expire times of GTD orders, earliest first: a binary min-heap of (expire time, order id),
 * ties broken by order id so that expiries happen in the same order on every replay.
 *
 * <p>An order that ends early stays in the heap until its time comes and is then skipped; when the
 * heap fills up, {@link #compact(OrderStore)} drops such entries.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class GtdExpiries {
    private final long[] times;
    private final long[] orderIds;
    private int size;

    GtdExpiries(final int capacity) {
        times = new long[capacity];
        orderIds = new long[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == times.length;
    }

    /** @return the earliest expire time; the heap must not be empty. */
    long earliestTime() {
        return times[0];
    }

    /** @return the order id of the earliest entry; the heap must not be empty. */
    long earliestOrderId() {
        return orderIds[0];
    }

    /**
     * @param timeNs  expire time
     * @param orderId the GTD order
     */
    void add(final long timeNs, final long orderId) {
        int i = size++;
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (!less(timeNs, orderId, times[parent], orderIds[parent])) {
                break;
            }
            times[i] = times[parent];
            orderIds[i] = orderIds[parent];
            i = parent;
        }
        times[i] = timeNs;
        orderIds[i] = orderId;
    }

    /** Removes the earliest entry; the heap must not be empty. */
    void removeEarliest() {
        final int last = --size;
        if (last == 0) {
            return;
        }
        final long t = times[last];
        final long id = orderIds[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && less(times[child + 1], orderIds[child + 1], times[child], orderIds[child])) {
                child++;
            }
            if (!less(times[child], orderIds[child], t, id)) {
                break;
            }
            times[i] = times[child];
            orderIds[i] = orderIds[child];
            i = child;
        }
        times[i] = t;
        orderIds[i] = id;
    }

    /**
     * Drops the entries of orders that are no longer live, and rebuilds the heap.
     *
     * @param orders to ask which orders are live
     */
    void compact(final OrderStore orders) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (orders.find(orderIds[i]) != OrderStore.NULL_SLOT) {
                times[kept] = times[i];
                orderIds[kept] = orderIds[i];
                kept++;
            }
        }
        final int n = kept;
        size = 0;
        for (int i = 0; i < n; i++) {
            final long t = times[i];
            final long id = orderIds[i];
            add(t, id);
        }
    }

    /**
     * Finds the expire time of an order; cold path (snapshots).
     *
     * @return the time, or 0 when the order has no entry
     */
    long expireTimeOf(final long orderId) {
        for (int i = 0; i < size; i++) {
            if (orderIds[i] == orderId) {
                return times[i];
            }
        }
        return 0;
    }

    /** @return the number of entries, stale ones included */
    int size() {
        return size;
    }

    /** @return order id of entry i, in heap order */
    long orderIdAt(final int i) {
        return orderIds[i];
    }

    /** @return expire time of entry i, in heap order */
    long timeAt(final int i) {
        return times[i];
    }

    private static boolean less(final long t1, final long id1, final long t2, final long id2) {
        return t1 < t2 || (t1 == t2 && id1 < id2);
    }
}
