package exchange.server;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exchange started from the configuration the repository ships, as a newcomer would. */
@Timeout(120)
class ExchangeServerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Map<String, String> inTempDir() {
        return ShippedConfig.isolated(dir);
    }

    @Test
    void shouldTradeBetweenTheDemoBrokersWithTheReadmeCredentialsAndCopyToTheDropCopySession() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        try (ExchangeServer server = ExchangeServer.start(config, inTempDir());
             FixTestClient b1 = ShippedConfig.connect(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.connect(server.fixPort(), "BROKER2-50", dir.resolve("clients"));
             FixTestClient copy = ShippedConfig.connect(server.fixPort(), "DROPCOPY", dir.resolve("clients"))) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            assertThat(b2.awaitLogon(WAIT)).isTrue();
            assertThat(copy.awaitLogon(WAIT)).isTrue();

            b1.send(FixOrders.limit("B1", "AAPL", '1', "100", "190.25"));
            final Message ack = b1.next("8", WAIT);
            assertThat(ack.getChar(150)).isEqualTo('0');
            b2.send(FixOrders.limit("S1", "AAPL", '2', "60", "190"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');
            final Message sellFill = b2.next("8", WAIT);
            assertThat(sellFill.getChar(150)).isEqualTo('F');
            assertThat(sellFill.getString(31)).isEqualTo("190.25");
            assertThat(sellFill.getString(880)).isNotEmpty();
            final Message buyFill = b1.next("8", WAIT);
            assertThat(buyFill.getChar(39)).isEqualTo('1');
            assertThat(buyFill.getString(151)).isEqualTo("40");
            assertThat(buyFill.getString(37)).isEqualTo(ack.getString(37));

            // the compliance feed gets all four reports, marked as copies
            for (final String execId : new String[] {ack.getString(17), null, null, buyFill.getString(17)}) {
                final Message c = copy.next("8", WAIT);
                assertThat(c.getString(797)).isEqualTo("Y");
                if (execId != null) {
                    assertThat(c.getString(17)).isEqualTo(execId);
                }
            }
            // the risk gateway saw the trade (it follows the event log on its own thread)
            final long deadline = System.nanoTime() + WAIT.toNanos();
            while (server.risk().executedNotional(1, 0) != 60 * 190_2500L && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(server.risk().executedNotional(1, 0)).isEqualTo(60 * 190_2500L);
        }
    }

    @Test
    void shouldRefuseToStartWithAMisspeltSettingAndNameIt() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        Files.writeString(config.resolve(ExchangeConfig.FILE_NAME), "exchange.sequencer.durabilty=sync\n");
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown setting exchange.sequencer.durabilty");
        // a slip in the prefix too: the file holds the exchange's settings only, so nothing in it is ignored
        for (final String misspelt : new String[] {"exchang.sequencer.durability", "Exchange.sequencer.durability",
            "sequencer.durability"}) {
            Files.writeString(config.resolve(ExchangeConfig.FILE_NAME), misspelt + "=sync\n");
            assertThatThrownBy(() -> ExchangeConfig.load(config, inTempDir())).as(misspelt)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("unknown setting " + misspelt);
        }
    }

    /**
     * bin/exchange turns the feed off when the loopback interface has no multicast ("Starting without market
     * data"): the exchange must then start whatever the feed's interface can do. Here an interface this
     * machine does not have stands for a loopback without multicast (the same check refuses both).
     */
    @Test
    void shouldStartWithTheFeedOffWhenTheFeedsInterfaceCannotCarryIt() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        final Map<String, String> settings = new java.util.HashMap<>(inTempDir());
        settings.put(ExchangeConfig.MD_ENABLED, "false");
        settings.put("exchange.md.interface", "no-such-if0");
        try (ExchangeServer server = ExchangeServer.start(config, settings);
             FixTestClient b1 = ShippedConfig.connect(server.fixPort(), "BROKER1", dir.resolve("clients"))) {
            assertThat(server.marketData()).isNull();
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            ShippedConfig.accepted(b1, FixOrders.limit("B1", "AAPL", '1', "10", "190"));
        }
        // with the feed on, the same interface is refused, naming the setting
        settings.put(ExchangeConfig.MD_ENABLED, "true");
        assertThatThrownBy(() -> ExchangeConfig.load(config, settings))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("exchange.md.interface = 'no-such-if0': no such network interface");
    }

    /**
     * An empty folder setting takes its default, as exchange.admin.reports.dir's empty value in the shipped file
     * does: taken as the empty path, it put the journal, the event log and the FIX stores straight into the
     * directory the exchange was started in (the repository, for bin/exchange).
     */
    @Test
    void shouldTakeTheDefaultFolderForAnEmptyDataOrMarketDataFolder() {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        final ExchangeConfig empty = ExchangeConfig.load(config, Map.of(ExchangeConfig.DATA_DIR, " ",
            "exchange.md.storeDir", ""));
        assertThat(empty.dataDir()).isEqualTo(Path.of("data"));
        assertThat(empty.marketData().storeDir()).isEqualTo(Path.of("data", "market-data"));
        assertThat(empty.sequencer().journalDir()).isEqualTo(Path.of("data", "journal"));
    }

    @Test
    void shouldRefuseToStartWithABadInstrumentLineAndNameIt() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        Files.writeString(config.resolve("instruments.csv"), "id,symbol,tick,lot,reference\n1,AAPL,0.001234,1,190\n");
        assertThatThrownBy(() -> ExchangeServer.start(config, inTempDir()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("instruments.csv line 2")
            .hasMessageContaining("0.001234");
    }

    @Test
    void shouldStopListeningWhenClosedAndStartAgainOnTheSameData() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        final int port;
        try (ExchangeServer server = ExchangeServer.start(config, inTempDir());
             FixTestClient b1 = ShippedConfig.connect(server.fixPort(), "BROKER1", dir.resolve("clients"))) {
            port = server.fixPort();
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            final Message gtc = FixOrders.limit("GTC1", "MSFT", '1', "10", "420");
            gtc.setChar(59, '1');
            b1.send(gtc);
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        try (ExchangeServer server = ExchangeServer.start(config, inTempDir())) {
            assertThat(server.sequencer().recovery().replayedCommands()).isPositive();
            assertThat(server.risk().openExposure(1, 0)).isEqualTo(10 * 420_0000L);
        }
    }
}
