package exchange.matching;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The engine's configuration: sizes of its pre-allocated stores, and self-trade prevention (which
 * orders count as one owner, and each firm's default mode). Everything is allocated once, at
 * construction; a full store makes the engine reject, never grow.
 *
 * <p>Immutable: every setter returns a copy.
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
    /** Highest firm id: firms are 16-bit in the order store. */
    public static final int MAX_FIRM_ID = 0xFFFF;

    private final int orderCapacity;
    private final int levelCapacity;
    private final int extrasCapacity;
    private final int gtdCapacity;
    private final SelfTradeScope selfTradeScope;
    private final SelfTradePrevention defaultSelfTradePrevention;
    private final Map<Integer, SelfTradePrevention> firmSelfTradePrevention;

    private EngineConfig(final int orderCapacity, final int levelCapacity, final int extrasCapacity,
                         final int gtdCapacity, final SelfTradeScope selfTradeScope,
                         final SelfTradePrevention defaultSelfTradePrevention,
                         final Map<Integer, SelfTradePrevention> firmSelfTradePrevention) {
        this.orderCapacity = orderCapacity;
        this.levelCapacity = levelCapacity;
        this.extrasCapacity = extrasCapacity;
        this.gtdCapacity = gtdCapacity;
        this.selfTradeScope = selfTradeScope;
        this.defaultSelfTradePrevention = defaultSelfTradePrevention;
        this.firmSelfTradePrevention = firmSelfTradePrevention;
    }

    /**
     * @return a configuration with the default sizes, self-trade prevention scoped to the firm and
     *         off ({@link SelfTradePrevention#NONE}) for every firm
     */
    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_ORDER_CAPACITY, DEFAULT_LEVEL_CAPACITY, DEFAULT_EXTRAS_CAPACITY,
            DEFAULT_GTD_CAPACITY, SelfTradeScope.FIRM, SelfTradePrevention.NONE, Map.of());
    }

    /** @param capacity most live orders @return a copy with that capacity */
    public EngineConfig orderCapacity(final int capacity) {
        return new EngineConfig(capacity, levelCapacity, extrasCapacity, gtdCapacity, selfTradeScope,
            defaultSelfTradePrevention, firmSelfTradePrevention);
    }

    /** @param capacity most price levels @return a copy with that capacity */
    public EngineConfig levelCapacity(final int capacity) {
        return new EngineConfig(orderCapacity, capacity, extrasCapacity, gtdCapacity, selfTradeScope,
            defaultSelfTradePrevention, firmSelfTradePrevention);
    }

    /** @param capacity most orders with extras (stops, icebergs) @return a copy with that capacity */
    public EngineConfig extrasCapacity(final int capacity) {
        return new EngineConfig(orderCapacity, levelCapacity, capacity, gtdCapacity, selfTradeScope,
            defaultSelfTradePrevention, firmSelfTradePrevention);
    }

    /** @param capacity most GTD expiries waiting at once @return a copy with that capacity */
    public EngineConfig gtdCapacity(final int capacity) {
        return new EngineConfig(orderCapacity, levelCapacity, extrasCapacity, capacity, selfTradeScope,
            defaultSelfTradePrevention, firmSelfTradePrevention);
    }

    /**
     * @param scope which orders count as one owner for self-trade prevention
     * @return a copy with that scope
     */
    public EngineConfig selfTradeScope(final SelfTradeScope scope) {
        return new EngineConfig(orderCapacity, levelCapacity, extrasCapacity, gtdCapacity,
            Objects.requireNonNull(scope, "scope"), defaultSelfTradePrevention, firmSelfTradePrevention);
    }

    /**
     * @param mode the self-trade prevention of every firm that has no mode of its own
     * @return a copy with that default
     */
    public EngineConfig selfTradePrevention(final SelfTradePrevention mode) {
        return new EngineConfig(orderCapacity, levelCapacity, extrasCapacity, gtdCapacity, selfTradeScope,
            Objects.requireNonNull(mode, "mode"), firmSelfTradePrevention);
    }

    /**
     * @param firmId a firm, 1 to {@link #MAX_FIRM_ID}
     * @param mode   its self-trade prevention, for orders that do not name their own
     * @return a copy with that firm's mode
     * @throws IllegalArgumentException for a firm id out of range
     */
    public EngineConfig firmSelfTradePrevention(final int firmId, final SelfTradePrevention mode) {
        if (firmId < 1 || firmId > MAX_FIRM_ID) {
            throw new IllegalArgumentException("firm id must be 1 to " + MAX_FIRM_ID + ": " + firmId);
        }
        final TreeMap<Integer, SelfTradePrevention> firms = new TreeMap<>(firmSelfTradePrevention);
        firms.put(firmId, Objects.requireNonNull(mode, "mode"));
        return new EngineConfig(orderCapacity, levelCapacity, extrasCapacity, gtdCapacity, selfTradeScope,
            defaultSelfTradePrevention, Map.copyOf(firms));
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

    /** @return which orders count as one owner for self-trade prevention. */
    public SelfTradeScope selfTradeScope() {
        return selfTradeScope;
    }

    /**
     * @param firmId a firm
     * @return its self-trade prevention mode: its own, or the default
     */
    public SelfTradePrevention selfTradePrevention(final int firmId) {
        return firmSelfTradePrevention.getOrDefault(firmId, defaultSelfTradePrevention);
    }

    @Override
    public String toString() {
        return "EngineConfig{orderCapacity=" + orderCapacity + ", levelCapacity=" + levelCapacity
            + ", extrasCapacity=" + extrasCapacity + ", gtdCapacity=" + gtdCapacity
            + ", selfTradeScope=" + selfTradeScope + ", selfTradePrevention=" + defaultSelfTradePrevention
            + ", firmSelfTradePrevention=" + new TreeMap<>(firmSelfTradePrevention) + "}";
    }
}
