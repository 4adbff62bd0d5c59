package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Nasdaq TotalView-ITCH 5.0 Stock Trading Action (4.2.2): Message Type {@code 'H'}, 25 bytes.
 *
 * <pre>
 * offset length  field            type
 *      0      1  Message Type     alpha "H"
 *      1      2  Stock Locate     integer
 *      3      2  Tracking Number  integer
 *      5      6  Timestamp        integer, ns since midnight
 *     11      8  Stock            alpha
 *     19      1  Trading State    alpha
 *     20      1  Reserved         alpha
 *     21      4  Reason           alpha
 * </pre>
 */
public final class StockTradingAction {
    /** The Message Type byte. */
    public static final byte MESSAGE_TYPE = 'H';

    /** Length of the message in bytes, Message Type included. */
    public static final int LENGTH = 25;

    public static final int STOCK_OFFSET = 11;
    public static final int TRADING_STATE_OFFSET = 19;
    public static final int RESERVED_OFFSET = 20;
    public static final int REASON_OFFSET = 21;

    private StockTradingAction() {
    }

    /** Writes a Stock Trading Action message. One instance per thread; never allocates. */
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

        /** Trading State: H halted, P paused, Q quotation only, T trading. */
        public Encoder tradingState(final char tradingState) {
            ItchWire.putChar(buffer, offset + TRADING_STATE_OFFSET, tradingState);
            return this;
        }

        /** Reserved: reserved. */
        public Encoder reserved(final char reserved) {
            ItchWire.putChar(buffer, offset + RESERVED_OFFSET, reserved);
            return this;
        }

        /** Reason: trading action reason; up to 4 printable ASCII characters. */
        public Encoder reason(final CharSequence reason) {
            ItchWire.putAlpha(buffer, offset + REASON_OFFSET, 4, reason);
            return this;
        }
    }

    /** Reads a Stock Trading Action message. One instance per thread; only the {@code String} getters allocate. */
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

        /** Trading State: H halted, P paused, Q quotation only, T trading. */
        public char tradingState() {
            return ItchWire.getChar(buffer, offset + TRADING_STATE_OFFSET);
        }

        /** Reserved: reserved. */
        public char reserved() {
            return ItchWire.getChar(buffer, offset + RESERVED_OFFSET);
        }

        /** Reason without its padding. Allocates: tools and tests only. */
        public String reason() {
            return ItchWire.getAlpha(buffer, offset + REASON_OFFSET, 4);
        }

        @Override
        public String toString() {
            return "StockTradingAction{stockLocate=" + stockLocate() + ", trackingNumber=" + trackingNumber() +
                ", timestampNs=" + timestampNs() +
                ", stock='" + stock() + "'" +
                ", tradingState='" + tradingState() + "'" +
                ", reserved='" + reserved() + "'" +
                ", reason='" + reason() + "'" + "}";
        }
    }
}
