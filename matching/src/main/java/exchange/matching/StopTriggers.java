package exchange.matching;

/**
 * Finds the stop orders that trades have triggered and hands them out in stop priority order (the
 * order they were entered, or last lost priority by a replace): buy stops at or below the highest
 * trade price, sell stops at or above the lowest, since the book's prints were last cleared.
 *
 * <p>Matching thread only. Never allocates after construction: the batch arrays hold every stop the
 * extras table can hold.
 */
final class StopTriggers {
    private final OrderStore orders;
    private final LevelStore stopLevels;
    private final long[] sequences;
    private final int[] slots;
    private int size;
    private long buyTriggerPrice;
    private long sellTriggerPrice;

    StopTriggers(final Books books, final int capacity) {
        this.orders = books.orders();
        this.stopLevels = books.stopLevels();
        this.sequences = new long[capacity];
        this.slots = new int[capacity];
    }

    /**
     * Takes every stop the book's prints trigger off its stop level (they stay marked waiting until
     * activated) and sorts them by stop priority.
     *
     * @return how many: read them with {@link #slotAt(int)}
     */
    int collect(final OrderBook book) {
        size = 0;
        buyTriggerPrice = book.highestPrint();
        sellTriggerPrice = book.lowestPrint();
        take(book.stops(false), false, buyTriggerPrice);
        take(book.stops(true), true, sellTriggerPrice);
        sort();
        return size;
    }

    /** @return the i-th triggered stop, in stop priority order */
    int slotAt(final int i) {
        return slots[i];
    }

    /** @return the trade price that triggered a collected stop of this side */
    long triggerPrice(final boolean sell) {
        return sell ? sellTriggerPrice : buyTriggerPrice;
    }

    private void take(final BookSide side, final boolean sell, final long printed) {
        while (!side.isEmpty()) {
            final int level = side.best();
            final long stopPrice = stopLevels.price(level);
            if (sell ? stopPrice < printed : stopPrice > printed) {
                return;
            }
            for (int slot = stopLevels.head(level); slot != OrderStore.NULL_SLOT; slot = orders.next(slot)) {
                sequences[size] = orders.stopSequence(slot);
                slots[size] = slot;
                size++;
            }
            side.removeBest();
            stopLevels.free(level);
        }
    }

    /** Heap sort by stop priority; sequences are distinct. */
    private void sort() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i, size);
        }
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
    }

    private void siftDown(final int from, final int end) {
        int i = from;
        while (true) {
            int child = 2 * i + 1;
            if (child >= end) {
                return;
            }
            if (child + 1 < end && sequences[child + 1] > sequences[child]) {
                child++;
            }
            if (sequences[i] >= sequences[child]) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(final int a, final int b) {
        final long sequence = sequences[a];
        sequences[a] = sequences[b];
        sequences[b] = sequence;
        final int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
