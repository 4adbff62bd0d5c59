package exchange.matching.command;

import exchange.matching.Flyweight;

/**
 * The header every command starts with. The sequencer stamps {@code sequence} and {@code timestampNs}
 * when it journals the command; the gateway fills in the rest.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+---------------+---------------+
 *  |         length (u16)          |  type (u8)    |   version     |  0
 *  +-------------------------------+---------------+---------------+
 *  |                     instrument id (i32)                       |  4
 *  +---------------------------------------------------------------+
 *  |                     sequence (i64)                            |  8
 *  +---------------------------------------------------------------+
 *  |                     timestamp, ns since epoch (i64)           | 16
 *  +---------------------------------------------------------------+
 *  |                     session id (i32)                          | 24
 *  +---------------------------------------------------------------+
 *  |                     firm id (i32)                             | 28
 *  +---------------------------------------------------------------+
 *  |                     body ...                                  | 32
 * </pre>
 */
public abstract class Command extends Flyweight {
    public static final int INSTRUMENT_OFFSET = 4;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int TIMESTAMP_OFFSET = 16;
    public static final int SESSION_OFFSET = 24;
    public static final int FIRM_OFFSET = 28;
    /** Length of the header; bodies start here. */
    public static final int HEADER_LENGTH = 32;

    /** @return the command type this flyweight reads and writes. */
    public abstract CommandType type();

    /** @return instrument id; {@link exchange.matching.Instrument#NULL_ID} when not about one. */
    public int instrumentId() {
        return buffer.getInt(offset + INSTRUMENT_OFFSET);
    }

    /** @param id instrument id @return this */
    public Command instrumentId(final int id) {
        buffer.putInt(offset + INSTRUMENT_OFFSET, id);
        return this;
    }

    /** @return the journal sequence number: the command's place in the single line. */
    public long sequence() {
        return buffer.getLong(offset + SEQUENCE_OFFSET);
    }

    /** @param sequence journal sequence number @return this */
    public Command sequence(final long sequence) {
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence);
        return this;
    }

    /** @return sequencer time stamp in nanoseconds since the epoch; the engine's only clock. */
    public long timestampNs() {
        return buffer.getLong(offset + TIMESTAMP_OFFSET);
    }

    /** @param timestampNs nanoseconds since the epoch @return this */
    public Command timestampNs(final long timestampNs) {
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestampNs);
        return this;
    }

    /** @return the session that sent the command (0 for the exchange itself). */
    public int sessionId() {
        return buffer.getInt(offset + SESSION_OFFSET);
    }

    /** @param sessionId sending session @return this */
    public Command sessionId(final int sessionId) {
        buffer.putInt(offset + SESSION_OFFSET, sessionId);
        return this;
    }

    /** @return the firm of the sending session (0 for the exchange itself). */
    public int firmId() {
        return buffer.getInt(offset + FIRM_OFFSET);
    }

    /** @param firmId firm of the sending session @return this */
    public Command firmId(final int firmId) {
        buffer.putInt(offset + FIRM_OFFSET, firmId);
        return this;
    }

    /**
     * Starts a new record of this type at the wrapped offset.
     *
     * @return this
     */
    public abstract Command init();

    @Override
    public String toString() {
        return type() + "{seq=" + sequence() + " t=" + timestampNs() + " instrument=" + instrumentId()
            + " session=" + sessionId() + " firm=" + firmId() + body() + "}";
    }

    /** @return the body's fields for {@link #toString()}; allocates. */
    protected abstract String body();
}
