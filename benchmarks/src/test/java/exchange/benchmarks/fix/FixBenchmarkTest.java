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
    void shouldMeasureTheExchangeAndTheBareAcceptorAndWriteConsistentFigures() throws Exception {
        final Path output = dir.resolve("results/fix.json");
        final int code = new CommandLine(new FixBenchmark()).execute("--config", "../config", "--dir",
            dir.resolve("run").toString(), "--output", output.toString(), "--sessions", "2", "--window", "4",
            "--orders", "400", "--warmup", "100", "--rate", "400", "--duration", "0.5");
        assertThat(code).isZero();

        final Map<String, Double> json = numbers(Files.readString(output));
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

        // every order acknowledged and filled by the exchange, acknowledged once by the bare acceptor
        assertThat(json.get("orders")).isEqualTo(400.0);
        assertThat(json.get("throughput_reports")).isEqualTo(800.0);
        assertThat(json.get("baseline_qfj_throughput_reports")).isEqualTo(400.0);
        assertThat(json.get("latency_orders")).isEqualTo(200.0);
        assertThat(json.get("latency_reports")).isEqualTo(400.0);
        assertThat(json.get("baseline_qfj_latency_reports")).isEqualTo(200.0);
        // the scratch folder goes once the run succeeded
        assertThat(dir.resolve("run")).doesNotExist();
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
