package exchange.matching;

/** Which orders count as "the same owner" for self-trade prevention. */
public enum SelfTradeScope {
    /** Two orders of the same firm. */
    FIRM,
    /** Two orders of the same account of the same firm. */
    ACCOUNT
}
