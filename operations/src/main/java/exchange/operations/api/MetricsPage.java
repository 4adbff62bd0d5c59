package exchange.operations.api;

import exchange.matching.RejectReason;
import exchange.matching.TradingPhase;
import exchange.operations.metrics.JvmFigures;
import exchange.operations.metrics.LatencyHistograms;
import exchange.operations.metrics.PrometheusWriter;
import exchange.operations.metrics.PrometheusWriter.Type;
import exchange.operations.view.MarketSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Prometheus page: the day's orders, rejects, cancels and trades, each instrument's phase and
 * prices, messages per FIX session, risk checks, journal and event-log sequences and sizes, consumer
 * lag, latency percentiles per stage and the JVM's figures. Names follow Prometheus conventions: a
 * unit suffix in base units (seconds, bytes), {@code _total} on counters, labels for what varies.
 *
 * <p>Any thread; allocates (one page per scrape).
 */
public final class MetricsPage {
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

    private final Services services;

    public MetricsPage(final Services services) {
        this.services = services;
    }

    /** @return the page */
    public String render() {
        final PrometheusWriter w = new PrometheusWriter();
        final MarketSnapshot s = services.view().snapshot();
        market(w, s);
        sessions(w);
        risk(w);
        storage(w);
        latency(w, services.fixMetrics().latencies().summaries());
        jvm(w, JvmFigures.now());
        return w.toString();
    }

    private static void market(final PrometheusWriter w, final MarketSnapshot s) {
        w.family("exchange_orders_accepted_total", Type.COUNTER,
            "Orders the engine accepted since the start of the trading day")
            .sample("", s.counters().accepted());
        w.family("exchange_orders_rejected_total", Type.COUNTER,
            "Orders rejected since the start of the trading day (by the engine or the risk gateway), by reason");
        s.counters().rejectsByReason().forEach((reason, n) -> w.sample("", n, "reason", reason));
        w.family("exchange_orders_cancelled_total", Type.COUNTER,
            "Orders cancelled or expired since the start of the trading day, by reason");
        s.counters().cancelsByReason().forEach((reason, n) -> w.sample("", n, "reason", reason));
        w.family("exchange_trades_total", Type.COUNTER, "Trades since the start of the trading day, by instrument");
        s.instruments().forEach(i -> w.sample("", i.day().trades(), "instrument", i.symbol()));
        w.family("exchange_traded_quantity_total", Type.COUNTER,
            "Quantity traded since the start of the trading day, by instrument");
        s.instruments().forEach(i -> w.sample("", i.day().volume(), "instrument", i.symbol()));
        w.family("exchange_instrument_phase", Type.GAUGE, "1 for the trading phase each instrument is in, 0 for the others");
        for (final MarketSnapshot.InstrumentView i : s.instruments()) {
            for (final TradingPhase p : TradingPhase.values()) {
                w.sample("", i.phase() == p ? 1L : 0L, "instrument", i.symbol(), "phase", p.name());
            }
        }
        w.family("exchange_instrument_best_bid_price", Type.GAUGE, "Best bid, in currency (absent: no bid)");
        s.instruments().stream().filter(i -> i.bestBid() != null)
            .forEach(i -> w.sample("", i.bestBid().price() / 10_000.0, "instrument", i.symbol()));
        w.family("exchange_instrument_best_ask_price", Type.GAUGE, "Best ask, in currency (absent: no ask)");
        s.instruments().stream().filter(i -> i.bestAsk() != null)
            .forEach(i -> w.sample("", i.bestAsk().price() / 10_000.0, "instrument", i.symbol()));
        w.family("exchange_instrument_last_price", Type.GAUGE, "Last trade price of the day, in currency");
        s.instruments().stream().filter(i -> i.lastTrade() != null)
            .forEach(i -> w.sample("", i.lastTrade().price() / 10_000.0, "instrument", i.symbol()));
        w.family("exchange_kill_switches", Type.GAUGE, "Kill switches that are on (firms and accounts)")
            .sample("", (long) s.killSwitches().size());
    }

    private void sessions(final PrometheusWriter w) {
        final List<SessionFigures.Row> rows = services.sessions().rows();
        w.family("exchange_fix_session_logged_on", Type.GAUGE, "1 when the FIX session is logged on");
        rows.forEach(r -> w.sample("", r.loggedOn() ? 1L : 0L, "session", r.targetCompId()));
        w.family("exchange_fix_messages_received_total", Type.COUNTER,
            "FIX messages received on the session since the exchange started, administrative ones included");
        rows.forEach(r -> w.sample("", r.messagesIn(), "session", r.targetCompId()));
        w.family("exchange_fix_messages_sent_total", Type.COUNTER,
            "FIX messages sent on the session since the exchange started, administrative ones included");
        rows.forEach(r -> w.sample("", r.messagesOut(), "session", r.targetCompId()));
        w.family("exchange_fix_throttle_rejects_total", Type.COUNTER,
            "Messages of the session refused by its throttle since the exchange started");
        rows.forEach(r -> w.sample("", r.throttleRejects(), "session", r.targetCompId()));
    }

