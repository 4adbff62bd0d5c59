package exchange.matching;

/**
 * What continuous trading does with a post-only order (FIX ExecInst 6, participate don't initiate)
 * whose limit would take liquidity.
 */
public enum PostOnlyPolicy {
    /** Rejected with POST_ONLY_WOULD_TAKE. */
    REJECT,
    /**
     * Repriced one tick away from the best opposite price (a buy to best ask minus one tick, a sell
     * to best bid plus one tick) and booked there; rejected when that price would not be positive.
     */
    REPRICE
}
