package exchange.operations.testing;

import exchange.operations.json.JsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An operator's HTTP client for tests: real HTTP to the admin API on loopback, with a token (or none),
 * and the JSON of each answer read back.
 */
public final class AdminClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** @param token sent as {@code Authorization: Bearer}; null sends none */
    public AdminClient(final int port, final String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** One answer. */
    public record Answer(int status, String body, Map<String, List<String>> headers) {
        /** @return the body as a JSON object */
        public Map<String, Object> json() {
            return JsonReader.parseObject(body);
        }

        /** @return the body as a JSON array */
        @SuppressWarnings("unchecked")
        public List<Object> jsonArray() {
            return (List<Object>) JsonReader.parse(body);
        }

        /** @return the error reason of a refusal */
        public String error() {
            return (String) json().get("error");
        }
    }

    public Answer get(final String path) {
        return send(request(path).GET().build());
    }

    public Answer post(final String path, final String json) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Sends a request with any method and body. */
    public Answer send(final String method, final String path, final String body) {
        return send(request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** GETs until the answer's JSON satisfies the condition, or fails after the timeout. */
    public Answer await(final String path, final Predicate<Answer> condition, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = get(path);
            if (last.status() == 200 && condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(20);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("GET " + path + " never gave what was awaited; last answer " + last.status() + " "
            + last.body());
    }

    private HttpRequest.Builder request(final String path) {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(final HttpRequest request) {
        try {
            final HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().map());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a JSON path: names of objects and indexes of arrays, e.g. {@code at(json, "bids", 0, "price")}. */
    public static Object at(final Object json, final Object... path) {
        Object v = json;
        for (final Object step : path) {
            if (step instanceof Integer i) {
                v = ((List<?>) v).get(i);
            } else {
                v = ((Map<?, ?>) v).get(step);
            }
        }
        return v;
    }

    /** @return a JSON number as a long */
    public static long number(final Object json, final Object... path) {
        return ((BigDecimal) at(json, path)).longValueExact();
    }
}
