package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Order Replace (4.4.5): Message Type {@code 'U'}, 35 bytes.
 *
 * <pre>
 * offset length  field                            type
 *      0      1  Message Type                     alpha "U"
 *      1      2  Stock Locate                     integer
 *      3      2  Tracking Number                  integer
 *      5      6  Timestamp                        integer, ns since midnight
 *     11      8  Original Order Reference Number  integer
 *     19      8  New Order Reference Number       integer
 *     27      4  Shares                           integer
 *     31      4  Price                            Price(4)
 * </pre>
 */
public final class OrderReplace {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'U';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 35;

    public static final int ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int NEW_ORDER_REFERENCE_NUMBER_OFFSET = 19;
    public static final int SHARES_OFFSET = 27;
    public static final int PRICE_OFFSET = 31;

    private OrderReplace() {
    }

    /** Writes an Order Replace message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Original Order Reference Number: the replaced order. */
        public Encoder originalOrderReferenceNumber(final long originalOrderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET, originalOrderReferenceNumber);
            return this;
        }

        /** New Order Reference Number: the reference used from now on. */
        public Encoder newOrderReferenceNumber(final long newOrderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + NEW_ORDER_REFERENCE_NUMBER_OFFSET, newOrderReferenceNumber);
            return this;
        }

        /** Shares: new displayed quantity (0 to 4,294,967,295). */
        public Encoder shares(final long shares) {
            ItchWire.putUint32(buffer, offset + SHARES_OFFSET, shares);
            return this;
        }

        /** Price: new display price, Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder price(final long price) {
            ItchWire.putUint32(buffer, offset + PRICE_OFFSET, price);
            return this;
        }
    }

    /** Reads an Order Replace message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Original Order Reference Number: the replaced order. */
        public long originalOrderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET);
        }

        /** New Order Reference Number: the reference used from now on. */
        public long newOrderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + NEW_ORDER_REFERENCE_NUMBER_OFFSET);
        }

        /** Shares: new displayed quantity. */
        public long shares() {
            return ItchWire.getUint32(buffer, offset + SHARES_OFFSET);
        }

        /** Price: new display price, Price(4), in 1/10,000. */
        public long price() {
            return ItchWire.getUint32(buffer, offset + PRICE_OFFSET);
        }

        @Override
        public String toString() {
            return "OrderReplace{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", originalOrderReferenceNumber=" + originalOrderReferenceNumber() +
                ", newOrderReferenceNumber=" + newOrderReferenceNumber() +
                ", shares=" + shares() +
                ", price=" + price() + "}";
        }
    }
}
