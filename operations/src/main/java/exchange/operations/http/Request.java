package exchange.operations.http;

import exchange.operations.json.JsonException;
import exchange.operations.json.JsonReader;

import java.util.List;
import java.util.Map;

/**
 * One request as a handler sees it.
 *
 * @param method     GET or POST
 * @param path       the path, decoded
 * @param pathParams the path's variable parts, in order
 * @param query      the query's parameters (the last of a repeated name)
 * @param body       the body, "" when none
 * @param operator   who asked (the token's operator), null on an open route
 * @param remote     the caller's address
 */
public record Request(String method, String path, List<String> pathParams, Map<String, String> query, String body,
                      String operator, String remote) {
    /** @return the body as a JSON object; an empty body is an empty object */
    public Map<String, Object> jsonBody() {
        if (body.isBlank()) {
            return Map.of();
        }
        try {
            return JsonReader.parseObject(body);
        } catch (final JsonException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** @return a query parameter as a whole number within bounds, or the default when absent */
    public int intParam(final String name, final int defaultValue, final int min, final int max) {
        final String text = query.get(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            final int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw ApiException.badRequest(name + " must be from " + min + " to " + max + ": " + value);
            }
            return value;
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number: '" + text + "'");
        }
    }

    /** @return a string member of a JSON body, null when absent */
    public static String string(final Map<String, Object> body, final String name) {
        final Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiException.badRequest("\"" + name + "\" must be a string, got " + JsonReader.describe(v));
        }
        return s;
    }

    /** @return a boolean member of a JSON body */
    public static boolean bool(final Map<String, Object> body, final String name) {
        final Object v = body.get(name);
        if (!(v instanceof Boolean b)) {
            throw ApiException.badRequest("\"" + name + "\" must be true or false, got " + JsonReader.describe(v));
        }
        return b;
    }

    /** Refuses members the action does not know (a misspelt one must not be silently ignored). */
    public static void onlyKnown(final Map<String, Object> body, final String... names) {
        for (final String member : body.keySet()) {
            if (!List.of(names).contains(member)) {
                throw ApiException.badRequest("unknown member \"" + member + "\"; expected " + String.join(", ", names));
            }
        }
    }
}
