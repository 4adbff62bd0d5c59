package exchange.matching;

/** Order types the engine supports. The code is FIX OrdType(40). */
public enum OrderType {
    MARKET((byte) '1'),
    LIMIT((byte) '2'),
    STOP((byte) '3'),
    STOP_LIMIT((byte) '4');

    private static final OrderType[] BY_CODE = new OrderType[128];

    static {
        for (final OrderType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final byte code;

    OrderType(final byte code) {
        this.code = code;
    }

    /** @return FIX OrdType(40) character. */
    public byte code() {
        return code;
    }

    /** @return true when the order carries a limit price. */
    public boolean hasLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    /** @return true when the order waits for a trigger price before it works. */
    public boolean isStop() {
        return this == STOP || this == STOP_LIMIT;
    }

    /**
     * @param code FIX OrdType(40) character
     * @return the type, or {@code null} when not supported
     */
    public static OrderType fromCode(final byte code) {
        return code >= 0 ? BY_CODE[code] : null;
    }
}
