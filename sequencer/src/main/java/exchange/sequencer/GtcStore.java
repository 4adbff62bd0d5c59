package exchange.sequencer;

import exchange.matching.command.RestoreOrderCommand;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class GtcStore implements AutoCloseable {
    /** Key of the entry holding the saved trading date. */
    public static final long META_KEY = Long.MIN_VALUE;
    private static final int PRIORITY_OFFSET = 0;
    private static final int RECORD_OFFSET = 8;

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
            final File file = dir.resolve("gtc-orders.cm").toFile();
            this.map = ChronicleMapBuilder.of(Long.class, byte[].class)
                .name("gtc-orders")
                .entries(capacity)
                .averageValueSize(8 + 112 + 48)
                .maxBloatFactor(bloatFor(capacity, mostOrders))
                .createPersistedTo(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the GTC store in " + dir, e);
        }
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
