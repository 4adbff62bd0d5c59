package exchange.operations.json;

/** JSON text that cannot be read, or that does not have the shape asked for; the message says where and why. */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonException(final String message) {
        super(message);
    }
}
