package exchange.marketdata.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A MoldUDP64 session identifier: 10 printable ASCII bytes, left justified and padded with spaces.
 * Immutable; {@link #copyTo} and {@link #matches} never allocate.
 */
public final class MoldSession {
    private final String name;
    private final UnsafeBuffer bytes = new UnsafeBuffer(new byte[MoldUdp64.SESSION_LENGTH]);

    private MoldSession(final String name) {
        if (name.isEmpty() || name.length() > MoldUdp64.SESSION_LENGTH) {
            throw new IllegalArgumentException("a session is 1 to 10 characters: '" + name + "'");
        }
        for (int i = 0; i < MoldUdp64.SESSION_LENGTH; i++) {
            final char c = i < name.length() ? name.charAt(i) : ' ';
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("a session is printable ASCII: '" + name + "'");
            }
            bytes.putByte(i, (byte)c);
        }
        this.name = name.stripTrailing();
        if (this.name.isEmpty()) {
            throw new IllegalArgumentException("a session cannot be blank");
        }
    }

    /** @throws IllegalArgumentException unless 1 to 10 printable ASCII characters, not all spaces. */
    public static MoldSession of(final String name) {
        return new MoldSession(name);
    }

    /** Reads the session field of a packet. Allocates: once per session change, not per packet. */
    public static MoldSession readFrom(final DirectBuffer buffer, final int index) {
        final byte[] raw = new byte[MoldUdp64.SESSION_LENGTH];
        buffer.getBytes(index, raw);
        return new MoldSession(new String(raw, StandardCharsets.US_ASCII));
    }

    /** The session without its padding. */
    public String name() {
        return name;
    }

    /** Writes the 10 session bytes at {@code buffer[index]}. */
    public void copyTo(final MutableDirectBuffer buffer, final int index) {
        buffer.putBytes(index, bytes, 0, MoldUdp64.SESSION_LENGTH);
    }

    /** Whether the 10 bytes at {@code buffer[index]} are this session. */
    public boolean matches(final DirectBuffer buffer, final int index) {
        return buffer.getLong(index) == bytes.getLong(0) && buffer.getShort(index + 8) == bytes.getShort(8);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof MoldSession && ((MoldSession)other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
