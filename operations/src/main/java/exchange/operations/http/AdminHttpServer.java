package exchange.operations.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import exchange.operations.AdminTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * The control plane's HTTP server (the JDK's {@code com.sun.net.httpserver}): routes each request to
 * its handler, checks the operator's token ({@code Authorization: Bearer <token>}), reads bodies of up
 * to {@value #MAX_BODY_BYTES} bytes, and turns every refusal into a status with
 * {@code {"error": reason}}. A handler's bug is a 500 and an error in the log; the exchange keeps
 * running. A wrong token is logged with the caller's address.
 *
 * <p>A pool of {@value #THREADS} threads serves requests; live streams may hold at most
 * {@value #MAX_STREAMS} of them.
 */
public final class AdminHttpServer implements AutoCloseable {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int THREADS = 16;
    static final int MAX_STREAMS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminTokens tokens;
    private final List<Route> routes;
    private final AtomicInteger streams = new AtomicInteger();
    private volatile boolean open = true;

    /**
     * Starts listening.
     *
     * @param address where to listen (port 0: any free port)
     * @param tokens  the operators
     * @param routes  the endpoints, matched in order
     * @throws IllegalArgumentException when the address cannot be bound, naming it
     */
    public AdminHttpServer(final InetSocketAddress address, final AdminTokens tokens, final List<Route> routes) {
        this.tokens = tokens;
        this.routes = List.copyOf(routes);
        try {
            this.server = HttpServer.create(address, 64);
        } catch (final IOException e) {
            throw new IllegalArgumentException("admin API: cannot listen on " + address + ": " + e.getMessage(), e);
        }
        final AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                final Thread t = new Thread(r, "admin-http-" + threadNumber.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** @return the port listened on */
    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(final HttpExchange exchange) {
        try (exchange) {
            final Response response = answer(exchange);
            send(exchange, response);
        } catch (final IOException e) {
            LOG.debug("admin API: {} {} from {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                remote(exchange), e.toString());
        } catch (final RuntimeException e) {
            LOG.error("admin API: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
        }
    }

    private Response answer(final HttpExchange exchange) throws IOException {
        final String method = exchange.getRequestMethod();
        final String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        final Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Route found = null;
        Matcher match = null;
        final TreeSet<String> allowed = new TreeSet<>();
        for (final Route route : routes) {
            final Matcher m = route.path().matcher(path);
            if (m.matches()) {
                allowed.add(route.method());
                if (route.method().equals(method) && found == null) {
                    found = route;
                    match = m;
                }
            }
        }
        if (found == null) {
            if (!allowed.isEmpty()) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                return Response.error(405, method + " is not allowed on " + path + "; use " + String.join(" or ", allowed));
            }
            return Response.error(404, "no such endpoint: " + method + " " + path);
        }
        String operator = null;
        if (found.authenticated()) {
            final String token = token(exchange, query, found.tokenInQuery());
            if (tokens.isEmpty()) {
                return unauthorized(exchange, "no operator tokens are configured (" + tokens.file().getFileName()
                    + " in the configuration folder): the admin API refuses every request");
            }
            if (token == null) {
                return unauthorized(exchange, "missing token: send the header Authorization: Bearer <token>");
            }
            operator = tokens.operator(token);
            if (operator == null) {
                LOG.warn("admin API: wrong token from {} for {} {}", remote(exchange), method, path);
                return unauthorized(exchange, "wrong token");
            }
        }
        final List<String> params = new ArrayList<>();
        for (int g = 1; g <= match.groupCount(); g++) {
            params.add(match.group(g));
        }
        try {
            final String body = body(exchange);
            return found.handler().handle(new Request(method, path, List.copyOf(params), query, body, operator,
                remote(exchange)));
        } catch (final ApiException e) {
            return Response.error(e.status(), e.getMessage());
        } catch (final RuntimeException e) {
            LOG.error("admin API: {} {} by {} failed", method, path, operator, e);
            return Response.error(500, "internal error: " + e);
        }
    }

    private static Response unauthorized(final HttpExchange exchange, final String reason) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"exchange-admin\"");
        return Response.error(401, reason);
    }

    private static String token(final HttpExchange exchange, final Map<String, String> query, final boolean inQuery) {
        final String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return inQuery ? query.get("token") : null;
    }

    private static String body(final HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final byte[] chunk = new byte[8192];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                bytes.write(chunk, 0, n);
                if (bytes.size() > MAX_BODY_BYTES) {
                    throw new ApiException(413, "the body is longer than " + MAX_BODY_BYTES + " bytes");
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(final String raw) {
        final Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (final String pair : raw.split("&")) {
            final int equals = pair.indexOf('=');
            final String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            final String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private void send(final HttpExchange exchange, final Response response) throws IOException {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.contentType().startsWith("text/html")) {
            // the console: its own script and styles only, never framed by another site
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        }
        if (response.streamer() == null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            final byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            return;
        }
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            send(exchange, Response.error(503, "too many live streams (" + MAX_STREAMS + "); close one"));
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(200, 0);
            final OutputStream out = exchange.getResponseBody();
            response.streamer().stream(out, () -> open);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private static String remote(final HttpExchange exchange) {
        final InetSocketAddress a = exchange.getRemoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** Ends the live streams and stops listening. */
    @Override
    public void close() {
        open = false;
        server.stop(1);
        executor.shutdownNow();
    }
}
