package exchange.conformance;

/** The server sent bytes that are not a well-framed FIX message. */
final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedMessageException(String reason, String receivedDisplay) {
        super(reason + ": " + receivedDisplay);
    }
}
