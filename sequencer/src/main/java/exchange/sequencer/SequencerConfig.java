package exchange.sequencer;

import exchange.matching.EngineConfig;
import exchange.matching.SelfTradePrevention;
import exchange.matching.SelfTradeScope;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The sequencer's settings: each one a property name, a default and an accessor, in one place,
 * validated once by {@link #fromProperties(Properties, Path)} and printable resolved with
 * {@link #describe()}.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #DURABILITY}</td><td>page-cache</td><td>page-cache or sync ({@link Durability})</td></tr>
 *   <tr><td>{@value #IDLE}</td><td>backoff</td><td>matching thread idle strategy ({@link IdleStrategies})</td></tr>
 *   <tr><td>{@value #CPU}</td><td>-1</td><td>CPU to pin the matching thread to; -1 for no pinning</td></tr>
 *   <tr><td>{@value #SNAPSHOT_INTERVAL}</td><td>1000000</td><td>commands between engine snapshots; 0 for none</td></tr>
 *   <tr><td>{@value #SNAPSHOTS_KEPT}</td><td>2</td><td>snapshot files kept</td></tr>
 *   <tr><td>{@value #ORDER_CAPACITY}</td><td>1048576</td><td>most live orders</td></tr>
 *   <tr><td>{@value #LEVEL_CAPACITY}</td><td>65536</td><td>most price levels</td></tr>
 *   <tr><td>{@value #EXTRAS_CAPACITY}</td><td>65536</td><td>most stop and iceberg orders at once</td></tr>
 *   <tr><td>{@value #GTD_CAPACITY}</td><td>65536</td><td>most GTD orders waiting to expire</td></tr>
 *   <tr><td>{@value #BATCH_BYTES}</td><td>262144</td><td>largest event-log document</td></tr>
 *   <tr><td>{@value #STP_SCOPE}</td><td>firm</td><td>self-trade prevention applies between orders of the
 *   same {@code firm}, or of the same {@code account} of a firm</td></tr>
 *   <tr><td>{@value #STP_DEFAULT}</td><td>none</td><td>self-trade prevention of orders that carry no
 *   instruction: {@code none}, {@code cancel-aggressor}, {@code cancel-resting}, {@code cancel-both},
 *   {@code decrement}</td></tr>
 *   <tr><td>{@value #STP_FIRM_PREFIX}{@code <firm id>}</td><td>(the default)</td><td>the same, for one firm's
 *   orders</td></tr>
 * </table>
 *
 * Journals live in {@code <data dir>/journal}, the event log in {@code <data dir>/events}, snapshots in
 * {@code <data dir>/snapshots}.
 */
public final class SequencerConfig {
    public static final String DURABILITY = "exchange.sequencer.durability";
    public static final String IDLE = "exchange.sequencer.idle";
    public static final String CPU = "exchange.sequencer.cpu";
    public static final String SNAPSHOT_INTERVAL = "exchange.sequencer.snapshot.interval.commands";
    public static final String SNAPSHOTS_KEPT = "exchange.sequencer.snapshot.kept";
    public static final String ORDER_CAPACITY = "exchange.engine.orders";
    public static final String LEVEL_CAPACITY = "exchange.engine.levels";
    public static final String EXTRAS_CAPACITY = "exchange.engine.extras";
    public static final String GTD_CAPACITY = "exchange.engine.gtd";
    public static final String BATCH_BYTES = "exchange.sequencer.eventlog.batch.bytes";
    public static final String STP_SCOPE = "exchange.stp.scope";
    public static final String STP_DEFAULT = "exchange.stp.default";
    public static final String STP_FIRM_PREFIX = "exchange.stp.firm.";

    private final Path dataDir;
    private final Durability durability;
    private final String idleStrategy;
    private final int cpu;
    private final long snapshotInterval;
    private final int snapshotsKept;
    private final EngineConfig engine;
    private final int batchBytes;

    private SequencerConfig(final Builder b) {
        this.dataDir = b.dataDir;
        this.durability = b.durability;
        this.idleStrategy = b.idleStrategy;
        this.cpu = b.cpu;
        this.snapshotInterval = b.snapshotInterval;
        this.snapshotsKept = b.snapshotsKept;
        this.engine = b.engine;
        this.batchBytes = b.batchBytes;
    }

    /**
     * @param dataDir where journals, event log and snapshots live
     * @return a builder with the defaults
     */
    public static Builder builder(final Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Reads the settings, validating each.
     *
     * @param properties the operator's settings; absent ones take their default
     * @param dataDir    where journals, event log and snapshots live
     * @return the configuration
     * @throws IllegalArgumentException naming the property and the problem
     */
    public static SequencerConfig fromProperties(final Properties properties, final Path dataDir) {
        final Builder b = builder(dataDir);
        b.durability(named(DURABILITY, () -> Durability.parse(properties.getProperty(DURABILITY, "page-cache"))));
        b.idleStrategy(properties.getProperty(IDLE, "backoff"));
        b.cpu(intProperty(properties, CPU, -1));
        b.snapshotInterval(longProperty(properties, SNAPSHOT_INTERVAL, 1_000_000L));
        b.snapshotsKept(intProperty(properties, SNAPSHOTS_KEPT, 2));
        EngineConfig engine = EngineConfig.defaults()
            .orderCapacity(capacity(properties, ORDER_CAPACITY, EngineConfig.DEFAULT_ORDER_CAPACITY, (1 << 28) - 1))
            .levelCapacity(capacity(properties, LEVEL_CAPACITY, EngineConfig.DEFAULT_LEVEL_CAPACITY, 1 << 28))
            .extrasCapacity(capacity(properties, EXTRAS_CAPACITY, EngineConfig.DEFAULT_EXTRAS_CAPACITY, 1 << 27))
            .gtdCapacity(capacity(properties, GTD_CAPACITY, EngineConfig.DEFAULT_GTD_CAPACITY, 1 << 28))
            .selfTradeScope(scope(properties.getProperty(STP_SCOPE, "firm")))
            .selfTradePrevention(selfTradePrevention(STP_DEFAULT, properties.getProperty(STP_DEFAULT, "none")));
        for (final String name : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith(STP_FIRM_PREFIX)) {
                final int firm;
                try {
                    firm = Integer.parseInt(name.substring(STP_FIRM_PREFIX.length()));
                } catch (final NumberFormatException e) {
                    throw new IllegalArgumentException(name + ": the firm must be its number, as in "
                        + STP_FIRM_PREFIX + "1");
                }
                if (firm < 1) {
                    throw new IllegalArgumentException(name + ": firm numbers start at 1");
                }
                engine = engine.firmSelfTradePrevention(firm, selfTradePrevention(name, properties.getProperty(name)));
            }
        }
        b.engine(engine);
        b.batchBytes(intProperty(properties, BATCH_BYTES, 256 * 1024));
        return b.build();
    }

    private static SelfTradeScope scope(final String value) {
        return switch (value.trim()) {
            case "firm" -> SelfTradeScope.FIRM;
            case "account" -> SelfTradeScope.ACCOUNT;
            default -> throw new IllegalArgumentException(STP_SCOPE + " must be firm or account: '" + value + "'");
        };
    }

    private static SelfTradePrevention selfTradePrevention(final String name, final String value) {
        try {
            return SelfTradePrevention.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be none, cancel-aggressor, cancel-resting, cancel-both or "
                + "decrement: '" + value + "'");
        }
    }

    /** @return a self-trade prevention mode as the settings spell it: cancel-resting */
    private static String spelling(final Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Runs a parse whose message does not say which setting it read, and says it. */
    static <T> T named(final String setting, final java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    private static int intProperty(final Properties p, final String name, final int defaultValue) {
        final String value = p.getProperty(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + value + "'");
        }
    }

    /**
     * An engine store's size, checked here with the setting's name: the stores check it too, but only
     * once the sequencer starts and without the name (or not at all: a negative GTD capacity was a
     * NegativeArraySizeException). The largest values are the stores' own limits.
     */
    private static int capacity(final Properties p, final String name, final int defaultValue, final int max) {
        final int value = intProperty(p, name, defaultValue);
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + ": " + value);
        }
        return value;
    }

    private static long longProperty(final Properties p, final String name, final long defaultValue) {
        final String value = p.getProperty(name);
        try {
            return value == null ? defaultValue : Long.parseLong(value.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + value + "'");
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path journalDir() {
        return dataDir.resolve("journal");
    }

    public Path eventLogDir() {
        return dataDir.resolve("events");
    }

    public Path snapshotDir() {
        return dataDir.resolve("snapshots");
    }

    public Durability durability() {
        return durability;
    }

    public String idleStrategy() {
        return idleStrategy;
    }

    /** @return CPU to pin the matching thread to, or -1 */
    public int cpu() {
        return cpu;
    }

    /** @return commands between snapshots, 0 for none */
    public long snapshotInterval() {
        return snapshotInterval;
    }

    public int snapshotsKept() {
        return snapshotsKept;
    }

    public EngineConfig engine() {
        return engine;
    }

    public int batchBytes() {
        return batchBytes;
    }

    /** @return every setting, resolved, in property order, for the start-up log */
    public Map<String, String> describe() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("data dir", dataDir.toAbsolutePath().toString());
        m.put(DURABILITY, durability.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put(IDLE, idleStrategy);
        m.put(CPU, Integer.toString(cpu));
        m.put(SNAPSHOT_INTERVAL, Long.toString(snapshotInterval));
        m.put(SNAPSHOTS_KEPT, Integer.toString(snapshotsKept));
        m.put(ORDER_CAPACITY, Integer.toString(engine.orderCapacity()));
        m.put(LEVEL_CAPACITY, Integer.toString(engine.levelCapacity()));
        m.put(EXTRAS_CAPACITY, Integer.toString(engine.extrasCapacity()));
        m.put(GTD_CAPACITY, Integer.toString(engine.gtdCapacity()));
        m.put(BATCH_BYTES, Integer.toString(batchBytes));
        m.put(STP_SCOPE, spelling(engine.selfTradeScope()));
        m.put(STP_DEFAULT, spelling(engine.selfTradePrevention(0)));
        return m;
    }

    /** Builder; {@link #build()} validates. */
    public static final class Builder {
        private final Path dataDir;
        private Durability durability = Durability.PAGE_CACHE;
        private String idleStrategy = "backoff";
        private int cpu = -1;
        private long snapshotInterval = 1_000_000L;
        private int snapshotsKept = 2;
        private EngineConfig engine = EngineConfig.defaults();
        private int batchBytes = 256 * 1024;

        private Builder(final Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder durability(final Durability v) {
            this.durability = v;
            return this;
        }

        public Builder idleStrategy(final String v) {
            this.idleStrategy = v;
            return this;
        }

        public Builder cpu(final int v) {
            this.cpu = v;
            return this;
        }

        public Builder snapshotInterval(final long v) {
            this.snapshotInterval = v;
            return this;
        }

        public Builder snapshotsKept(final int v) {
            this.snapshotsKept = v;
            return this;
        }

        public Builder engine(final EngineConfig v) {
            this.engine = v;
            return this;
        }

        public Builder batchBytes(final int v) {
            this.batchBytes = v;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public SequencerConfig build() {
            if (dataDir == null) {
                throw new IllegalArgumentException("data dir is required");
            }
            named(IDLE, () -> IdleStrategies.create(idleStrategy));
            if (cpu < -1) {
                throw new IllegalArgumentException(CPU + " must be -1 (no pinning) or a CPU number: " + cpu);
            }
            if (snapshotInterval < 0) {
                throw new IllegalArgumentException(SNAPSHOT_INTERVAL + " must be 0 (none) or positive: " + snapshotInterval);
            }
            if (snapshotsKept < 1) {
                throw new IllegalArgumentException(SNAPSHOTS_KEPT + " must be at least 1: " + snapshotsKept);
            }
            if (batchBytes < 16 * 1024 || batchBytes > 4 * 1024 * 1024) {
                throw new IllegalArgumentException(BATCH_BYTES + " must be between 16384 and 4194304: " + batchBytes);
            }
            return new SequencerConfig(this);
        }
    }
}
