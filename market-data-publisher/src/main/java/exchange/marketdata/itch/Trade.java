package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Trade, Non-Cross (4.5.1): Message Type {@code 'P'}, 44 bytes.
 *
 * <pre>
 * offset length  field                   type
 *      0      1  Message Type            alpha "P"
 *      1      2  Stock Locate            integer
 *      3      2  Tracking Number         integer
 *      5      6  Timestamp               integer, ns since midnight
 *     11      8  Order Reference Number  integer
 *     19      1  Buy/Sell Indicator      alpha
 *     20      4  Shares                  integer
 *     24      8  Stock                   alpha
 *     32      4  Price                   Price(4)
 *     36      8  Match Number            integer
 * </pre>
 */
public final class Trade {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'P';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 44;

    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    public static final int BUY_SELL_INDICATOR_OFFSET = 19;
    public static final int SHARES_OFFSET = 20;
    public static final int STOCK_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;
    public static final int MATCH_NUMBER_OFFSET = 36;

    private Trade() {
    }

    /** Writes a Trade, Non-Cross message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Order Reference Number: zero on Nasdaq since 2010. */
        public Encoder orderReferenceNumber(final long orderReferenceNumber) {
            ItchWire.putInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET, orderReferenceNumber);
            return this;
        }

        /** Buy/Sell Indicator: B buy, S sell. */
        public Encoder buySellIndicator(final char buySellIndicator) {
            ItchWire.putChar(buffer, offset + BUY_SELL_INDICATOR_OFFSET, buySellIndicator);
            return this;
        }

        /** Shares: shares matched (0 to 4,294,967,295). */
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

        /** Price: match price, Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder price(final long price) {
            ItchWire.putUint32(buffer, offset + PRICE_OFFSET, price);
            return this;
        }

        /** Match Number: day-unique match number. */
        public Encoder matchNumber(final long matchNumber) {
            ItchWire.putInt64(buffer, offset + MATCH_NUMBER_OFFSET, matchNumber);
            return this;
        }
    }

    /** Reads a Trade, Non-Cross message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Order Reference Number: zero on Nasdaq since 2010. */
        public long orderReferenceNumber() {
            return ItchWire.getInt64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
        }

        /** Buy/Sell Indicator: B buy, S sell. */
        public char buySellIndicator() {
            return ItchWire.getChar(buffer, offset + BUY_SELL_INDICATOR_OFFSET);
        }

        /** Shares: shares matched. */
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

        /** Price: match price, Price(4), in 1/10,000. */
        public long price() {
            return ItchWire.getUint32(buffer, offset + PRICE_OFFSET);
        }

        /** Match Number: day-unique match number. */
        public long matchNumber() {
            return ItchWire.getInt64(buffer, offset + MATCH_NUMBER_OFFSET);
        }

        @Override
        public String toString() {
            return "Trade{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", orderReferenceNumber=" + orderReferenceNumber() +
                ", buySellIndicator='" + buySellIndicator() + "'" +
                ", shares=" + shares() +
                ", stock='" + stock() + "'" +
                ", price=" + price() +
                ", matchNumber=" + matchNumber() + "}";
        }
    }
}
