package exchange.matching;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A view over a fixed-layout binary record in a buffer, in the manner of SBE's generated codecs:
 * wrap it at an offset, then read or write fields in place. No copies, no allocation.
 *
 * <p>Every record starts with its total length (u16) and its type (u8). Fields are little-endian
 * (the buffer's native order on every platform we run on). The record may end with one
 * variable-length field, the client context: a u8 length and that many opaque bytes that the engine
 * copies, without reading, into the events that answer the command (for FIX: ClOrdID, OrigClOrdID,
 * Account text).
 *
 * <p>Not thread-safe; one flyweight per thread.
 */
public abstract class Flyweight {
    /** Offset of the u16 record length. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the u8 record type. */
    public static final int TYPE_OFFSET = 2;
    /** Longest client context in bytes. */
    public static final int MAX_CONTEXT_LENGTH = 255;

    protected MutableDirectBuffer buffer;
    protected int offset;

    /**
     * Points this flyweight at a record.
     *
     * @param buffer holding the record
     * @param offset of the record's first byte
     * @return this
     */
    public Flyweight wrap(final MutableDirectBuffer buffer, final int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the wrapped buffer. */
    public MutableDirectBuffer buffer() {
        return buffer;
    }

    /** @return the offset of the record in the buffer. */
    public int offset() {
        return offset;
    }

    /** @return the record's total length in bytes, as stored. */
    public int length() {
        return buffer.getShort(offset + LENGTH_OFFSET) & 0xFFFF;
    }

    /** @return the record's type code, as stored. */
    public int typeCode() {
        return buffer.getByte(offset + TYPE_OFFSET) & 0xFF;
    }

    /**
     * Reads the type code of the record at an offset without wrapping it.
     *
     * @param buffer holding the record
     * @param offset of the record
     * @return its type code
     */
    public static int typeCodeAt(final DirectBuffer buffer, final int offset) {
        return buffer.getByte(offset + TYPE_OFFSET) & 0xFF;
    }

    /**
     * Reads the length of the record at an offset without wrapping it.
     *
     * @param buffer holding the record
     * @param offset of the record
     * @return its total length in bytes
     */
    public static int lengthAt(final DirectBuffer buffer, final int offset) {
        return buffer.getShort(offset + LENGTH_OFFSET) & 0xFFFF;
    }

    /**
     * Writes the header of a new record: its type, and its length when it has no context.
     *
     * @param typeCode    record type
     * @param fixedLength length of the record's fixed part, up to and including the context length byte
     *                    when it has one
     */
    protected final void header(final int typeCode, final int fixedLength) {
        buffer.putByte(offset + TYPE_OFFSET, (byte) typeCode);
        buffer.putByte(offset + TYPE_OFFSET + 1, (byte) 0);
        buffer.putShort(offset + LENGTH_OFFSET, (short) fixedLength);
    }

    /**
     * @param contextOffset offset, within the record, of the context length byte
     * @return the context length in bytes
     */
    protected final int contextLength(final int contextOffset) {
        return buffer.getByte(offset + contextOffset) & 0xFF;
    }

    /**
     * Writes the context and sets the record length to cover it.
     *
     * @param contextOffset offset, within the record, of the context length byte
     * @param src           bytes to copy
     * @param srcOffset     first byte in {@code src}
     * @param length        number of bytes, at most {@link #MAX_CONTEXT_LENGTH}
     */
    protected final void putContext(final int contextOffset, final DirectBuffer src, final int srcOffset, final int length) {
        writeContext(buffer, offset + contextOffset, src, srcOffset, length);
        buffer.putShort(offset + LENGTH_OFFSET, (short) (contextOffset + 1 + length));
    }

    /**
     * Writes a context (its length byte, then its bytes) without touching the record length: for
     * writers that set the length in the record's header themselves.
     *
     * @param buffer    where the record is
     * @param at        offset in {@code buffer} of the context length byte
     * @param src       bytes to copy (not read when {@code length} is 0)
     * @param srcOffset first byte in {@code src}
     * @param length    number of bytes, at most {@link #MAX_CONTEXT_LENGTH}
     */
    static void writeContext(final MutableDirectBuffer buffer, final int at, final DirectBuffer src,
                             final int srcOffset, final int length) {
        if (length < 0 || length > MAX_CONTEXT_LENGTH) {
            throw new IllegalArgumentException("context length " + length + " outside 0.." + MAX_CONTEXT_LENGTH);
        }
        buffer.putByte(at, (byte) length);
        if (length > 0) {
            buffer.putBytes(at + 1, src, srcOffset, length);
        }
    }

    /**
     * Writes the context from a byte array and sets the record length to cover it.
     *
     * @param contextOffset offset, within the record, of the context length byte
     * @param src           bytes to copy, at most {@link #MAX_CONTEXT_LENGTH}
     */
    protected final void putContext(final int contextOffset, final byte[] src) {
        if (src.length > MAX_CONTEXT_LENGTH) {
            throw new IllegalArgumentException("context length " + src.length + " above " + MAX_CONTEXT_LENGTH);
        }
        buffer.putByte(offset + contextOffset, (byte) src.length);
        buffer.putBytes(offset + contextOffset + 1, src);
        buffer.putShort(offset + LENGTH_OFFSET, (short) (contextOffset + 1 + src.length));
    }

    /**
     * @param contextOffset offset, within the record, of the context length byte
     * @return a copy of the context; allocates, for tests and cold paths
     */
    protected final byte[] contextBytes(final int contextOffset) {
        final byte[] bytes = new byte[contextLength(contextOffset)];
        buffer.getBytes(offset + contextOffset + 1, bytes);
        return bytes;
    }
}
