package exchange.matching.event;

import exchange.matching.Flyweight;
import org.agrona.DirectBuffer;

/**
 * The header every event starts with: the command that caused it and that command's time stamp.
 *
 * <pre>
 *   0  length (u16)   2 type (u8)   3 reserved (u8; 0, but Restored keeps its flags there)
 *   4  instrument id (i32)
 *   8  command sequence (i64): the journal sequence of the command that caused this event
 *  16  timestamp (i64, ns since epoch): that command's sequencer time stamp
 *  24  body ...
 * </pre>
 */
public abstract class Event extends Flyweight {
    public static final int INSTRUMENT_OFFSET = 4;
    public static final int COMMAND_SEQUENCE_OFFSET = 8;
    public static final int TIMESTAMP_OFFSET = 16;
    public static final int HEADER_LENGTH = 24;

    /** @return the event type this flyweight reads and writes. */
    public abstract EventType type();

    public int instrumentId() {
        return buffer.getInt(offset + INSTRUMENT_OFFSET);
    }

    public Event instrumentId(final int id) {
        buffer.putInt(offset + INSTRUMENT_OFFSET, id);
        return this;
    }

    public long commandSequence() {
        return buffer.getLong(offset + COMMAND_SEQUENCE_OFFSET);
    }

    public Event commandSequence(final long sequence) {
        buffer.putLong(offset + COMMAND_SEQUENCE_OFFSET, sequence);
        return this;
    }

    public long timestampNs() {
        return buffer.getLong(offset + TIMESTAMP_OFFSET);
    }

    public Event timestampNs(final long timestampNs) {
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestampNs);
        return this;
    }

    /**
     * Starts a new record of this type at the wrapped offset and fills in the header. The writer then
     * sets every field of the type (reserved bytes are zeroed here), so no byte of an earlier record
     * survives: replays compare bytes.
     *
     * @param instrumentId    instrument the event is about
     * @param commandSequence sequence of the causing command
     * @param timestampNs     time stamp of the causing command
     * @return this
     */
    public Event init(final int instrumentId, final long commandSequence, final long timestampNs) {
        header(type().code(), fixedLength());
        if (hasContext()) {
            buffer.putByte(offset + contextOffset(), (byte) 0); // empty until context() says otherwise
        }
        buffer.putInt(offset + INSTRUMENT_OFFSET, instrumentId);
        buffer.putLong(offset + COMMAND_SEQUENCE_OFFSET, commandSequence);
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestampNs);
        return this;
    }

    /** @return length of the record without its context, including the context length byte if any. */
    protected int fixedLength() {
        return hasContext() ? contextOffset() + 1 : endOffset();
    }

    /** @return offset, within the record, of the context length byte; meaningless without context. */
    protected int contextOffset() {
        return endOffset();
    }

    /** @return true when this event type carries the context of the command it answers. */
    protected boolean hasContext() {
        return false;
    }

    /** @return offset just past the fixed fields (where the context length byte goes, if any). */
    protected abstract int endOffset();

    /** @return context length in bytes: the answered command's client context, copied verbatim. */
    public int contextLength() {
        return hasContext() ? contextLength(contextOffset()) : 0;
    }

    /** @return offset in the buffer of the first context byte. */
    public int contextStart() {
        return offset + contextOffset() + 1;
    }

    /**
     * Copies a client context into this event and sets the record length to cover it.
     *
     * @param src       buffer holding the context
     * @param srcOffset its first byte
     * @param length    its length
     * @return this
     */
    public Event context(final DirectBuffer src, final int srcOffset, final int length) {
        putContext(contextOffset(), src, srcOffset, length);
        return this;
    }

    /** @return a copy of the context; allocates. */
    public byte[] contextBytes() {
        return hasContext() ? contextBytes(contextOffset()) : new byte[0];
    }

    @Override
    public String toString() {
        return type() + "{cmd=" + commandSequence() + " instrument=" + instrumentId() + body() + "}";
    }

    /** @return the body's fields for {@link #toString()}; allocates. */
    protected abstract String body();
}
