package exchange.operations.api;

import exchange.matching.Side;
import exchange.operations.day.Amounts;
import exchange.operations.day.InstrumentDay;
import exchange.operations.day.TradeRecord;
import exchange.operations.json.JsonWriter;
import exchange.operations.metrics.JvmFigures;
import exchange.operations.metrics.LatencyHistograms;
import exchange.operations.view.MarketSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The API's JSON shapes, written into a {@link JsonWriter}: prices as decimals (190.25), times as
 * ISO-8601 instants in UTC, latencies in microseconds. One place, so that every endpoint and the live
 * stream say the same thing the same way.
 *
 * <p>Stateless; allocates.
 */
final class Views {
    private Views() {
    }

    static String time(final long epochNs) {
        return Instant.ofEpochSecond(0, epochNs).toString();
    }

    static void level(final JsonWriter w, final MarketSnapshot.Level level) {
        if (level == null) {
            w.nullValue();
            return;
        }
        w.beginObject().field("price", Amounts.decimal(level.price())).field("quantity", level.quantity())
            .field("orders", level.orders()).endObject();
    }

    static void levels(final JsonWriter w, final List<MarketSnapshot.Level> levels, final int max) {
        w.beginArray();
        for (int i = 0; i < Math.min(max, levels.size()); i++) {
            level(w, levels.get(i));
        }
        w.endArray();
    }

    static void trade(final JsonWriter w, final TradeRecord t) {
        if (t == null) {
            w.nullValue();
            return;
        }
        w.beginObject().field("time", time(t.timeNs())).field("symbol", t.symbol())
            .field("price", Amounts.decimal(t.price())).field("quantity", t.quantity())
            .field("buyer", t.buyerFirm()).field("seller", t.sellerFirm())
            .field("aggressor", side(t.aggressor())).field("match", t.matchId()).endObject();
    }

    static String side(final Side side) {
        return side == null ? null : side.name();
    }

    static void trades(final JsonWriter w, final List<TradeRecord> trades) {
        w.beginArray();
        trades.forEach(t -> trade(w, t));
        w.endArray();
    }

    static void day(final JsonWriter w, final InstrumentDay.Figures d) {
        w.beginObject().field("trades", d.trades()).field("volume", d.volume()).field("open", d.open())
            .field("high", d.high()).field("low", d.low()).field("close", d.close()).field("turnover", d.turnover())
            .field("vwap", d.vwap()).endObject();
    }

    /** An instrument's summary: phase, top of book, last trade, day figures. */
    static void instrument(final JsonWriter w, final MarketSnapshot.InstrumentView i) {
        w.beginObject().field("symbol", i.symbol()).field("id", i.id()).field("phase", i.phase().name());
        w.name("bid");
        level(w, i.bestBid());
        w.name("ask");
        level(w, i.bestAsk());
        w.name("last");
        trade(w, i.lastTrade());
        w.name("day");
        day(w, i.day());
        w.endObject();
    }

    /** An instrument's depth: up to {@code max} levels a side, best first. */
    static void depth(final JsonWriter w, final MarketSnapshot.InstrumentView i, final int max) {
        w.beginObject().field("symbol", i.symbol()).field("phase", i.phase().name());
        w.name("bids");
        levels(w, i.bids(), max);
        w.name("asks");
        levels(w, i.asks(), max);
        w.endObject();
    }

    static void sessions(final JsonWriter w, final List<SessionFigures.Row> rows) {
        w.beginArray();
        for (final SessionFigures.Row r : rows) {
            w.beginObject().field("id", r.id()).field("beginString", r.beginString())
                .field("senderCompId", r.senderCompId()).field("targetCompId", r.targetCompId())
                .field("number", r.number()).field("firm", r.firm()).field("role", r.role())
                .field("loggedOn", r.loggedOn()).field("remoteAddress", r.remoteAddress())
                .field("nextSenderSeqNum", r.nextSenderSeqNum()).field("nextTargetSeqNum", r.nextTargetSeqNum())
                .field("messagesIn", r.messagesIn()).field("messagesOut", r.messagesOut())
                .field("throttleRejects", r.throttleRejects()).endObject();
        }
        w.endArray();
    }

    static BigDecimal micros(final long nanos) {
        return BigDecimal.valueOf(nanos, 3);
    }

    static void latency(final JsonWriter w, final LatencyHistograms.Summary[] summaries) {
        w.beginObject().field("unit", "microseconds").name("stages").beginArray();
        for (final LatencyHistograms.Summary s : summaries) {
            w.beginObject().field("stage", s.stage().label()).field("description", s.stage().description())
                .field("count", s.count()).field("p50", micros(s.p50Ns())).field("p90", micros(s.p90Ns()))
                .field("p99", micros(s.p99Ns())).field("p999", micros(s.p999Ns())).field("max", micros(s.maxNs()))
                .endObject();
        }
        w.endArray().endObject();
    }

    static void consumers(final JsonWriter w, final ConsumerLag.Figures f, final long applied, final long journal) {
        w.beginObject().field("journalLastSequence", journal).field("appliedSequence", applied)
            .field("eventLogLastSequence", f.eventLogEnd()).name("consumers").beginArray();
        for (final ConsumerLag.Row r : f.consumers()) {
            w.beginObject().field("name", r.name()).field("commandSequence", r.commandSequence())
                .field("lag", r.lag()).endObject();
        }
        w.endArray().endObject();
    }

    static void jvm(final JsonWriter w, final JvmFigures j) {
        w.beginObject().field("heapUsedBytes", j.heapUsedBytes()).field("heapCommittedBytes", j.heapCommittedBytes())
            .field("heapMaxBytes", j.heapMaxBytes()).field("nonHeapUsedBytes", j.nonHeapUsedBytes())
            .field("threads", j.threads()).field("uptimeMs", j.uptimeMs()).field("processors", j.processors())
            .field("loadAverage", j.loadAverage()).name("gc").beginArray();
        for (final JvmFigures.Collector c : j.collectors()) {
            w.beginObject().field("name", c.name()).field("collections", c.collections()).field("timeMs", c.timeMs())
                .endObject();
        }
        w.endArray().endObject();
    }

    static void killSwitches(final JsonWriter w, final List<MarketSnapshot.KillSwitch> switches) {
        w.beginArray();
        for (final MarketSnapshot.KillSwitch k : switches) {
            w.beginObject().field("firm", k.firm()).field("account", k.account()).endObject();
        }
        w.endArray();
    }
}
