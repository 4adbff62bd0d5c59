package exchange.benchmarks.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code bin/bench fix} run tiny, end to end, so that it cannot rot: the whole exchange and the bare
 * acceptor on free ports in a temporary folder. Checks the JSON's keys and that its counts agree;
 * never its timings.
 */
@Timeout(120)
class FixBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void shouldAcknowledgeAndCancelEveryOrderAtBothTargetsOverTwoRounds() throws Exception {
        final Map<String, Double> json = run("new-cancel", 2, 0);
        // 2 rounds of 400 orders; 400 orders/s for 0.5 s shared by the rounds
        assertCounts(json, 800, 2, 2, 200);
        assertThat(json.get("warmup_turns")).isZero();
        assertThat(json.get("baseline_qfj_warmup_turns")).isZero();
    }

    @Test
    void shouldGiveEachTargetTheThroughputOfItsBestWindowAndShowEveryWindow() throws Exception {
        // warm-up orders shared out over both windows, none of them counted
        final Map<String, Double> json = run("new-cancel", 1, 100, "2,8");
        assertThat(text("windows")).isEqualTo("2,8");
        final Map<Integer, Double> exchange = byWindow(text("throughput_by_window_orders_per_s"));
        final Map<Integer, Double> bare = byWindow(text("baseline_qfj_throughput_by_window_orders_per_s"));
        assertThat(exchange).containsOnlyKeys(2, 8);
        assertThat(bare).containsOnlyKeys(2, 8);
        final int exchangeBest = exchange.get(8) > exchange.get(2) ? 8 : 2;
        final int bareBest = bare.get(8) > bare.get(2) ? 8 : 2;
        assertThat(json.get("window")).isEqualTo((double) exchangeBest);
        assertThat(json.get("baseline_qfj_window")).isEqualTo((double) bareBest);
        // the JSON rounds each figure to a whole order a second
        assertThat(json.get("throughput_orders_per_s")).isCloseTo(exchange.get(exchangeBest), within(1.0));
        assertThat(json.get("baseline_qfj_throughput_orders_per_s")).isCloseTo(bare.get(bareBest), within(1.0));
        final Map<Integer, Double> ratios = byWindow(text("ratio_by_window"));
        assertThat(ratios).containsOnlyKeys(2, 8);
        ratios.forEach((window, ratio) ->
            assertThat(ratio).isCloseTo(exchange.get(window) / bare.get(window), within(0.01)));
        // the counts are those of the best window's bursts: one round of 400 orders (and 400 orders/s for 0.5 s)
        assertCounts(json, 400, 2, 2, 200);
    }

    @Test
    void shouldRefuseAWindowGivenTwice() {
        final int code = new CommandLine(new FixBenchmark()).execute("--config", "../config", "--dir",
            dir.resolve("run").toString(), "--output", dir.resolve("results/fix.json").toString(), "--window", "4,4");
        assertThat(code).isNotZero();
        assertThat(dir.resolve("results/fix.json")).doesNotExist();
    }

    /** @return a string value of the last run's JSON */
    private String text(final String key) throws IOException {
        final Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"")
            .matcher(Files.readString(dir.resolve("results/fix.json")));
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    /** @return "2:150.5 8:300" as a map */
    private static Map<Integer, Double> byWindow(final String figures) {
        final Map<Integer, Double> values = new HashMap<>();
        for (final String pair : figures.split(" ")) {
            final String[] parts = pair.split(":");
            values.put(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]));
        }
        return values;
    }

    @Test
    void shouldWarmEachTargetUpInTurnsUntilTheJitIsQuietOrTheTurnsRunOut() throws Exception {
        // How many turns the JIT needs is its own business; the rule is checked on what each turn printed:
        // another turn follows a turn only when the JIT compiled for at least 5% of it, and never a fourth.
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream out = System.out;
        final Map<String, Double> json;
        System.setOut(new PrintStream(new TeeOutputStream(out, printed), true, StandardCharsets.UTF_8));
        try {
            json = run("new-cancel", 1, 100);
        } finally {
            System.setOut(out);
        }
        assertThat(json.get("warmup_orders")).isEqualTo(100.0);
        final Map<String, List<Integer>> percents = new HashMap<>();
        final Matcher m = Pattern.compile("warm-up (\\d+), ([^:]+): .* JIT compiling [0-9,]+ ms \\((\\d+)% of the turn\\)")
            .matcher(printed.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            final List<Integer> turns = percents.computeIfAbsent(m.group(2), k -> new ArrayList<>());
            assertThat(Integer.parseInt(m.group(1))).as("turns of %s in order", m.group(2)).isEqualTo(turns.size() + 1);
            turns.add(Integer.parseInt(m.group(3)));
        }
        assertThat(percents).containsOnlyKeys("exchange", "bare QuickFIX/J");
        assertThat(json.get("warmup_turns")).isEqualTo(percents.get("exchange").size());
        assertThat(json.get("baseline_qfj_warmup_turns")).isEqualTo(percents.get("bare QuickFIX/J").size());
        for (final List<Integer> turns : percents.values()) {
            assertThat(turns).hasSizeBetween(1, 3);
            // the percentage printed is rounded: a turn at 4.5% prints 5 and is quiet
            turns.subList(0, turns.size() - 1).forEach(p -> assertThat(p).isGreaterThanOrEqualTo(5));
            if (turns.size() < 3) {
                assertThat(turns.get(turns.size() - 1)).isLessThanOrEqualTo(5);
            }
        }
        // the warm-up orders are not counted
        assertCounts(json, 400, 2, 2, 200);
    }

    /** Writes to two streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(final OutputStream first, final OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(final int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    @Test
    void shouldAcknowledgeAndFillEveryOrderAtTheExchangeAndAcknowledgeItAtTheBareAcceptor() throws Exception {
        final Map<String, Double> json = run("pairs", 1, 0);
        assertCounts(json, 400, 2, 1, 200);
    }

    private Map<String, Double> run(final String workload, final int rounds, final int warmup) throws Exception {
        return run(workload, rounds, warmup, "4");
    }

    private Map<String, Double> run(final String workload, final int rounds, final int warmup, final String windows)
        throws Exception {
        final Path output = dir.resolve("results/fix.json");
        final int code = new CommandLine(new FixBenchmark()).execute("--config", "../config", "--dir",
            dir.resolve("run").toString(), "--output", output.toString(), "--workload", workload, "--rounds",
            Integer.toString(rounds), "--sessions", "2", "--window", windows, "--orders", "400", "--warmup",
            Integer.toString(warmup), "--warmup-turns", "3",
            "--rate", "400", "--duration", "0.5");
        assertThat(code).isZero();
        // the scratch folder goes once the run succeeded
        assertThat(dir.resolve("run")).doesNotExist();

        final String text = Files.readString(output);
        assertThat(text).contains("\"workload\": \"" + workload + "\"");
        final Map<String, Double> json = numbers(text);
        assertThat(json).containsKeys("throughput_orders_per_s", "baseline_qfj_throughput_orders_per_s",
            "ratio_vs_baseline", "p50_us", "p99_us", "p999_us", "rate_orders_per_s");
        assertThat(json.get("throughput_orders_per_s")).isPositive();
        assertThat(json.get("baseline_qfj_throughput_orders_per_s")).isPositive();
        assertThat(json.get("ratio_vs_baseline")).isCloseTo(
            json.get("throughput_orders_per_s") / json.get("baseline_qfj_throughput_orders_per_s"), within(0.01));
        assertThat(json.get("rate_orders_per_s")).isEqualTo(400.0);
        assertThat(json.get("p50_us")).isPositive().isLessThanOrEqualTo(json.get("p99_us"));
        assertThat(json.get("p99_us")).isLessThanOrEqualTo(json.get("p999_us"));
        assertThat(json.get("baseline_qfj_p50_us")).isPositive().isLessThanOrEqualTo(json.get("baseline_qfj_p999_us"));
        return json;
    }

    private static void assertCounts(final Map<String, Double> json, final double burstOrders, final int exchangeReports,
                                     final int bareReports, final double latencyOrders) {
        assertThat(json.get("throughput_orders")).isEqualTo(burstOrders);
        assertThat(json.get("baseline_qfj_throughput_orders")).isEqualTo(burstOrders);
        assertThat(json.get("reports_per_order")).isEqualTo((double) exchangeReports);
        assertThat(json.get("baseline_qfj_reports_per_order")).isEqualTo((double) bareReports);
        assertThat(json.get("throughput_reports")).isEqualTo(burstOrders * exchangeReports);
        assertThat(json.get("baseline_qfj_throughput_reports")).isEqualTo(burstOrders * bareReports);
        assertThat(json.get("latency_orders")).isEqualTo(latencyOrders);
        assertThat(json.get("baseline_qfj_latency_orders")).isEqualTo(latencyOrders);
        assertThat(json.get("latency_reports")).isEqualTo(latencyOrders * exchangeReports);
        assertThat(json.get("baseline_qfj_latency_reports")).isEqualTo(latencyOrders * bareReports);
    }

    private static Map<String, Double> numbers(final String json) {
        final Map<String, Double> values = new HashMap<>();
        final Matcher m = Pattern.compile("\"([a-z0-9_]+)\": (-?[0-9.]+)[,\n]").matcher(json);
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return values;
    }
}
