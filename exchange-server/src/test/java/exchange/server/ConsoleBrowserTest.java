package exchange.server;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.operations.testing.AdminClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real browser (headless Chromium, driven over the DevTools protocol) against a
 * running exchange with brokers trading over FIX: the page shows the orders and trades, follows new ones
 * live without reloading, and its halt and kill switch buttons ask for confirmation before they act. A screenshot of the
 * page goes to {@code target/console.png} (and to the folder {@code -Dconsole.screenshot.dir} names:
 * {@code docs/} for the README's).
 *
 * <p>Without Chromium the test is skipped, saying so, unless {@value Chromium#REQUIRED_VARIABLE} is
 * {@code required} (CI installs Chromium and sets it), when it fails.
 */
@Timeout(180)
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static Path chromium() {
        final Optional<Path> binary = Chromium.find();
        if (binary.isEmpty()) {
            if ("required".equals(System.getenv(Chromium.REQUIRED_VARIABLE))) {
                throw new AssertionError("no Chromium (chromium, chromium-browser or google-chrome on the PATH, or "
                    + Chromium.BINARY_VARIABLE + ") and " + Chromium.REQUIRED_VARIABLE + "=required");
            }
            Assumptions.abort("no Chromium on this machine (apt-get install chromium): the console's browser test "
                + "is skipped; CI runs it (" + Chromium.REQUIRED_VARIABLE + "=required)");
        }
        return binary.get();
    }

    /** The page's view of one instrument row and the depth ladder, as text. */
    private static final String PAGE = """
        JSON.stringify({
          status: document.getElementById('status').textContent,
          message: document.getElementById('message').textContent,
          rows: Object.fromEntries([...document.querySelectorAll('#instruments tbody tr')]
            .map(tr => [tr.dataset.symbol, [...tr.cells].map(td => td.textContent)])),
          depth: [...document.querySelectorAll('#depth tbody tr')].map(tr => [...tr.cells].map(td => td.textContent).join('|')),
          trades: [...document.querySelectorAll('#trades tbody tr')].map(tr => [...tr.cells].slice(1).map(td => td.textContent).join('|')),
          sessions: Object.fromEntries([...document.querySelectorAll('#sessions tbody tr')]
            .map(tr => [tr.dataset.session, tr.cells[3].textContent])),
          latency: document.querySelectorAll('#latency rect').length
        })""";

    private static Map<String, Object> page(final Chromium.Page page) throws Exception {
        return exchange.operations.json.JsonReader.parseObject((String) page.evaluate(PAGE));
    }

    /** Polls the page until it shows what is awaited. */
    private static Map<String, Object> await(final Chromium.Page page, final Predicate<Map<String, Object>> shows)
        throws Exception {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = page(page);
                if (shows.test(last)) {
                    return last;
                }
            } catch (final RuntimeException e) {
                // the page is still loading its script
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page never showed what was awaited; it shows " + last);
    }

    @SuppressWarnings("unchecked")
    private static List<String> row(final Map<String, Object> page, final String symbol) {
        return (List<String>) ((Map<String, Object>) page.get("rows")).get(symbol);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(final Map<String, Object> page, final String name) {
        return (List<String>) page.get(name);
    }

    @Test
    void shouldShowOrdersAndTradesLiveAndHaltOrPullAKillSwitchOnlyWhenTheOperatorConfirms() throws Exception {
        final Path browser = chromium();
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir));
             FixTestClient b1 = ShippedConfig.loggedOn(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.loggedOn(server.fixPort(), "BROKER2", dir.resolve("clients"));
             Chromium chromium = Chromium.start(browser, dir.resolve("chromium-profile"))) {
            ShippedConfig.accepted(b1, FixOrders.limit("B1", "AAPL", '1', "100", "190.25"));
            ShippedConfig.accepted(b1, FixOrders.limit("B2", "AAPL", '1', "10", "190.20"));
            ShippedConfig.accepted(b2, FixOrders.limit("S1", "AAPL", '2', "60", "190"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('F');

            final Chromium.Page page = chromium.open("http://127.0.0.1:" + server.operations().port() + "/#token="
                + ShippedConfig.ADMIN_TOKEN);
            // Symbol, Phase, Bid qty, Bid, Ask, Ask qty, Last, Last qty, Volume, VWAP, Trades, Act
            Map<String, Object> shown = await(page, p -> "live".equals(p.get("status"))
                && "60".equals(row(p, "AAPL").get(8)));
            assertThat(row(shown, "AAPL")).containsExactly("AAPL", "CONTINUOUS", "40", "190.25", "", "", "190.25", "60",
                "60", "190.25", "1", "Halt");
            assertThat(list(shown, "depth")).containsExactly("1|40|190.25||", "1|10|190.20||");
            assertThat(list(shown, "trades")).containsExactly("AAPL|60|190.25|BROKER1|BROKER2|SELL");
            assertThat(shown.get("sessions")).isEqualTo(Map.of("BROKER1", "logged on", "BROKER2", "logged on",
                "BROKER1-42", "logged off", "BROKER2-50", "logged off", "DROPCOPY", "logged off"));
            assertThat(((Number) shown.get("latency")).intValue()).as("latency bars").isPositive();
            assertThat((String) page.evaluate("location.href")).as("the token left the address bar").doesNotContain("token");

            // New orders and a trade over FIX reach the open page without a reload.
            ShippedConfig.accepted(b2, FixOrders.limit("S2", "AAPL", '2', "5", "191"));
            ShippedConfig.accepted(b2, FixOrders.limit("S3", "AAPL", '2', "15", "190.25"));
            shown = await(page, p -> "75".equals(row(p, "AAPL").get(8)) && list(p, "depth").size() == 3);
            assertThat(list(shown, "depth")).containsExactly("||191.00|5|1", "1|25|190.25||", "1|10|190.20||");
            assertThat(list(shown, "trades").get(0)).isEqualTo("AAPL|15|190.25|BROKER1|BROKER2|SELL");
            assertThat((Object) page.evaluate("performance.getEntriesByType('navigation').length")).as("one page load")
                .isEqualTo(java.math.BigDecimal.ONE);

            // The halt button asks first: Cancel does nothing, OK halts.
            final AdminClient admin = new AdminClient(server.operations().port(), ShippedConfig.ADMIN_TOKEN);
            final long journaled = server.sequencer().commands().lastSequence();
            page.answerDialogs(false);
            page.evaluate("document.querySelector('button[data-action=halt][data-symbol=TSLA]').click()");
            assertThat(page.dialogs()).containsExactly("Halt TSLA?");
            assertThat(server.sequencer().commands().lastSequence()).as("nothing journaled").isEqualTo(journaled);
            page.answerDialogs(true);
            page.evaluate("document.querySelector('button[data-action=halt][data-symbol=TSLA]').click()");
            // the row can show the halt (the page's stream) before the answer to the click sets the message
            shown = await(page, p -> "HALTED".equals(row(p, "TSLA").get(1)) && "halt by demo done".equals(p.get("message")));
            assertThat(row(shown, "TSLA").get(11)).isEqualTo("Resume");
            assertThat(admin.get("/api/instruments/TSLA").json().get("phase")).isEqualTo("HALTED");
            assertThat((String) page.evaluate("document.getElementById('message').textContent")).isEqualTo("halt by demo done");

            final byte[] png = page.screenshot(1280, 1100);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            Files.write(Path.of("target", "console.png"), png);
            final String docs = System.getProperty("console.screenshot.dir");
            if (docs != null) {
                Files.write(Path.of(docs).resolve("console.png"), png);
            }

            // The kill switch of a firm, also confirmed first: its orders go, the page says ON.
            page.evaluate("document.querySelector('tr[data-firm=BROKER1][data-account=\"\"] button[data-action=kill-on]').click()");
            assertThat(page.dialogs().get(2)).isEqualTo("Turn the kill switch ON for firm BROKER1? Its orders are cancelled and "
                + "new ones refused.");
            shown = await(page, p -> list(p, "depth").size() == 1
                && "kill-switch by demo done: 2 orders cancelled".equals(p.get("message")));
            assertThat(list(shown, "depth")).as("BROKER1's bids went").containsExactly("||191.00|5|1");
            assertThat((String) page.evaluate("document.querySelector('tr[data-firm=BROKER1][data-account=\"\"]').cells[2].textContent"))
                .isEqualTo("ON");
            assertThat((String) page.evaluate("document.getElementById('message').textContent"))
                .isEqualTo("kill-switch by demo done: 2 orders cancelled");
        }
    }
}
