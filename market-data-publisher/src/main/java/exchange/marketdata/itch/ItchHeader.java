package exchange.marketdata.itch;

/**
 * The 11 bytes that open every Nasdaq TotalView-ITCH 5.0 message.
 *
 * <pre>
 *   0                   1                   2
 *   0 1 2 3 4 5 6 7 8 9 0
 *  +-+---+---+-----------+
 *  |T| L | N |    TS     |   T  Message Type      1 byte  alpha
 *  +-+---+---+-----------+   L  Stock Locate      2 bytes integer (0 for market-wide messages)
 *                            N  Tracking Number   2 bytes integer
 *                            TS Timestamp         6 bytes integer, nanoseconds since midnight
 * </pre>
 */
public final class ItchHeader {
    public static final int MESSAGE_TYPE_OFFSET = 0;
    public static final int STOCK_LOCATE_OFFSET = 1;
    public static final int TRACKING_NUMBER_OFFSET = 3;
    public static final int TIMESTAMP_OFFSET = 5;
    public static final int LENGTH = 11;

    private ItchHeader() {
    }
}
