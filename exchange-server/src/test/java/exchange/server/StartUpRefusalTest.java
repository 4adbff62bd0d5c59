package exchange.server;

import exchange.risk.RiskConfig;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator's mistakes in the configuration folder: each stops the start with one sentence naming the
 * file or setting and what is wrong (what {@code bin/exchange} prints as "cannot start: ..."), never a
 * stack trace, and leaves nothing of the exchange running.
 */
@Timeout(60)
class StartUpRefusalTest {
    @TempDir
    Path dir;

    private Path config() {
        return ShippedConfig.copyTo(dir.resolve("config"));
    }

    private Map<String, String> inTempDir() {
        return ShippedConfig.isolated(dir);
    }

    @Test
    void shouldRefuseABadAdminTokenFileAndLeaveNoThreadOfTheControlPlaneRunning() throws Exception {
        final Path config = config();
        Files.writeString(config.resolve("admin.tokens"), "bob = short\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("admin.tokens line")
            .hasMessageContaining("at least 16 printable characters");
        assertThat(Thread.getAllStackTraces().keySet()).as("threads after the refused start")
            .noneMatch(t -> t.isAlive() && t.getName().contains("operations-view"));
    }

    @Test
    void shouldRefuseAMissingInstrumentsOrRiskFileNamingIt() throws Exception {
        final Path config = config();
        Files.delete(config.resolve("instruments.csv"));
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("instruments file " + config.resolve("instruments.csv") + " does not exist")
            .hasMessageContaining(ExchangeConfig.INSTRUMENTS_FILE);
        ShippedConfig.copyTo(dir.resolve("other"));
        Files.copy(dir.resolve("other").resolve("instruments.csv"), config.resolve("instruments.csv"));
        Files.delete(config.resolve("risk.properties"));
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("risk file " + config.resolve("risk.properties") + " does not exist")
            .hasMessageContaining(ExchangeConfig.RISK_FILE);
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void shouldRefuseADataFolderThatIsAFileNamingTheSetting() throws Exception {
        final Path config = config();
        final Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        final Map<String, String> settings = new java.util.HashMap<>(inTempDir());
        settings.put(ExchangeConfig.DATA_DIR, file.toString());
        assertThatThrownBy(() -> ExchangeServer.start(config, settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(ExchangeConfig.DATA_DIR)
            .hasMessageContaining(file.toAbsolutePath() + " is a file, not a folder");
        settings.put(ExchangeConfig.DATA_DIR, file.resolve("data").toString());
        assertThatThrownBy(() -> ExchangeServer.start(config, settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(ExchangeConfig.DATA_DIR)
            .hasMessageContaining("cannot create");
        settings.put(ExchangeConfig.DATA_DIR, dir.resolve("data").toString());
        settings.put(exchange.operations.OperationsConfig.REPORTS_DIR, file.resolve("reports").toString());
        assertThatThrownBy(() -> ExchangeServer.start(config, settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(exchange.operations.OperationsConfig.REPORTS_DIR + ": cannot create the folder");
    }

    /**
     * The GTC store is data, not configuration, but a damaged one stops the start in the same way: the good-till
     * orders it holds cannot come back as they were, and starting would lose or change them.
     */
    @Test
    void shouldRefuseADamagedGtcStoreNamingItAndLeaveNothingRunning() throws Exception {
        final Path config = config();
        final Path gtc = dir.resolve("data").resolve("gtc");
        try (exchange.sequencer.GtcStore store = new exchange.sequencer.GtcStore(gtc, 100, 100)) {
            store.saveAll(20261126, List.of());
        }
        Files.write(gtc.resolve("gtc-orders.cm"), new byte[0]);
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(java.io.UncheckedIOException.class)
            .hasMessageContaining("the GTC store " + gtc.resolve("gtc-orders.cm") + " is damaged")
            .cause().hasMessage("the file is empty");
        assertThat(Thread.getAllStackTraces().keySet()).as("threads after the refused start")
            .noneMatch(t -> t.isAlive() && (t.getName().contains("matching") || t.getName().contains("trading-day")));
    }

    @Test
    void shouldRefuseAFixPortInUseNamingThePort() throws Exception {
        final Path config = config();
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress("0.0.0.0", 0));
            final Map<String, String> settings = new java.util.HashMap<>(inTempDir());
            settings.put(ExchangeConfig.FIX_PORT, Integer.toString(taken.getLocalPort()));
            assertThatThrownBy(() -> ExchangeServer.start(config, settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIX acceptor: cannot listen on")
                .hasMessageContaining(":" + taken.getLocalPort())
                .hasMessageContaining("SocketAcceptPort");
        }
    }

    /** Starts the exchange from the session file with one change to the shipped text: the start must fail. */
    private AbstractThrowableAssert<?, ? extends Throwable> startWith(final Path sessions, final String shipped,
                                                                     final String from, final String to) throws IOException {
        Files.writeString(sessions, shipped.replace(from, to));
        return assertThatThrownBy(() -> ExchangeServer.start(sessions.getParent(), inTempDir()));
    }

    /** QuickFIX/J keeps the last of two lines with one key in a section and says nothing, as Properties does. */
    @Test
    void shouldRefuseASessionKeyGivenTwiceInOneSectionNamingTheLines() throws Exception {
        final Path config = config();
        final Path sessions = config.resolve("fix-sessions.cfg");
        final String shipped = Files.readString(sessions);
        final List<String> lines = List.of(shipped.split("\n", -1));
        final int first = lines.indexOf("CancelOnDisconnect=Y") + 1;
        final int section = lines.subList(0, first).lastIndexOf("[SESSION]") + 1;
        startWith(sessions, shipped, "CancelOnDisconnect=Y", "CancelOnDisconnect=Y\nCancelOnDisconnect=N")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(sessions + ": CancelOnDisconnect is given twice in the [SESSION] section of line " + section
                + ", on line " + first + " and line " + (first + 1) + "; keep one");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void shouldRefuseABadSessionKeyNamingTheFileTheSessionAndTheKeyBeforeStarting() throws Exception {
        final Path config = config();
        final Path sessions = config.resolve("fix-sessions.cfg");
        final String shipped = Files.readString(sessions);
        startWith(sessions, shipped, "SessionNumber=1\n", "SessionNumber=one\n")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(sessions + ": FIX.4.4:EXCH->BROKER1: SessionNumber must be a whole number: 'one'");
        startWith(sessions, shipped, "SessionNumber=1\n", "SessionNumber=4294967298\n")
            .as("not cut to an int (4294967298 would be 2, BROKER2's)")
            .hasMessage(sessions + ": FIX.4.4:EXCH->BROKER1: SessionNumber must be 1 to 65535, got 4294967298");
        startWith(sessions, shipped, "SessionNumber=2\n", "SessionNumber=1\n")
            .hasMessageStartingWith(sessions + ": SessionNumber 1 is used by both");
        startWith(sessions, shipped, "CancelOnDisconnect=Y", "CancelOnDisconect=Y")
            .as("a slip in a key's name, which QuickFIX/J would ignore")
            .hasMessageEndingWith(": CancelOnDisconect is not a setting; did you mean CancelOnDisconnect?");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void shouldRefuseAGuardSettingOutOfRangeNamingIt() throws Exception {
        final Path config = config();
        final Path sessions = config.resolve("fix-sessions.cfg");
        final String shipped = Files.readString(sessions);
        startWith(sessions, shipped, "MaxFailedLogonsPerMinute=10", "MaxFailedLogonsPerMinute=-1")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("MaxFailedLogonsPerMinute must be 0 (no limit) or more: -1");
        startWith(sessions, shipped, "LogonWaitSeconds=10", "LogonWaitSeconds=0")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("LogonWaitSeconds must be at least 1: 0");
    }

    @Test
    void shouldRefuseASessionThrottleTheRiskGatewayCannotKeepBeforeStarting() throws Exception {
        // The risk gateway keeps one slot per message of a session's rate, up to 100,000 a second: a higher
        // MaxMessagesPerSecond must stop the start, not fail every message of the session once it is up.
        final Path config = config();
        final Path sessions = config.resolve("fix-sessions.cfg");
        Files.writeString(sessions, Files.readString(sessions).replace("SessionNumber=1\n",
            "SessionNumber=1\nMaxMessagesPerSecond=200000\n"));
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(sessions + ": FIX.4.4:EXCH->BROKER1: MaxMessagesPerSecond must be 0 (the risk default, "
                + RiskConfig.MESSAGES_PER_SECOND + ") to 100000, got 200000");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void shouldRefuseAnEngineCapacityOutOfRangeNamingTheSetting() {
        final Path config = config();
        for (final String name : new String[] {"exchange.engine.orders", "exchange.engine.levels", "exchange.engine.extras",
            "exchange.engine.gtd"}) {
            final Map<String, String> settings = new java.util.HashMap<>(inTempDir());
            settings.put(name, "-1");
            assertThatThrownBy(() -> ExchangeServer.start(config, settings)).as(name)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must be 1 to ")
                .hasMessageEndingWith(": -1");
        }
        // 2^28 orders would be 2^31 words of the order store, one more than a Java array holds
        final Map<String, String> settings = new java.util.HashMap<>(inTempDir());
        settings.put("exchange.engine.orders", Integer.toString(1 << 28));
        assertThatThrownBy(() -> ExchangeServer.start(config, settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("exchange.engine.orders must be 1 to 268435455: 268435456");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void shouldNameTheSettingOfEveryWrongValueOfExchangeProperties() {
        final Path config = config();
        final String[][] wrong = {
            {"exchange.sequencer.durability", "fsync", "page-cache or sync"},
            {"exchange.sequencer.idle", "spin", "busy-spin, yield, backoff or sleep"},
            {"exchange.schedule.clock-interval-ms", "1s", "a whole number of milliseconds"},
        };
        for (final String[] w : wrong) {
            assertThatThrownBy(() -> ExchangeConfig.load(config, Map.of(w[0], w[1]))).as(w[0])
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(w[0])
                .hasMessageContaining(w[2])
                .hasMessageContaining("'" + w[1] + "'");
        }
    }

    /**
     * An instrument's price levels per side come from the engine's levels of all books together, so more than
     * those can never be used; allocated as asked, a large number ended the start in an OutOfMemoryError.
     */
    @Test
    void shouldRefuseMorePriceLevelsForAnInstrumentThanTheEngineHasNamingTheLine() throws Exception {
        final Path config = config();
        final Path instruments = config.resolve("instruments.csv");
        final String shipped = Files.readString(instruments);
        Files.writeString(instruments, shipped.replace("1,AAPL,0.01,1,190.00,4096,", "1,AAPL,0.01,1,190.00,2000000000,"));
        final int line = java.util.Arrays.asList(Files.readString(instruments).split("\n")).indexOf(
            "1,AAPL,0.01,1,190.00,2000000000,1000,500,300,120,reject,reject") + 1;
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(instruments + " line " + line + ": AAPL: levels 2000000000 is more than exchange.engine.levels"
                + " (65536), the price levels of all books together");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
        final Map<String, String> more = new java.util.HashMap<>(inTempDir());
        more.put("exchange.engine.levels", "2000000");
        Files.writeString(instruments, shipped.replace("1,AAPL,0.01,1,190.00,4096,", "1,AAPL,0.01,1,190.00,70000,"));
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .hasMessageContaining("AAPL: levels 70000 is more than exchange.engine.levels (65536)");
        try (ExchangeServer server = ExchangeServer.start(config, more)) {
            assertThat(server.instruments().get(0).maxPriceLevels()).isEqualTo(70000);
        }
    }

    /**
     * Engine stores larger than the heap: bin/exchange ended in an OutOfMemoryError's stack trace with exit code 1.
     * In a child JVM as bin/exchange runs it (this JVM writes a heap dump on an OutOfMemoryError).
     */
    @Test
    void shouldRefuseAnEngineCapacityTheHeapCannotHoldInOneSentence() throws Exception {
        final Path config = config();
        try (ServerProcess server = ServerProcess.launch(config, dir.resolve("data"), 0,
            List.of("-Dexchange.engine.orders=100000000"))) {
            assertThat(server.awaitExit(60_000)).as("exit code").isEqualTo(2);
            assertThat(server.output()).as("its output").noneMatch(l -> l.contains("Exception") || l.contains("Error:")
                    || l.trim().startsWith("at "))
                // the heap as the JVM reports it: 512 MB (-Xmx512m) under G1, less a survivor space under the
                // serial collector, which the JVM picks on a machine with one CPU
                .anyMatch(l -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                    "cannot start: not enough memory for the engine's capacity (exchange.engine.orders 100000000, "
                    + "exchange.engine.levels 65536, exchange.engine.extras 65536, exchange.engine.gtd 65536, and the "
                    + "instruments' levels) in a heap of at most ") + "(4[5-9]\\d|5[01]\\d) MB"
                    + java.util.regex.Pattern.quote(": lower them, or give the JVM more (JAVA_OPTS=-Xmx")).matcher(l).find());
        }
    }

    /**
     * Data that cannot be used (here a journal folder whose Chronicle metadata file is something else) stops the
     * start as a configuration mistake does: "cannot start: " and the sentence, exit code 2, not picocli's stack
     * trace with exit code 1.
     */
    @Test
    void shouldRefuseADamagedJournalInOneSentence() throws Exception {
        final Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("journal"));
        Files.writeString(data.resolve("journal").resolve("metadata.cq4t"), "not a queue");
        try (ServerProcess server = ServerProcess.launch(config(), data, 0, List.of())) {
            assertThat(server.awaitExit(60_000)).as("exit code").isEqualTo(2);
            assertThat(server.output()).as("its output").noneMatch(l -> l.contains("Exception") || l.trim().startsWith("at "))
                .anyMatch(l -> l.contains("cannot start: cannot open the journal in " + data.resolve("journal") + ": ")
                    && l.contains("is not a Chronicle Queue metadata file"));
        }
    }

    /** A firm's own self-trade prevention for a firm number risk.properties does not have would never apply. */
    @Test
    void shouldRefuseASelfTradePreventionSettingForAFirmThatDoesNotExist() {
        final Path config = config();
        final Map<String, String> settings = new java.util.HashMap<>(inTempDir());
        settings.put("exchange.stp.firm.9", "decrement");
        assertThatThrownBy(() -> ExchangeServer.start(config, settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("exchange.stp.firm.9: risk.properties has no firm 9 (its firms: 1 BROKER1, 2 BROKER2)");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
        settings.remove("exchange.stp.firm.9");
        settings.put("exchange.stp.firm.2", "decrement");
        try (ExchangeServer server = ExchangeServer.start(config, settings)) {
            assertThat(server.config().sequencer().engine().selfTradePrevention(2))
                .isEqualTo(exchange.matching.SelfTradePrevention.DECREMENT);
        }
    }

    @Test
    void shouldRefuseTheLogFolderInExchangePropertiesWhereItWouldDoNothing() throws Exception {
        final Path config = config();
        Files.writeString(config.resolve(ExchangeConfig.FILE_NAME), "exchange.log.dir=/var/log/exchange\n",
            StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ExchangeConfig.load(config))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(ExchangeConfig.LOG_DIR + " is read by logback.xml")
            .hasMessageContaining("JAVA_OPTS=-Dexchange.log.dir=/var/log/exchange bin/exchange");
    }

    /**
     * A setting written twice (here added at the bottom of a file that has it): Properties took the last line and
     * said nothing. As bin/exchange runs it: "cannot start: ", the file, the setting and both lines, exit code 2.
     */
    @Test
    void shouldRefuseASettingGivenTwiceNamingTheFileTheSettingAndBothLines() throws Exception {
        final Path config = config();
        final Path file = config.resolve(ExchangeConfig.FILE_NAME);
        final int first = Files.readAllLines(file).indexOf("exchange.engine.orders=1048576") + 1;
        final int second = Files.readAllLines(file).size() + 1;
        Files.writeString(file, "exchange.engine.orders=2000000\n", StandardOpenOption.APPEND);
        try (ServerProcess server = ServerProcess.launch(config, dir.resolve("data"), 0, List.of())) {
            assertThat(server.awaitExit(60_000)).as("exit code").isEqualTo(2);
            assertThat(server.output()).as("its output").noneMatch(l -> l.contains("Exception") || l.trim().startsWith("at "))
                .anyMatch(l -> l.contains("cannot start: " + file + ": exchange.engine.orders is given twice, on line "
                    + first + " and line " + second + "; keep one"));
        }
        assertThat(first).as("the shipped line").isPositive();
    }
}
