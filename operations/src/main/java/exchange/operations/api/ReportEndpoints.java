package exchange.operations.api;

import exchange.operations.http.ApiException;
import exchange.operations.http.Request;
import exchange.operations.http.Response;
import exchange.operations.http.Route;
import exchange.operations.json.JsonWriter;
import exchange.operations.reports.ReportFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The end-of-day reports ({@link ReportFiles}): the list of days, each day's trade file and statistics
 * as CSV, and the statistics as JSON.
 */
public final class ReportEndpoints {
    private static final String CSV = "text/csv; charset=utf-8";

    private final Path reportsDir;

    public ReportEndpoints(final Path reportsDir) {
        this.reportsDir = reportsDir;
    }

    /** @return the routes */
    public List<Route> routes() {
        return List.of(
            Route.api("GET", "/api/reports", r -> days()),
            Route.api("GET", "/api/reports/([^/]+)/trades\\.csv", r -> file(r, ReportFiles.TRADES)),
            Route.api("GET", "/api/reports/([^/]+)/statistics\\.csv", r -> file(r, ReportFiles.STATISTICS)),
            Route.api("GET", "/api/reports/([^/]+)/statistics", this::statistics));
    }

    private Response days() {
        final JsonWriter w = new JsonWriter().beginArray();
        for (final String day : ReportFiles.days(reportsDir)) {
            final Properties p = ReportFiles.day(reportsDir.resolve(day));
            w.beginObject().field("day", day).field("tradingDate", Long.parseLong(p.getProperty("tradingDate")))
                .field("trades", Long.parseLong(p.getProperty("trades"))).endObject();
        }
        return Response.json(w.endArray().toString());
    }

    private Path day(final Request r) {
        final String day = r.pathParams().get(0);
        if (!ReportFiles.DAY_NAME.matcher(day).matches()) {
            throw ApiException.badRequest("a report day is named yyyymmdd (or yyyymmdd-n): '" + day + "'");
        }
        final Path dir = reportsDir.resolve(day);
        if (!Files.exists(dir.resolve(ReportFiles.DAY))) {
            throw ApiException.notFound("no report for " + day);
        }
        return dir;
    }

    private Response file(final Request r, final String name) {
        try {
            return Response.bytes(CSV, Files.readAllBytes(day(r).resolve(name)));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response statistics(final Request r) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(day(r).resolve(ReportFiles.STATISTICS));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final JsonWriter w = new JsonWriter().beginArray();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            w.beginObject().field("instrument", f[0]).field("open", decimal(f[1])).field("high", decimal(f[2]))
                .field("low", decimal(f[3])).field("close", decimal(f[4])).field("volume", Long.parseLong(f[5]))
                .field("vwap", decimal(f[6])).field("turnover", decimal(f[7])).field("trades", Long.parseLong(f[8]))
                .endObject();
        }
        return Response.json(w.endArray().toString());
    }

    private static BigDecimal decimal(final String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
