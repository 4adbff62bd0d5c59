package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Order Cancel (4.4.3): Message Type {@code 'X'}, 23 bytes.
 *
 * <pre>
 * offset length  field                   type
 *      0      1  Message Type            alpha "X"
 *      1      2  Stock Locate            integer
 *      3      2  Tracking Number         integer
 *      5      6  Timestamp               integer, ns since midnight
 *     11      8  Order Reference Number  integer
 *     19      4  Canceled Shares         integer
 * </pre>
 */
public final class OrderCancel {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'X';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 23;

    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int CANCELED_SHARES_OFFSET = 19;

    private OrderCancel() {
    }

    /** Writes an Order Cancel message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Order Reference Number: the reduced order. */
        public Encoder orderReferenceNumber(final long orderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
            return this;
        }

        /** Canceled Shares: shares removed from the displayed size (0 to 4,294,967,295). */
        public Encoder canceledShares(final long canceledShares) {
            ItchWire.putUint32(buffer, offset + CANCELED_SHARES_OFFSET, canceledShares);
            return this;
        }
    }

    /** Reads an Order Cancel message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Order Reference Number: the reduced order. */
        public long orderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
        }

        /** Canceled Shares: shares removed from the displayed size. */
        public long canceledShares() {
            return ItchWire.getUint32(buffer, offset + CANCELED_SHARES_OFFSET);
        }

        @Override
        public String toString() {
            return "OrderCancel{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", orderReferenceNumber=" + orderReferenceNumber() +
                ", canceledShares=" + canceledShares() + "}";
        }
    }
}
