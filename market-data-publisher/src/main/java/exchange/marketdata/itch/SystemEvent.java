package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 System Event (4.1): Message Type {@code 'S'}, 12 bytes.
 *
 * <pre>
 * offset length  field            type
 *      0      1  Message Type     alpha "S"
 *      1      2  Stock Locate     integer
 *      3      2  Tracking Number  integer
 *      5      6  Timestamp        integer, ns since midnight
 *     11      1  Event Code       alpha
 * </pre>
 */
public final class SystemEvent {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'S';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 12;

    public static final int EVENT_CODE_OFFSET = 11;

    private SystemEvent() {
    }

    /** Writes a System Event message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Event Code: O start of messages, S start of system hours, Q start of market hours, M end of market hours, E end of system hours, C end of messages. */
        public Encoder eventCode(final char eventCode) {
            ItchWire.putChar(buffer, offset + EVENT_CODE_OFFSET, eventCode);
            return this;
        }
    }

    /** Reads a System Event message. One instance per thread; only the {@code String} getters allocate. */
    public static final class Decoder extends ItchDecoder {
        @Override
        public int encodedLength() {
            return LENGTH;
        }

        @Override
        public Decoder wrap(final DirectBuffer buffer, final int offset) {
            super.wrap(buffer, offset);
            return this;
        }

        /** Event Code: O start of messages, S start of system hours, Q start of market hours, M end of market hours, E end of system hours, C end of messages. */
        public char eventCode() {
            return ItchWire.getChar(buffer, offset + EVENT_CODE_OFFSET);
        }

        @Override
        public String toString() {
            return "SystemEvent{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", eventCode='" + eventCode() + "'" + "}";
        }
    }
}
