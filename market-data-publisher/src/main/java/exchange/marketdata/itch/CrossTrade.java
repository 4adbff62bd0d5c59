package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Cross Trade (4.5.2): Message Type {@code 'Q'}, 40 bytes.
 *
 * <pre>
 * offset length  field            type
 *      0      1  Message Type     alpha "Q"
 *      1      2  Stock Locate     integer
 *      3      2  Tracking Number  integer
 *      5      6  Timestamp        integer, ns since midnight
 *     11      8  Shares           integer
 *     19      8  Stock            alpha
 *     27      4  Cross Price      Price(4)
 *     31      8  Match Number     integer
 *     39      1  Cross Type       alpha
 * </pre>
 */
public final class CrossTrade {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'Q';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 40;

    public static final int SHARES_OFFSET = 11;
    public static final int STOCK_OFFSET = 19;
    public static final int CROSS_PRICE_OFFSET = 27;
    public static final int MATCH_NUMBER_OFFSET = 31;
    public static final int CROSS_TYPE_OFFSET = 39;

    private CrossTrade() {
    }

    /** Writes a Cross Trade message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Shares: shares matched in the cross (8 bytes). */
        public Encoder shares(final long shares) {
            ItchWire.putInt64(buffer, offset + SHARES_OFFSET, shares);
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

        /** Cross Price: cross price, Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder crossPrice(final long crossPrice) {
            ItchWire.putUint32(buffer, offset + CROSS_PRICE_OFFSET, crossPrice);
            return this;
        }

        /** Match Number: day-unique match number. */
        public Encoder matchNumber(final long matchNumber) {
            ItchWire.putInt64(buffer, offset + MATCH_NUMBER_OFFSET, matchNumber);
            return this;
        }

        /** Cross Type: O opening, C closing, H IPO/halt, I intraday. */
        public Encoder crossType(final char crossType) {
            ItchWire.putChar(buffer, offset + CROSS_TYPE_OFFSET, crossType);
            return this;
        }
    }

    /** Reads a Cross Trade message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Shares: shares matched in the cross (8 bytes). */
        public long shares() {
            return ItchWire.getInt64(buffer, offset + SHARES_OFFSET);
        }

        /** Stock, packed as by {@link ItchWire#packAlpha8(CharSequence)}: a key that does not allocate. */
        public long stockCode() {
            return ItchWire.getInt64(buffer, offset + STOCK_OFFSET);
        }

        /** Stock without its padding. Allocates: tools and tests only. */
        public String stock() {
            return ItchWire.getAlpha(buffer, offset + STOCK_OFFSET, 8);
        }

        /** Cross Price: cross price, Price(4), in 1/10,000. */
        public long crossPrice() {
            return ItchWire.getUint32(buffer, offset + CROSS_PRICE_OFFSET);
        }

        /** Match Number: day-unique match number. */
        public long matchNumber() {
            return ItchWire.getInt64(buffer, offset + MATCH_NUMBER_OFFSET);
        }

        /** Cross Type: O opening, C closing, H IPO/halt, I intraday. */
        public char crossType() {
            return ItchWire.getChar(buffer, offset + CROSS_TYPE_OFFSET);
        }

        @Override
        public String toString() {
            return "CrossTrade{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", shares=" + shares() +
                ", stock='" + stock() + "'" +
                ", crossPrice=" + crossPrice() +
                ", matchNumber=" + matchNumber() +
                ", crossType='" + crossType() + "'" + "}";
        }
    }
}
