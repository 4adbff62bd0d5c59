package exchange.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A FIX connection without a FIX engine: it writes exactly the bytes a test asks for (broken ones
 * too) and reads what comes back, so a test can play a broken or hostile client.
 */
final class RawFixConnection implements AutoCloseable {
    static final char SOH = '\u0001';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String sender;
    private int seq = 1;

    RawFixConnection(final int port, final String sender) throws IOException {
        this(port, sender, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, 0 for the system's */
    RawFixConnection(final int port, final String sender, final int receiveBuffer) throws IOException {
        this(connect(port, receiveBuffer), sender);
    }

    /** Over a socket already connected to the exchange (a TLS one, say). */
    RawFixConnection(final Socket connected, final String sender) throws IOException {
        this.socket = connected;
        socket.setSoTimeout(200);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.sender = sender;
    }

    private static Socket connect(final int port, final int receiveBuffer) throws IOException {
        final Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return s;
    }

    /** A FIX 4.4 message with header, BodyLength and CheckSum right, from "tag=value" body fields. */
    String message(final String msgType, final String... body) {
        final StringBuilder b = new StringBuilder();
        b.append("35=").append(msgType).append(SOH).append("34=").append(seq++).append(SOH)
            .append("49=").append(sender).append(SOH).append("52=").append(LocalDateTime.now(ZoneOffset.UTC).format(TIME))
            .append(SOH).append("56=EXCH").append(SOH);
        for (final String f : body) {
            b.append(f).append(SOH);
        }
        return frame(b.toString());
    }

    /** Adds BeginString, BodyLength and CheckSum around a body. */
    static String frame(final String body) {
        final String head = "8=FIX.4.4" + SOH + "9=" + body.getBytes(StandardCharsets.ISO_8859_1).length + SOH;
        int sum = 0;
        for (final byte x : (head + body).getBytes(StandardCharsets.ISO_8859_1)) {
            sum += x & 0xFF;
        }
        return head + body + "10=" + String.format("%03d", sum % 256) + SOH;
    }

    /** The message with one more header field (before SendingTime), BodyLength and CheckSum made right again. */
    static String withHeaderField(final String message, final String field) {
        final String body = message.substring(message.indexOf("35="), message.lastIndexOf("10="));
        return frame(body.replaceFirst(SOH + "52=", SOH + field + SOH + "52="));
    }

    /** @return the next sequence number this connection would use */
    int nextSeq() {
        return seq;
    }

    /** Continues the sequence numbers of an earlier connection of the same session. */
    RawFixConnection continuingAt(final int nextSeq) {
        seq = nextSeq;
        return this;
    }

    void send(final String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void send(final byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Logs on as the session with these credentials (HeartBtInt 30) and reads the Logon answer. */
    Map<Integer, String> logon(final String user, final String password) throws IOException {
        return logon(user, password, 30);
    }

    /** Logs on asking for this HeartBtInt and reads the Logon answer. */
    Map<Integer, String> logon(final String user, final String password, final long heartBtInt) throws IOException {
        send(message("A", "98=0", "108=" + heartBtInt, "553=" + user, "554=" + password));
        return next(10_000);
    }

    /**
     * @return the next message's fields (tag to value, the last value of a repeated tag), or
     *         {@code null} when nothing complete came within the time or the connection closed
     */
    Map<Integer, String> next(final long timeoutMs) throws IOException {
        final ByteArrayOutputStream m = new ByteArrayOutputStream();
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            final int c;
            try {
                c = in.read();
            } catch (final SocketTimeoutException e) {
                continue;
            }
            if (c < 0) {
                return null;
            }
            m.write(c);
            final String s = m.toString(StandardCharsets.ISO_8859_1);
            if (c == SOH && s.matches("(?s).*\u000110=\\d{3}\u0001$")) {
                final Map<Integer, String> fields = new LinkedHashMap<>();
                for (final String f : s.split("\u0001")) {
                    final int eq = f.indexOf('=');
                    fields.put(Integer.parseInt(f.substring(0, eq)), f.substring(eq + 1));
                }
                return fields;
            }
        }
        return null;
    }

    /** @return the next message of the type, skipping heartbeats and others; null when none came */
    Map<Integer, String> next(final String msgType, final long timeoutMs) throws IOException {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        for (Map<Integer, String> m = next(timeoutMs); m != null; m = next(Math.max(1, deadline - System.currentTimeMillis()))) {
            if (msgType.equals(m.get(35))) {
                return m;
            }
        }
        return null;
    }

    /**
     * Starts a NewOrderSingle that claims a BodyLength of two billion and sends up to 2 MB of it.
     *
     * @return true when the exchange closed the connection meanwhile or within 30 s after (at once, when it is right)
     */
    boolean sendsAMessageThatNeverEnds() throws IOException {
        send("8=FIX.4.4\u00019=2000000000\u000135=D\u0001");
        final byte[] filler = new byte[256 * 1024];
        java.util.Arrays.fill(filler, (byte) 'A');
        for (int i = 0; i < 8; i++) {
            try {
                send(filler);
            } catch (final IOException e) {
                return true;
            }
        }
        return closedWithin(30_000);
    }

    /** @return true when the exchange closed the connection within the time */
    boolean closedWithin(final long timeoutMs) throws IOException {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (final SocketTimeoutException e) {
                // still open
            } catch (final IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
