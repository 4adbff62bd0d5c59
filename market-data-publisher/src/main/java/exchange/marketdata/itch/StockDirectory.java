package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Stock Directory (4.2.1): Message Type {@code 'R'}, 39 bytes.
 *
 * <pre>
 * offset length  field                           type
 *      0      1  Message Type                    alpha "R"
 *      1      2  Stock Locate                    integer
 *      3      2  Tracking Number                 integer
 *      5      6  Timestamp                       integer, ns since midnight
 *     11      8  Stock                           alpha
 *     19      1  Market Category                 alpha
 *     20      1  Financial Status Indicator      alpha
 *     21      4  Round Lot Size                  integer
 *     25      1  Round Lots Only                 alpha
 *     26      1  Issue Classification            alpha
 *     27      2  Issue Sub-Type                  alpha
 *     29      1  Authenticity                    alpha
 *     30      1  Short Sale Threshold Indicator  alpha
 *     31      1  IPO Flag                        alpha
 *     32      1  LULD Reference Price Tier       alpha
 *     33      1  ETP Flag                        alpha
 *     34      4  ETP Leverage Factor             integer
 *     38      1  Inverse Indicator               alpha
 * </pre>
 */
public final class StockDirectory {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'R';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 39;

    public static final int STOCK_OFFSET = 11;
    public static final int MARKET_CATEGORY_OFFSET = 19;
    public static final int FINANCIAL_STATUS_INDICATOR_OFFSET = 20;
    public static final int ROUND_LOT_SIZE_OFFSET = 21;
    public static final int ROUND_LOTS_ONLY_OFFSET = 25;
    public static final int ISSUE_CLASSIFICATION_OFFSET = 26;
    public static final int ISSUE_SUB_TYPE_OFFSET = 27;
    public static final int AUTHENTICITY_OFFSET = 29;
    public static final int SHORT_SALE_THRESHOLD_INDICATOR_OFFSET = 30;
    public static final int IPO_FLAG_OFFSET = 31;
    public static final int LULD_REFERENCE_PRICE_TIER_OFFSET = 32;
    public static final int ETP_FLAG_OFFSET = 33;
    public static final int ETP_LEVERAGE_FACTOR_OFFSET = 34;
    public static final int INVERSE_INDICATOR_OFFSET = 38;

    private StockDirectory() {
    }

    /** Writes a Stock Directory message. One instance per thread; never allocates. */
    public static final class Encoder extends ItchEncoder<Encoder> {
        @Override
        public byte messageType() {
            return MESSAGE_TYPE;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
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

        /** Market Category: listing market or tier, space when not available. */
        public Encoder marketCategory(final char marketCategory) {
            ItchWire.putChar(buffer, offset + MARKET_CATEGORY_OFFSET, marketCategory);
            return this;
        }

        /** Financial Status Indicator: N normal, space when not available. */
        public Encoder financialStatusIndicator(final char financialStatusIndicator) {
            ItchWire.putChar(buffer, offset + FINANCIAL_STATUS_INDICATOR_OFFSET, financialStatusIndicator);
            return this;
        }

        /** Round Lot Size: shares in a round lot (0 to 4,294,967,295). */
        public Encoder roundLotSize(final long roundLotSize) {
            ItchWire.putUint32(buffer, offset + ROUND_LOT_SIZE_OFFSET, roundLotSize);
            return this;
        }

        /** Round Lots Only: Y or N. */
        public Encoder roundLotsOnly(final char roundLotsOnly) {
            ItchWire.putChar(buffer, offset + ROUND_LOTS_ONLY_OFFSET, roundLotsOnly);
            return this;
        }

        /** Issue Classification: security class. */
        public Encoder issueClassification(final char issueClassification) {
            ItchWire.putChar(buffer, offset + ISSUE_CLASSIFICATION_OFFSET, issueClassification);
            return this;
        }

        /** Issue Sub-Type: security sub-type; up to 2 printable ASCII characters. */
        public Encoder issueSubType(final CharSequence issueSubType) {
            ItchWire.putAlpha(buffer, offset + ISSUE_SUB_TYPE_OFFSET, 2, issueSubType);
            return this;
        }

        /** Authenticity: P live/production, T test. */
        public Encoder authenticity(final char authenticity) {
            ItchWire.putChar(buffer, offset + AUTHENTICITY_OFFSET, authenticity);
            return this;
        }

        /** Short Sale Threshold Indicator: Y, N or space. */
        public Encoder shortSaleThresholdIndicator(final char shortSaleThresholdIndicator) {
            ItchWire.putChar(buffer, offset + SHORT_SALE_THRESHOLD_INDICATOR_OFFSET, shortSaleThresholdIndicator);
            return this;
        }

        /** IPO Flag: Y, N or space. */
        public Encoder ipoFlag(final char ipoFlag) {
            ItchWire.putChar(buffer, offset + IPO_FLAG_OFFSET, ipoFlag);
            return this;
        }

        /** LULD Reference Price Tier: 1, 2 or space. */
        public Encoder luldReferencePriceTier(final char luldReferencePriceTier) {
            ItchWire.putChar(buffer, offset + LULD_REFERENCE_PRICE_TIER_OFFSET, luldReferencePriceTier);
            return this;
        }

        /** ETP Flag: Y, N or space. */
        public Encoder etpFlag(final char etpFlag) {
            ItchWire.putChar(buffer, offset + ETP_FLAG_OFFSET, etpFlag);
            return this;
        }

        /** ETP Leverage Factor: integral relationship of the ETP to its index (0 to 4,294,967,295). */
        public Encoder etpLeverageFactor(final long etpLeverageFactor) {
            ItchWire.putUint32(buffer, offset + ETP_LEVERAGE_FACTOR_OFFSET, etpLeverageFactor);
            return this;
        }

        /** Inverse Indicator: Y or N. */
        public Encoder inverseIndicator(final char inverseIndicator) {
            ItchWire.putChar(buffer, offset + INVERSE_INDICATOR_OFFSET, inverseIndicator);
            return this;
        }
    }

