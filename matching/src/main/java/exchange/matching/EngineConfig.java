package exchange.matching;

/**
 * Sizes of the engine's pre-allocated stores. Everything is allocated once, at construction; a full
 * store makes the engine reject, never grow.
 *
 * <p>Immutable.
 */
public final class EngineConfig {
    /** Default most live orders across all books: 1,048,576 (64 MB of order store). */
    public static final int DEFAULT_ORDER_CAPACITY = 1 << 20;
    /** Default most price levels across all books and sides. */
    public static final int DEFAULT_LEVEL_CAPACITY = 1 << 16;
    /** Default most orders with extras (stops, icebergs) at once. */
    public static final int DEFAULT_EXTRAS_CAPACITY = 1 << 16;
    /** Default most GTD expiries waiting at once. */
    public static final int DEFAULT_GTD_CAPACITY = 1 << 16;

    private final int orderCapacity;
    private final int levelCapacity;
    private final int extrasCapacity;
    private final int gtdCapacity;

    private EngineConfig(final int orderCapacity, final int levelCapacity, final int extrasCapacity,
                         final int gtdCapacity) {
        this.orderCapacity = orderCapacity;
        this.levelCapacity = levelCapacity;
        this.extrasCapacity = extrasCapacity;
        this.gtdCapacity = gtdCapacity;
    }

    /** @return a configuration with the default sizes. */
    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_ORDER_CAPACITY, DEFAULT_LEVEL_CAPACITY, DEFAULT_EXTRAS_CAPACITY,
            DEFAULT_GTD_CAPACITY);
    }

    /** @param capacity most live orders @return a copy with that capacity */
    public EngineConfig orderCapacity(final int capacity) {
        return new EngineConfig(capacity, levelCapacity, extrasCapacity, gtdCapacity);
    }

    /** @param capacity most price levels @return a copy with that capacity */
    public EngineConfig levelCapacity(final int capacity) {
        return new EngineConfig(orderCapacity, capacity, extrasCapacity, gtdCapacity);
    }

    /** @param capacity most orders with extras @return a copy with that capacity */
    public EngineConfig extrasCapacity(final int capacity) {
        return new EngineConfig(orderCapacity, levelCapacity, capacity, gtdCapacity);
    }

    /** @param capacity most GTD expiries waiting at once @return a copy with that capacity */
    public EngineConfig gtdCapacity(final int capacity) {
        return new EngineConfig(orderCapacity, levelCapacity, extrasCapacity, capacity);
    }

    public int gtdCapacity() {
        return gtdCapacity;
    }

    public int orderCapacity() {
        return orderCapacity;
    }

    public int levelCapacity() {
        return levelCapacity;
    }

    public int extrasCapacity() {
        return extrasCapacity;
    }

    @Override
    public String toString() {
        return "EngineConfig{orderCapacity=" + orderCapacity + ", levelCapacity=" + levelCapacity
            + ", extrasCapacity=" + extrasCapacity + ", gtdCapacity=" + gtdCapacity + "}";
    }
}
