package exchange.operations.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusWriterTest {
    @Test
    void shouldWriteHelpTypeAndLabelledSamples() {
        final PrometheusWriter w = new PrometheusWriter();
        w.family("exchange_trades_total", PrometheusWriter.Type.COUNTER, "Trades since the start of the day")
            .sample("", 3L, "instrument", "AAPL")
            .sample("", 0L, "instrument", "MSFT");
        w.family("exchange_latency_seconds", PrometheusWriter.Type.SUMMARY, "Latency by stage")
            .sample("", 0.000012, "stage", "fix_in_to_journal", "quantile", "0.5")
            .sample("_count", 10L, "stage", "fix_in_to_journal")
            .sample("_sum", 0.25, "stage", "fix_in_to_journal");
        w.family("jvm_heap_max_bytes", PrometheusWriter.Type.GAUGE, "Most heap").sample("", Double.NaN);

        assertThat(w.toString()).isEqualTo("""
            # HELP exchange_trades_total Trades since the start of the day
            # TYPE exchange_trades_total counter
            exchange_trades_total{instrument="AAPL"} 3
            exchange_trades_total{instrument="MSFT"} 0
            # HELP exchange_latency_seconds Latency by stage
            # TYPE exchange_latency_seconds summary
            exchange_latency_seconds{stage="fix_in_to_journal",quantile="0.5"} 1.2E-5
            exchange_latency_seconds_count{stage="fix_in_to_journal"} 10
            exchange_latency_seconds_sum{stage="fix_in_to_journal"} 0.25
            # HELP jvm_heap_max_bytes Most heap
            # TYPE jvm_heap_max_bytes gauge
            jvm_heap_max_bytes NaN
            """);
    }

    @Test
    void shouldEscapeLabelValues() {
        final PrometheusWriter w = new PrometheusWriter();
        w.family("x", PrometheusWriter.Type.GAUGE, "x").sample("", 1L, "session", "FIX.4.4:EXCH->\"B\\1\"\n");

        assertThat(w.toString()).endsWith("x{session=\"FIX.4.4:EXCH->\\\"B\\\\1\\\"\\n\"} 1\n");
    }

    @Test
    void shouldRefuseNamesThePageFormatDoesNotAllow() {
        final PrometheusWriter w = new PrometheusWriter();
        assertThatThrownBy(() -> w.family("exchange-trades", PrometheusWriter.Type.GAUGE, "x"))
            .hasMessageContaining("not a metric name");
        assertThatThrownBy(() -> w.family("exchange_trades", PrometheusWriter.Type.COUNTER, "x"))
            .hasMessageContaining("ends in _total");
        w.family("g", PrometheusWriter.Type.GAUGE, "x");
        assertThatThrownBy(() -> w.family("g", PrometheusWriter.Type.GAUGE, "x")).hasMessageContaining("twice");
        assertThatThrownBy(() -> w.sample("", 1L, "1abc", "v")).hasMessageContaining("not a label name");
        assertThatThrownBy(() -> w.sample("_count", 1L)).hasMessageContaining("only a summary");
    }
}
