package exchange.operations.api;

import exchange.operations.http.Response;
import exchange.operations.http.Route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The web console: one page and its script and style sheet, served from the classpath to anyone (they
 * hold no data; the page asks for the operator's token and reads everything through the API).
 */
public final class ConsoleEndpoints {
    private static final String ROOT = "/exchange/operations/console/";

    /** @return the routes */
    public List<Route> routes() {
        return List.of(
            Route.open("GET", "/", r -> resource("index.html", "text/html; charset=utf-8")),
            Route.open("GET", "/console\\.js", r -> resource("console.js", "text/javascript; charset=utf-8")),
            Route.open("GET", "/console\\.css", r -> resource("console.css", "text/css; charset=utf-8")));
    }

    private static Response resource(final String name, final String contentType) {
        try (InputStream in = ConsoleEndpoints.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is not on the classpath");
            }
            return Response.bytes(contentType, in.readAllBytes());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
