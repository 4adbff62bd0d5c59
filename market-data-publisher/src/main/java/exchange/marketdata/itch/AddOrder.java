package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Add Order, No MPID Attribution (4.3.1): Message Type {@code 'A'}, 36 bytes.
 *
 * <pre>
 * offset length  field                   type
 *      0      1  Message Type            alpha "A"
 *      1      2  Stock Locate            integer
 *      3      2  Tracking Number         integer
 *      5      6  Timestamp               integer, ns since midnight
 *     11      8  Order Reference Number  integer
 *     19      1  Buy/Sell Indicator      alpha
 *     20      4  Shares                  integer
 *     24      8  Stock                   alpha
 *     32      4  Price                   Price(4)
 * </pre>
 */
public final class AddOrder {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'A';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 36;

    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int BUY_SELL_INDICATOR_OFFSET = 19;
    public static final int SHARES_OFFSET = 20;
    public static final int STOCK_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;

    private AddOrder() {
    }

    /** Writes an Add Order, No MPID Attribution message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Order Reference Number: day-unique reference of the new order. */
        public Encoder orderReferenceNumber(final long orderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
            return this;
        }

        /** Buy/Sell Indicator: B buy, S sell. */
        public Encoder buySellIndicator(final char buySellIndicator) {
            ItchWire.putChar(buffer, offset + BUY_SELL_INDICATOR_OFFSET, buySellIndicator);
            return this;
        }

        /** Shares: displayed quantity (0 to 4,294,967,295). */
        public Encoder shares(final long shares) {
            ItchWire.putUint32(buffer, offset + SHARES_OFFSET, shares);
            return this;
        }

        /** Stock: security symbol, right padded with spaces; up to 8 printable ASCII characters. */
        public Encoder stock(final CharSequence stock) {
            ItchWire.putAlpha(buffer, offset + STOCK_OFFSET, 8, stock);
            return this;
        }

        /** Stock as packed by {@link ItchWire#packAlpha8(CharSequence)}. */
        public Encoder stockCode(final long stockCode) {
            ItchWire.putInt64(buffer, offset + STOCK_OFFSET, stockCode);
            return this;
        }

        /** Price: display price, Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder price(final long price) {
            ItchWire.putUint32(buffer, offset + PRICE_OFFSET, price);
            return this;
        }
    }

    /** Reads an Add Order, No MPID Attribution message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Order Reference Number: day-unique reference of the new order. */
        public long orderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
        }

        /** Buy/Sell Indicator: B buy, S sell. */
        public char buySellIndicator() {
            return ItchWire.getChar(buffer, offset + BUY_SELL_INDICATOR_OFFSET);
        }

        /** Shares: displayed quantity. */
        public long shares() {
            return ItchWire.getUint32(buffer, offset + SHARES_OFFSET);
        }

        /** Stock, packed as by {@link ItchWire#packAlpha8(CharSequence)}: a key that does not allocate. */
        public long stockCode() {
            return ItchWire.getInt64(buffer, offset + STOCK_OFFSET);
        }

        /** Stock without its padding. Allocates: tools and tests only. */
        public String stock() {
            return ItchWire.getAlpha(buffer, offset + STOCK_OFFSET, 8);
        }

        /** Price: display price, Price(4), in 1/10,000. */
        public long price() {
            return ItchWire.getUint32(buffer, offset + PRICE_OFFSET);
        }

        @Override
        public String toString() {
            return "AddOrder{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", orderReferenceNumber=" + orderReferenceNumber() +
                ", buySellIndicator='" + buySellIndicator() + "'" +
                ", shares=" + shares() +
                ", stock='" + stock() + "'" +
                ", price=" + price() + "}";
        }
    }
}
