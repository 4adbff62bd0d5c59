package exchange.matching;

/**
 * Why a live order ended, or lost quantity, without trading: a Cancelled event. Some reasons are
 * expiries (FIX ExecType C) rather than cancellations (ExecType 4); {@link #isExpiry()} says which.
 *
 * <p>The code is the stable wire value; never renumber.
 */
public enum CancelReason {
    USER_REQUEST(1, "Cancelled on request", false),
    IOC_REMAINDER(2, "Immediate-or-cancel remainder cancelled", false),
    FOK_NOT_FILLED(3, "Fill-or-kill could not be filled in full", false),
    NO_LIQUIDITY(4, "Market order remainder cancelled: no more liquidity", false),
    MASS_CANCEL(5, "Cancelled by mass cancel", false),
    DISCONNECT(6, "Cancelled on disconnect", false),
    KILL_SWITCH(7, "Cancelled by kill switch", false),
    SELF_TRADE(8, "Cancelled by self-trade prevention", false),
    REPLACED_TO_FILLED(9, "Replaced to a quantity at or below the filled quantity", false),
    PRICE_COLLAR(10, "Remainder cancelled: next price outside the price collar", false),
    MIN_QUANTITY_NOT_MET(11, "Minimum quantity not available", false),
    OPERATOR(12, "Cancelled by the exchange operator", false),
    RESTORE_FAILED(13, "Could not be restored at start of day", false),
    BOOK_FULL(14, "Remainder cancelled: no room on the book at its price", false),
    END_OF_DAY(20, "Day order expired at end of day", true),
    GTD_EXPIRED(21, "GTD order reached its expire time", true),
    AUCTION_ONLY_UNFILLED(22, "Auction-only order not filled in the auction", true);

    private static final CancelReason[] BY_CODE = new CancelReason[32];

    static {
        for (final CancelReason r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final byte code;
    private final String text;
    private final boolean expiry;

    CancelReason(final int code, final String text, final boolean expiry) {
        this.code = (byte) code;
        this.text = text;
        this.expiry = expiry;
    }

    /** @return the stable wire value. */
    public byte code() {
        return code;
    }

    /** @return the sentence a broker reads. */
    public String text() {
        return text;
    }

    /** @return true when the order expired (FIX ExecType C) rather than being cancelled. */
    public boolean isExpiry() {
        return expiry;
    }

    /**
     * @param code a wire value
     * @return the reason, or {@code null} for an unknown code
     */
    public static CancelReason fromCode(final byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
