package exchange.marketdata;

import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.MoldUdp64;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.sequencer.Doorbell;
import exchange.sequencer.IdleStrategies;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Every market-data setting: its property name, its default and its accessor, side by side.
 *
 * <p>Values come from, in order of precedence: {@link #with} overrides (command-line options, tests),
 * the {@link Properties} given to {@link #from(Properties)} (system properties for
 * {@link #fromSystemProperties()}), then the defaults. The defaults run on one machine out of the box:
 * multicast on the loopback interface (which needs {@code ip link set lo multicast on} on Linux).
 * Everything is parsed and validated once, in the constructor, which reports every bad value at once;
 * {@link #describe()} prints the resolved values for the start-up log. Immutable.
 */
public final class MarketDataConfig {
    public static final String PREFIX = "exchange.md.";

    /**
     * MoldUDP64 session of a publisher started on its own, and the session md-listen follows: 1 to 10
     * printable ASCII characters. The market-data service names each day's session itself
     * ({@code yyMMdd S shard letter}, see {@link #SHARD}) and overrides this.
     */
    public static final String SESSION = PREFIX + "session";
    public static final String SESSION_DEFAULT = "EXCHANGE01";

    /** This shard's number, 0 to 99: part of every session name the market-data service gives. */
    public static final String SHARD = PREFIX + "shard";
    public static final String SHARD_DEFAULT = "1";

    /** Multicast group of the feed: an IPv4 multicast address (239.0.0.0/8 is administratively scoped). */
    public static final String GROUP = PREFIX + "group";
    public static final String GROUP_DEFAULT = "239.192.0.1";

    /** UDP port of the feed. */
    public static final String PORT = PREFIX + "port";
    public static final String PORT_DEFAULT = "30001";

    /** Network interface the feed is sent on and joined on, by name. */
    public static final String INTERFACE = PREFIX + "interface";
    public static final String INTERFACE_DEFAULT = "lo";

    /** Multicast time-to-live: 1 keeps the feed on the local network. */
    public static final String TTL = PREFIX + "ttl";
    public static final String TTL_DEFAULT = "1";

    /** Whether the sender's own host receives the feed (IP_MULTICAST_LOOP). */
    public static final String LOOPBACK = PREFIX + "loopback";
    public static final String LOOPBACK_DEFAULT = "true";

    /** Largest datagram payload, MoldUDP64 header included: 1,400 stays under a 1,500-byte MTU. */
    public static final String MAX_PACKET_BYTES = PREFIX + "maxPacketBytes";
    public static final String MAX_PACKET_BYTES_DEFAULT = "1400";

    /** A heartbeat goes out after this long without a packet. */
    public static final String HEARTBEAT_INTERVAL_MS = PREFIX + "heartbeatIntervalMs";
    public static final String HEARTBEAT_INTERVAL_MS_DEFAULT = "1000";

    /** Directory of the market-data log (a Chronicle Queue); one per session. */
    public static final String STORE_DIR = PREFIX + "storeDir";
    public static final String STORE_DIR_DEFAULT = "data/market-data";

    /** Idle strategy of the sender agent: busy-spin, yield, backoff or sleep (1 ms). */
    public static final String SENDER_IDLE_STRATEGY = PREFIX + "senderIdleStrategy";
    public static final String SENDER_IDLE_STRATEGY_DEFAULT = "backoff";

    /** Idle strategy of the translator agent (event log to market-data log): busy-spin, yield, backoff or sleep. */
    public static final String TRANSLATOR_IDLE_STRATEGY = PREFIX + "translatorIdleStrategy";
    public static final String TRANSLATOR_IDLE_STRATEGY_DEFAULT = "backoff";

    /** host:port of the re-request server: where it listens, and where subscribers send requests. */
    public static final String REREQUEST_ADDRESS = PREFIX + "rerequest.address";
    public static final String REREQUEST_ADDRESS_DEFAULT = "127.0.0.1:30002";

    /** Most messages served for one request; a larger request is answered up to this many. */
    public static final String MAX_MESSAGES_PER_REQUEST = PREFIX + "rerequest.maxMessagesPerRequest";
    public static final String MAX_MESSAGES_PER_REQUEST_DEFAULT = "1000";

    /** Most messages served to one requester (address and port) per second. */
    public static final String MAX_MESSAGES_PER_SECOND_PER_REQUESTER = PREFIX + "rerequest.maxMessagesPerSecond";
    public static final String MAX_MESSAGES_PER_SECOND_PER_REQUESTER_DEFAULT = "100000";

    /**
     * Most messages served to all requesters together per second: requesters are UDP source addresses,
     * which anyone can forge, so only a server-wide bound stops a flood of 20-byte requests from many
     * forged sources being amplified into full packets, and the answers from crowding out the live
     * feed that shares their event loop.
     */
    public static final String MAX_MESSAGES_PER_SECOND_TOTAL = PREFIX + "rerequest.maxMessagesPerSecondTotal";
    public static final String MAX_MESSAGES_PER_SECOND_TOTAL_DEFAULT = "200000";

    /** A subscriber asks again when a re-request brought nothing for this long. */
    public static final String REREQUEST_TIMEOUT_MS = PREFIX + "subscriber.rerequestTimeoutMs";
    public static final String REREQUEST_TIMEOUT_MS_DEFAULT = "250";

    /** Messages a subscriber holds while it waits for a gap to be filled; a power of two. */
    public static final String REORDER_CAPACITY = PREFIX + "subscriber.reorderCapacity";
    public static final String REORDER_CAPACITY_DEFAULT = "65536";
    /**
     * Most messages a subscriber can hold: each is held in a slot of the longest message
     * ({@link ChronicleMessageStore#DEFAULT_MAX_MESSAGE_LENGTH}, 512 bytes), and the slots share one array.
     */
    public static final int MAX_REORDER_CAPACITY =
        Integer.highestOneBit(Integer.MAX_VALUE / ChronicleMessageStore.DEFAULT_MAX_MESSAGE_LENGTH);

    /** SO_RCVBUF of a subscriber's sockets (the OS may cap it, e.g. net.core.rmem_max on Linux). */
    public static final String RECEIVE_BUFFER_BYTES = PREFIX + "subscriber.receiveBufferBytes";
    public static final String RECEIVE_BUFFER_BYTES_DEFAULT = "4194304";

    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;
    private final MoldSession session;
    private final int shard;
    private final InetAddress group;
    private final int port;
    private final String interfaceName;
    private final NetworkInterface networkInterface;
    private final int ttl;
    private final boolean loopback;
    private final int maxPacketBytes;
    private final long heartbeatIntervalMs;
    private final Path storeDir;
    private final String senderIdleStrategy;
    private final String translatorIdleStrategy;
    private final InetSocketAddress rerequestAddress;
    private final int maxMessagesPerRequest;
    private final int maxMessagesPerSecondPerRequester;
    private final int maxMessagesPerSecondTotal;
    private final long rerequestTimeoutMs;
    private final int reorderCapacity;
    private final int receiveBufferBytes;

    private MarketDataConfig(final Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        final ConfigParser parser = new ConfigParser(values);
        session = parser.session(SESSION);
        shard = parser.integer(SHARD, 0, 99);
        group = parser.multicastGroup(GROUP);
        port = parser.integer(PORT, 1, 65_535);
        interfaceName = values.get(INTERFACE);
        networkInterface = parser.multicastInterface(INTERFACE);
        ttl = parser.integer(TTL, 0, 255);
        loopback = parser.bool(LOOPBACK);
        maxPacketBytes = parser.integer(MAX_PACKET_BYTES, MoldUdp64.HEADER_LENGTH + 64, 65_507);
        heartbeatIntervalMs = parser.integer(HEARTBEAT_INTERVAL_MS, 1, 3_600_000);
        storeDir = Path.of(values.get(STORE_DIR));
        senderIdleStrategy = parser.oneOf(SENDER_IDLE_STRATEGY, "busy-spin", "yield", "backoff", "sleep");
        translatorIdleStrategy = parser.oneOf(TRANSLATOR_IDLE_STRATEGY, "busy-spin", "yield", "backoff", "sleep");
        rerequestAddress = parser.hostAndPort(REREQUEST_ADDRESS);
        maxMessagesPerRequest = parser.integer(MAX_MESSAGES_PER_REQUEST, 1, 0xFFFF);
        maxMessagesPerSecondPerRequester = parser.integer(MAX_MESSAGES_PER_SECOND_PER_REQUESTER, 1, Integer.MAX_VALUE);
        maxMessagesPerSecondTotal = parser.integer(MAX_MESSAGES_PER_SECOND_TOTAL, 1, Integer.MAX_VALUE);
        rerequestTimeoutMs = parser.integer(REREQUEST_TIMEOUT_MS, 1, 600_000);
        reorderCapacity = parser.powerOfTwo(REORDER_CAPACITY, 16, MAX_REORDER_CAPACITY);
        receiveBufferBytes = parser.integer(RECEIVE_BUFFER_BYTES, 1024, Integer.MAX_VALUE);
        parser.throwIfAnyError();
    }

    /** @return the names of every market-data setting */
    public static java.util.Set<String> settingNames() {
        return java.util.Collections.unmodifiableSet(DEFAULTS.keySet());
    }

    /** The defaults, overridden by system properties named {@code exchange.md.*}. */
    public static MarketDataConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    /** The defaults, overridden by the {@code exchange.md.*} entries of {@code properties}. */
    public static MarketDataConfig from(final Properties properties) {
        final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (final String key : DEFAULTS.keySet()) {
            final String value = properties.getProperty(key);
            if (value != null) {
                values.put(key, value.trim());
            }
        }
        return new MarketDataConfig(values);
    }

    /**
     * A copy with one setting changed, validated again.
     *
     * @throws IllegalArgumentException for a key that is not a market-data setting, or a bad value.
     */
    public MarketDataConfig with(final String key, final String value) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("unknown market-data setting " + key + "; known: " + DEFAULTS.keySet());
        }
        final Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(key, value.trim());
        return new MarketDataConfig(changed);
    }

    public MoldSession session() {
        return session;
    }

    public int shard() {
        return shard;
    }

    public InetAddress group() {
        return group;
    }

    public int port() {
        return port;
    }

    /** The group and port the feed is sent to. */
    public InetSocketAddress groupAddress() {
        return new InetSocketAddress(group, port);
    }

    public String interfaceName() {
        return interfaceName;
    }

    public NetworkInterface networkInterface() {
        return networkInterface;
    }

    public int ttl() {
        return ttl;
    }

    public boolean loopback() {
        return loopback;
    }

    public int maxPacketBytes() {
        return maxPacketBytes;
    }

    public long heartbeatIntervalNs() {
        return TimeUnit.MILLISECONDS.toNanos(heartbeatIntervalMs);
    }

    public Path storeDir() {
        return storeDir;
    }

    /** A new idle strategy for the sender agent (each agent needs its own). */
    public IdleStrategy newSenderIdleStrategy() {
        return idleStrategy(senderIdleStrategy);
    }

    /**
     * A new idle strategy for the translator agent.
     *
     * @param eventLogBell rung when the event log has new events: {@code backoff} parks until it rings, up to
     *                     {@link IdleStrategies#RUNG_MAX_PARK_NS} or the heartbeat interval, whichever is shorter
     *                     (the translator sends the heartbeats when idle)
     */
    public IdleStrategy newTranslatorIdleStrategy(final Doorbell eventLogBell) {
        if ("backoff".equals(translatorIdleStrategy)) {
            return IdleStrategies.rung(eventLogBell, 10, 5, heartbeatIntervalNs());
        }
        return idleStrategy(translatorIdleStrategy);
    }

    private static IdleStrategy idleStrategy(final String name) {
        switch (name) {
            case "busy-spin":
                return new BusySpinIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            case "sleep":
                return new SleepingMillisIdleStrategy(1);
            default:
                return new BackoffIdleStrategy();
        }
    }

    public InetSocketAddress rerequestAddress() {
        return rerequestAddress;
    }

    public int maxMessagesPerRequest() {
        return maxMessagesPerRequest;
    }

    public int maxMessagesPerSecondPerRequester() {
        return maxMessagesPerSecondPerRequester;
    }

    public int maxMessagesPerSecondTotal() {
        return maxMessagesPerSecondTotal;
    }

    public long rerequestTimeoutNs() {
        return TimeUnit.MILLISECONDS.toNanos(rerequestTimeoutMs);
    }

    public int reorderCapacity() {
        return reorderCapacity;
    }

    public int receiveBufferBytes() {
        return receiveBufferBytes;
    }

    /** The resolved settings, one {@code name = value} per line, for the start-up log. */
    public String describe() {
        final StringBuilder text = new StringBuilder("market data configuration:");
        for (final Map.Entry<String, String> entry : values.entrySet()) {
            text.append("\n  ").append(entry.getKey()).append(" = ").append(entry.getValue());
            if (entry.getValue().equals(DEFAULTS.get(entry.getKey()))) {
                text.append(" (default)");
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Map<String, String> defaults() {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(SESSION, SESSION_DEFAULT);
        defaults.put(SHARD, SHARD_DEFAULT);
        defaults.put(GROUP, GROUP_DEFAULT);
        defaults.put(PORT, PORT_DEFAULT);
        defaults.put(INTERFACE, INTERFACE_DEFAULT);
        defaults.put(TTL, TTL_DEFAULT);
        defaults.put(LOOPBACK, LOOPBACK_DEFAULT);
        defaults.put(MAX_PACKET_BYTES, MAX_PACKET_BYTES_DEFAULT);
        defaults.put(HEARTBEAT_INTERVAL_MS, HEARTBEAT_INTERVAL_MS_DEFAULT);
        defaults.put(STORE_DIR, STORE_DIR_DEFAULT);
        defaults.put(SENDER_IDLE_STRATEGY, SENDER_IDLE_STRATEGY_DEFAULT);
        defaults.put(TRANSLATOR_IDLE_STRATEGY, TRANSLATOR_IDLE_STRATEGY_DEFAULT);
        defaults.put(REREQUEST_ADDRESS, REREQUEST_ADDRESS_DEFAULT);
        defaults.put(MAX_MESSAGES_PER_REQUEST, MAX_MESSAGES_PER_REQUEST_DEFAULT);
        defaults.put(MAX_MESSAGES_PER_SECOND_PER_REQUESTER, MAX_MESSAGES_PER_SECOND_PER_REQUESTER_DEFAULT);
        defaults.put(MAX_MESSAGES_PER_SECOND_TOTAL, MAX_MESSAGES_PER_SECOND_TOTAL_DEFAULT);
        defaults.put(REREQUEST_TIMEOUT_MS, REREQUEST_TIMEOUT_MS_DEFAULT);
        defaults.put(REORDER_CAPACITY, REORDER_CAPACITY_DEFAULT);
        defaults.put(RECEIVE_BUFFER_BYTES, RECEIVE_BUFFER_BYTES_DEFAULT);
        return Collections.unmodifiableMap(defaults);
    }
}
