package exchange.matching.event;

import exchange.matching.TradingPhase;

/**
 * An auction uncrossed: its trades (TRADE events flagged auction, one per pair of orders) come just
 * before. Market data publishes it as an ITCH 5.0 Cross Trade. Emitted at the end of every call phase
 * (with quantity 0 and price 0 when nothing crossed), and after a halt or a closed book when its
 * uncross traded.
 *
 * <pre>
 *  24  match id (i64): the cross's own match number
 *  32  price (i64; 0 when nothing crossed)
 *  40  quantity (i64): the volume traded
 *  48  cross type (u8): 'O' opening, 'C' closing, 'H' volatility auction or halt
 *  49  phase (u8, TradingPhase code): the phase that ended
 *  50  reserved (6 bytes)
 *  56  end
 * </pre>
 */
public final class AuctionUncrossedEvent extends Event {
    public static final int MATCH_ID_OFFSET = 24;
    public static final int PRICE_OFFSET = 32;
    public static final int QUANTITY_OFFSET = 40;
    public static final int CROSS_TYPE_OFFSET = 48;
    public static final int PHASE_OFFSET = 49;
    public static final int END_OFFSET = 56;

    @Override
    public EventType type() {
        return EventType.AUCTION_UNCROSSED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public AuctionUncrossedEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + CROSS_TYPE_OFFSET, 0L); // cross type, phase and the reserved bytes
        return this;
    }

    public long matchId() {
        return buffer.getLong(offset + MATCH_ID_OFFSET);
    }

    public AuctionUncrossedEvent matchId(final long v) {
        buffer.putLong(offset + MATCH_ID_OFFSET, v);
        return this;
    }

    public long price() {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    public AuctionUncrossedEvent price(final long v) {
        buffer.putLong(offset + PRICE_OFFSET, v);
        return this;
    }

    public long quantity() {
        return buffer.getLong(offset + QUANTITY_OFFSET);
    }

    public AuctionUncrossedEvent quantity(final long v) {
        buffer.putLong(offset + QUANTITY_OFFSET, v);
        return this;
    }

    /** @return 'O', 'C' or 'H' */
    public byte crossType() {
        return buffer.getByte(offset + CROSS_TYPE_OFFSET);
    }

    public AuctionUncrossedEvent crossType(final byte v) {
        buffer.putByte(offset + CROSS_TYPE_OFFSET, v);
        return this;
    }

    public TradingPhase phase() {
        return TradingPhase.fromCode(buffer.getByte(offset + PHASE_OFFSET));
    }

    public AuctionUncrossedEvent phase(final TradingPhase phase) {
        buffer.putByte(offset + PHASE_OFFSET, phase.code());
        return this;
    }

    @Override
    protected String body() {
        return " match=" + matchId() + " " + quantity() + "@" + price() + " cross=" + (char) crossType()
            + " phase=" + phase();
    }
}
