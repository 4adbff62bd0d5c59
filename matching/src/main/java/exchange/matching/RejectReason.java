package exchange.matching;

/**
 * Why a request was refused: a new order (Rejected event) or a cancel, replace or status request
 * (CancelRejected event). Raised by the engine or, for the risk and session checks, by the gateway.
 *
 * <p>The code is the stable wire value in journals and event logs; never renumber. The text is what
 * a broker reads in FIX Text(58). The mapping to FIX OrdRejReason(103) and CxlRejReason(102) lives at
 * the FIX edge.
 */
public enum RejectReason {
    NONE(0, "No reason"),
    // Engine: order content
    UNKNOWN_INSTRUMENT(1, "Unknown instrument"),
    INVALID_QUANTITY(2, "Quantity must be positive"),
    QUANTITY_OFF_LOT(3, "Quantity is not a multiple of the lot size"),
    INVALID_PRICE(4, "Price must be positive"),
    PRICE_OFF_TICK(5, "Price is not a multiple of the tick size"),
    INVALID_STOP_PRICE(6, "Stop price missing, off tick or already reached"),
    INVALID_EXPIRE_TIME(7, "GTD order needs an expire time in the future"),
    INVALID_DISPLAY_QUANTITY(8, "Display quantity must be positive, on lot and below order quantity"),
    INVALID_MIN_QUANTITY(9, "Minimum quantity must be positive, on lot, not above order quantity, and only on IOC"),
    UNSUPPORTED_ORDER(10, "Order type, time in force and instructions cannot be combined"),
    // Engine: capacity and identity
    ORDER_CAPACITY_EXCEEDED(11, "Order book capacity exhausted"),
    PRICE_LEVEL_CAPACITY_EXCEEDED(12, "Price level capacity exhausted"),
    DUPLICATE_ORDER_ID(13, "Order identifier already used"),
    // Engine: market state
    INSTRUMENT_CLOSED(14, "Instrument is closed"),
    INSTRUMENT_HALTED(15, "Instrument is halted"),
    PRICE_OUTSIDE_COLLAR(16, "Price outside the price collar"),
    POST_ONLY_WOULD_TAKE(17, "Post-only order would take liquidity"),
    TIF_NOT_ALLOWED_IN_PHASE(18, "Time in force not allowed in the current trading phase"),
    // Engine: cancel, replace, status
    UNKNOWN_ORDER(19, "Unknown order"),
    REPLACE_NOT_ALLOWED(20, "Side, order type and time in force cannot be changed"),
    MIN_QUANTITY_NOT_MET(21, "Minimum quantity not available"),
    // Gateway: session and risk
    DUPLICATE_CLORDID(40, "Duplicate ClOrdID"),
    UNKNOWN_ACCOUNT(41, "Unknown account"),
    EXCEEDS_MAX_ORDER_QUANTITY(42, "Order quantity exceeds the maximum order quantity"),
    EXCEEDS_MAX_NOTIONAL(43, "Order notional exceeds the maximum order notional"),
    EXCEEDS_CREDIT_LIMIT(44, "Account credit limit exceeded"),
    THROTTLE_EXCEEDED(45, "Message rate limit exceeded"),
    KILL_SWITCH(46, "Trading disabled by kill switch"),
    INVALID_FIELD(47, "Invalid or missing field"),
    NOT_ENTITLED(48, "Session is not entitled to trade"),
    PRICE_OUTSIDE_RISK_COLLAR(49, "Price outside the risk price collar");

    private static final RejectReason[] BY_CODE = new RejectReason[64];

    static {
        for (final RejectReason r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final byte code;
    private final String text;

    RejectReason(final int code, final String text) {
        this.code = (byte) code;
        this.text = text;
    }

    /** @return the stable wire value. */
    public byte code() {
        return code;
    }

    /** @return the sentence a broker reads. */
    public String text() {
        return text;
    }

    /**
     * @param code a wire value
     * @return the reason, or {@code null} for an unknown code
     */
    public static RejectReason fromCode(final byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
