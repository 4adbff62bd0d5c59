package exchange.benchmarks.fix;

/**
 * What each order of {@code bin/bench fix} does, and what it is owed back. Either way the book holds no
 * more orders than are in flight, so a run can be as long as one likes.
 */
enum OrderFlow {
    /**
     * Each order is a Day limit order that does not cross (buys 10 ticks below the reference price,
     * sells 10 above), cancelled by the broker (OrderCancelRequest) as soon as it is acknowledged. Two
     * messages in and two ExecutionReports out per order (New, then Canceled), at the exchange and at
     * the bare acceptor alike, which answers the cancel with one report as well: the same FIX traffic,
     * so the difference is what the exchange does besides FIX. Most orders at a real venue end this way.
     */
    NEW_CANCEL("new-cancel", 2, 2),
    /**
     * Buys and sells in turn at one price per symbol, each order resting or trading in full against the
     * oldest resting order of the other side: the exchange owes each order two reports (New, then the
     * fill), the bare acceptor one (New), as the issue defines it. Exercises matching and fills; the
     * exchange sends twice the bare acceptor's messages.
     */
    PAIRS("pairs", 2, 1);

    /** The option's value. */
    final String label;
    /** ExecutionReports the exchange owes each order. */
    final int exchangeReports;
    /** ExecutionReports the bare QuickFIX/J acceptor owes each order. */
    final int bareReports;

    OrderFlow(final String label, final int exchangeReports, final int bareReports) {
        this.label = label;
        this.exchangeReports = exchangeReports;
        this.bareReports = bareReports;
    }

    /** @return the flow of a {@code --workload} value */
    static OrderFlow of(final String label) {
        for (final OrderFlow f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--workload must be new-cancel or pairs, not " + label);
    }
}
