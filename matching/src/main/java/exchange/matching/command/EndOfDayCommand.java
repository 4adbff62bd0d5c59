package exchange.matching.command;

/**
 * Ends a trading day: every Day order (and what is left of auction-only orders) expires, with a
 * Cancelled event (reason END_OF_DAY) each, book by book; GTC and GTD orders leave the books to be
 * carried over by the GTC store. Then one DayEnded event marks the end of the day in the event log.
 *
 * A GTD order that would expire before the next trading day starts (its GTD horizon, when given) cannot
 * trade again: it expires now, with the day, rather than be carried over and expire when restored.
 *
 * <pre>
 *  32  trading date (i32, yyyymmdd)
 *  36  GTD horizon (u32): the next trading day's start, seconds since the epoch; 0 for none (journals
 *      written before it was added hold 0 here)
 *  40  end
 * </pre>
 */
public final class EndOfDayCommand extends Command {
    public static final int TRADING_DATE_OFFSET = 32;
    public static final int GTD_HORIZON_OFFSET = 36;
    public static final int LENGTH = 40;

    @Override
    public CommandType type() {
        return CommandType.END_OF_DAY;
    }

    @Override
    public EndOfDayCommand init() {
        header(type().code(), LENGTH);
        buffer.setMemory(offset + 3, LENGTH - 3, (byte) 0);
        return this;
    }

    /** @return the trading date that ends, as yyyymmdd */
    public int tradingDate() {
        return buffer.getInt(offset + TRADING_DATE_OFFSET);
    }

    public EndOfDayCommand tradingDate(final int yyyymmdd) {
        buffer.putInt(offset + TRADING_DATE_OFFSET, yyyymmdd);
        return this;
    }

    /**
     * @return when the next trading day starts, seconds since the epoch: GTD orders expiring before it expire
     *         with this day; 0 for none
     */
    public long gtdHorizonSeconds() {
        return buffer.getInt(offset + GTD_HORIZON_OFFSET) & 0xFFFF_FFFFL;
    }

    public EndOfDayCommand gtdHorizonSeconds(final long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("GTD horizon out of range: " + epochSeconds);
        }
        buffer.putInt(offset + GTD_HORIZON_OFFSET, (int) epochSeconds);
        return this;
    }

    @Override
    protected String body() {
        return " date=" + tradingDate() + (gtdHorizonSeconds() == 0 ? "" : " gtdHorizon=" + gtdHorizonSeconds());
    }
}
