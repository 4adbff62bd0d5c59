package exchange.operations.http;

import java.util.regex.Pattern;

/**
 * One endpoint: a method, a path pattern (its groups are the path's variable parts), whether an
 * operator's token is needed, and whether the token may come as the {@code token} query parameter
 * (for the browser's EventSource, which cannot send headers).
 */
public record Route(String method, Pattern path, boolean authenticated, boolean tokenInQuery, Handler handler) {
    /** Answers a request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    /** An endpoint that needs a token in the Authorization header. */
    public static Route api(final String method, final String regex, final Handler handler) {
        return new Route(method, Pattern.compile(regex), true, false, handler);
    }

    /** An endpoint anyone may read (the console's page and scripts, which hold no data). */
    public static Route open(final String method, final String regex, final Handler handler) {
        return new Route(method, Pattern.compile(regex), false, false, handler);
    }

    /** A stream that needs a token, which may come in the query. */
    public static Route stream(final String regex, final Handler handler) {
        return new Route("GET", Pattern.compile(regex), true, true, handler);
    }
}
