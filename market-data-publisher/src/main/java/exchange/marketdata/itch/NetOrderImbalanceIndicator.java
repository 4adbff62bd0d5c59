package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Net Order Imbalance Indicator (4.6): Message Type {@code 'I'}, 50 bytes.
 *
 * <pre>
 * offset length  field                      type
 *      0      1  Message Type               alpha "I"
 *      1      2  Stock Locate               integer
 *      3      2  Tracking Number            integer
 *      5      6  Timestamp                  integer, ns since midnight
 *     11      8  Paired Shares              integer
 *     19      8  Imbalance Shares           integer
 *     27      1  Imbalance Direction        alpha
 *     28      8  Stock                      alpha
 *     36      4  Far Price                  Price(4)
 *     40      4  Near Price                 Price(4)
 *     44      4  Current Reference Price    Price(4)
 *     48      1  Cross Type                 alpha
 *     49      1  Price Variation Indicator  alpha
 * </pre>
 */
public final class NetOrderImbalanceIndicator {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'I';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 50;

    public static final int PAIRED_SHARES_OFFSET = 11;
    public static final int IMBALANCE_SHARES_OFFSET = 19;
    public static final int IMBALANCE_DIRECTION_OFFSET = 27;
    public static final int STOCK_OFFSET = 28;
    public static final int FAR_PRICE_OFFSET = 36;
    public static final int NEAR_PRICE_OFFSET = 40;
    public static final int CURRENT_REFERENCE_PRICE_OFFSET = 44;
    public static final int CROSS_TYPE_OFFSET = 48;
    public static final int PRICE_VARIATION_INDICATOR_OFFSET = 49;

    private NetOrderImbalanceIndicator() {
    }

    /** Writes a Net Order Imbalance Indicator message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }

        /** Paired Shares: shares matched at the current reference price. */
        public Encoder pairedShares(final long pairedShares) {
            ItchWire.putInt64(buffer, offset + PAIRED_SHARES_OFFSET, pairedShares);
            return this;
        }

        /** Imbalance Shares: shares not paired at the current reference price. */
        public Encoder imbalanceShares(final long imbalanceShares) {
            ItchWire.putInt64(buffer, offset + IMBALANCE_SHARES_OFFSET, imbalanceShares);
            return this;
        }

        /** Imbalance Direction: B buy, S sell, N none, O insufficient orders. */
        public Encoder imbalanceDirection(final char imbalanceDirection) {
            ItchWire.putChar(buffer, offset + IMBALANCE_DIRECTION_OFFSET, imbalanceDirection);
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

        /** Far Price: Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder farPrice(final long farPrice) {
            ItchWire.putUint32(buffer, offset + FAR_PRICE_OFFSET, farPrice);
            return this;
        }

        /** Near Price: Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder nearPrice(final long nearPrice) {
            ItchWire.putUint32(buffer, offset + NEAR_PRICE_OFFSET, nearPrice);
            return this;
        }

        /** Current Reference Price: Price(4), in 1/10,000 (0 to 4,294,967,295). */
        public Encoder currentReferencePrice(final long currentReferencePrice) {
            ItchWire.putUint32(buffer, offset + CURRENT_REFERENCE_PRICE_OFFSET, currentReferencePrice);
            return this;
        }

        /** Cross Type: O opening, C closing, H IPO/halt. */
        public Encoder crossType(final char crossType) {
            ItchWire.putChar(buffer, offset + CROSS_TYPE_OFFSET, crossType);
            return this;
        }

        /** Price Variation Indicator: L, 1-9, A, B, C or space. */
        public Encoder priceVariationIndicator(final char priceVariationIndicator) {
            ItchWire.putChar(buffer, offset + PRICE_VARIATION_INDICATOR_OFFSET, priceVariationIndicator);
            return this;
        }
    }

    /** Reads a Net Order Imbalance Indicator message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Paired Shares: shares matched at the current reference price. */
        public long pairedShares() {
            return ItchWire.getInt64(buffer, offset + PAIRED_SHARES_OFFSET);
        }

        /** Imbalance Shares: shares not paired at the current reference price. */
        public long imbalanceShares() {
            return ItchWire.getInt64(buffer, offset + IMBALANCE_SHARES_OFFSET);
        }

        /** Imbalance Direction: B buy, S sell, N none, O insufficient orders. */
        public char imbalanceDirection() {
            return ItchWire.getChar(buffer, offset + IMBALANCE_DIRECTION_OFFSET);
        }

        /** Stock, packed as by {@link ItchWire#packAlpha8(CharSequence)}: a key that does not allocate. */
        public long stockCode() {
            return ItchWire.getInt64(buffer, offset + STOCK_OFFSET);
        }

        /** Stock without its padding. Allocates: tools and tests only. */
        public String stock() {
            return ItchWire.getAlpha(buffer, offset + STOCK_OFFSET, 8);
        }

        /** Far Price: Price(4), in 1/10,000. */
        public long farPrice() {
            return ItchWire.getUint32(buffer, offset + FAR_PRICE_OFFSET);
        }

        /** Near Price: Price(4), in 1/10,000. */
        public long nearPrice() {
            return ItchWire.getUint32(buffer, offset + NEAR_PRICE_OFFSET);
        }

        /** Current Reference Price: Price(4), in 1/10,000. */
        public long currentReferencePrice() {
            return ItchWire.getUint32(buffer, offset + CURRENT_REFERENCE_PRICE_OFFSET);
        }

        /** Cross Type: O opening, C closing, H IPO/halt. */
        public char crossType() {
            return ItchWire.getChar(buffer, offset + CROSS_TYPE_OFFSET);
        }

        /** Price Variation Indicator: L, 1-9, A, B, C or space. */
        public char priceVariationIndicator() {
            return ItchWire.getChar(buffer, offset + PRICE_VARIATION_INDICATOR_OFFSET);
        }

        @Override
        public String toString() {
            return "NetOrderImbalanceIndicator{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", pairedShares=" + pairedShares() +
                ", imbalanceShares=" + imbalanceShares() +
                ", imbalanceDirection='" + imbalanceDirection() + "'" +
                ", stock='" + stock() + "'" +
                ", farPrice=" + farPrice() +
                ", nearPrice=" + nearPrice() +
                ", currentReferencePrice=" + currentReferencePrice() +
                ", crossType='" + crossType() + "'" +
                ", priceVariationIndicator='" + priceVariationIndicator() + "'" + "}";
        }
    }
}
