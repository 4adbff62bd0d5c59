package exchange.server;

import exchange.marketdata.MarketDataConfig;
import exchange.operations.OperationsConfig;
import exchange.risk.PropertiesFile;
import exchange.sequencer.SequencerConfig;
import exchange.sequencer.TradingSchedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exchange's settings: {@code exchange.properties} in a configuration folder, which names the other
 * files of the folder (instruments, FIX sessions, risk limits). Every setting has a default; a name in the
 * file that no part of the exchange reads is an error (a slip in the prefix, {@code exchang.data.dir}, too),
 * and so is an {@code exchange.*} system property of that kind, so that a misspelt name never leaves a value
 * at its default unnoticed. System properties of the same names override the file (for example
 * {@code -Dexchange.data.dir=/var/exchange}).
 *
 * <table>
 *   <caption>Properties read here (the sequencer, schedule, admin ({@code exchange.admin.*}) and market-data
 *   ({@code exchange.md.*}) groups are read by their modules)</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #DATA_DIR}</td><td>data</td><td>journals, event log, snapshots, FIX stores, positions,
 *       GTC store; relative to the working directory</td></tr>
 *   <tr><td>{@value #INSTRUMENTS_FILE}</td><td>instruments.csv</td><td>relative to the configuration folder</td></tr>
 *   <tr><td>{@value #FIX_SESSIONS_FILE}</td><td>fix-sessions.cfg</td><td>relative to the configuration folder</td></tr>
 *   <tr><td>{@value #RISK_FILE}</td><td>risk.properties</td><td>relative to the configuration folder</td></tr>
 *   <tr><td>{@value #GTC_CAPACITY}</td><td>262144</td><td>most GTC/GTD orders carried between days</td></tr>
 *   <tr><td>{@value #MD_ENABLED}</td><td>true</td><td>publish the ITCH 5.0 feed over MoldUDP64</td></tr>
 *   <tr><td>{@value #FIX_PORT}</td><td>(the session file's)</td><td>when set, every FIX session listens on
 *       this port instead of its SocketAcceptPort</td></tr>
 * </table>
 */
public final class ExchangeConfig {
    public static final String FILE_NAME = "exchange.properties";
    public static final String DATA_DIR = "exchange.data.dir";
    public static final String INSTRUMENTS_FILE = "exchange.instruments.file";
    public static final String FIX_SESSIONS_FILE = "exchange.fix.sessions.file";
    public static final String RISK_FILE = "exchange.risk.file";
    public static final String GTC_CAPACITY = "exchange.gtc.capacity";
    public static final String FIX_PORT = "exchange.fix.port";
    /** false turns the market-data feed off (default true). */
    public static final String MD_ENABLED = "exchange.md.enabled";
    /** Read by {@code logback.xml} (a system property): where the log files go; default {@code logs}. */
    public static final String LOG_DIR = "exchange.log.dir";

    /** Names read by this class and the modules it configures. */
    private static final Set<String> KNOWN = known(DATA_DIR, INSTRUMENTS_FILE, FIX_SESSIONS_FILE, RISK_FILE,
        GTC_CAPACITY, FIX_PORT, LOG_DIR, MD_ENABLED, SequencerConfig.DURABILITY, SequencerConfig.IDLE, SequencerConfig.CPU,
        SequencerConfig.SNAPSHOT_INTERVAL, SequencerConfig.SNAPSHOTS_KEPT, SequencerConfig.ORDER_CAPACITY,
        SequencerConfig.LEVEL_CAPACITY, SequencerConfig.EXTRAS_CAPACITY, SequencerConfig.GTD_CAPACITY,
        SequencerConfig.BATCH_BYTES, TradingSchedule.ZONE, TradingSchedule.DAYS, TradingSchedule.START_OF_DAY,
        TradingSchedule.PRE_OPEN, TradingSchedule.OPEN, TradingSchedule.PRE_CLOSE, TradingSchedule.CLOSE,
        TradingSchedule.END_OF_DAY, TradingSchedule.CLOCK_INTERVAL_MS, SequencerConfig.STP_SCOPE,
        SequencerConfig.STP_DEFAULT);

    private static Set<String> known(final String... names) {
        final Set<String> all = new TreeSet<>(Set.of(names));
        all.addAll(OperationsConfig.NAMES);
        return Set.copyOf(all);
    }

    /** Prefixes of settings that other modules check name by name. */
    private static final List<String> DELEGATED_PREFIXES = List.of(SequencerConfig.STP_FIRM_PREFIX);

    private final Path configDir;
    private final Properties properties;
    private final Path dataDir;
    private final Path instrumentsFile;
    private final Path fixSessionsFile;
    private final Path riskFile;
    private final long gtcCapacity;
    private final int fixPort;
    private final boolean marketDataEnabled;
    private final MarketDataConfig marketData;
    private final SequencerConfig sequencer;
    private final TradingSchedule schedule;
    private final OperationsConfig operations;

    private ExchangeConfig(final Path configDir, final Properties properties) {
        this.configDir = configDir;
        this.properties = properties;
        final List<String> unknown = new ArrayList<>();
        for (final String name : new TreeSet<>(properties.stringPropertyNames())) {
            // only exchange.* system properties are taken, so a name without the prefix came from the file,
            // which holds the exchange's settings only: a slip in the prefix is a misspelt name too
            if (!KNOWN.contains(name) && !MarketDataConfig.settingNames().contains(name)
                && DELEGATED_PREFIXES.stream().noneMatch(name::startsWith)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(configDir.resolve(FILE_NAME) + " (or -D): unknown setting"
                + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
        }
        // an empty folder setting takes its default, as an empty exchange.admin.reports.dir does: the empty path
        // would be the working directory, the repository for bin/exchange
        final String data = value(DATA_DIR, "");
        this.dataDir = Path.of(data.isEmpty() ? "data" : data);
        this.instrumentsFile = configDir.resolve(value(INSTRUMENTS_FILE, "instruments.csv"));
        this.fixSessionsFile = configDir.resolve(value(FIX_SESSIONS_FILE, "fix-sessions.cfg"));
        this.riskFile = configDir.resolve(value(RISK_FILE, "risk.properties"));
        try {
            this.gtcCapacity = Long.parseLong(value(GTC_CAPACITY, "262144"));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(GTC_CAPACITY + " must be a whole number: '" + properties.getProperty(GTC_CAPACITY) + "'");
        }
        if (gtcCapacity < 1) {
            throw new IllegalArgumentException(GTC_CAPACITY + " must be at least 1");
        }
        try {
            this.fixPort = Integer.parseInt(value(FIX_PORT, "-1"));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(FIX_PORT + " must be a port number: '" + properties.getProperty(FIX_PORT) + "'");
        }
        if (fixPort < -1 || fixPort > 65535) {
            throw new IllegalArgumentException(FIX_PORT + " must be a port number (0 to 65535): " + fixPort);
        }
        this.marketDataEnabled = switch (value(MD_ENABLED, "true")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(MD_ENABLED + " must be true or false: '" + value(MD_ENABLED, "") + "'");
        };
        if (marketDataEnabled) {
            // the market-data log lives with the other data unless a folder is named
            MarketDataConfig md = MarketDataConfig.from(properties);
            if (value(MarketDataConfig.STORE_DIR, "").isEmpty()) {
                md = md.with(MarketDataConfig.STORE_DIR, dataDir.resolve("market-data").toString());
            }
            this.marketData = md;
        } else {
            // With the feed off its settings do nothing (their names are still checked above), and its
            // interface need not carry multicast: bin/exchange turns the feed off for a loopback without it.
            this.marketData = null;
        }
        this.sequencer = SequencerConfig.fromProperties(properties, dataDir);
        this.schedule = TradingSchedule.fromProperties(properties);
        this.operations = OperationsConfig.fromProperties(properties, configDir, dataDir);
    }

    private String value(final String name, final String defaultValue) {
        return properties.getProperty(name, defaultValue).trim();
    }

    /**
     * Reads {@code exchange.properties} of a configuration folder (all defaults when the file is absent),
     * then the {@code exchange.*} system properties over it.
     *
     * @throws IllegalArgumentException naming the setting and the problem (the file and both lines when a
     *                                  setting is given twice in the file)
     */
    public static ExchangeConfig load(final Path configDir) {
        return load(configDir, Map.of());
    }

    /**
     * As {@link #load(Path)}, with more settings over the file and the system properties (tests use this
     * to put the data in a temporary folder).
     */
    public static ExchangeConfig load(final Path configDir, final Map<String, String> overrides) {
        if (!Files.isDirectory(configDir)) {
            throw new IllegalArgumentException("configuration folder " + configDir + " does not exist");
        }
        final Path file = configDir.resolve(FILE_NAME);
        // PropertiesFile refuses a setting given twice, naming both lines; Properties would keep the last
        final Properties p = Files.exists(file) ? PropertiesFile.read(file).toProperties() : new Properties();
        if (p.containsKey(LOG_DIR)) {
            // logback has opened its files before this file is read: taken here, it would do nothing
            throw new IllegalArgumentException(file + ": " + LOG_DIR + " is read by logback.xml when the JVM"
                + " starts, before this file; give it as a system property (JAVA_OPTS=-D" + LOG_DIR + "="
                + p.getProperty(LOG_DIR).trim() + " bin/exchange)");
        }
        for (final String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("exchange.")) {
                p.setProperty(name, System.getProperty(name));
            }
        }
        overrides.forEach(p::setProperty);
        return new ExchangeConfig(configDir, p);
    }

    public Path configDir() {
        return configDir;
    }

    /** @return every setting as given (file, system properties, overrides) */
    public Properties properties() {
        return properties;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path instrumentsFile() {
        return instrumentsFile;
    }

    public Path fixSessionsFile() {
        return fixSessionsFile;
    }

    public Path riskFile() {
        return riskFile;
    }

    public long gtcCapacity() {
        return gtcCapacity;
    }

    /** @return the port every FIX session listens on, or -1 to keep the session file's */
    public int fixPort() {
        return fixPort;
    }

    /** @return whether the exchange publishes the ITCH feed */
    public boolean marketDataEnabled() {
        return marketDataEnabled;
    }

    /** @return the market-data settings ({@code exchange.md.*}), or null when the feed is off */
    public MarketDataConfig marketData() {
        return marketData;
    }

    public SequencerConfig sequencer() {
        return sequencer;
    }

    public TradingSchedule schedule() {
        return schedule;
    }

    /** @return the control plane's settings (admin API, metrics, console, reports) */
    public OperationsConfig operations() {
        return operations;
    }

    /** @return the resolved settings of this file, for the start-up log */
    public Map<String, String> describe() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(DATA_DIR, dataDir.toAbsolutePath().toString());
        m.put(INSTRUMENTS_FILE, instrumentsFile.toString());
        m.put(FIX_SESSIONS_FILE, fixSessionsFile.toString());
        m.put(RISK_FILE, riskFile.toString());
        m.put(GTC_CAPACITY, Long.toString(gtcCapacity));
        if (fixPort >= 0) {
            m.put(FIX_PORT, Integer.toString(fixPort));
        }
        m.put(MD_ENABLED, Boolean.toString(marketDataEnabled));
        m.putAll(sequencer.describe());
        m.putAll(schedule.describe());
        m.putAll(operations.describe());
        return m;
    }
}
