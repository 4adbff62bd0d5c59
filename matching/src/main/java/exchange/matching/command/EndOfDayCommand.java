package exchange.matching.command;

/**
 * Ends a trading day: every Day order (and what is left of auction-only orders) expires, with a
 * Cancelled event (reason END_OF_DAY) each, book by book; GTC and GTD orders leave the books to be
 * carried over by the GTC store. Then one DayEnded event marks the end of the day in the event log.
 *
 * <pre>
 *  32  trading date (i32, yyyymmdd)
 *  36  reserved (4 bytes)
 *  40  end
 * </pre>
 */
public final class EndOfDayCommand extends Command {
    public static final int TRADING_DATE_OFFSET = 32;
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

    @Override
    protected String body() {
        return " date=" + tradingDate();
    }
}
