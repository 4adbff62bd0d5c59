package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Broken Trade / Order Execution (4.5.3): Message Type {@code 'B'}, 19 bytes.
 *
 * <pre>
 * offset length  field            type
 *      0      1  Message Type     alpha "B"
 *      1      2  Stock Locate     integer
 *      3      2  Tracking Number  integer
 *      5      6  Timestamp        integer, ns since midnight
 *     11      8  Match Number     integer
 * </pre>
 */
public final class BrokenTrade {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'B';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 19;

    public static final int MATCH_NUMBER_OFFSET = 11;

    private BrokenTrade() {
    }

    /** Writes a Broken Trade / Order Execution message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Match Number: the broken execution. */
        public Encoder matchNumber(final long matchNumber) {
            ItchWire.putInt64(buffer, offset + MATCH_NUMBER_OFFSET, matchNumber);
            return this;
        }
    }

    /** Reads a Broken Trade / Order Execution message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Match Number: the broken execution. */
        public long matchNumber() {
            return ItchWire.getInt64(buffer, offset + MATCH_NUMBER_OFFSET);
        }

        @Override
        public String toString() {
            return "BrokenTrade{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", matchNumber=" + matchNumber() + "}";
        }
    }
}
