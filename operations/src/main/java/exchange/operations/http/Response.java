package exchange.operations.http;

import exchange.operations.json.JsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * What a handler answers: a status, a content type and a body; or a stream that the server keeps open
 * (server-sent events).
 */
public final class Response {
    /** Writes a stream until the client leaves ({@link IOException}) or {@code open} turns false. */
    @FunctionalInterface
    public interface Streamer {
        void stream(OutputStream out, BooleanSupplier open) throws IOException, InterruptedException;
    }

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Streamer streamer;

    private Response(final int status, final String contentType, final byte[] body, final Streamer streamer) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.streamer = streamer;
    }

    public static Response json(final int status, final String json) {
        return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Response json(final String json) {
        return json(200, json);
    }

    /** @return {@code {"error": reason}} with a status */
    public static Response error(final int status, final String reason) {
        return json(status, new JsonWriter().beginObject().field("error", reason).endObject().toString());
    }

    public static Response text(final int status, final String contentType, final String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Response bytes(final String contentType, final byte[] body) {
        return new Response(200, contentType, body, null);
    }

    /** A live stream of server-sent events ({@code text/event-stream}). */
    public static Response eventStream(final Streamer streamer) {
        return new Response(200, "text/event-stream; charset=utf-8", null, streamer);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    /** @return the streamer of a stream, null for a plain answer */
    public Streamer streamer() {
        return streamer;
    }
}
