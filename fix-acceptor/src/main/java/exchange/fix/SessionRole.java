package exchange.fix;

/** What a FIX session is for. */
public enum SessionRole {
    /** A broker's order-entry session: sends orders, receives its own ExecutionReports. */
    ORDER_ENTRY,
    /** A compliance drop copy: receives copies of the entitled firms' ExecutionReports, may not trade. */
    DROP_COPY
}
