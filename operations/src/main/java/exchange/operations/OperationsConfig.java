package exchange.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The control plane's settings, read from the exchange's settings once at start, each with its
 * default, validated here and printed resolved by {@link #describe()}.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #ENABLED}</td><td>true</td><td>serve the admin API, metrics and console</td></tr>
 *   <tr><td>{@value #BIND}</td><td>127.0.0.1</td><td>the address to listen on (loopback: this machine only)</td></tr>
 *   <tr><td>{@value #PORT}</td><td>9878</td><td>the port; 0 takes any free port</td></tr>
 *   <tr><td>{@value #TOKEN_FILE}</td><td>admin.tokens</td><td>operators and their tokens, relative to the
 *       configuration folder ({@link AdminTokens}); no file, no access</td></tr>
 *   <tr><td>{@value #REPORTS_DIR}</td><td>(data dir)/reports</td><td>end-of-day reports, one folder a day</td></tr>
 *   <tr><td>{@value #DEPTH_LEVELS}</td><td>20</td><td>most price levels a side the API and console show</td></tr>
 *   <tr><td>{@value #TRADES_KEPT}</td><td>20</td><td>last trades shown, per instrument and overall</td></tr>
 *   <tr><td>{@value #STREAM_INTERVAL_MS}</td><td>500</td><td>how often the console's live stream sends</td></tr>
 *   <tr><td>{@value #ACTION_TIMEOUT_MS}</td><td>5000</td><td>how long an action waits to answer with its result</td></tr>
 *   <tr><td>{@value #THREAD_NICE}</td><td>19</td><td>nice value (Linux) of the thread that rebuilds the view and
 *       writes the reports, 0 to leave it as the exchange's ({@link ThreadNiceness})</td></tr>
 * </table>
 */
public final class OperationsConfig {
    public static final String ENABLED = "exchange.admin.enabled";
    public static final String BIND = "exchange.admin.bind";
    public static final String PORT = "exchange.admin.port";
    public static final String TOKEN_FILE = "exchange.admin.token.file";
    public static final String REPORTS_DIR = "exchange.admin.reports.dir";
    public static final String DEPTH_LEVELS = "exchange.admin.depth.levels";
    public static final String TRADES_KEPT = "exchange.admin.trades.kept";
    public static final String STREAM_INTERVAL_MS = "exchange.admin.stream.interval-ms";
    public static final String ACTION_TIMEOUT_MS = "exchange.admin.action.timeout-ms";
    public static final String THREAD_NICE = "exchange.admin.thread.nice";

    /** Every property read here. */
    public static final Set<String> NAMES = Set.of(ENABLED, BIND, PORT, TOKEN_FILE, REPORTS_DIR, DEPTH_LEVELS,
        TRADES_KEPT, STREAM_INTERVAL_MS, ACTION_TIMEOUT_MS, THREAD_NICE);

    private final boolean enabled;
    private final InetAddress bind;
    private final int port;
    private final Path tokenFile;
    private final Path reportsDir;
    private final int depthLevels;
    private final int tradesKept;
    private final long streamIntervalMs;
    private final long actionTimeoutMs;
    private final int threadNice;

    private OperationsConfig(final boolean enabled, final InetAddress bind, final int port, final Path tokenFile,
                             final Path reportsDir, final int depthLevels, final int tradesKept,
                             final long streamIntervalMs, final long actionTimeoutMs, final int threadNice) {
        this.enabled = enabled;
        this.bind = bind;
        this.port = port;
        this.tokenFile = tokenFile;
        this.reportsDir = reportsDir;
        this.depthLevels = depthLevels;
        this.tradesKept = tradesKept;
        this.streamIntervalMs = streamIntervalMs;
        this.actionTimeoutMs = actionTimeoutMs;
        this.threadNice = threadNice;
    }

    /**
     * @param p         the exchange's settings; absent ones take their default
     * @param configDir the configuration folder (the token file is relative to it)
     * @param dataDir   the data folder (the default reports folder is in it)
     * @throws IllegalArgumentException naming the property and the problem
     */
    public static OperationsConfig fromProperties(final Properties p, final Path configDir, final Path dataDir) {
        final String enabled = value(p, ENABLED, "true").toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException(ENABLED + " must be true or false: '" + enabled + "'");
        }
        final String bindText = value(p, BIND, "127.0.0.1");
        final InetAddress bind;
        try {
            bind = InetAddress.getByName(bindText);
        } catch (final UnknownHostException e) {
            throw new IllegalArgumentException(BIND + " is not an address of this machine: '" + bindText + "'");
        }
        final String reports = value(p, REPORTS_DIR, "");
        return new OperationsConfig(enabled.equals("true"), bind, (int) number(p, PORT, "9878", 0, 65535),
            configDir.resolve(value(p, TOKEN_FILE, "admin.tokens")),
            reports.isEmpty() ? dataDir.resolve("reports") : Path.of(reports),
            (int) number(p, DEPTH_LEVELS, "20", 1, 1000), (int) number(p, TRADES_KEPT, "20", 1, 1000),
            number(p, STREAM_INTERVAL_MS, "500", 50, 60_000), number(p, ACTION_TIMEOUT_MS, "5000", 100, 600_000),
            (int) number(p, THREAD_NICE, Integer.toString(ThreadNiceness.LOWEST_PRIORITY), 0,
                ThreadNiceness.LOWEST_PRIORITY));
    }

    private static String value(final Properties p, final String name, final String defaultValue) {
        return p.getProperty(name, defaultValue).trim();
    }

    private static long number(final Properties p, final String name, final String defaultValue, final long min,
                               final long max) {
        final String text = value(p, name, defaultValue).replace("_", "");
        final long value;
        try {
            value = Long.parseLong(text);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ": " + value);
        }
        return value;
    }

    public boolean enabled() {
        return enabled;
    }

    public InetAddress bind() {
        return bind;
    }

    /** @return the port, 0 for any free one */
    public int port() {
        return port;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    public Path reportsDir() {
        return reportsDir;
    }

    public int depthLevels() {
        return depthLevels;
    }

    public int tradesKept() {
        return tradesKept;
    }

    public long streamIntervalMs() {
        return streamIntervalMs;
    }

    public long actionTimeoutMs() {
        return actionTimeoutMs;
    }

    /**
     * @return the nice value of the thread that rebuilds the operators' view and writes the end-of-day
     *         reports; 0 to leave it at the exchange's. On a machine whose cores are all busy, that thread
     *         then falls behind (the console says how far) and catches up when the orders let it, rather
     *         than taking its share of the cores from them; an action's result can then take longer to
     *         come than {@link #actionTimeoutMs()}.
     */
    public int threadNice() {
        return threadNice;
    }

    /** @return every setting, resolved, for the start-up log */
    public Map<String, String> describe() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(ENABLED, Boolean.toString(enabled));
        m.put(BIND, bind.getHostAddress());
        m.put(PORT, Integer.toString(port));
        m.put(TOKEN_FILE, tokenFile.toString());
        m.put(REPORTS_DIR, reportsDir.toAbsolutePath().toString());
        m.put(DEPTH_LEVELS, Integer.toString(depthLevels));
        m.put(TRADES_KEPT, Integer.toString(tradesKept));
        m.put(STREAM_INTERVAL_MS, Long.toString(streamIntervalMs));
        m.put(ACTION_TIMEOUT_MS, Long.toString(actionTimeoutMs));
        m.put(THREAD_NICE, Integer.toString(threadNice));
        return m;
    }
}
