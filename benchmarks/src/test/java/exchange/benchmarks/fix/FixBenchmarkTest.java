package exchange.benchmarks.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    void shouldWarmEachTargetUpInTurnsUntilTheJitIsQuietOrTheTurnsRunOut() throws Exception {
        // 100 orders are far too few for the JIT compilers to be done with the exchange: it takes every turn
        // (the bare acceptor's few milliseconds of compiling may be quiet earlier)
        final Map<String, Double> json = run("new-cancel", 1, 100);
        assertThat(json.get("warmup_orders")).isEqualTo(100.0);
        assertThat(json.get("warmup_turns")).isEqualTo(3.0);
        assertThat(json.get("baseline_qfj_warmup_turns")).isBetween(1.0, 3.0);
        // the warm-up orders are not counted
        assertCounts(json, 400, 2, 2, 200);
    }

    @Test
    void shouldAcknowledgeAndFillEveryOrderAtTheExchangeAndAcknowledgeItAtTheBareAcceptor() throws Exception {
        final Map<String, Double> json = run("pairs", 1, 0);
        assertCounts(json, 400, 2, 1, 200);
    }

    private Map<String, Double> run(final String workload, final int rounds, final int warmup) throws Exception {
        final Path output = dir.resolve("results/fix.json");
        final int code = new CommandLine(new FixBenchmark()).execute("--config", "../config", "--dir",
            dir.resolve("run").toString(), "--output", output.toString(), "--workload", workload, "--rounds",
            Integer.toString(rounds), "--sessions", "2", "--window", "4", "--orders", "400", "--warmup", Integer.toString(warmup), "--warmup-turns", "3",
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
