package exchange.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.operations.ThreadNiceness;
import exchange.operations.api.ActionEndpoints;
import exchange.operations.http.AdminHttpServer;
import exchange.operations.testing.AdminClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import quickfix.Message;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static exchange.operations.testing.AdminClient.at;
import static exchange.operations.testing.AdminClient.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin API over real HTTP against an exchange started from the shipped configuration, with brokers
 * trading over FIX: every read, every action, refusals of bad tokens and bad input.
 */
@Timeout(120)
class AdminApiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private ExchangeServer start() {
        return ExchangeServer.start(ShippedConfig.copyTo(dir.resolve("config")), data());
    }

    private Map<String, String> data() {
        return Map.of(ExchangeConfig.DATA_DIR, dir.resolve("data").toString(), ExchangeConfig.FIX_PORT, "0");
    }

    private void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(ActionEndpoints.AUDIT_LOGGER)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(AdminHttpServer.class)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(ActionEndpoints.AUDIT_LOGGER)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(AdminHttpServer.class)).detachAppender(logs);
    }

    private List<String> logLines() {
        return logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    private static AdminClient admin(final ExchangeServer server) {
        return new AdminClient(server.operations().port(), ShippedConfig.ADMIN_TOKEN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(final List<Object> list, final String key, final String value) {
        return (Map<String, Object>) list.stream().filter(o -> value.equals(((Map<?, ?>) o).get(key))).findFirst()
            .orElseThrow(() -> new AssertionError("no " + key + "=" + value + " in " + list));
    }

    private static BigDecimal decimal(final Object json, final Object... path) {
        return (BigDecimal) at(json, path);
    }

    @Test
    void shouldServeEveryReadOfSessionsBooksTradesConsumersLatencyAndTheJvm() throws Exception {
        try (ExchangeServer server = start();
             FixTestClient b1 = ShippedConfig.loggedOn(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.loggedOn(server.fixPort(), "BROKER2", dir.resolve("clients"))) {
            final AdminClient admin = admin(server);
            ShippedConfig.accepted(b1, FixOrders.limit("B1", "AAPL", '1', "100", "190.25"));
            ShippedConfig.accepted(b1, FixOrders.limit("B2", "AAPL", '1', "10", "190.20"));
            ShippedConfig.accepted(b2, FixOrders.limit("S1", "AAPL", '2', "60", "190"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('F');

            final Map<String, Object> aapl = find(admin.await("/api/instruments",
                a -> number(find(a.jsonArray(), "symbol", "AAPL"), "day", "volume") == 60, WAIT).jsonArray(), "symbol", "AAPL");
            assertThat(at(aapl, "phase")).isEqualTo("CONTINUOUS");
            assertThat(decimal(aapl, "bid", "price")).isEqualByComparingTo("190.25");
            assertThat(number(aapl, "bid", "quantity")).isEqualTo(40);
            assertThat(at(aapl, "ask")).isNull();
            assertThat(decimal(aapl, "last", "price")).isEqualByComparingTo("190.25");
            assertThat(number(aapl, "last", "quantity")).isEqualTo(60);
            assertThat(at(aapl, "last", "aggressor")).isEqualTo("SELL");
            assertThat(at(aapl, "last", "buyer")).isEqualTo("BROKER1");
            assertThat(at(aapl, "last", "seller")).isEqualTo("BROKER2");
            assertThat(decimal(aapl, "day", "vwap")).isEqualByComparingTo("190.25");

            final Map<String, Object> depth = admin.get("/api/instruments/AAPL/depth?levels=1").json();
            assertThat((List<?>) depth.get("bids")).hasSize(1);
            assertThat(decimal(depth, "bids", 0, "price")).isEqualByComparingTo("190.25");
            assertThat(number(admin.get("/api/instruments/aapl/depth").json(), "bids", 1, "quantity")).isEqualTo(10);
            assertThat(number(admin.get("/api/instruments/AAPL").json(), "trades", 0, "quantity")).isEqualTo(60);
            assertThat(number(admin.get("/api/trades").jsonArray(), 0, "match")).isPositive();

            final List<Object> sessions = admin.get("/api/sessions").jsonArray();
            final Map<String, Object> broker1 = find(sessions, "targetCompId", "BROKER1");
            assertThat(at(broker1, "loggedOn")).isEqualTo(true);
            assertThat(at(broker1, "firm")).isEqualTo("BROKER1");
            assertThat(number(broker1, "messagesIn")).as("logon and two orders at least").isGreaterThanOrEqualTo(3);
            assertThat(number(broker1, "messagesOut")).isGreaterThanOrEqualTo(4);
            assertThat(number(broker1, "nextTargetSeqNum")).isGreaterThanOrEqualTo(4);
            assertThat(number(broker1, "throttleRejects")).isZero();
            assertThat(at(find(sessions, "targetCompId", "DROPCOPY"), "loggedOn")).isEqualTo(false);
            assertThat(at(find(sessions, "targetCompId", "DROPCOPY"), "role")).isEqualTo("drop-copy");

            final Map<String, Object> consumers = admin.await("/api/consumers",
                a -> number(find((List<Object>) a.json().get("consumers"), "name", "execution-reports"), "lag") == 0, WAIT).json();
            assertThat(number(consumers, "eventLogLastSequence")).isPositive();
            final List<String> names = ((List<Object>) consumers.get("consumers")).stream()
                .map(c -> (String) ((Map<?, ?>) c).get("name")).toList();
            assertThat(names).contains("execution-reports", "gtc-recorder", "operations-view", "drop-copy-5");
            // every consumer catches up, the GTC recorder too (its file moves only at each end of day, so the lag
            // must come from where it has read, or it would grow all day, as a stuck consumer's does)
            admin.await("/api/consumers", a -> ((List<Object>) a.json().get("consumers")).stream()
                .allMatch(c -> number(c, "lag") == 0), WAIT);

            final Map<String, Object> latency = admin.get("/api/latency").json();
            assertThat(at(latency, "unit")).isEqualTo("microseconds");
            final Map<String, Object> fixIn = find((List<Object>) latency.get("stages"), "stage", "fix_in_to_journal");
            assertThat(number(fixIn, "count")).isGreaterThanOrEqualTo(3);
            assertThat(decimal(fixIn, "p99")).isPositive();
            assertThat(number(find((List<Object>) latency.get("stages"), "stage", "event_to_report"), "count")).isPositive();

            final Map<String, Object> jvm = admin.get("/api/jvm").json();
            assertThat(number(jvm, "heapUsedBytes")).isPositive();
            assertThat((List<?>) jvm.get("gc")).isNotEmpty();

            final Map<String, Object> day = admin.get("/api/trading-day").json();
            assertThat(at(day, "open")).isEqualTo(true);
            assertThat(at(day, "phase")).isEqualTo("CONTINUOUS");
            assertThat(at(find(admin.get("/api/firms").jsonArray(), "name", "BROKER1"), "killSwitch")).isEqualTo(false);

            final Map<String, Object> overview = admin.get("/api/overview?instrument=AAPL&levels=5").json();
            assertThat(overview).containsKeys("time", "tradingDay", "sessions", "instruments", "depth", "trades", "latency",
                "killSwitches", "firms");
            assertThat(at(overview, "depth", "symbol")).isEqualTo("AAPL");

            final String metrics = admin.get("/metrics").body();
            assertThat(metrics).contains("exchange_trades_total{instrument=\"AAPL\"} 1\n",
                "exchange_traded_quantity_total{instrument=\"AAPL\"} 60\n", "exchange_orders_accepted_total 3\n",
                "exchange_fix_session_logged_on{session=\"BROKER1\"} 1\n",
                "exchange_instrument_phase{instrument=\"AAPL\",phase=\"CONTINUOUS\"} 1\n",
                "exchange_latency_seconds{stage=\"fix_in_to_journal\",quantile=\"0.99\"}",
                "exchange_consumer_lag_commands{consumer=\"execution-reports\"}", "exchange_journal_size_bytes",
                "# TYPE exchange_latency_seconds summary", "jvm_memory_heap_used_bytes", "jvm_gc_collections_total{gc=");
            for (final String line : metrics.split("\n")) {
                assertThat(line).matches("# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*})? \\S+");
            }

            final AdminClient.Answer stream = new AdminClient(server.operations().port(), null)
                .get("/api/stream?max=2&instrument=AAPL&token=" + ShippedConfig.ADMIN_TOKEN);
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().get("content-type")).anyMatch(t -> t.startsWith("text/event-stream"));
            assertThat(stream.body().split("event: overview\ndata: ")).hasSize(3);
        }
    }

    /** Linux: the thread of the view and the reports runs at the shipped nice value, the order path as it was. */
    @Test
    void shouldRunTheViewsThreadBelowTheOrderPathsThreads() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "nice values per thread are Linux's");
        try (ExchangeServer server = start()) {
            final long deadline = System.nanoTime() + WAIT.toNanos();
            Map<String, Integer> nice = threadNiceValues();
            while (nice.getOrDefault("[operations-vie", 0) != 19 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                nice = threadNiceValues();
            }
            final int ours = ThreadNiceness.currentThreadNice().orElseThrow();
            assertThat(nice).as("by thread name (15 characters, as Linux keeps them)")
                .containsEntry("[operations-vie", 19)
                .containsEntry("matching", ours)
                .containsEntry("execution-repor", ours);
        }
    }

    /** @return each thread of this JVM's nice value, by its name as /proc/self/task/<tid>/comm gives it */
    private static Map<String, Integer> threadNiceValues() throws IOException {
        final Map<String, Integer> nice = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (final Path task : tasks.toList()) {
                try {
                    final String name = Files.readString(task.resolve("comm")).trim();
                    ThreadNiceness.niceOf(task).ifPresent(value -> nice.put(name, value));
                } catch (final NoSuchFileException ended) {
                    // a thread that ended while listed
                }
            }
        }
        return nice;
    }

    @Test
    void shouldRefuseRequestsWithoutTheRightTokenAndLogAWrongOne() throws Exception {
        captureLogs();
        try (ExchangeServer server = start()) {
            final int port = server.operations().port();
            final AdminClient.Answer none = new AdminClient(port, null).get("/api/sessions");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.error()).contains("missing token");
            assertThat(none.headers().get("www-authenticate")).containsExactly("Bearer realm=\"exchange-admin\"");
            final AdminClient.Answer wrong = new AdminClient(port, "not-the-demo-token-at-all").post("/api/end-of-day", "{}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.error()).isEqualTo("wrong token");
            assertThat(new AdminClient(port, null).get("/metrics").status()).isEqualTo(401);
            assertThat(new AdminClient(port, null).get("/api/sessions?token=" + ShippedConfig.ADMIN_TOKEN).status())
                .as("only the stream takes the token in the query").isEqualTo(401);
            assertThat(admin(server).get("/api/sessions").status()).isEqualTo(200);
            assertThat(logLines()).anyMatch(l -> l.startsWith("WARN admin API: wrong token from 127.0.0.1:")
                && l.endsWith("for POST /api/end-of-day"));
            assertThat(admin(server).get("/api/trading-day").json().get("open")).as("the refused action was not done")
                .isEqualTo(true);
        }
        // no token file, no access
        Files.delete(dir.resolve("config").resolve("admin.tokens"));
        try (ExchangeServer server = ExchangeServer.start(dir.resolve("config"), data())) {
            final AdminClient.Answer refused = admin(server).get("/api/sessions");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.error()).contains("no operator tokens are configured");
        }
    }

    @Test
    void shouldAnswerBadRequestsWithAReasonAndKeepRunning() throws Exception {
        try (ExchangeServer server = start()) {
            final AdminClient admin = admin(server);
            assertRefused(admin.get("/api/instruments/NOPE"), 404, "unknown instrument NOPE");
            assertRefused(admin.get("/api/nothing-here"), 404, "no such endpoint: GET /api/nothing-here");
            final AdminClient.Answer wrongMethod = admin.post("/api/sessions", "{}");
            assertRefused(wrongMethod, 405, "POST is not allowed on /api/sessions; use GET");
            assertThat(wrongMethod.headers().get("allow")).containsExactly("GET");
            assertRefused(admin.get("/api/instruments/AAPL/depth?levels=0"), 400, "levels must be from 1 to 20: 0");
            assertRefused(admin.get("/api/instruments/AAPL/depth?levels=x"), 400, "levels must be a whole number: 'x'");
            assertRefused(admin.post("/api/instruments/AAPL/halt", "{\"reason\": "), 400, "JSON: unexpected end of the document");
            assertRefused(admin.post("/api/instruments/AAPL/halt", "[1]"), 400, "expected a JSON object, got an array");
            assertRefused(admin.post("/api/instruments/AAPL/halt", "{\"resaon\":\"typo\"}"), 400, "unknown member \"resaon\"");
            assertRefused(admin.post("/api/instruments/AAPL/phase", "{}"), 400, "\"phase\" is required");
            assertRefused(admin.post("/api/instruments/AAPL/phase", "{\"phase\":\"lunch\"}"), 400, "unknown phase 'lunch'");
            assertRefused(admin.post("/api/instruments/AAPL/phase", "{\"phase\":7}"), 400, "\"phase\" must be a string, got a number");
            assertRefused(admin.post("/api/instruments/AAPL/resume", "{}"), 409, "AAPL is not halted (CONTINUOUS)");
            assertRefused(admin.post("/api/mass-cancel", "{}"), 400, "say what to cancel");
            assertRefused(admin.post("/api/mass-cancel", "{\"firm\":\"NOBODY\"}"), 404, "unknown firm NOBODY");
            assertRefused(admin.post("/api/mass-cancel", "{\"account\":\"ACC1\"}"), 400, "\"account\" needs its \"firm\"");
            assertRefused(admin.post("/api/mass-cancel", "{\"firm\":\"BROKER1\",\"account\":\"ACC3\"}"), 404,
                "firm BROKER1 has no account ACC3");
            assertRefused(admin.post("/api/instruments/AAPL/halt", "{\"reason\":\"" + "x".repeat(70_000) + "\"}"), 413,
                "longer than 65536 bytes");
            final long before = server.sequencer().commands().lastSequence();
            assertThat(server.sequencer().commands().lastSequence()).as("nothing refused was journaled").isEqualTo(before);
            assertThat(admin.get("/api/trading-day").status()).as("still running").isEqualTo(200);
        }
    }

    private static void assertRefused(final AdminClient.Answer answer, final int status, final String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.error()).contains(reason);
    }

    @Test
    void shouldHaltResumeChangePhaseMassCancelAndEndTheDayThroughTheSequencerAndSayWhoAsked() throws Exception {
        captureLogs();
        try (ExchangeServer server = start();
             FixTestClient b1 = ShippedConfig.loggedOn(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.loggedOn(server.fixPort(), "BROKER2", dir.resolve("clients"))) {
            final AdminClient admin = admin(server);

            final AdminClient.Answer halt = admin.post("/api/instruments/AAPL/halt", "{\"reason\":\"news pending\"}");
            assertThat(halt.status()).as(halt.body()).isEqualTo(200);
            assertThat(at(halt.json(), "applied")).isEqualTo(true);
            assertThat(at(halt.json(), "operator")).isEqualTo("demo");
            assertThat(at(halt.json(), "state", "phase")).isEqualTo("HALTED");
            final long haltSequence = number(halt.json(), "sequence");
            b1.send(FixOrders.limit("H1", "AAPL", '1', "10", "190"));
            final Message refused = b1.next("8", WAIT);
            assertThat(refused.getChar(150)).isEqualTo('8');
            assertThat(logLines()).anyMatch(l -> l.startsWith("INFO operator demo from 127.0.0.1:")
                && l.endsWith("halt AAPL (phase HALTED) because \"news pending\" (command " + haltSequence + ")"));

            final AdminClient.Answer resume = admin.post("/api/instruments/AAPL/resume", "");
            assertThat(at(resume.json(), "state", "phase")).isEqualTo("CONTINUOUS");
            final AdminClient.Answer preOpen = admin.post("/api/instruments/MSFT/phase", "{\"phase\":\"pre-open\"}");
            assertThat(at(preOpen.json(), "state", "phase")).isEqualTo("PRE_OPEN");
            assertThat(at(admin.post("/api/instruments/MSFT/phase", "{\"phase\":\"auction\"}").json(), "state", "phase"))
                .isEqualTo("VOLATILITY_AUCTION");
            assertThat(at(admin.post("/api/instruments/MSFT/phase", "{\"phase\":\"Continuous\"}").json(), "state", "phase"))
                .isEqualTo("CONTINUOUS");

            ShippedConfig.accepted(b1, FixOrders.limit("A1", "AAPL", '1', "10", "190"));
            ShippedConfig.accepted(b1, FixOrders.limit("T1", "TSLA", '1', "5", "250"));
            ShippedConfig.accepted(b2, FixOrders.limit("T2", "TSLA", '2', "5", "260"));

            final AdminClient.Answer onTsla = admin.post("/api/mass-cancel", "{\"instrument\":\"TSLA\"}");
            assertThat(onTsla.status()).as(onTsla.body()).isEqualTo(200);
            assertThat(number(onTsla.json(), "cancelled")).as("both firms' orders on TSLA").isEqualTo(2);
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('4');
            final AdminClient.Answer firm = admin.post("/api/mass-cancel", "{\"firm\":\"broker1\"}");
            assertThat(number(firm.json(), "cancelled")).isEqualTo(1);
            assertThat(at(firm.json(), "firm")).isEqualTo("BROKER1");
            final Message cancelled = b1.next("8", WAIT);
            assertThat(cancelled.getChar(150)).isEqualTo('4');
            assertThat(cancelled.getString(11)).isEqualTo("A1");
            assertThat(number(admin.get("/api/instruments/AAPL").json(), "day", "volume")).isZero();

            ShippedConfig.accepted(b1, FixOrders.limit("M1", "MSFT", '1', "5", "420"));
            ShippedConfig.accepted(b2, FixOrders.limit("M2", "MSFT", '2', "5", "420"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('F');
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('F');
            ShippedConfig.accepted(b2, FixOrders.limit("D1", "SPY", '1', "3", "560"));
            final AdminClient.Answer end = admin.post("/api/end-of-day", "{}");
            assertThat(end.status()).as(end.body()).isEqualTo(200);
            assertThat(number(end.json(), "expired")).isEqualTo(1);
            assertThat(number(end.json(), "tradingDate")).isEqualTo(number(admin.get("/api/trading-day").json(), "date"));
            assertThat(b2.next("8", WAIT).getChar(150)).as("the Day order expired").isEqualTo('C');
            assertThat(admin.get("/api/trading-day").json().get("open")).isEqualTo(false);
            assertThat(at(find(admin.get("/api/instruments").jsonArray(), "symbol", "SPY"), "phase")).isEqualTo("CLOSED");
            assertRefused(admin.post("/api/end-of-day", "{}"), 409, "no trading day is open");

            // the day's reports, written by a consumer of the event log at the DayEnded
            final String date = Long.toString(number(end.json(), "tradingDate"));
            final Map<String, Object> report = find(admin.await("/api/reports", a -> !a.jsonArray().isEmpty(), WAIT)
                .jsonArray(), "day", date);
            assertThat(number(report, "trades")).isEqualTo(1);
            final String[] trades = admin.get("/api/reports/" + date + "/trades.csv").body().split("\n");
            assertThat(trades).hasSize(2);
            assertThat(trades[0]).isEqualTo("time,instrument,price,quantity,buyer_firm,seller_firm,aggressor_side,match_number");
            assertThat(trades[1]).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,MSFT,420.00,5,BROKER1,BROKER2,SELL,\\d+");
            assertThat(admin.get("/api/reports/" + date + "/statistics.csv").body())
                .contains("\nMSFT,420.00,420.00,420.00,420.00,5,420.00,2100.00,1\n", "\nAAPL,,,,,0,,0.00,0\n");
            final Map<String, Object> msft = find(admin.get("/api/reports/" + date + "/statistics").jsonArray(),
                "instrument", "MSFT");
            assertThat(decimal(msft, "vwap")).isEqualByComparingTo("420");
            assertRefused(admin.get("/api/reports/19990101/trades.csv"), 404, "no report for 19990101");
            assertRefused(admin.get("/api/reports/yesterday/trades.csv"), 400, "a report day is named yyyymmdd");
            assertRefused(admin.get("/api/reports/..%2F..%2Fconfig/trades.csv"), 404, "no such endpoint");
            assertThat(logLines()).anyMatch(l -> l.contains("operator demo from 127.0.0.1:") && l.contains("end of day"));
        }
    }

    @Test
    void shouldPullAFirmsKillSwitchThroughTheSequencerCancellingItsOrdersAndRefusingNewOnes() throws Exception {
        captureLogs();
        try (ExchangeServer server = start();
             FixTestClient b1 = ShippedConfig.loggedOn(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.loggedOn(server.fixPort(), "BROKER2", dir.resolve("clients"))) {
            final AdminClient admin = admin(server);
            ShippedConfig.accepted(b1, FixOrders.limit("K1", "AAPL", '1', "10", "190"));
            final Message acc1 = FixOrders.limit("K2", "MSFT", '1', "10", "420");
            acc1.setString(1, "ACC1");
            b1.send(acc1);
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');

            final AdminClient.Answer account = admin.post("/api/firms/BROKER1/kill-switch", "{\"on\":true,\"account\":\"ACC1\"}");
            assertThat(account.status()).as(account.body()).isEqualTo(200);
            assertThat(number(account.json(), "cancelled")).isEqualTo(1);
            assertThat(at(account.json(), "killSwitches")).isEqualTo(List.of(Map.of("firm", "BROKER1", "account", "ACC1")));
            assertThat(b1.next("8", WAIT).getString(11)).isEqualTo("K2");

            final AdminClient.Answer firm = admin.post("/api/firms/broker1/kill-switch", "{\"on\":true}");
            assertThat(number(firm.json(), "cancelled")).isEqualTo(1);
            final Message cancelled = b1.next("8", WAIT);
            assertThat(cancelled.getChar(150)).isEqualTo('4');
            assertThat(cancelled.getString(11)).isEqualTo("K1");
            b1.send(FixOrders.limit("K3", "AAPL", '1', "10", "190"));
            final Message refused = b1.next("8", WAIT);
            assertThat(refused.getChar(150)).isEqualTo('8');
            assertThat(refused.getString(58)).contains("Kill switch");
            b2.send(FixOrders.limit("OK", "AAPL", '1', "10", "190"));
            assertThat(b2.next("8", WAIT).getChar(150)).as("another firm trades on").isEqualTo('0');
            assertThat(at(find(admin.get("/api/firms").jsonArray(), "name", "BROKER1"), "killSwitch")).isEqualTo(true);
            assertThat(admin.get("/metrics").body()).contains("exchange_kill_switches 2\n");
            assertThat(logLines()).anyMatch(l -> l.contains("operator demo from 127.0.0.1:")
                && l.contains("kill switch ON for firm BROKER1"));

            final AdminClient.Answer off = admin.post("/api/firms/BROKER1/kill-switch", "{\"on\":false}");
            assertThat(at(off.json(), "killSwitches")).isEqualTo(List.of(Map.of("firm", "BROKER1", "account", "ACC1")));
            b1.send(FixOrders.limit("K4", "AAPL", '1', "10", "190"));
            assertThat(b1.next("8", WAIT).getChar(150)).as("the firm trades again").isEqualTo('0');

            assertRefused(admin.post("/api/firms/NOBODY/kill-switch", "{\"on\":true}"), 404, "unknown firm NOBODY");
            assertRefused(admin.post("/api/firms/BROKER1/kill-switch", "{}"), 400, "\"on\" must be true or false, got null");
            assertRefused(admin.post("/api/firms/BROKER1/kill-switch", "{\"on\":\"yes\"}"), 400, "got a string");
        }
    }

    @Test
    void shouldKeepAnInstrumentHaltedAndAKillSwitchOnThroughARestartBecauseBothWereJournaled() throws Exception {
        try (ExchangeServer server = start()) {
            assertThat(admin(server).post("/api/instruments/TSLA/halt", "{}").status()).isEqualTo(200);
            assertThat(admin(server).post("/api/firms/BROKER2/kill-switch", "{\"on\":true}").status()).isEqualTo(200);
        }
        try (ExchangeServer server = ExchangeServer.start(dir.resolve("config"), data());
             FixTestClient b1 = ShippedConfig.loggedOn(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.loggedOn(server.fixPort(), "BROKER2", dir.resolve("clients"))) {
            admin(server).await("/api/instruments/TSLA", a -> "HALTED".equals(a.json().get("phase")), WAIT);
            assertThat(at(find(admin(server).get("/api/firms").jsonArray(), "name", "BROKER2"), "killSwitch")).isEqualTo(true);
            assertThat(server.risk().isKillSwitchOn(2, 0)).as("the risk gateway learnt it from the event log").isTrue();
            b1.send(FixOrders.limit("R1", "TSLA", '1', "1", "250"));
            final Message halted = b1.next("8", WAIT);
            assertThat(halted.getChar(150)).isEqualTo('8');
            assertThat(halted.getString(58)).containsIgnoringCase("halted");
            b2.send(FixOrders.limit("R2", "AAPL", '1', "1", "190"));
            final Message killed = b2.next("8", WAIT);
            assertThat(killed.getChar(150)).isEqualTo('8');
            assertThat(killed.getString(58)).contains("Kill switch");
        }
    }
}
