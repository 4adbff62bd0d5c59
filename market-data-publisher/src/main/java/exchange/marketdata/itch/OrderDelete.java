package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Order Delete (4.4.4): Message Type {@code 'D'}, 19 bytes.
 *
 * <pre>
 * offset length  field                   type
 *      0      1  Message Type            alpha "D"
 *      1      2  Stock Locate            integer
 *      3      2  Tracking Number         integer
 *      5      6  Timestamp               integer, ns since midnight
 *     11      8  Order Reference Number  integer
 * </pre>
 */
public final class OrderDelete {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'D';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 19;

    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    private OrderDelete() {
    }

    /** Writes an Order Delete message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Order Reference Number: the deleted order. */
        public Encoder orderReferenceNumber(final long orderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
            return this;
        }
    }

    /** Reads an Order Delete message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Order Reference Number: the deleted order. */
        public long orderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
        }

        @Override
        public String toString() {
            return "OrderDelete{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", orderReferenceNumber=" + orderReferenceNumber() + "}";
        }
    }
}
