package exchange.marketdata.translator;

/** The Event Codes of ITCH 5.0 System Event messages (S), section 4.1. */
public final class SystemEvents {
    /** First message of the session. */
    public static final char START_OF_MESSAGES = 'O';
    /** The exchange is open and taking orders (the session's prologue). */
    public static final char START_OF_SYSTEM_HOURS = 'S';
    /** The first instrument of the session starts continuous trading. */
    public static final char START_OF_MARKET_HOURS = 'Q';
    /** Every instrument is closed again (or the day ends while one is still open). */
    public static final char END_OF_MARKET_HOURS = 'M';
    /** The trading day has ended (DayEnded). */
    public static final char END_OF_SYSTEM_HOURS = 'E';
    /** Last message of the session; the MoldUDP64 end of session follows. */
    public static final char END_OF_MESSAGES = 'C';

    private SystemEvents() {
    }
}
