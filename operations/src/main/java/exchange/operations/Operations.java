package exchange.operations;

import exchange.fix.FixSessions;
import exchange.matching.Instrument;
import exchange.operations.api.ActionEndpoints;
import exchange.operations.api.ConsoleEndpoints;
import exchange.operations.api.ConsumerLag;
import exchange.operations.api.MetricsPage;
import exchange.operations.api.ReportEndpoints;
import exchange.operations.api.ReadEndpoints;
import exchange.operations.api.Services;
import exchange.operations.api.SessionFigures;
import exchange.operations.http.AdminHttpServer;
import exchange.operations.http.Response;
import exchange.operations.http.Route;
import exchange.operations.metrics.FixMetrics;
import exchange.operations.metrics.PrometheusWriter;
import exchange.operations.reports.ReportWriter;
import exchange.operations.view.MarketView;
import exchange.risk.RiskConfig;
import exchange.risk.RiskGateway;
import exchange.sequencer.AgentErrors;
import exchange.sequencer.IdleStrategies;
import exchange.sequencer.Sequencer;
import exchange.sequencer.TradingDay;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The control plane in the exchange process: the market view and the end-of-day report writer (two
 * consumers of the event log, on one cold-path thread of their own) and the HTTP server of the admin
 * API, the Prometheus page and the console. Start it after the sequencer, the trading day, the risk
 * gateway and the FIX gateway; {@link #close()} before them.
 */
public final class Operations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
    /**
     * The operators' thread's first park when it finds nothing to read; it doubles while idle, up to the cold
     * threads' longest. The console gets a snapshot at most every 50 ms, so a millisecond late costs it nothing,
     * and in a burst the thread reads more events per wake-up: at 1 µs its CPU in {@code bin/bench fix} was 1.0-1.1
     * µs per order (six runs), at 1 ms 0.7-0.9 (twelve runs, 2026-11-28).
     */
    private static final long FIRST_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * What the control plane reads and acts on.
     *
     * @param sessions   the FIX gateway's sessions, null for an exchange without FIX
     * @param fixMetrics the FIX gateway's observer
     * @param consumers  consumers of the event log that keep no position file, by name, with the command of
     *                   the last event each has dealt with
     */
    public record Parts(Sequencer sequencer, TradingDay tradingDay, List<Instrument> instruments, RiskGateway risk,
                        FixSessions sessions, FixMetrics fixMetrics, Map<String, LongSupplier> consumers) {
    }

    private final MarketView view;
    private final ReportWriter reports;
    private final AgentRunner runner;
    private final AdminHttpServer server;

    private Operations(final OperationsConfig config, final Parts parts) {
        // read before the thread below starts, so that a wrong file refuses the start with nothing to undo
        final AdminTokens tokens = config.enabled() ? AdminTokens.load(config.tokenFile()) : null;
        final Path data = parts.sequencer().config().dataDir();
        this.view = new MarketView(parts.sequencer().eventLog(), data.resolve("operations"), parts.instruments(),
            parts.sequencer().config().engine().orderCapacity(), firmNames(parts), accountNames(parts),
            parts.sequencer()::appliedSequence,
            config.depthLevels(), config.tradesKept(), 50);
        this.reports = new ReportWriter(parts.sequencer().eventLog(), data.resolve("positions"), config.reportsDir(),
            parts.instruments(), firmNames(parts));
        this.runner = new AgentRunner(IdleStrategies.cold(FIRST_PARK_NS),
            AgentErrors.of(LOG, "operations"), null, new CompositeAgent(view, reports));
        final int nice = config.threadNice();
        AgentRunner.startOnThread(runner, work -> new Thread(() -> {
            lowerPriority(nice);
            work.run();
        }));
        if (!config.enabled()) {
            this.server = null;
            LOG.info("admin API disabled ({}=false)", OperationsConfig.ENABLED);
            return;
        }
        try {
            this.server = startServer(config, parts, data, tokens);
        } catch (final RuntimeException e) {
            runner.close(); // the exchange's close() does not know this part, which never finished starting
            throw e;
        }
        LOG.info("admin API, metrics and console on http://{}:{}/ ({} operators)", config.bind().getHostAddress(),
            server.port(), tokens.size());
    }

    /**
     * Sets the calling thread's nice value, first thing on the view's and reports' thread: no order waits
     * for them, so on a busy machine they take what the orders leave. 0 leaves it as it is.
     */
    private static void lowerPriority(final int nice) {
        if (nice == 0) {
            return;
        }
        final OptionalInt set = ThreadNiceness.setForCurrentThread(nice);
        if (set.isPresent()) {
            LOG.info("operations thread ({}) runs at nice {}", Thread.currentThread().getName(), set.getAsInt());
        } else {
            LOG.info("operations thread ({}): its nice value could not be set ({}={}); it runs as the "
                + "exchange's other threads", Thread.currentThread().getName(), OperationsConfig.THREAD_NICE, nice);
        }
    }

    private AdminHttpServer startServer(final OperationsConfig config, final Parts parts, final Path data,
                                        final AdminTokens tokens) {
        final Map<String, LongSupplier> consumers = new LinkedHashMap<>(parts.consumers());
        consumers.put(view.roleName(), view::lastEventSequence);
        consumers.put(reports.roleName(), reports::lastEventSequence);
        final Services services = new Services(config, parts.sequencer(), parts.tradingDay(), view, parts.risk(),
            new SessionFigures(parts.sessions(), parts.fixMetrics(), parts.risk()), parts.fixMetrics(),
            new ConsumerLag(parts.sequencer().eventLog(), data.resolve("positions"), consumers), parts.instruments());
        if (tokens.isEmpty()) {
            LOG.warn("admin API: no operator tokens in {}: every request will be refused", config.tokenFile());
        }
        final List<Route> routes = new ArrayList<>();
        routes.addAll(new ReadEndpoints(services).routes());
        routes.addAll(new ActionEndpoints(services).routes());
        routes.addAll(new ReportEndpoints(config.reportsDir()).routes());
        final MetricsPage metrics = new MetricsPage(services);
        routes.add(Route.api("GET", "/metrics", r -> Response.text(200, PrometheusWriter.CONTENT_TYPE, metrics.render())));
        routes.addAll(new ConsoleEndpoints().routes());
        return new AdminHttpServer(new InetSocketAddress(config.bind(), config.port()), tokens, routes);
    }

    private static IntFunction<String> firmNames(final Parts parts) {
        return firmId -> {
            final String name = parts.risk().config().accountDirectory().firmName(firmId);
            return name == null ? "#" + firmId : name;
        };
    }

    private static IntFunction<String> accountNames(final Parts parts) {
        return accountId -> parts.risk().config().accounts().stream().filter(a -> a.id() == accountId)
            .map(RiskConfig.Account::name).findFirst().orElse("#" + accountId);
    }

    /**
     * Starts the market view and, when enabled, the HTTP server.
     *
     * @throws IllegalArgumentException when the port cannot be bound or the token file is wrong
     */
    public static Operations start(final OperationsConfig config, final Parts parts) {
        return new Operations(config, parts);
    }

    /** @return the port of the admin API, -1 when it is disabled */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** @return the market view */
    public MarketView view() {
        return view;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        runner.close();
    }
}