    /** Reads a Stock Directory message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Stock, packed as by {@link ItchWire#packAlpha8(CharSequence)}: a key that does not allocate. */
        public long stockCode() {
            return ItchWire.getInt64(buffer, offset + STOCK_OFFSET);
        }

        /** Stock without its padding. Allocates: tools and tests only. */
        public String stock() {
            return ItchWire.getAlpha(buffer, offset + STOCK_OFFSET, 8);
        }

        /** Market Category: listing market or tier, space when not available. */
        public char marketCategory() {
            return ItchWire.getChar(buffer, offset + MARKET_CATEGORY_OFFSET);
        }

        /** Financial Status Indicator: N normal, space when not available. */
        public char financialStatusIndicator() {
            return ItchWire.getChar(buffer, offset + FINANCIAL_STATUS_INDICATOR_OFFSET);
        }

        /** Round Lot Size: shares in a round lot. */
        public long roundLotSize() {
            return ItchWire.getUint32(buffer, offset + ROUND_LOT_SIZE_OFFSET);
        }

        /** Round Lots Only: Y or N. */
        public char roundLotsOnly() {
            return ItchWire.getChar(buffer, offset + ROUND_LOTS_ONLY_OFFSET);
        }

        /** Issue Classification: security class. */
        public char issueClassification() {
            return ItchWire.getChar(buffer, offset + ISSUE_CLASSIFICATION_OFFSET);
        }

        /** Issue Sub-Type without its padding. Allocates: tools and tests only. */
        public String issueSubType() {
            return ItchWire.getAlpha(buffer, offset + ISSUE_SUB_TYPE_OFFSET, 2);
        }

        /** Authenticity: P live/production, T test. */
        public char authenticity() {
            return ItchWire.getChar(buffer, offset + AUTHENTICITY_OFFSET);
        }

        /** Short Sale Threshold Indicator: Y, N or space. */
        public char shortSaleThresholdIndicator() {
            return ItchWire.getChar(buffer, offset + SHORT_SALE_THRESHOLD_INDICATOR_OFFSET);
        }

        /** IPO Flag: Y, N or space. */
        public char ipoFlag() {
            return ItchWire.getChar(buffer, offset + IPO_FLAG_OFFSET);
        }

        /** LULD Reference Price Tier: 1, 2 or space. */
        public char luldReferencePriceTier() {
            return ItchWire.getChar(buffer, offset + LULD_REFERENCE_PRICE_TIER_OFFSET);
        }

        /** ETP Flag: Y, N or space. */
        public char etpFlag() {
            return ItchWire.getChar(buffer, offset + ETP_FLAG_OFFSET);
        }

        /** ETP Leverage Factor: integral relationship of the ETP to its index. */
        public long etpLeverageFactor() {
            return ItchWire.getUint32(buffer, offset + ETP_LEVERAGE_FACTOR_OFFSET);
        }

        /** Inverse Indicator: Y or N. */
        public char inverseIndicator() {
            return ItchWire.getChar(buffer, offset + INVERSE_INDICATOR_OFFSET);
        }

        @Override
        public String toString() {
            return "StockDirectory{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", stock='" + stock() + "'" +
                ", marketCategory='" + marketCategory() + "'" +
                ", financialStatusIndicator='" + financialStatusIndicator() + "'" +
                ", roundLotSize=" + roundLotSize() +
                ", roundLotsOnly='" + roundLotsOnly() + "'" +
                ", issueClassification='" + issueClassification() + "'" +
                ", issueSubType='" + issueSubType() + "'" +
                ", authenticity='" + authenticity() + "'" +
                ", shortSaleThresholdIndicator='" + shortSaleThresholdIndicator() + "'" +
                ", ipoFlag='" + ipoFlag() + "'" +
                ", luldReferencePriceTier='" + luldReferencePriceTier() + "'" +
                ", etpFlag='" + etpFlag() + "'" +
                ", etpLeverageFactor=" + etpLeverageFactor() +
                ", inverseIndicator='" + inverseIndicator() + "'" + "}";
        }
    }
}
