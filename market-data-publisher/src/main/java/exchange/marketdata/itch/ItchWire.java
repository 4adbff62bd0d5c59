package exchange.marketdata.itch;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Field primitives of Nasdaq TotalView-ITCH 5.0 ("Data Types", section 3): big-endian unsigned
 * integers of 2, 4, 6 and 8 bytes and space-padded ASCII alphanumerics.
 *
 * <p>Stateless and allocation-free except {@link #getAlpha(DirectBuffer, int, int)} and
 * {@link #unpackAlpha8(long)}, which build a {@code String}. Setters throw
 * {@link IllegalArgumentException} for a value that does not fit its field: such a value is a bug in
 * the caller, never something to truncate silently.
 */
public final class ItchWire {
    /** Every ITCH integer is in network byte order. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Largest value of an unsigned 2-byte field (Stock Locate, Tracking Number). */
    public static final int MAX_UINT16 = 0xFFFF;

    /** Largest value of an unsigned 4-byte field (shares, {@code Price(4)}). */
    public static final long MAX_UINT32 = 0xFFFF_FFFFL;

    /** Largest value of the 6-byte Timestamp field, in nanoseconds. */
    public static final long MAX_UINT48 = (1L << 48) - 1;

    /** Number of nanoseconds in a day: a timestamp is nanoseconds since midnight. */
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** The padding of alphanumeric fields. */
    public static final byte SPACE = ' ';

    private ItchWire() {
    }

    public static void putUint16(final MutableDirectBuffer buffer, final int index, final int value) {
        if (value < 0 || value > MAX_UINT16) {
            throw new IllegalArgumentException("not an unsigned 16-bit value: " + value);
        }
        buffer.putShort(index, (short)value, BYTE_ORDER);
    }

    public static int getUint16(final DirectBuffer buffer, final int index) {
        return buffer.getShort(index, BYTE_ORDER) & 0xFFFF;
    }

    public static void putUint32(final MutableDirectBuffer buffer, final int index, final long value) {
        if (value < 0 || value > MAX_UINT32) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + value);
        }
        buffer.putInt(index, (int)value, BYTE_ORDER);
    }

    public static long getUint32(final DirectBuffer buffer, final int index) {
        return buffer.getInt(index, BYTE_ORDER) & MAX_UINT32;
    }

    public static void putUint48(final MutableDirectBuffer buffer, final int index, final long value) {
        if (value < 0 || value > MAX_UINT48) {
            throw new IllegalArgumentException("not an unsigned 48-bit value: " + value);
        }
        buffer.putShort(index, (short)(value >>> 32), BYTE_ORDER);
        buffer.putInt(index + 2, (int)value, BYTE_ORDER);
    }

    public static long getUint48(final DirectBuffer buffer, final int index) {
        final long high = buffer.getShort(index, BYTE_ORDER) & 0xFFFFL;
        final long low = buffer.getInt(index + 2, BYTE_ORDER) & MAX_UINT32;
        return (high << 32) | low;
    }

    /** Writes an 8-byte integer; ITCH declares it unsigned, Java reads it as a signed long. */
    public static void putInt64(final MutableDirectBuffer buffer, final int index, final long value) {
        buffer.putLong(index, value, BYTE_ORDER);
    }

    public static long getInt64(final DirectBuffer buffer, final int index) {
        return buffer.getLong(index, BYTE_ORDER);
    }

    /** Writes one alphanumeric byte; the character must be printable ASCII. */
    public static void putChar(final MutableDirectBuffer buffer, final int index, final char value) {
        buffer.putByte(index, asciiByte(value));
    }

    public static char getChar(final DirectBuffer buffer, final int index) {
        return (char)(buffer.getByte(index) & 0xFF);
    }

    /**
     * Writes {@code value} left justified in a field of {@code length} bytes, padded with spaces.
     *
     * @throws IllegalArgumentException if the value is longer than the field or not printable ASCII.
     */
    public static void putAlpha(
        final MutableDirectBuffer buffer, final int index, final int length, final CharSequence value) {
        final int valueLength = value.length();
        if (valueLength > length) {
            throw new IllegalArgumentException("'" + value + "' is longer than " + length + " characters");
        }
        for (int i = 0; i < valueLength; i++) {
            buffer.putByte(index + i, asciiByte(value.charAt(i)));
        }
        for (int i = valueLength; i < length; i++) {
            buffer.putByte(index + i, SPACE);
        }
    }

    /** Reads an alphanumeric field with its trailing spaces removed. Allocates: tools and tests only. */
    public static String getAlpha(final DirectBuffer buffer, final int index, final int length) {
        int end = length;
        while (end > 0 && buffer.getByte(index + end - 1) == SPACE) {
            end--;
        }
        return buffer.getStringWithoutLengthAscii(index, end);
    }

    /**
     * Packs a symbol of up to 8 characters, space padded, into a long whose big-endian bytes are the
     * wire bytes of the 8-byte Stock field: a key that compares and hashes without allocation.
     */
    public static long packAlpha8(final CharSequence value) {
        final int valueLength = value.length();
        if (valueLength > 8) {
            throw new IllegalArgumentException("'" + value + "' is longer than 8 characters");
        }
        long packed = 0;
        for (int i = 0; i < 8; i++) {
            final byte b = i < valueLength ? asciiByte(value.charAt(i)) : SPACE;
            packed = (packed << 8) | (b & 0xFF);
        }
        return packed;
    }

    /** The symbol in a packed 8-byte field, trailing spaces removed. Allocates: tools and tests only. */
    public static String unpackAlpha8(final long packed) {
        final char[] chars = new char[8];
        int end = 0;
        for (int i = 0; i < 8; i++) {
            final char c = (char)((packed >>> (56 - 8 * i)) & 0xFF);
            chars[i] = c;
            if (c != SPACE) {
                end = i + 1;
            }
        }
        return new String(chars, 0, end);
    }

    private static byte asciiByte(final char c) {
        if (c < 0x20 || c > 0x7E) {
            throw new IllegalArgumentException("not a printable ASCII character: 0x" + Integer.toHexString(c));
        }
        return (byte)c;
    }
}
