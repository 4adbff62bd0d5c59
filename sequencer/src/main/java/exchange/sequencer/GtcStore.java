package exchange.sequencer;

import exchange.matching.Flyweight;
import exchange.matching.command.CommandType;
import exchange.matching.command.RestoreOrderCommand;
import net.openhft.chronicle.hash.ChecksumEntry;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The GTC store: the good-till orders that live on from one trading day to the next, in a persisted
 * Chronicle Map ({@code <dir>/gtc-orders.cm}), keyed by order id. Each value is the order's
 * {@link RestoreOrderCommand} record (state, fills, context) prefixed by its time priority:
 * <pre>
 *   0  priority (i64): when it last took its place in its level (or among the waiting stops), in the
 *      order of the events of the day: a lower value was there first
 *   8  the RestoreOrderCommand record
 * </pre>
 * One extra entry, under key {@link #META_KEY}, holds the trading date the set was saved for.
 *
 * <p>Written at end of day by {@link GtcRecorder}; read at start of day by {@link TradingDayDriver},
 * which restores the orders in priority order; each entry is removed when its order is back on the
 * book. Survives the process (it is a file), and a crash in the middle of a save (the save is redone).
 * The sizing it was made with is written down beside it ({@code gtc-orders.sizing}); opened with
 * another, it is made again with the new one, its orders kept.
 *
 * <p>A damaged file stops the opening with an {@link UncheckedIOException} that names it: an entry that
 * fails the checksum Chronicle Map keeps of it, or that does not hold its order's restore record, an
 * unreadable map, or a file emptied after it was made. Opened as it is, it would bring orders back with
 * another quantity or price, or none at all.
 */
public final class GtcStore implements AutoCloseable {
    /** Key of the entry holding the saved trading date. */
    public static final long META_KEY = Long.MIN_VALUE;
    private static final int PRIORITY_OFFSET = 0;
    private static final int RECORD_OFFSET = 8;
    private static final String FILE = "gtc-orders.cm";
    /** The map made again with a new sizing, until it takes the map file's place. */
    private static final String RESIZED_FILE = FILE + ".new";
    /** The sizing the map file was made with: "capacity mostOrders". */
    private static final String SIZING_FILE = "gtc-orders.sizing";
    private static final Logger LOG = LoggerFactory.getLogger(GtcStore.class);

    private final ChronicleMap<Long, byte[]> map;

    /** One saved order, as stored. */
    public record Saved(long orderId, long priority, byte[] record) {
        /** @return the restore command, wrapped over a copy of the record */
        public RestoreOrderCommand command() {
            final RestoreOrderCommand c = new RestoreOrderCommand();
            c.wrap(new UnsafeBuffer(record.clone()), 0);
            return c;
        }
    }

    /**
     * @param dir        where the map file lives; created if missing
     * @param capacity   GTC and GTD orders the store is sized for
     * @param mostOrders the most orders the engine can hold: the store grows to take that many good-till
     *                   orders when it must (more tiers, slower), so that an end of day never fails
     */
    public GtcStore(final Path dir, final long capacity, final long mostOrders) {
        try {
            Files.createDirectories(dir);
            final Path file = dir.resolve(FILE);
            final Path sizingFile = dir.resolve(SIZING_FILE);
            final String sizing = capacity + " " + mostOrders;
            final boolean sized = sizing.equals(readSizing(sizingFile));
            Files.deleteIfExists(dir.resolve(RESIZED_FILE));
            if (Files.exists(sizingFile) && Files.exists(file) && Files.size(file) == 0) {
                // Chronicle Map makes an empty file into a new, empty map; but this one was made (its sizing
                // was written down after it) and has lost what it held
                throw damaged(file, "the file is empty");
            }
            if (!sized && Files.exists(file)) {
                resize(file, capacity, mostOrders);
            }
            this.map = open(file, capacity, mostOrders);
            final String damage = damage(map);
            if (damage != null) {
                map.close();
                throw damaged(file, damage);
            }
            if (!sized) {
                final Path tmp = dir.resolve(SIZING_FILE + ".new");
                Files.writeString(tmp, sizing + "\n");
                Files.move(tmp, sizingFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the GTC store in " + dir, e);
        }
    }

    /** Makes the map file with this sizing, or opens it with the sizing it was made with. */
    private static ChronicleMap<Long, byte[]> open(final Path file, final long capacity, final long mostOrders)
        throws IOException {
        return ChronicleMapBuilder.of(Long.class, byte[].class)
            .name("gtc-orders")
            .entries(capacity)
            .averageValueSize(8 + 112 + 48)
            .maxBloatFactor(bloatFor(capacity, mostOrders))
            .createPersistedTo(file.toFile());
    }

    private static UncheckedIOException damaged(final Path file, final String what) {
        return new UncheckedIOException("the GTC store " + file + " is damaged, and the good-till orders it holds "
            + "cannot be restored from it; put back a copy from before the damage",
            new IOException(what));
    }

    /**
     * Checks every entry: Chronicle Map keeps a checksum of each entry of a persisted map, which it checks
     * only when asked; without this a damaged byte would bring an order back with another quantity or
     * price, or stop the start of day with an exception at every attempt.
     *
     * @return what is wrong, or {@code null} when every entry is sound
     */
    private static String damage(final ChronicleMap<Long, byte[]> map) {
        final String[] found = new String[1];
        try {
            map.forEachEntryWhile(e -> {
                final long key = e.key().get();
                if (e instanceof ChecksumEntry c && !c.checkSum()) {
                    found[0] = entryName(key) + " fails its checksum";
                } else {
                    found[0] = malformed(key, e.value().get());
                }
                return found[0] == null;
            });
        } catch (final RuntimeException | AssertionError e) {
            return "it cannot be read: " + e;
        }
        return found[0];
    }

    private static String entryName(final long key) {
        return key == META_KEY ? "the trading-date entry" : "the entry of order " + key;
    }

    /** @return what is wrong with an entry's value, or {@code null} */
    private static String malformed(final long key, final byte[] value) {
        if (key == META_KEY) {
            return value.length == 8 ? null : entryName(key) + " has " + value.length + " bytes, not 8";
        }
        final int length = value.length - RECORD_OFFSET;
        if (length < RestoreOrderCommand.CONTEXT_OFFSET + 1) {
            return entryName(key) + " is too short (" + value.length + " bytes)";
        }
        final UnsafeBuffer b = new UnsafeBuffer(value);
        if (Flyweight.typeCodeAt(b, RECORD_OFFSET) != CommandType.RESTORE_ORDER.code()
            || Flyweight.lengthAt(b, RECORD_OFFSET) != length
            || (b.getByte(RECORD_OFFSET + RestoreOrderCommand.CONTEXT_OFFSET) & 0xFF) != length - RestoreOrderCommand.CONTEXT_OFFSET - 1
            || b.getLong(RECORD_OFFSET + RestoreOrderCommand.ORDER_ID_OFFSET) != key) {
            return entryName(key) + " does not hold that order's restore record";
        }
        return null;
    }

    private static String readSizing(final Path sizingFile) throws IOException {
        return Files.exists(sizingFile) ? Files.readString(sizingFile).trim() : "";
    }

    /**
     * A map file keeps the sizing it was created with, whatever the builder says when it is opened again:
     * after a change of {@code exchange.gtc.capacity} or {@code exchange.engine.orders} (or from a version
     * that did not write the sizing down), its entries move to a new file made with the new sizing, which
     * then takes the old one's place in one rename. A crash before the rename leaves the old file as it
     * was (and the half-made one is deleted at the next start); after it, the new one is complete.
     */
    private static void resize(final Path file, final long capacity, final long mostOrders) throws IOException {
        final Path next = file.resolveSibling(RESIZED_FILE);
        try (ChronicleMap<Long, byte[]> old = open(file, capacity, mostOrders);
             ChronicleMap<Long, byte[]> resized = open(next, capacity, mostOrders)) {
            final String damage = damage(old); // before the copy gives each entry a new checksum
            if (damage != null) {
                throw damaged(file, damage);
            }
            for (final Map.Entry<Long, byte[]> e : old.entrySet()) {
                resized.put(e.getKey(), e.getValue());
            }
            LOG.info("GTC store resized for {} orders (up to {}): {} entries moved", capacity, mostOrders, resized.size());
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Chronicle Map takes about {@code entries x maxBloatFactor} entries before it refuses one; a tier
     * more than the ratio leaves room for segments that fill unevenly. Chronicle allows at most 1,000.
     */
    static double bloatFor(final long capacity, final long mostOrders) {
        final long ratio = (Math.max(mostOrders, capacity) + capacity - 1) / capacity;
        return ratio <= 1 ? 1.0 : Math.min(1_000, ratio + 1);
    }

    /** @return the trading date (yyyymmdd) of the last save, 0 when never saved */
    public int savedDate() {
        final byte[] meta = map.get(META_KEY);
        return meta == null ? 0 : new UnsafeBuffer(meta).getInt(0);
    }

    /**
     * Replaces the whole store with the orders living on after a trading day.
     *
     * @param tradingDate yyyymmdd of the day that ended
     * @param orders      the orders, each its priority and restore record
     */
    public void saveAll(final int tradingDate, final List<Saved> orders) {
        map.clear();
        for (final Saved s : orders) {
            final byte[] value = new byte[RECORD_OFFSET + s.record().length];
            final UnsafeBuffer b = new UnsafeBuffer(value);
            b.putLong(PRIORITY_OFFSET, s.priority());
            b.putBytes(RECORD_OFFSET, s.record());
            map.put(s.orderId(), value);
        }
        final byte[] meta = new byte[8];
        new UnsafeBuffer(meta).putInt(0, tradingDate);
        map.put(META_KEY, meta);
    }

    /** @return the orders still waiting to be restored, in priority order */
    public List<Saved> pending() {
        final List<Saved> orders = new ArrayList<>();
        for (final Map.Entry<Long, byte[]> e : map.entrySet()) {
            if (e.getKey() == META_KEY) {
                continue;
            }
            final byte[] value = e.getValue();
            final UnsafeBuffer b = new UnsafeBuffer(value);
            final byte[] record = new byte[value.length - RECORD_OFFSET];
            b.getBytes(RECORD_OFFSET, record);
            orders.add(new Saved(e.getKey(), b.getLong(PRIORITY_OFFSET), record));
        }
        orders.sort(Comparator.comparingLong(Saved::priority).thenComparingLong(Saved::orderId));
        return orders;
    }

    /** Forgets one order: it is back on the book (or could not be restored). */
    public void remove(final long orderId) {
        map.remove(orderId);
    }

    /** @return orders kept, the date entry not counted */
    public int size() {
        return (int) (map.longSize() - (map.containsKey(META_KEY) ? 1 : 0));
    }

    @Override
    public void close() {
        map.close();
    }
}
