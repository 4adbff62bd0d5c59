package exchange.operations.api;

import exchange.matching.Instrument;
import exchange.operations.http.ApiException;
import exchange.operations.http.Request;
import exchange.operations.http.Response;
import exchange.operations.http.Route;
import exchange.operations.json.JsonWriter;
import exchange.operations.metrics.JvmFigures;
import exchange.operations.view.MarketSnapshot;
import exchange.risk.RiskConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What operators read: sessions, instruments, a book's depth, trades, consumers and their lag,
 * latency, the JVM, the trading day, firms and kill switches, everything at once for the console, and
 * the same as a live stream of server-sent events.
 *
 * <p>Handlers run on the HTTP server's threads and read snapshots; none waits for the matching thread.
 */
public final class ReadEndpoints {
    private final Services services;

    public ReadEndpoints(final Services services) {
        this.services = services;
    }

    /** @return the routes */
    public List<Route> routes() {
        return List.of(
            Route.api("GET", "/api/sessions", r -> json(w -> Views.sessions(w, services.sessions().rows()))),
            Route.api("GET", "/api/instruments", r -> json(w -> instruments(w, services.view().snapshot()))),
            Route.api("GET", "/api/instruments/([^/]+)", this::instrument),
            Route.api("GET", "/api/instruments/([^/]+)/depth", this::depth),
            Route.api("GET", "/api/trades", r -> json(w -> Views.trades(w, services.view().snapshot().trades()))),
            Route.api("GET", "/api/consumers", r -> json(this::consumers)),
            Route.api("GET", "/api/latency", r -> json(w -> Views.latency(w, services.fixMetrics().latencies().summaries()))),
            Route.api("GET", "/api/jvm", r -> json(w -> Views.jvm(w, JvmFigures.now()))),
            Route.api("GET", "/api/trading-day", r -> json(this::tradingDay)),
            Route.api("GET", "/api/firms", r -> json(w -> firms(w, services.view().snapshot()))),
            Route.api("GET", "/api/overview", r -> json(w -> overview(w, r))),
            Route.stream("/api/stream", this::stream));
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonWriter w);
    }

    private static Response json(final Body body) {
        final JsonWriter w = new JsonWriter();
        body.write(w);
        return Response.json(w.toString());
    }

    private MarketSnapshot.InstrumentView view(final String symbol) {
        final Instrument instrument = services.instrument(symbol);
        final MarketSnapshot.InstrumentView view = services.view().snapshot().instrument(instrument.symbol());
        if (view == null) {
            throw new ApiException(503, "the market view has not started yet");
        }
        return view;
    }

    private Response instrument(final Request r) {
        final MarketSnapshot.InstrumentView i = view(r.pathParams().get(0));
        return json(w -> {
            w.beginObject().field("symbol", i.symbol()).field("id", i.id()).field("phase", i.phase().name());
            w.name("bid");
            Views.level(w, i.bestBid());
            w.name("ask");
            Views.level(w, i.bestAsk());
            w.name("day");
            Views.day(w, i.day());
            w.name("trades");
            Views.trades(w, i.trades());
            w.endObject();
        });
    }

    private Response depth(final Request r) {
        final MarketSnapshot.InstrumentView i = view(r.pathParams().get(0));
        final int levels = r.intParam("levels", services.config().depthLevels(), 1, services.config().depthLevels());
        return json(w -> Views.depth(w, i, levels));
    }

    private static void instruments(final JsonWriter w, final MarketSnapshot s) {
        w.beginArray();
        s.instruments().forEach(i -> Views.instrument(w, i));
        w.endArray();
    }

    private void consumers(final JsonWriter w) {
        Views.consumers(w, services.consumers().figures(), services.sequencer().appliedSequence(),
            services.sequencer().commands().lastSequence());
    }

    private void tradingDay(final JsonWriter w) {
        w.beginObject().field("date", services.tradingDay().tradingDate()).field("open", services.tradingDay().isDayOpen())
            .field("phase", services.tradingDay().phase().name()).endObject();
    }

    private void firms(final JsonWriter w, final MarketSnapshot s) {
        w.beginArray();
        for (final RiskConfig.Firm f : services.risk().config().firms()) {
            w.beginObject().field("name", f.name()).field("id", f.id())
                .field("killSwitch", s.killSwitches().stream().anyMatch(k -> k.firmId() == f.id() && k.accountId() == 0))
                .name("accounts").beginArray();
            for (final RiskConfig.Account a : services.risk().config().accounts()) {
                if (a.firmId() == f.id()) {
                    w.beginObject().field("name", a.name()).field("id", a.id())
                        .field("killSwitch", s.killSwitches().stream()
                            .anyMatch(k -> k.firmId() == f.id() && k.accountId() == a.id()))
                        .endObject();
                }
            }
            w.endArray().endObject();
        }
        w.endArray();
    }

    /** Everything the console shows, with the depth of the instrument it asks for (the first by default). */
    private void overview(final JsonWriter w, final Request r) {
        final MarketSnapshot s = services.view().snapshot();
        final String symbol = r.query().get("instrument");
        final int levels = r.intParam("levels", Math.min(10, services.config().depthLevels()), 1,
            services.config().depthLevels());
        final MarketSnapshot.InstrumentView depth = symbol == null || symbol.isEmpty()
            ? (s.instruments().isEmpty() ? null : s.instruments().get(0)) : view(symbol);
        w.beginObject().field("time", Instant.now().toString());
        w.name("tradingDay");
        tradingDay(w);
        w.name("sessions");
        Views.sessions(w, services.sessions().rows());
        w.name("instruments");
        instruments(w, s);
        w.name("depth");
        if (depth == null) {
            w.nullValue();
        } else {
            Views.depth(w, depth, levels);
        }
        w.name("trades");
        Views.trades(w, s.trades());
        w.name("latency");
        Views.latency(w, services.fixMetrics().latencies().summaries());
        w.name("killSwitches");
        Views.killSwitches(w, s.killSwitches());
        w.name("firms");
        firms(w, s);
        w.endObject();
    }

    /**
     * The overview as server-sent events ({@code event: overview}), one at once and then every stream
     * interval, until the client leaves or the server stops; {@code max} ends it after that many.
     */
    private Response stream(final Request r) {
        final int max = r.intParam("max", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        overview(new JsonWriter(), r); // a bad parameter is a 4xx now, not a broken stream
        return Response.eventStream((out, open) -> {
            for (int sent = 0; sent < max && open.getAsBoolean(); sent++) {
                final JsonWriter w = new JsonWriter();
                overview(w, r);
                event(out, "overview", w.toString());
                if (sent + 1 < max) {
                    Thread.sleep(services.config().streamIntervalMs());
                }
            }
        });
    }

    private static void event(final OutputStream out, final String name, final String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
