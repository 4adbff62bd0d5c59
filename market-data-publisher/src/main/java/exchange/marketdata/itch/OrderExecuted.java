package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Order Executed (4.4.1): Message Type {@code 'E'}, 31 bytes.
 *
 * <pre>
 * offset length  field                   type
 *      0      1  Message Type            alpha "E"
 *      1      2  Stock Locate            integer
 *      3      2  Tracking Number         integer
 *      5      6  Timestamp               integer, ns since midnight
 *     11      8  Order Reference Number  integer
 *     19      4  Executed Shares         integer
 *     23      8  Match Number            integer
 * </pre>
 */
public final class OrderExecuted {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'E';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 31;

    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int EXECUTED_SHARES_OFFSET = 19;
    public static final int MATCH_NUMBER_OFFSET = 23;

    private OrderExecuted() {
    }

    /** Writes an Order Executed message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Order Reference Number: the executed order. */
        public Encoder orderReferenceNumber(final long orderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
            return this;
        }

        /** Executed Shares: shares executed (0 to 4,294,967,295). */
        public Encoder executedShares(final long executedShares) {
            ItchWire.putUint32(buffer, offset + EXECUTED_SHARES_OFFSET, executedShares);
            return this;
        }

        /** Match Number: day-unique match number. */
        public Encoder matchNumber(final long matchNumber) {
            ItchWire.putInt64(buffer, offset + MATCH_NUMBER_OFFSET, matchNumber);
            return this;
        }
    }

    /** Reads an Order Executed message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Order Reference Number: the executed order. */
        public long orderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
        }

        /** Executed Shares: shares executed. */
        public long executedShares() {
            return ItchWire.getUint32(buffer, offset + EXECUTED_SHARES_OFFSET);
        }

        /** Match Number: day-unique match number. */
        public long matchNumber() {
            return ItchWire.getInt64(buffer, offset + MATCH_NUMBER_OFFSET);
        }

        @Override
        public String toString() {
            return "OrderExecuted{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", orderReferenceNumber=" + orderReferenceNumber() +
                ", executedShares=" + executedShares() +
                ", matchNumber=" + matchNumber() + "}";
        }
    }
}
