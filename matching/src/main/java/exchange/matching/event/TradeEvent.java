package exchange.matching.event;

import exchange.matching.Side;
import org.agrona.MutableDirectBuffer;

/**
 * Two orders traded: an ExecutionReport (ExecType F) for each side, and a print for market data.
 * In continuous trading one side is the aggressor; in an auction uncross neither is.
 *
 * <pre>
 *  24  match id (i64): the trade's number, shared by both sides (ITCH match number)
 *  32  price (i64)   40 quantity (i64)
 *  48  aggressor side (u8, FIX 54; 0 in an auction)
 *  49  flags (u8): bit 0 auction, bit 1 the passive quantity was not displayed (iceberg reserve)
 *  50  reserved (6 bytes)
 *  56  buy party (80 bytes, see {@link TradeParty})
 * 136  sell party (80 bytes)
 * 216  end
 * </pre>
 */
public final class TradeEvent extends Event {
    public static final int MATCH_ID_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;
    public static final int QUANTITY_OFFSET = 40;
    public static final int AGGRESSOR_SIDE_OFFSET = 48;
    public static final int FLAGS_OFFSET = 49;
    public static final int BUY_OFFSET = 56;
    public static final int SELL_OFFSET = BUY_OFFSET + TradeParty.LENGTH;
    public static final int END_OFFSET = SELL_OFFSET + TradeParty.LENGTH;

    public static final int FLAG_AUCTION = 1;
    public static final int FLAG_PASSIVE_NOT_DISPLAYED = 2;

    private final TradeParty buy = new TradeParty();
    private final TradeParty sell = new TradeParty();

    @Override
    public TradeEvent wrap(final MutableDirectBuffer buffer, final int offset) {
        super.wrap(buffer, offset);
        buy.wrap(buffer, offset + BUY_OFFSET);
        sell.wrap(buffer, offset + SELL_OFFSET);
        return this;
    }

    @Override
    public EventType type() {
        return EventType.TRADE;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public TradeEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + AGGRESSOR_SIDE_OFFSET, 0L); // side, flags and the six reserved bytes
        return this;
    }

    public long matchId() {
        return buffer.getLong(offset + MATCH_ID_OFFSET);
    }

    public TradeEvent matchId(final long v) {
        buffer.putLong(offset + MATCH_ID_OFFSET, v);
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public TradeEvent price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long quantity() {
        return buffer.getLong(offset + QUANTITY_OFFSET);
    }

    public TradeEvent quantity(final long v) {
        buffer.putLong(offset + QUANTITY_OFFSET, v);
        return this;
    }

    /** @return the aggressor's side, or {@code null} for an auction trade. */
    public Side aggressorSide() {
        return Side.fromCode(buffer.getByte(offset + AGGRESSOR_SIDE_OFFSET));
    }

    public TradeEvent aggressorSideCode(final byte v) {
        buffer.putByte(offset + AGGRESSOR_SIDE_OFFSET, v);
        return this;
    }

    public int flags() {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    public TradeEvent flags(final int v) {
        buffer.putByte(offset + FLAGS_OFFSET, (byte) v);
        return this;
    }

    /** @return true for an auction uncross print. */
    public boolean auction() {
        return (flags() & FLAG_AUCTION) != 0;
    }

    /** @return the buying order's side of the trade. */
    public TradeParty buy() {
        return buy;
    }

    /** @return the selling order's side of the trade. */
    public TradeParty sell() {
        return sell;
    }

    /** @return the resting side; for an auction trade, the sell side by convention. */
    public TradeParty passive() {
        return aggressorSide() == Side.SELL ? buy : sell;
    }

    /** @return the aggressor side; for an auction trade, the buy side by convention. */
    public TradeParty aggressor() {
        return aggressorSide() == Side.SELL ? sell : buy;
    }

    @Override
    protected String body() {
        return " match=" + matchId() + " " + quantity() + "@" + price() + " aggressor=" + aggressorSide()
            + " flags=" + flags() + " buy=" + buy + " sell=" + sell;
    }
}
