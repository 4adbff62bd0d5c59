package exchange.conformance;

/** What waiting on a connection gave: a message, the end of the connection, or nothing in time. */
sealed interface Received {
    /** A complete, well-framed message. */
    record Message(FixMessage message) implements Received {
    }

    /** The server closed the connection (or reset it); nothing more will arrive. */
    record Closed(String reason) implements Received {
    }

    /** Nothing complete arrived before the timeout; the connection is still open. */
    record Timeout() implements Received {
    }

    /** The server sent bytes that are not a FIX message. */
    record Malformed(String reason) implements Received {
    }
}
