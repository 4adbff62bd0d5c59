package exchange.fix;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * One session's ClOrdIDs of the trading day, each with the long it names (an OrderID, or
 * {@link OrderRegistry#PENDING}), held in primitive arrays and no object per ClOrdID: an open-addressing
 * table of longs (per slot the ClOrdID's hash and its place in the text, then its value) and the ClOrdIDs'
 * characters one after the other, each after its length, in chunks of the text.
 *
 * <p>Why not a {@code ConcurrentHashMap<String, Long>}: a session's map grows all day, two ClOrdIDs per
 * cancelled order, and each entry of it was three objects (the String, the map's node, the boxed OrderID),
 * about 110 bytes that the young collections copied and the old generation then kept. Under a day's
 * orders those collections became the gateway's latency tail. Here a ClOrdID costs its characters and 32
 * bytes of table, in arrays with no references, which a collection neither scans nor, once large, copies.
 *
 * <p>Growth is spread over the writes that follow it, so that no write does more than a small, bounded
 * amount of work. (Re-inserting every ClOrdID at once, under the write lock, held the session's thread
 * and the report sender waiting on the lock for 6 ms at the 524,289th ClOrdID and 12 ms at the
 * 1,048,577th on a pre-touched heap, 17-46 ms on a fresh one, and copying the text to grow it up to 15 ms.)
 * When the table is half full a table twice as large is made and the old one kept: from then on each
 * write moves {@link #MIGRATED_SLOTS_PER_WRITE} of the old table's slots, in slot order, into the new one,
 * and a lookup looks in the new table, then in the old one for ClOrdIDs not moved yet. A write to a
 * ClOrdID still in the old table moves that ClOrdID first, so writes change the new table only and the old
 * one stays as it was until dropped. A table larger than {@link #SEGMENT_SLOT_BITS one segment} is made
 * one segment at a time, from when the table it replaces is a quarter full, so that no write allocates
 * (and the JVM zeroes) more than a segment of it (1 MB, or half a G1 region when that is more): made at
 * once, the new table took 0.7 ms at the 524,289th ClOrdID on a pre-touched heap and 13 ms on a fresh one. The text grows without copying, by one chunk of
 * {@code 1 << TEXT_CHUNK_BITS} characters at a time (a ClOrdID never straddles two); only the first chunk
 * starts small (a session that sends few orders takes 64 KB, not a chunk) and doubles up to that size, on the
 * first day.
 *
 * <p>A ClOrdID is never taken out: one given back ({@link #removeIf}) keeps its place with no value
 * ({@link #ABSENT}), and is the same ClOrdID's place when it is used again. {@link #clear} (a new trading
 * day) empties the index, drops a migration under way and keeps the new table, the next one's segments
 * made so far and the text's chunks for the next day.
 *
 * <p>Thread-safe. Writers (the session's thread; the ExecutionReport sender in the follow-up after a
 * restart and at the day's end) take the write lock of this session's index only; readers take none: they
 * read optimistically and read again under the read lock only when a write overlapped. A read that
 * overlaps a write may see the arrays half changed, a table and an old table that do not belong together,
 * or a chunk not made yet: so it checks every place it reads against the bounds of the arrays it holds
 * (a slot within its segment, a segment or a chunk made, a ClOrdID within its chunk) and gives up after
 * one pass over each table, the lock's validation then sending it round again.
 */
final class ClOrdIdIndex {
    /** The value of a ClOrdID the index does not hold (never used, or given back). */
    static final long ABSENT = Long.MIN_VALUE;
    /** Longest ClOrdID taken: the length is the character before the ClOrdID in the text. */
    static final int MAX_LENGTH = Character.MAX_VALUE;
    /**
     * Old slots moved into the new table by each write. A table of C slots grows when it holds C / 2
     * ClOrdIDs, into one of 2C slots, which is due to grow in its turn when it holds C, after C / 2 more
     * writes that each add a ClOrdID; its C old slots are moved after C / 8 writes, a quarter of those. So a
     * migration always ends before the next growth is due (were one still under way, the growth would
     * finish it first), and the new table, which counts the ClOrdIDs not moved yet, is never more than half
     * full. Eight slots are 128 bytes of the old table and about four ClOrdIDs re-inserted, well under a
     * microsecond, and lookups of ClOrdIDs not in the new table pay a second probe during a quarter of the
     * time between two growths only.
     */
    static final int MIGRATED_SLOTS_PER_WRITE = 8;
    private static final float MAX_LOAD = 0.5f;
    /**
     * G1's heap region size, or 0 when the JVM does not say (another collector). An array of half a region or
     * more is humongous: it is put in regions of its own and never copied by a collection. The segments and
     * the text's chunks are sized to be, so that the young collections never copy them: with segments of 1
     * MB in the 4 MB regions of a 6 GB heap, the segments that four sessions' tables took at their 524,289th
     * ClOrdIDs (some 400 MB) were copied by young collections into new old regions, pauses of 150-460 ms in
     * {@code bin/bench fix}.
     */
    private static final long REGION_BYTES = g1RegionBytes();
    /**
     * A table of more than one segment is in segments of {@code 1 << SEGMENT_SLOT_BITS} slots: 1 MB, or half
     * a G1 region when that is more (2 MB in a 6 GB heap), so never copied; and its growth never allocates
     * more than one segment in one write: the JVM zeroes what it allocates, and a table of 4 M slots made at
     * once took 1.2-1.5 ms on a pre-touched heap and 33-38 ms on a fresh one, whose pages are faulted in as
     * they are zeroed (a young collection that the allocation set off included).
     */
    static final int SEGMENT_SLOT_BITS = Math.max(16, log2(REGION_BYTES / 2 / 16));
    private static final int SEGMENT_SLOTS = 1 << SEGMENT_SLOT_BITS;
    private static final int SEGMENT_SLOT_MASK = SEGMENT_SLOTS - 1;
    /**
     * From a quarter full on, every 1024th ClOrdID added makes one segment of the next table. A table of C
     * slots (C at least a segment) takes C / 4 ClOrdIDs from a quarter full to half full, C / 4096 chances,
     * and the next table needs 2C / {@code 1 << SEGMENT_SLOT_BITS}, at most C / 32,768 segments: they are all
     * made, eight times over at least, before the growth, which then only swaps the tables.
     */
    private static final int SEGMENT_EVERY_ADDED = 1024;
    /** A chunk of the text is {@code 1 << 20} characters (2 MB), or half a G1 region when that is more: never copied. */
    static final int TEXT_CHUNK_BITS = Math.max(20, log2(REGION_BYTES / 2 / Character.BYTES));
    /** Chunks the key's 32 bits of place can name (place + 1 never 0 nor wrapping): about 4.29 billion characters. */
    static final int MAX_TEXT_CHUNKS = maxChunks(TEXT_CHUNK_BITS);
    /** Smallest chunk: a ClOrdID of {@link #MAX_LENGTH} and its length fill it. */
    private static final int MIN_TEXT_CHUNK_BITS = 16;
    private static final long PLACE_BITS = 0xFFFF_FFFFL;
    /** {@link #indexOf}: neither the key nor an empty slot in one pass (a read that overlapped a write). */
    private static final int NOWHERE = Integer.MIN_VALUE;

    private final StampedLock lock = new StampedLock();
    private final int textChunkBits;
    private final int maxTextChunks;
    /**
     * Per slot two longs: the key (the hash in the high half; in the low, the ClOrdID's place in the text
     * + 1, the place being its chunk {@code << textChunkBits |} its offset in the chunk; 0 empty), the value;
     * in segments of {@code 1 << SEGMENT_SLOT_BITS} slots, or one segment as long as the table when smaller.
     */
    private long[][] table;
    /** The table before the last growth, while its slots are moved into {@link #table}; null when all are. */
    private long[][] old;
    /** The next table's segments, made a few at a time before it is due (see {@link #SEGMENT_EVERY_ADDED}). */
    private long[][] next;
    private int nextMade;
    /** Slots of {@link #old} below this have been moved: their ClOrdIDs are in {@link #table}. */
    private int migrated;
    /** The text's chunks: all of {@code 1 << textChunkBits} characters but the first, which grows to it. */
    private char[][] chunks;
    /** Chunks made (kept over {@link #clear}); the array of chunks may be longer. */
    private int chunksMade;
    private int chunk;
    private int chunkUsed;
    /** ClOrdIDs in the table and in the old table's slots not moved yet, given back or not. */
    private int slotsUsed;
    private int size;

    /** @param initialSlots slots before the table first grows (a power of two); it grows when half full */
    ClOrdIdIndex(final int initialSlots) {
        this(initialSlots, TEXT_CHUNK_BITS, MAX_TEXT_CHUNKS);
    }

    /**
     * For tests: smaller text chunks, and fewer of them.
     *
     * @param textChunkBits a chunk is {@code 1 << textChunkBits} characters, at least 16 (a longest ClOrdID fits)
     * @param maxTextChunks chunks of the text at most, up to what the key's 32 bits of place can name
     */
    ClOrdIdIndex(final int initialSlots, final int textChunkBits, final int maxTextChunks) {
        if (Integer.bitCount(initialSlots) != 1) {
            throw new IllegalArgumentException("initialSlots must be a power of two: " + initialSlots);
        }
        if (textChunkBits < MIN_TEXT_CHUNK_BITS || textChunkBits > 30) {
            throw new IllegalArgumentException("textChunkBits must be 16-30: " + textChunkBits);
        }
        if (maxTextChunks < 1 || maxTextChunks > maxChunks(textChunkBits)) {
            throw new IllegalArgumentException(
                "maxTextChunks must be 1-" + maxChunks(textChunkBits) + ": " + maxTextChunks);
        }
        this.textChunkBits = textChunkBits;
        this.maxTextChunks = maxTextChunks;
        table = newTable(initialSlots);
        chunks = new char[Math.min(8, maxTextChunks)][];
        chunks[0] = new char[(int) Math.min(1L << textChunkBits, initialSlots * 8L)];
        chunksMade = 1;
    }

    /** @return G1's region size in bytes, 0 when the JVM has no such setting or does not say */
    private static long g1RegionBytes() {
        try {
            final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? 0 : Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue());
        } catch (final RuntimeException e) {
            return 0;
        }
    }

    /** @return the base-2 logarithm of {@code n}, rounded down; 0 for 1 or less */
    private static int log2(final long n) {
        return n <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(n);
    }

    private static int maxChunks(final int textChunkBits) {
        return (1 << (32 - textChunkBits)) - 1;
    }

    /** @return the ClOrdID's value, {@link #ABSENT} when the index does not hold it */
    long get(final String clOrdId) {
        final int hash = clOrdId.hashCode();
        final long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            final long value = find(table, old, chunks, clOrdId, hash);
            if (lock.validate(stamp)) {
                return value;
            }
        }
        final long locked = lock.readLock();
        try {
            return find(table, old, chunks, clOrdId, hash);
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
            if (keyAt(table, slot) != 0 && valueAt(table, slot) != ABSENT) {
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
            if (keyAt(table, slot) != 0 && valueAt(table, slot) == expected) {
                setValue(table, slot, ABSENT);
                size--;
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Forgets every ClOrdID, dropping a migration under way and keeping the largest arrays for the next day. */
    void clear() {
        final long stamp = lock.writeLock();
        try {
            for (final long[] segment : table) {
                Arrays.fill(segment, 0);
            }
            old = null;
            migrated = 0;
            chunk = 0;
            chunkUsed = 0;
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

    /**
     * @return slots in the table (for tests: it grows to twice as many when half are used), during a
     *     migration those of the new table, which holds every ClOrdID once the migration ends
     */
    int capacity() {
        final long stamp = lock.readLock();
        try {
            return slots(table);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** @return slots of the old table still to be moved into the new one (for tests: 0 when none is) */
    int slotsToMigrate() {
        final long stamp = lock.readLock();
        try {
            return old == null ? 0 : slots(old) - migrated;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Under the write lock: the ClOrdID's slot has the value, the slot and the text taken first when new. */
    private void set(final int found, final String clOrdId, final long value) {
        int slot = found;
        if (keyAt(table, slot) == 0) {
            if (clOrdId.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("ClOrdID longer than " + MAX_LENGTH + " characters");
            }
            if (slotsUsed + 1 > MAX_LOAD * slots(table)) {
                grow();
                slot = slotOf(clOrdId, clOrdId.hashCode());
            }
            setKey(table, slot, (long) clOrdId.hashCode() << 32 | (append(clOrdId) + 1));
            slotsUsed++;
            size++;
            prepareGrowth();
        } else if (valueAt(table, slot) == ABSENT) {
            size++; // given back before, used again
        }
        setValue(table, slot, value);
        if (old != null) {
            migrate(MIGRATED_SLOTS_PER_WRITE);
        }
    }

    /** @return the ClOrdID's place, its chunk and its offset there, after its length, appended */
    private long append(final String clOrdId) {
        final int length = clOrdId.length();
        final int chunkChars = 1 << textChunkBits;
        final int needed = chunkUsed + 1 + length; // within an int: both at most a chunk
        char[] text = chunks[chunk];
        if (needed > text.length) {
            if (needed <= chunkChars) {
                // only the first chunk is ever short, until it is a chunk long: copies of at most a chunk
                text = Arrays.copyOf(text, Math.min(chunkChars, Math.max(2 * text.length, needed)));
                chunks[chunk] = text;
            } else {
                text = nextChunk();
            }
        }
        text[chunkUsed] = (char) length;
        clOrdId.getChars(0, length, text, chunkUsed + 1);
        final long place = (long) chunk << textChunkBits | chunkUsed;
        chunkUsed += 1 + length;
        return place;
    }

    /** @return the next chunk, made unless kept from an earlier day, which becomes the one appended to */
    private char[] nextChunk() {
        if (chunk + 1 == chunksMade) {
            if (chunksMade == maxTextChunks) {
                throw new IllegalStateException("a session's ClOrdIDs of the day fill "
                    + ((long) maxTextChunks << textChunkBits) + " characters");
            }
            if (chunksMade == chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.min(maxTextChunks, 2 * chunks.length));
            }
            chunks[chunksMade++] = new char[1 << textChunkBits];
        }
        chunk++;
        chunkUsed = 0;
        return chunks[chunk];
    }

    /** Under the write lock, a ClOrdID added: one segment of the next table made, when its turn has come. */
    private void prepareGrowth() {
        final int slots = slots(table);
        if (slots < SEGMENT_SLOTS || slotsUsed <= slots / 4 || slotsUsed % SEGMENT_EVERY_ADDED != 0) {
            return; // a table of at most one segment is made at once: one segment's zeroing at most
        }
        if (next == null) {
            next = new long[2 * slots >> SEGMENT_SLOT_BITS][];
        }
        if (nextMade < next.length) {
            next[nextMade++] = new long[SEGMENT_SLOTS * 2];
        }
    }

    /**
     * A table twice as large, the present one kept as the old table whose slots the writes from now on
     * move. A migration is never under way here (see {@link #MIGRATED_SLOTS_PER_WRITE}), nor is a segment of
     * the next table still to be made (see {@link #SEGMENT_EVERY_ADDED}); if either were, it is finished
     * first, so that there are never more than two tables.
     */
    private void grow() {
        if (old != null) {
            migrate(slots(old) - migrated);
        }
        final int slots = 2 * slots(table);
        final long[][] grown;
        if (slots <= SEGMENT_SLOTS) {
            grown = newTable(slots);
        } else {
            if (next == null) {
                next = new long[slots >> SEGMENT_SLOT_BITS][];
            }
            while (nextMade < next.length) {
                next[nextMade++] = new long[SEGMENT_SLOTS * 2];
            }
            grown = next;
            next = null;
            nextMade = 0;
        }
        old = table;
        migrated = 0;
        table = grown;
    }

    /** Moves the old table's next slots, in slot order, into the table; drops the old table after its last. */
    private void migrate(final int slots) {
        final long[][] from = old;
        final long[][] to = table;
        final int mask = slots(to) - 1;
        final int end = Math.min(slots(from), migrated + slots);
        for (int i = migrated; i < end; i++) {
            final long key = keyAt(from, i);
            if (key != 0) {
                int slot = spread((int) (key >>> 32)) & mask;
                long there;
                while ((there = keyAt(to, slot)) != 0 && there != key) { // a place is one ClOrdID's
                    slot = (slot + 1) & mask;
                }
                if (there == 0) { // else moved already, by a write to it: the table has its value
                    setKey(to, slot, key);
                    setValue(to, slot, valueAt(from, i));
                }
            }
        }
        migrated = end;
        if (end == slots(from)) {
            old = null;
        }
    }

    /**
     * Under the write lock: the ClOrdID's slot in the table, moved there first when it is in the old table
     * (so that a write changes the table only), or the empty slot where it goes.
     */
    private int slotOf(final String clOrdId, final int hash) {
        final int at = indexOf(table, chunks, textChunkBits, clOrdId, hash);
        if (at >= 0) {
            return at;
        }
        final int slot = -at - 1; // the table is at most half full: there is an empty slot
        if (old != null) {
            final int was = indexOf(old, chunks, textChunkBits, clOrdId, hash);
            if (was >= 0) { // in a slot not moved yet: a moved one would be in the table
                setKey(table, slot, keyAt(old, was));
                setValue(table, slot, valueAt(old, was));
            }
        }
        return slot;
    }

    /**
     * Without the lock: the ClOrdID's value in the table, else in the old table. A ClOrdID moved, or written
     * to during the migration, is in the table and found there first, so its value in the old table, which
     * may be stale, is never read; hence no need of the migration point here. A read that overlapped a write
     * may answer wrong (a ClOrdID being moved seen in neither table), never out of the arrays' bounds.
     */
    private long find(final long[][] table, final long[][] old, final char[][] chunks,
                      final String clOrdId, final int hash) {
        final int at = indexOf(table, chunks, textChunkBits, clOrdId, hash);
        if (at >= 0) {
            return valueAt(table, at);
        }
        if (old != null) {
            final int was = indexOf(old, chunks, textChunkBits, clOrdId, hash);
            if (was >= 0) {
                return valueAt(old, was);
            }
        }
        return ABSENT;
    }

    /**
     * Reads without the lock may meet arrays being changed: every place read is checked against the bounds
     * of the arrays given (a segment, once made, never changes its length: a table is made whole before it
     * is the table), and the search ends after one pass over the table, whatever it meets.
     *
     * @return the ClOrdID's slot; else {@code -(slot + 1)} of the empty slot that ends its probe; else
     *     {@link #NOWHERE}, after a pass over a full table (only when a write overlapped)
     */
    private static int indexOf(final long[][] table, final char[][] chunks, final int textChunkBits,
                               final String clOrdId, final int hash) {
        final long[] first = table[0];
        if (first == null) {
            return NOWHERE;
        }
        final int mask = (table.length == 1 ? first.length / 2 : table.length << SEGMENT_SLOT_BITS) - 1;
        int slot = spread(hash) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            final long[] segment = table[slot >>> SEGMENT_SLOT_BITS];
            final int at = (slot & SEGMENT_SLOT_MASK) * 2;
            if (segment == null || at + 1 >= segment.length) {
                return NOWHERE;
            }
            final long key = segment[at];
            if (key == 0) {
                return -slot - 1;
            }
            if ((int) (key >>> 32) == hash && matches(chunks, textChunkBits, key, clOrdId)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return NOWHERE;
    }

    private static boolean matches(final char[][] chunks, final int textChunkBits,
                                   final long key, final String clOrdId) {
        final long place = (key & PLACE_BITS) - 1;
        final long chunk = place >> textChunkBits;
        if (chunk < 0 || chunk >= chunks.length) {
            return false;
        }
        final char[] text = chunks[(int) chunk];
        final int at = (int) (place & ((1 << textChunkBits) - 1));
        final int length = clOrdId.length();
        if (text == null || at + 1L + length > text.length || text[at] != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[at + 1 + i] != clOrdId.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return a table of the slots (a power of two), in segments when larger than one */
    private static long[][] newTable(final int slots) {
        if (slots <= SEGMENT_SLOTS) {
            return new long[][] {new long[slots * 2]};
        }
        final long[][] segments = new long[slots >> SEGMENT_SLOT_BITS][];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new long[SEGMENT_SLOTS * 2];
        }
        return segments;
    }

    /** @return slots of a table made whole (not for reads without the lock) */
    private static int slots(final long[][] table) {
        return table.length == 1 ? table[0].length / 2 : table.length << SEGMENT_SLOT_BITS;
    }

    private static long keyAt(final long[][] table, final int slot) {
        return table[slot >>> SEGMENT_SLOT_BITS][(slot & SEGMENT_SLOT_MASK) * 2];
    }

    private static long valueAt(final long[][] table, final int slot) {
        return table[slot >>> SEGMENT_SLOT_BITS][(slot & SEGMENT_SLOT_MASK) * 2 + 1];
    }

    private static void setKey(final long[][] table, final int slot, final long key) {
        table[slot >>> SEGMENT_SLOT_BITS][(slot & SEGMENT_SLOT_MASK) * 2] = key;
    }

    private static void setValue(final long[][] table, final int slot, final long value) {
        table[slot >>> SEGMENT_SLOT_BITS][(slot & SEGMENT_SLOT_MASK) * 2 + 1] = value;
    }

    /** The hash's bits mixed (Fibonacci hashing), so that ClOrdIDs counting up spread over the table. */
    private static int spread(final int hash) {
        final int h = hash * 0x9E3779B9;
        return h ^ h >>> 16;
    }
}
