package exchange.server;

import exchange.fix.Passwords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** bin/exchange-client against a real exchange: orders from words and from a file, readable reports. */
@Timeout(120)
class ExchangeClientTest {
    @TempDir
    Path dir;

    /**
     * How long a client that sent orders waits for their reports ({@code --wait}): long enough for a slow host. A run
     * given the reports it should print ends as soon as it has printed them.
     */
    static final String REPORTS_WAIT_SECONDS = "30";

    /** Runs the client's main command and returns what it printed. */
    static String run(final int[] exitCode, final String... args) {
        return run(new ExchangeClient(), exitCode, args);
    }

    /**
     * Runs the client's main command until it has printed a report line matching each of the patterns (at the
     * latest after its {@code --wait}), and returns what it printed.
     */
    static String runUntil(final int[] exitCode, final List<String> reports, final String... args) {
        final List<Pattern> patterns = reports.stream().map(Pattern::compile).toList();
        return run(new ExchangeClient(printed -> patterns.stream().allMatch(p -> p.matcher(printed).find())), exitCode,
            args);
    }

    private static String run(final ExchangeClient client, final int[] exitCode, final String... args) {
        final PrintStream out = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode[0] = new CommandLine(client).execute(args);
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSendOrdersAsWordsAndFromAFileAndPrintEachReport() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir))) {
            final String port = Integer.toString(server.fixPort());
            final int[] code = new int[1];
            final String bid = "<< NEW +C-\\S+ BUY 100 AAPL @190.25 +cum 0 leaves 100";
            final String buyer = runUntil(code, List.of(bid), "--port", port, "--store", dir.resolve("c1").toString(),
                "--wait", REPORTS_WAIT_SECONDS, "buy", "100", "AAPL", "190.25");
            assertThat(code[0]).isZero();
            assertThat(buyer).contains("logged on as FIX.4.4:BROKER1->EXCH", ">> buy 100 AAPL 190.25").containsPattern(bid);

            final Path orders = dir.resolve("orders.txt");
            Files.writeString(orders, "# two sells\nsell 60 AAPL 190\n\nsell 10 AAPL market ioc\n");
            final String limitFill = "<< FILL +C-\\S+ SELL 60 AAPL @190 +filled 60 @190.25 +cum 60 leaves 0";
            final String marketFill = "<< FILL +C-\\S+ SELL 10 AAPL +filled 10 @190.25 +cum 10 leaves 0";
            final String seller = runUntil(code, List.of(limitFill, marketFill), "--port", port, "--store",
                dir.resolve("c2").toString(), "--wait", REPORTS_WAIT_SECONDS, "--sender", "BROKER2", "--user", "broker2",
                "--password", "broker2-demo", "--file", orders.toString());
            assertThat(code[0]).isZero();
            assertThat(seller).containsPattern(limitFill).containsPattern(marketFill);

            // the README's --fix 4.2: the demo's FIX 4.2 session is CompID only, as FIX 4.2 has no Username (553)
            final String fix42Bid = "<< NEW +C-\\S+ BUY 5 MSFT @420 +cum 0 leaves 5";
            final String fix42 = runUntil(code, List.of(fix42Bid), "--port", port, "--store", dir.resolve("c4").toString(),
                "--wait", REPORTS_WAIT_SECONDS, "--fix", "4.2", "--sender", "BROKER1-42", "buy", "5", "MSFT", "420");
            assertThat(code[0]).isZero();
            assertThat(fix42).contains("logged on as FIX.4.2:BROKER1-42->EXCH").containsPattern(fix42Bid);

            final String refused = run(code, "--port", port, "--store", dir.resolve("c3").toString(), "--wait", "1",
                "--logon-timeout", "3", "--password", "wrong", "buy", "1", "AAPL", "190");
            assertThat(code[0]).isEqualTo(1);
            assertThat(refused).contains("could not log on");
        }
    }

    @Test
    void shouldSendIcebergsStopsAndInstructionsWrittenAsWords() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir))) {
            final String port = Integer.toString(server.fixPort());
            final int[] code = new int[1];
            final String iceberg = "<< NEW +C-\\S+ BUY 100 AAPL @190 +cum 0 leaves 100";
            final String stop = "<< NEW +C-\\S+ BUY 10 AAPL +cum 0 leaves 10";
            final String buyer = runUntil(code, List.of(iceberg, stop), "--port", port, "--store",
                dir.resolve("c1").toString(), "--wait", REPORTS_WAIT_SECONDS,
                "--file", write("buys.txt", "buy 100 AAPL 190 peak 20 gtc\nbuy 10 AAPL market stop 191\n"));
            assertThat(code[0]).isZero();
            assertThat(buyer).containsPattern(iceberg).containsPattern(stop);

            // the iceberg trades past its peak of 20; a post-only sell at the bid would take, so it is refused;
            // the firm's own buy meets its own sell and self-trade prevention decrements both
            final List<String> sellerReports = List.of(
                "<< FILL +C-\\S+ SELL 30 AAPL @190 +filled 30 @190 +cum 30 leaves 0",
                "<< REJECTED +C-\\S+ SELL 5 AAPL @190 .*Post-only",
                "<< RESTATED +C-\\S+ SELL 9 AAPL @191 +cum 0 leaves 9 .*self-trade prevention",
                "<< CANCELED +C-\\S+ BUY 1 AAPL @191 .*self-trade prevention");
            final String seller = runUntil(code, sellerReports, "--port", port, "--store", dir.resolve("c2").toString(),
                "--wait", REPORTS_WAIT_SECONDS, "--sender", "BROKER2", "--user", "broker2", "--password", "broker2-demo",
                "--file", write("sells.txt", "sell 30 AAPL 190\nsell 5 AAPL 190 post-only\nsell 10 AAPL 191\nbuy 1 AAPL 191 stp D\n"));
            assertThat(code[0]).isZero();
            for (final String report : sellerReports) {
                assertThat(seller).containsPattern(report);
            }

            // a trade at 191 (the firm trading with itself, which its settings allow) triggers the waiting buy stop,
            // which finds nothing to buy once triggered
            final String triggered = "<< RESTATED +C-\\S+ BUY 10 AAPL .*Stop triggered at 191";
            final String nothingToBuy = "<< CANCELED +C-\\S+ BUY 10 AAPL +cum 0 leaves 0";
            final String trigger = runUntil(code, List.of(triggered, nothingToBuy), "--port", port, "--store",
                dir.resolve("c1").toString(), "--wait", REPORTS_WAIT_SECONDS,
                "--file", write("trigger.txt", "sell 5 AAPL 191\nbuy 5 AAPL 191\n"));
            assertThat(code[0]).isZero();
            assertThat(trigger).containsPattern(triggered).containsPattern(nothingToBuy);
        }
    }

    private String write(final String name, final String text) throws java.io.IOException {
        final Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void shouldRefuseAnOrderItCannotReadBeforeConnecting() {
        final int[] code = new int[1];
        run(code, "--port", "1", "--store", dir.resolve("c").toString(), "buy", "100", "AAPL", "190", "someday");
        assertThat(code[0]).isEqualTo(2);
    }

    @Test
    void shouldRefuseWrongWordsAndAMissingFileWithAReasonAndTheFormBeforeConnecting() {
        final String[][] wrong = {
            {"buy", "100"}, {"buy", "abc", "AAPL", "190"}, {"buy", "100", "AAPL", "19x"}, {"sell", "0", "AAPL", "190"},
            {"buy", "100", "AAPL", "190", "peak", "lots"}, {"buy", "100", "AAPL", "190", "stop", "high"},
            {"cancel", "C-1"}, {"cancel", "C-1", "both", "AAPL"}};
        for (final String[] words : wrong) {
            final String[] said = new String[1];
            final int code = runCapturingErrors(said, words);
            assertThat(code).as(String.join(" ", words)).isEqualTo(2);
            assertThat(said[0]).as(String.join(" ", words)).startsWith("cannot read the order '" + String.join(" ", words))
                .contains("write: buy|sell QTY SYMBOL").doesNotContain("Exception").doesNotContain("out of bounds");
        }
        final String[] said = new String[1];
        assertThat(runCapturingErrors(said, "--file", dir.resolve("no-such-orders.txt").toString())).isEqualTo(2);
        assertThat(said[0]).startsWith("cannot read the file of orders ").doesNotContain("Exception");
    }

    /** Runs the client against a port nobody listens on; returns its exit code, with what it said on stderr. */
    private int runCapturingErrors(final String[] said, final String... words) {
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        final int[] code = new int[1];
        try {
            final String[] args = new String[words.length + 6];
            System.arraycopy(new String[] {"--port", "1", "--logon-timeout", "1", "--store", dir.resolve("c").toString()},
                0, args, 0, 6);
            System.arraycopy(words, 0, args, 6, words.length);
            run(code, args);
        } finally {
            System.setErr(err);
        }
        said[0] = captured.toString(StandardCharsets.UTF_8);
        return code[0];
    }

    /** --help offers -V, --version: it printed an empty line. */
    @Test
    void shouldPrintTheVersionOfTheClientAndTheExchange() {
        final int[] code = new int[1];
        assertThat(run(code, "--version").trim()).isEqualTo("exchange-client " + projectVersion());
        assertThat(code[0]).isZero();
        final PrintStream out = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code[0] = new CommandLine(new ExchangeServer.Main()).execute("-V");
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).trim()).isEqualTo("exchange " + projectVersion());
        assertThat(code[0]).isZero();
    }

    /** The version in the module's pom.xml (the project's version, which the module inherits). */
    private static String projectVersion() {
        try {
            final String pom = Files.readString(Path.of("pom.xml"));
            final java.util.regex.Matcher m = java.util.regex.Pattern.compile("<version>([^<]+)</version>").matcher(pom);
            assertThat(m.find()).as("a version in exchange-server/pom.xml").isTrue();
            return m.group(1);
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldPrintAPasswordHashTheExchangeAccepts() {
        final int[] code = new int[1];
        final String hash = run(code, "hash-password", "s3cret").trim();
        assertThat(code[0]).isZero();
        assertThat(Passwords.isHash(hash)).isTrue();
        assertThat(Passwords.matches("s3cret", hash)).isTrue();
        assertThat(Passwords.matches("other", hash)).isFalse();
    }
}
