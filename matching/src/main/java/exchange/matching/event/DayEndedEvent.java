package exchange.matching.event;

/**
 * The trading day ended: every Day order has expired (one Cancelled event each, before this one), and
 * the GTC and GTD orders have left the books to be carried over to the next day by the GTC store.
 * Consumers close their day on it (end-of-day reports, the GTC store).
 *
 * <pre>
 *  24  trading date (i32, yyyymmdd)   28 reserved (i32)
 *  32  expired orders (i64)
 *  40  carried orders (i64)
 *  48  end
 * </pre>
 */
public final class DayEndedEvent extends Event {
    public static final int TRADING_DATE_OFFSET = 24;
    public static final int EXPIRED_OFFSET = 32;
    public static final int CARRIED_OFFSET = 40;
    public static final int END_OFFSET = 48;

    @Override
    public EventType type() {
        return EventType.DAY_ENDED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public DayEndedEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putInt(offset + TRADING_DATE_OFFSET + 4, 0);
        return this;
    }

    public int tradingDate() {
        return buffer.getInt(offset + TRADING_DATE_OFFSET);
    }

    public DayEndedEvent tradingDate(final int v) {
        buffer.putInt(offset + TRADING_DATE_OFFSET, v);
        return this;
    }

    public long expiredCount() {
        return buffer.getLong(offset + EXPIRED_OFFSET);
    }

    public DayEndedEvent expiredCount(final long v) {
        buffer.putLong(offset + EXPIRED_OFFSET, v);
        return this;
    }

    public long carriedCount() {
        return buffer.getLong(offset + CARRIED_OFFSET);
    }

    public DayEndedEvent carriedCount(final long v) {
        buffer.putLong(offset + CARRIED_OFFSET, v);
        return this;
    }

    @Override
    protected String body() {
        return " date=" + tradingDate() + " expired=" + expiredCount() + " carried=" + carriedCount();
    }
}
