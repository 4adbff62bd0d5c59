package exchange.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One TCP connection of a script to the server: raw bytes out, framed messages in.
 *
 * <p>Not thread-safe: one script runs on one thread, and so does everything it does with its
 * connections. There is no background reader; bytes wait in the socket's buffer until the script
 * reads them, so a message is never lost between two expectations.
 */
final class FixConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FixFrameDecoder decoder = new FixFrameDecoder();
    private final byte[] readBuffer = new byte[8192];
    /** Why no more bytes can be read, or null while they can. */
    private String closedReason;

    private FixConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to the server.
     *
     * @throws IOException when the connection is refused or not made within the timeout
     */
    static FixConnection open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return new FixConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** True until the server has been seen closing the connection, or it was closed here. */
    boolean isOpen() {
        return closedReason == null;
    }

    /**
     * Writes the bytes and flushes them. A failed write does not end reading: what the server
     * sent before it closed can still be received.
     *
     * @throws IOException when the server has already closed the connection
     */
    void send(byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    /**
     * Waits for the next complete message.
     *
     * @param timeout how long to wait at most; a message already buffered returns at once
     */
    Received receive(Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                FixMessage message = decoder.next();
                if (message != null) {
                    return new Received.Message(message);
                }
            } catch (MalformedMessageException e) {
                return new Received.Malformed(e.getMessage());
            }
            if (closedReason != null) {
                return new Received.Closed(decoder.hasPartialMessage()
                        ? closedReason + ", in the middle of a message" : closedReason);
            }
            long remainingMs = Duration.ofNanos(deadlineNs - System.nanoTime()).toMillis();
            if (remainingMs <= 0) {
                return new Received.Timeout();
            }
            readOnce(remainingMs);
        }
    }

    private void readOnce(long timeoutMs) {
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMs)));
            int count = in.read(readBuffer);
            if (count < 0) {
                closedReason = "closed by the server";
            } else {
                decoder.append(readBuffer, 0, count);
            }
        } catch (SocketTimeoutException e) {
            // the caller's loop sees the deadline has passed
        } catch (IOException e) {
            closedReason = "closed by the server (" + e.getMessage() + ")";
        }
    }

    /**
     * Ends the connection from this side the polite way: no more bytes are sent, then whatever
     * the server still sends is read and dropped until it closes too or the timeout passes.
     * Seeing the server's close tells that it has noticed the end of the connection.
     */
    void closeGracefully(Duration timeout) {
        if (isOpen()) {
            try {
                socket.shutdownOutput();
                long deadlineNs = System.nanoTime() + timeout.toNanos();
                while (isOpen() && System.nanoTime() < deadlineNs) {
                    Received received = receive(Duration.ofNanos(deadlineNs - System.nanoTime()));
                    if (received instanceof Received.Malformed) {
                        break;
                    }
                }
            } catch (IOException e) {
                // already closed by the server
            }
        }
        close();
    }

    /** Closes the socket at once. Idempotent. */
    @Override
    public void close() {
        if (closedReason == null) {
            closedReason = "closed by the script";
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a socket that cannot even close
        }
    }
}
