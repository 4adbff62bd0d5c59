package exchange.fix;

import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * One session's ClOrdIDs of the trading day, each with the long it names (an OrderID, or
 * {@link OrderRegistry#PENDING}), held in two primitive arrays and no object per ClOrdID: an open-addressing
 * table of longs (per slot the ClOrdID's hash and its place in the text, then its value) and the ClOrdIDs'
 * characters one after the other, each after its length.
 *
 * <p>Why not a {@code ConcurrentHashMap<String, Long>}: a session's map grows all day, two ClOrdIDs per
 * cancelled order, and each entry of it was three objects (the String, the map's node, the boxed OrderID),
 * about 110 bytes that the young collections copied and the old generation then kept. Under a day's
 * orders those collections became the gateway's latency tail. Here a ClOrdID costs its characters and 32
 * bytes of table, in arrays with no references, which a collection neither scans nor, once large, copies.
 *
 * <p>A ClOrdID is never taken out: one given back ({@link #removeIf}) keeps its place with no value
 * ({@link #ABSENT}), and is the same ClOrdID's place when it is used again. {@link #clear} (a new trading
 * day) empties the index and keeps its arrays for the next day.
 *
 * <p>Thread-safe. Writers (the session's thread; the ExecutionReport sender in the follow-up after a
 * restart and at the day's end) take the write lock of this session's index only; readers take none: they
 * read optimistically and read again under the read lock only when a write overlapped. A read that
 * overlaps a write may see the arrays half changed, so it checks every place it reads against the arrays'
 * bounds and gives up after one pass over the table, the lock's validation then sending it round again.
 */
final class ClOrdIdIndex {
    /** The value of a ClOrdID the index does not hold (never used, or given back). */
    static final long ABSENT = Long.MIN_VALUE;
    /** Longest ClOrdID taken: the length is the character before the ClOrdID in the text. */
    static final int MAX_LENGTH = Character.MAX_VALUE;
    private static final float MAX_LOAD = 0.5f;
    /** The longest array a JVM makes. */
    private static final int MAX_TEXT = Integer.MAX_VALUE - 8;

    private final StampedLock lock = new StampedLock();
    /** Per slot two longs: the key (the hash in the high half, place in {@link #text} + 1 in the low; 0 empty), the value. */
    private long[] table;
    private char[] text;
    private int textUsed;
    private int slotsUsed;
    private int size;

    /** @param initialSlots slots before the table first doubles (a power of two); it doubles when half full */
    ClOrdIdIndex(final int initialSlots) {
        if (Integer.bitCount(initialSlots) != 1) {
            throw new IllegalArgumentException("initialSlots must be a power of two: " + initialSlots);
        }
        table = new long[initialSlots * 2];
        text = new char[initialSlots * 8];
    }

    /** @return the ClOrdID's value, {@link #ABSENT} when the index does not hold it */
    long get(final String clOrdId) {
        final int hash = clOrdId.hashCode();
        final long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            final long value = find(table, text, clOrdId, hash);
            if (lock.validate(stamp)) {
                return value;
            }
        }
        final long locked = lock.readLock();
        try {
            return find(table, text, clOrdId, hash);
        } finally {
            lock.unlockRead(locked);
        }
    }

    /**
     * @param value not {@link #ABSENT}
     * @return true when the ClOrdID was absent and now has the value; false when it had one already
     */
    boolean putIfAbsent(final String clOrdId, final long value) {
        final long stamp = lock.writeLock();
        try {
            final int slot = slotOf(clOrdId, clOrdId.hashCode());
            if (table[slot * 2] != 0 && table[slot * 2 + 1] != ABSENT) {
                return false;
            }
            set(slot, clOrdId, value);
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** @param value not {@link #ABSENT}: the ClOrdID's value from now on */
    void put(final String clOrdId, final long value) {
        final long stamp = lock.writeLock();
        try {
            set(slotOf(clOrdId, clOrdId.hashCode()), clOrdId, value);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Gives the ClOrdID back when its value is the one expected. */
    void removeIf(final String clOrdId, final long expected) {
        final long stamp = lock.writeLock();
        try {
            final int slot = slotOf(clOrdId, clOrdId.hashCode());
            if (table[slot * 2] != 0 && table[slot * 2 + 1] == expected) {
                table[slot * 2 + 1] = ABSENT;
                size--;
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Forgets every ClOrdID, keeping the arrays as large as the day made them. */
    void clear() {
        final long stamp = lock.writeLock();
        try {
            Arrays.fill(table, 0);
            textUsed = 0;
            slotsUsed = 0;
            size = 0;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** @return ClOrdIDs held */
    int size() {
        final long stamp = lock.readLock();
        try {
            return size;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** @return slots in the table (for tests: it doubles when half are used) */
    int capacity() {
        final long stamp = lock.readLock();
        try {
            return table.length / 2;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Under the write lock: the ClOrdID's slot has the value, the slot and the text taken first when new. */
    private void set(final int found, final String clOrdId, final long value) {
        int slot = found;
        if (table[slot * 2] == 0) {
            if (clOrdId.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("ClOrdID longer than " + MAX_LENGTH + " characters");
            }
            if (slotsUsed + 1 > MAX_LOAD * (table.length / 2)) {
                grow();
                slot = slotOf(clOrdId, clOrdId.hashCode());
            }
            table[slot * 2] = (long) clOrdId.hashCode() << 32 | (append(clOrdId) + 1L);
            slotsUsed++;
            size++;
        } else if (table[slot * 2 + 1] == ABSENT) {
            size++; // given back before, used again
        }
        table[slot * 2 + 1] = value;
    }

    /** @return the ClOrdID's place in the text, after its length, appended */
    private int append(final String clOrdId) {
        final int length = clOrdId.length();
        final long needed = (long) textUsed + 1 + length;
        if (needed > text.length) {
            if (needed > MAX_TEXT) {
                throw new IllegalStateException("a session's ClOrdIDs of the day fill " + MAX_TEXT + " characters");
            }
            text = Arrays.copyOf(text, (int) Math.min(MAX_TEXT, Math.max(2L * text.length, needed)));
        }
        text[textUsed] = (char) length;
        clOrdId.getChars(0, length, text, textUsed + 1);
        final int at = textUsed;
        textUsed += 1 + length;
        return at;
    }

    private void grow() {
        final long[] old = table;
        final long[] grown = new long[old.length * 2];
        final int mask = grown.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            final long key = old[i];
            if (key != 0) {
                int slot = spread((int) (key >>> 32)) & mask;
                while (grown[slot * 2] != 0) {
                    slot = (slot + 1) & mask;
                }
                grown[slot * 2] = key;
                grown[slot * 2 + 1] = old[i + 1];
            }
        }
        table = grown;
    }

    /** Under the write lock: the ClOrdID's slot, or the empty slot where it goes. */
    private int slotOf(final String clOrdId, final int hash) {
        final int mask = table.length / 2 - 1;
        int slot = spread(hash) & mask;
        while (true) {
            final long key = table[slot * 2];
            if (key == 0 || (int) (key >>> 32) == hash && matches(text, (int) key - 1, clOrdId)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Reads without the lock may meet arrays being changed: every place read is checked against the
     * arrays' bounds, and the search ends after one pass over the table, whatever it meets.
     */
    private static long find(final long[] table, final char[] text, final String clOrdId, final int hash) {
        final int mask = table.length / 2 - 1;
        int slot = spread(hash) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            final long key = table[slot * 2];
            if (key == 0) {
                return ABSENT;
            }
            if ((int) (key >>> 32) == hash && matches(text, (int) key - 1, clOrdId)) {
                return table[slot * 2 + 1];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    private static boolean matches(final char[] text, final int at, final String clOrdId) {
        final int length = clOrdId.length();
        if (at < 0 || at + 1 + length > text.length || text[at] != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[at + 1 + i] != clOrdId.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The hash's bits mixed (Fibonacci hashing), so that ClOrdIDs counting up spread over the table. */
    private static int spread(final int hash) {
        final int h = hash * 0x9E3779B9;
        return h ^ h >>> 16;
    }
}
