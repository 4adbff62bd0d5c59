package exchange.operations.http;

/** A request the API refuses: an HTTP status (4xx) and a reason the caller can read. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(final int status, final String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(final String reason) {
        return new ApiException(400, reason);
    }

    public static ApiException notFound(final String reason) {
        return new ApiException(404, reason);
    }

    public static ApiException conflict(final String reason) {
        return new ApiException(409, reason);
    }
}
