package exchange.matching;

/**
 * The trading phase of one instrument. Phases change by command (from the schedule or an operator),
 * and each change is an event.
 *
 * <ul>
 *   <li>{@link #CLOSED}: no orders accepted; cancels allowed.</li>
 *   <li>{@link #PRE_OPEN}, {@link #PRE_CLOSE}, {@link #VOLATILITY_AUCTION}: a call phase; orders are
 *       accepted and cancelled but not matched, and an indicative uncrossing price is kept.</li>
 *   <li>{@link #CONTINUOUS}: price-time matching.</li>
 *   <li>{@link #HALTED}: no matching; cancels allowed; new orders accepted or rejected as configured.
 *       Resumption goes through an auction.</li>
 * </ul>
 */
public enum TradingPhase {
    CLOSED(0),
    PRE_OPEN(1),
    CONTINUOUS(2),
    PRE_CLOSE(3),
    HALTED(4),
    VOLATILITY_AUCTION(5);

    private static final TradingPhase[] BY_CODE = values();

    private final byte code;

    TradingPhase(final int code) {
        this.code = (byte) code;
    }

    /** @return the stable wire value. */
    public byte code() {
        return code;
    }

    /** @return true when orders collect for an uncross instead of matching. */
    public boolean isCall() {
        return this == PRE_OPEN || this == PRE_CLOSE || this == VOLATILITY_AUCTION;
    }

    /**
     * @param code a wire value
     * @return the phase, or {@code null} for an unknown code
     */
    public static TradingPhase fromCode(final byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