    private void risk(final PrometheusWriter w) {
        w.family("exchange_risk_checks_total", Type.COUNTER, "Pre-trade checks made since the exchange started")
            .sample("", services.risk().checks());
        w.family("exchange_risk_rejects_total", Type.COUNTER,
            "Pre-trade checks refused since the exchange started, by reason");
        for (final RejectReason reason : RejectReason.values()) {
            final long n = services.risk().rejects(reason);
            if (n != 0) {
                w.sample("", n, "reason", reason.name());
            }
        }
    }

    private void storage(final PrometheusWriter w) {
        w.family("exchange_journal_last_sequence", Type.GAUGE, "Sequence of the last command journaled")
            .sample("", services.sequencer().commands().lastSequence());
        w.family("exchange_sequencer_applied_sequence", Type.GAUGE, "Sequence of the last command matched and published")
            .sample("", services.sequencer().appliedSequence());
        w.family("exchange_journal_size_bytes", Type.GAUGE, "Size of the command journal's files")
            .sample("", size(services.sequencer().config().journalDir()));
        w.family("exchange_event_log_size_bytes", Type.GAUGE, "Size of the event log's files")
            .sample("", size(services.sequencer().config().eventLogDir()));
        final ConsumerLag.Figures lag = services.consumers().figures();
        w.family("exchange_event_log_last_sequence", Type.GAUGE, "Command of the event log's last event")
            .sample("", lag.eventLogEnd());
        w.family("exchange_consumer_lag_commands", Type.GAUGE,
            "Commands between a consumer's last event and the event log's last, by consumer");
        lag.consumers().forEach(c -> w.sample("", c.lag(), "consumer", c.name()));
    }

    private static void latency(final PrometheusWriter w, final LatencyHistograms.Summary[] summaries) {
        w.family("exchange_latency_seconds", Type.SUMMARY,
            "Latency by stage since the exchange started (HdrHistogram, 3 significant digits): fix_in_to_journal, "
                + "journal_to_event, event_to_report");
        for (final LatencyHistograms.Summary s : summaries) {
            final long[] values = {s.p50Ns(), s.p90Ns(), s.p99Ns(), s.p999Ns()};
            for (int q = 0; q < QUANTILES.length; q++) {
                w.sample("", values[q] / 1e9, "stage", s.stage().label(), "quantile", Double.toString(QUANTILES[q]));
            }
            w.sample("_count", s.count(), "stage", s.stage().label());
            w.sample("_sum", s.sumNs() / 1e9, "stage", s.stage().label());
        }
        w.family("exchange_latency_max_seconds", Type.GAUGE, "Longest latency by stage since the exchange started");
        for (final LatencyHistograms.Summary s : summaries) {
            w.sample("", s.maxNs() / 1e9, "stage", s.stage().label());
        }
    }

    private static void jvm(final PrometheusWriter w, final JvmFigures j) {
        w.family("jvm_memory_heap_used_bytes", Type.GAUGE, "Heap in use").sample("", j.heapUsedBytes());
        w.family("jvm_memory_heap_committed_bytes", Type.GAUGE, "Heap the JVM holds").sample("", j.heapCommittedBytes());
        w.family("jvm_memory_heap_max_bytes", Type.GAUGE, "Most heap the JVM may hold (-1: unbounded)")
            .sample("", j.heapMaxBytes());
        w.family("jvm_memory_nonheap_used_bytes", Type.GAUGE, "Non-heap memory in use").sample("", j.nonHeapUsedBytes());
        w.family("jvm_gc_collections_total", Type.COUNTER, "Garbage collections since start, by collector");
        j.collectors().forEach(c -> w.sample("", c.collections(), "gc", c.name()));
        w.family("jvm_gc_collection_seconds_total", Type.COUNTER, "Time in garbage collection since start, by collector");
        j.collectors().forEach(c -> w.sample("", c.timeMs() / 1000.0, "gc", c.name()));
        w.family("jvm_threads_live", Type.GAUGE, "Live threads").sample("", (long) j.threads());
        w.family("process_uptime_seconds", Type.GAUGE, "Time since the JVM started").sample("", j.uptimeMs() / 1000.0);
    }

    private static long size(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (final IOException e) {
                    return 0; // a file rolled away while we looked
                }
            }).sum();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
