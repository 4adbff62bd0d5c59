package exchange.server;

import exchange.dropcopy.DropCopy;
import exchange.marketdata.service.MarketDataService;
import exchange.fix.ExchangeApplication;
import exchange.fix.FixGateway;
import exchange.fix.FixSession;
import exchange.fix.FixSessions;
import exchange.fix.Instruments;
import exchange.fix.RiskChecks;
import exchange.matching.Instrument;
import exchange.operations.Operations;
import exchange.operations.metrics.FixMetrics;
import exchange.risk.RiskConfig;
import exchange.risk.RiskGateway;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import exchange.sequencer.TradingDay;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The exchange in one process: reads a configuration folder, recovers the sequencer (journal, engine,
 * event log), starts the trading-day lifecycle, the risk gateway's feed, the FIX acceptor and the
 * drop-copy feeds, and logs where it listens. {@link #close()} (also run on SIGTERM) stops them in
 * the reverse order: the FIX sessions are logged out, the consumers stop, the matching thread publishes
 * what it applied and the files are closed.
 */
public final class ExchangeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeServer.class);

    private final ExchangeConfig config;
    private final List<Instrument> instruments;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Sequencer sequencer;
    private final RiskChecks risk;
    private final FixGateway fix;
    private final DropCopy dropCopy;
    private final MarketDataService marketData;
    private final Operations operations;
    private volatile boolean closed;

    private ExchangeServer(final ExchangeConfig config, final EpochNanoClock clock) throws InterruptedException {
        this.config = config;
        LOG.info("configuration {}: {}", config.configDir().toAbsolutePath(), config.describe());
        requireFile("instruments file", config.instrumentsFile(), ExchangeConfig.INSTRUMENTS_FILE);
        requireFile("risk file", config.riskFile(), ExchangeConfig.RISK_FILE);
        this.instruments = InstrumentsFile.read(config.instrumentsFile(), config.sequencer().engine().levelCapacity());
        final RiskConfig riskConfig = RiskConfig.load(config.riskFile());
        riskConfig.checkInstruments(instruments);
        checkSelfTradeFirms(config, riskConfig);
        LOG.info("risk limits {}: {}", config.riskFile(), riskConfig.describe());
        final SessionSettings settings = fixSettings(config);
        this.risk = new RiskChecks(new RiskGateway(riskConfig, instruments));
        checkSessions(settings, risk, config.fixSessionsFile());
        requireFolder(ExchangeConfig.DATA_DIR, config.dataDir());
        requireFolder(exchange.operations.OperationsConfig.REPORTS_DIR, config.operations().reportsDir());
        try {
            this.sequencer = Sequencer.start(config.sequencer(), instruments, clock);
            started.add(sequencer);
            // Commands journaled before a stop but not yet matched are matched now, so that the consumers
            // below catch up with the whole journal before the FIX sessions open.
            if (!sequencer.awaitApplied(10, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("the matching thread did not catch up with the journal",
                    sequencer.failure());
            }
            final TradingDay tradingDay = TradingDay.start(sequencer, config.schedule(), config.gtcCapacity(), clock);
            started.add(tradingDay);
            final FixMetrics fixMetrics = new FixMetrics();
            this.fix = FixGateway.start(settings, risk, new Instruments(instruments), sequencer.commands(),
                sequencer.eventLog(), risk, config.dataDir(), new SystemEpochNanoClock(), new SessionLog(), fixMetrics,
                config.schedule().zone());
            started.add(fix);
            this.dropCopy = DropCopy.start(sequencer.eventLog(), fix.sessions(), new Instruments(instruments), settings,
                config.dataDir(), config.schedule().zone());
            started.add(dropCopy);
            if (config.marketDataEnabled()) {
                this.marketData = MarketDataService.start(config.marketData(), sequencer.eventLog(), instruments,
                    config.sequencer().engine().orderCapacity(), config.schedule().zone());
                started.add(marketData);
            } else {
                this.marketData = null;
                LOG.info("market data is off ({}=false)", ExchangeConfig.MD_ENABLED);
            }
            this.operations = Operations.start(config.operations(), new Operations.Parts(sequencer, tradingDay,
                instruments, risk.gateway(), fix.sessions(), fixMetrics,
                Map.of("gtc-recorder", tradingDay::gtcRecorderSequence)));
            started.add(operations);
        } catch (final RuntimeException e) {
            close();
            throw bindFailure(e);
        } catch (final OutOfMemoryError e) {
            // The engine's stores and the feed's tables are allocated here, at their configured size, once: a size
            // the heap cannot hold is a wrong setting, said in a sentence rather than a stack trace.
            close();
            throw new IllegalArgumentException(memoryFailure(config), e);
        }
        final String tls = tlsSessions(settings);
        for (final InetSocketAddress address : fix.addresses()) {
            LOG.info("FIX acceptor listening on {}:{}{}", address.getHostString(), address.getPort(), tls);
        }
        if (marketData != null) {
            LOG.info("market data: ITCH 5.0 over MoldUDP64 to {} on {}, re-requests on {}",
                config.marketData().groupAddress(), config.marketData().interfaceName(),
                config.marketData().rerequestAddress());
        }
        LOG.info("exchange ready: {} instruments, data in {}", instruments.size(), config.dataDir().toAbsolutePath());
    }

    /**
     * The exchange's keys of each session (SessionNumber, Firm, ...), read as the FIX gateway will read them,
     * so that a mistake stops the start before the sequencer journals anything, and names the file.
     */
    private static void checkSessions(final SessionSettings settings, final RiskChecks firms, final Path file) {
        try {
            FixSessions.from(settings, firms);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A firm's own self-trade prevention ({@code exchange.stp.firm.<id>}) names the firm by its number in the risk
     * file; a number that is no firm's (a slip, or a firm renumbered) would leave the firm meant at the default
     * without a word.
     */
    private static void checkSelfTradeFirms(final ExchangeConfig config, final RiskConfig risk) {
        final java.util.Set<Integer> firms = new java.util.TreeSet<>();
        for (final RiskConfig.Firm firm : risk.firms()) {
            firms.add(firm.id());
        }
        for (final String name : new java.util.TreeSet<>(config.properties().stringPropertyNames())) {
            if (name.startsWith(SequencerConfig.STP_FIRM_PREFIX)) {
                // the number was checked with the setting (SequencerConfig)
                final int firm = Integer.parseInt(name.substring(SequencerConfig.STP_FIRM_PREFIX.length()));
                if (!firms.contains(firm)) {
                    final List<String> known = new ArrayList<>();
                    risk.firms().forEach(f -> known.add(f.id() + " " + f.name()));
                    throw new IllegalArgumentException(name + ": " + config.riskFile().getFileName() + " has no firm "
                        + firm + " (its firms: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
                }
            }
        }
    }

    /** A missing file would otherwise stop the start with the stack trace of a NoSuchFileException. */
    private static void requireFile(final String what, final Path file, final String setting) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + (Files.exists(file) ? " is not a file" : " does not exist")
                + " (" + setting + " in " + ExchangeConfig.FILE_NAME + ", relative to the configuration folder)");
        }
    }

    /**
     * The data and reports folders are made here, before anything is written in them: a path that cannot be
     * a folder would otherwise end in Chronicle Queue's stack trace ("Can't append to a read-only
     * chronicle"), or in the report writer's, without the setting's name.
     */
    private static void requireFolder(final String setting, final Path dir) {
        final Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(setting + ": " + absolute + " is a file, not a folder");
        }
        try {
            Files.createDirectories(absolute);
        } catch (final java.io.IOException e) {
            throw new IllegalArgumentException(setting + ": cannot create the folder " + absolute + " ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(absolute)) {
            throw new IllegalArgumentException(setting + ": the folder " + absolute + " is not writable");
        }
    }

    private static String memoryFailure(final ExchangeConfig config) {
        final exchange.matching.EngineConfig engine = config.sequencer().engine();
        return "not enough memory for the engine's capacity (" + SequencerConfig.ORDER_CAPACITY + " " + engine.orderCapacity()
            + ", " + SequencerConfig.LEVEL_CAPACITY + " " + engine.levelCapacity() + ", " + SequencerConfig.EXTRAS_CAPACITY
            + " " + engine.extrasCapacity() + ", " + SequencerConfig.GTD_CAPACITY + " " + engine.gtdCapacity()
            + ", and the instruments' levels) in a heap of at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB: lower them, or give the JVM more (JAVA_OPTS=-Xmx4g bin/exchange; it starts with -Xmx2g)";
    }

    /**
     * QuickFIX/J reports a FIX port in use as a RuntimeError wrapping the BindException; said here in one
     * sentence naming the address and where the port is set. Anything else is returned as it is.
     */
    private static RuntimeException bindFailure(final RuntimeException e) {
        String where = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Error while binding on ")) {
                where = t.getMessage().substring("Error while binding on ".length());
            }
            if (t instanceof java.net.BindException && where != null) {
                return new IllegalArgumentException("FIX acceptor: cannot listen on " + where + ": " + t.getMessage()
                    + " (the port is SocketAcceptPort in the FIX session file, or " + ExchangeConfig.FIX_PORT + ")", e);
            }
        }
        return e;
    }

    /**
     * Starts the exchange.
     *
     * @throws IllegalArgumentException for a wrong setting, naming it
     */
    public static ExchangeServer start(final ExchangeConfig config) {
        try {
            return new ExchangeServer(config, new SystemEpochNanoClock());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    /** Reads the FIX session file; the message stores go to {@code <data dir>/fix-store}. */
    static SessionSettings fixSettings(final ExchangeConfig config) {
        final Path file = config.fixSessionsFile();
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("FIX session file " + file + " does not exist");
        }
        try {
            final byte[] text = Files.readAllBytes(file);
            SessionFileKeys.refuseRepeats(file, new String(text, StandardCharsets.UTF_8));
            final SessionSettings settings = new SessionSettings(new ByteArrayInputStream(text));
            settings.setString("FileStorePath", config.dataDir().resolve("fix-store").toString());
            checkTls(settings, file);
            if (config.fixPort() >= 0) {
                settings.setLong("SocketAcceptPort", config.fixPort());
                for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); ) {
                    settings.setLong(it.next(), "SocketAcceptPort", config.fixPort());
                }
            }
            return settings;
        } catch (final ConfigError e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    private static final String[] KEY_STORES = {"SocketKeyStore", "SocketTrustStore"};

    /** @return " (TLS)" when every session uses TLS, " (TLS for ...)" naming those that do, or "" */
    private static String tlsSessions(final SessionSettings settings) {
        final List<String> tls = new ArrayList<>();
        int sessions = 0;
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); ) {
            final SessionID id = it.next();
            sessions++;
            if (usesTls(settings, id)) {
                tls.add(id.toString());
            }
        }
        return tls.isEmpty() ? "" : tls.size() == sessions ? " (TLS)" : " (TLS for " + String.join(", ", tls) + ")";
    }

    private static boolean usesTls(final SessionSettings settings, final SessionID id) {
        try {
            return settings.isSetting(id, "SocketUseSSL")
                && "Y".equalsIgnoreCase(settings.getString(id, "SocketUseSSL").trim());
        } catch (final ConfigError e) {
            return false;
        }
    }

    /**
     * TLS settings that QuickFIX/J would take in silence and fail every handshake with: a key or trust
     * store that cannot be read (QuickFIX/J goes on with an empty one), or SocketUseSSL=Y without a key
     * store. A relative store path is resolved against the session file's folder, as the configuration's
     * other files are.
     */
    private static void checkTls(final SessionSettings settings, final Path file) throws ConfigError {
        final Path folder = file.toAbsolutePath().getParent();
        checkTls(settings.getDefaultProperties(), file, "[DEFAULT]", folder); // the live section
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); ) {
            final SessionID id = it.next();
            checkTls(settings.getSessionProperties(id, false), file, id.toString(), folder); // the live section
            if (usesTls(settings, id) && !settings.isSetting(id, "SocketKeyStore")) {
                throw new IllegalArgumentException(file + ": session " + id
                    + " has SocketUseSSL=Y but no SocketKeyStore");
            }
        }
    }

    private static void checkTls(final java.util.Properties section, final Path file, final String name,
                                 final Path folder) {
        for (final String key : KEY_STORES) {
            final String value = section.getProperty(key);
            if (value == null) {
                continue;
            }
            final Path store = folder.resolve(value.trim());
            if (!Files.isRegularFile(store) || !Files.isReadable(store)) {
                throw new IllegalArgumentException(file + ": " + name + " " + key + "=" + value
                    + ": cannot read " + store);
            }
            section.setProperty(key, store.toString());
        }
    }

    public ExchangeConfig config() {
        return config;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public Sequencer sequencer() {
        return sequencer;
    }

    public RiskGateway risk() {
        return risk.gateway();
    }

    public FixGateway fix() {
        return fix;
    }

    public DropCopy dropCopy() {
        return dropCopy;
    }

    /** @return the market-data service, or null when the feed is off */
    public MarketDataService marketData() {
        return marketData;
    }

    /** @return the control plane: admin API, metrics, console */
    public Operations operations() {
        return operations;
    }

    /** @return the port of the first FIX listening address */
    public int fixPort() {
        return fix.addresses().get(0).getPort();
    }

    /** Stops everything that started, in reverse order. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("exchange stopping");
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (final Exception e) {
                LOG.warn("while stopping {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("exchange stopped");
    }

    private static final class SessionLog implements ExchangeApplication.SessionListener {
        @Override
        public void onLogon(final FixSession session) {
            LOG.info("{} logged on", session.sessionId());
        }

        @Override
        public void onLogout(final FixSession session) {
            LOG.info("{} logged out", session.sessionId());
        }
    }

    /** {@code bin/exchange}. */
    @Command(name = "exchange", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Starts the exchange with a configuration folder; stops on SIGTERM or Ctrl-C.")
    static final class Main implements Callable<Integer> {
        @Option(names = "--config", description = "configuration folder (default: ${DEFAULT-VALUE})")
        Path config = Path.of("config");

        @Override
        public Integer call() throws InterruptedException {
            final ExchangeServer server;
            try {
                server = start(ExchangeConfig.load(config));
            } catch (final IllegalArgumentException e) {
                LOG.error("cannot start: {}", e.getMessage());
                return 2;
            } catch (final java.io.UncheckedIOException e) {
                // a configuration file that exists but cannot be read: say which and why, not a stack trace
                // the cause as text: SLF4J would take a Throwable as the last argument for a stack trace
                LOG.error("cannot start: {}: {}", e.getMessage(), String.valueOf(e.getCause()));
                return 2;
            } catch (final exchange.sequencer.CorruptJournalException | IllegalStateException e) {
                // data the start cannot use (a damaged journal, a GTC store without the day that ended, a report
                // feed whose place is not in the event log): the parts say what to do in their message; the
                // trace, for a developer, only at debug level
                LOG.error("cannot start: {}", e.getMessage());
                LOG.debug("what stopped the start", e);
                return 2;
            }
            final CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }
    }

    public static void main(final String[] args) {
        final int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** For tests: settings over the configuration folder's. */
    static ExchangeServer start(final Path configDir, final Map<String, String> overrides) {
        return start(ExchangeConfig.load(configDir, overrides));
    }
}
