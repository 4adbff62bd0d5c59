package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Order Executed With Price (4.4.2): Message Type {@code 'C'}, 36 bytes.
 *
 * <pre>
 * offset length  field                   type
 *      0      1  Message Type            alpha "C"
 *      1      2  Stock Locate            integer
 *      3      2  Tracking Number         integer
 *      5      6  Timestamp               integer, ns since midnight
 *     11      8  Order Reference Number  integer
 *     19      4  Executed Shares         integer
 *     23      8  Match Number            integer
 *     31      1  Printable               alpha
 *     32      4  Execution Price         Price(4)
 * </pre>
 */
public final class OrderExecutedWithPrice {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'C';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 36;

    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int EXECUTED_SHARES_OFFSET = 19;
    public static final int MATCH_NUMBER_OFFSET = 23;
    public static final int PRINTABLE_OFFSET = 31;
    public static final int EXECUTION_PRICE_OFFSET = 32;

    private OrderExecutedWithPrice() {
    }

    /** Writes an Order Executed With Price message. One instance per thread; never allocates. */
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

        /** Printable: Y printable, N non-printable. */
        public Encoder printable(final char printable) {
            ItchWire.putChar(buffer, offset + PRINTABLE_OFFSET, printable);
            return this;
        }

        /** Execution Price: execution price, Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder executionPrice(final long executionPrice) {
            ItchWire.putUint32(buffer, offset + EXECUTION_PRICE_OFFSET, executionPrice);
            return this;
        }
    }

    /** Reads an Order Executed With Price message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Printable: Y printable, N non-printable. */
        public char printable() {
            return ItchWire.getChar(buffer, offset + PRINTABLE_OFFSET);
        }

        /** Execution Price: execution price, Price(4), in 1/10,000. */
        public long executionPrice() {
            return ItchWire.getUint32(buffer, offset + EXECUTION_PRICE_OFFSET);
        }

        @Override
        public String toString() {
            return "OrderExecutedWithPrice{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", orderReferenceNumber=" + orderReferenceNumber() +
                ", executedShares=" + executedShares() +
                ", matchNumber=" + matchNumber() +
                ", printable='" + printable() + "'" +
                ", executionPrice=" + executionPrice() + "}";
        }
    }
}
