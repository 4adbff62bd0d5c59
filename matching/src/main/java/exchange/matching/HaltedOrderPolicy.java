package exchange.matching;

/** What a halted instrument does with new orders and replaces; cancels are always allowed. */
public enum HaltedOrderPolicy {
    /** Refused: Rejected (or CancelRejected) with INSTRUMENT_HALTED. */
    REJECT,
    /**
     * Taken and booked without matching, as in a call phase (no IOC or FOK); they meet in the auction
     * that resumes trading.
     */
    ACCEPT
}
