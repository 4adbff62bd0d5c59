package exchange.matching.event;

import exchange.matching.TradingPhase;

/**
 * During a call phase (pre-open, pre-close, volatility auction), the auction as it would uncross now:
 * emitted when a command leaves it different from the last one published (and once when the call
 * phase starts). Market data publishes it as an ITCH 5.0 Net Order Imbalance Indicator (NOII).
 *
 * <pre>
 *  24  indicative price (i64; 0 when nothing crosses): the NOII Current Reference Price
 *  32  far price (i64)    40 near price (i64): both the indicative price, every order of the call
 *                         book being a cross order (ITCH Far and Near Indicative Clearing Price)
 *  48  paired qty (i64): what would trade at the indicative price (NOII Paired Shares)
 *  56  imbalance qty (i64): what would be left on the heavier side at that price (NOII Imbalance Shares)
 *  64  imbalance side (u8): 'B' buy, 'S' sell, 'N' none, 'O' nothing crosses (NOII Imbalance Direction)
 *  65  cross type (u8): 'O' opening, 'C' closing, 'H' volatility auction or halt (NOII Cross Type)
 *  66  phase (u8, TradingPhase code)   67 reserved (5 bytes)
 *  72  auction reference price (i64): the price ties resolve towards (last trade, else reference price)
 *  80  end
 * </pre>
 */
public final class AuctionIndicativeEvent extends Event {
    public static final int PRICE_OFFSET = 24;
    public static final int FAR_PRICE_OFFSET = 32;
    public static final int NEAR_PRICE_OFFSET = 40;
    public static final int PAIRED_QTY_OFFSET = 48;
    public static final int IMBALANCE_QTY_OFFSET = 56;
    public static final int IMBALANCE_SIDE_OFFSET = 64;
    public static final int CROSS_TYPE_OFFSET = 65;
    public static final int PHASE_OFFSET = 66;
    public static final int REFERENCE_PRICE_OFFSET = 72;
    public static final int END_OFFSET = 80;

    public static final byte IMBALANCE_BUY = 'B';
    public static final byte IMBALANCE_SELL = 'S';
    public static final byte IMBALANCE_NONE = 'N';
    public static final byte NO_CROSS = 'O';

    public static final byte CROSS_OPENING = 'O';
    public static final byte CROSS_CLOSING = 'C';
    public static final byte CROSS_HALT_OR_VOLATILITY = 'H';

    @Override
    public EventType type() {
        return EventType.AUCTION_INDICATIVE;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public AuctionIndicativeEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + IMBALANCE_SIDE_OFFSET, 0L); // side, cross type, phase and the reserved bytes
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public AuctionIndicativeEvent price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long farPrice() {
        return buffer.getLong(offset + FAR_PRICE_OFFSET);
    }

    public AuctionIndicativeEvent farPrice(final long v) {
        buffer.putLong(offset + FAR_PRICE_OFFSET, v);
        return this;
    }

    public long nearPrice() {
        return buffer.getLong(offset + NEAR_PRICE_OFFSET);
    }

    public AuctionIndicativeEvent nearPrice(final long v) {
        buffer.putLong(offset + NEAR_PRICE_OFFSET, v);
        return this;
    }

    public long pairedQty() {
        return buffer.getLong(offset + PAIRED_QTY_OFFSET);
    }

    public AuctionIndicativeEvent pairedQty(final long v) {
        buffer.putLong(offset + PAIRED_QTY_OFFSET, v);
        return this;
    }

    public long imbalanceQty() {
        return buffer.getLong(offset + IMBALANCE_QTY_OFFSET);
    }

    public AuctionIndicativeEvent imbalanceQty(final long v) {
        buffer.putLong(offset + IMBALANCE_QTY_OFFSET, v);
        return this;
    }

    /** @return 'B', 'S', 'N' or 'O' */
    public byte imbalanceSide() {
        return buffer.getByte(offset + IMBALANCE_SIDE_OFFSET);
    }

    public AuctionIndicativeEvent imbalanceSide(final byte v) {
        buffer.putByte(offset + IMBALANCE_SIDE_OFFSET, v);
        return this;
    }

    /** @return 'O', 'C' or 'H' */
    public byte crossType() {
        return buffer.getByte(offset + CROSS_TYPE_OFFSET);
    }

    public AuctionIndicativeEvent crossType(final byte v) {
        buffer.putByte(offset + CROSS_TYPE_OFFSET, v);
        return this;
    }

    public TradingPhase phase() {
        return TradingPhase.fromCode(buffer.getByte(offset + PHASE_OFFSET));
    }

    public AuctionIndicativeEvent phase(final TradingPhase phase) {
        buffer.putByte(offset + PHASE_OFFSET, phase.code());
        return this;
    }

    public long referencePrice() {
        return buffer.getLong(offset + REFERENCE_PRICE_OFFSET);
    }

    public AuctionIndicativeEvent referencePrice(final long v) {
        buffer.putLong(offset + REFERENCE_PRICE_OFFSET, v);
        return this;
    }

    @Override
    protected String body() {
        return " px=" + price() + " paired=" + pairedQty() + " imbalance=" + imbalanceQty() + " "
            + (char) imbalanceSide() + " cross=" + (char) crossType() + " phase=" + phase() + " ref=" + referencePrice();
    }
}
