package exchange.matching;

/** How long an order works. The code is FIX TimeInForce(59). */
public enum TimeInForce {
    DAY((byte) '0'),
    GTC((byte) '1'),
    AT_THE_OPEN((byte) '2'),
    IOC((byte) '3'),
    FOK((byte) '4'),
    GTD((byte) '6'),
    AT_THE_CLOSE((byte) '7');

    private static final TimeInForce[] BY_CODE = new TimeInForce[128];

    static {
        for (final TimeInForce t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final byte code;

    TimeInForce(final byte code) {
        this.code = code;
    }

    /** @return FIX TimeInForce(59) character. */
    public byte code() {
        return code;
    }

    /** @return true when what is not filled at once is cancelled rather than booked. */
    public boolean isImmediate() {
        return this == IOC || this == FOK;
    }

    /** @return true when the order survives the end of the trading day. */
    public boolean survivesEndOfDay() {
        return this == GTC || this == GTD;
    }

    /**
     * @param code FIX TimeInForce(59) character
     * @return the value, or {@code null} when not supported
     */
    public static TimeInForce fromCode(final byte code) {
        return code >= 0 ? BY_CODE[code] : null;
    }
}
