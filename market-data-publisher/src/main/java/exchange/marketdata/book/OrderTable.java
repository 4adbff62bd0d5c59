package exchange.marketdata.book;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The live orders of every book, by Order Reference Number (unique across the day's feed): stock
 * locate, side, price and remaining shares in parallel arrays, slots reused through a free list, and
 * the links that queue the orders of one price level in time priority ({@link PriceLevels} holds each
 * queue's head and tail). Single-threaded; grows by doubling when full (the only allocation).
 */
final class OrderTable {
    static final int NOT_FOUND = -1;

    private final Long2LongHashMap slotsByReference;
    private long[] references;
    private int[] locates;
    private boolean[] buys;
    private long[] prices;
    private long[] shares;
    private int[] previous;
    private int[] next;
    private int[] freeSlots;
    private int freeCount;
    private int used;

    OrderTable(final int initialCapacity) {
        slotsByReference = new Long2LongHashMap(initialCapacity * 2, 0.65f, NOT_FOUND);
        references = new long[initialCapacity];
        locates = new int[initialCapacity];
        buys = new boolean[initialCapacity];
        prices = new long[initialCapacity];
        shares = new long[initialCapacity];
        previous = new int[initialCapacity];
        next = new int[initialCapacity];
        freeSlots = new int[initialCapacity];
    }

    int size() {
        return slotsByReference.size();
    }

    int find(final long reference) {
        return (int)slotsByReference.get(reference);
    }

    /** @return the new order's slot, or {@link #NOT_FOUND} if the reference is already live (nothing added). */
    int add(final long reference, final int locate, final boolean buy, final long price, final long orderShares) {
        if (slotsByReference.containsKey(reference)) {
            return NOT_FOUND;
        }
        final int slot = freeCount > 0 ? freeSlots[--freeCount] : nextSlot();
        references[slot] = reference;
        locates[slot] = locate;
        buys[slot] = buy;
        prices[slot] = price;
        shares[slot] = orderShares;
        slotsByReference.put(reference, slot);
        return slot;
    }

    void remove(final int slot) {
        slotsByReference.remove(references[slot]);
        freeSlots[freeCount++] = slot;
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

    void shares(final int slot, final long remaining) {
        shares[slot] = remaining;
    }

    /** The order queued before this one at its level, or {@link #NOT_FOUND} at the head. */
    int previous(final int slot) {
        return previous[slot];
    }

    /** The order queued after this one at its level, or {@link #NOT_FOUND} at the tail. */
    int next(final int slot) {
        return next[slot];
    }

    void previous(final int slot, final int previousSlot) {
        previous[slot] = previousSlot;
    }

    void next(final int slot, final int nextSlot) {
        next[slot] = nextSlot;
    }

    /** Calls {@code consumer} with the slot of every live order, in no particular order. */
    void forEachSlot(final IntConsumer consumer) {
        slotsByReference.forEachLong((reference, slot) -> consumer.accept((int)slot));
    }

    private int nextSlot() {
        if (used == references.length) {
            final int capacity = references.length * 2;
            references = Arrays.copyOf(references, capacity);
            locates = Arrays.copyOf(locates, capacity);
            buys = Arrays.copyOf(buys, capacity);
            prices = Arrays.copyOf(prices, capacity);
            shares = Arrays.copyOf(shares, capacity);
            previous = Arrays.copyOf(previous, capacity);
            next = Arrays.copyOf(next, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return used++;
    }
}
