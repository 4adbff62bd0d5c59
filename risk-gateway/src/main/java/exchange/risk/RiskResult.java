package exchange.risk;

import exchange.matching.RejectReason;

/**
 * The answer of a risk check: passed, or refused with a {@link RejectReason} and a Text(58) that names
 * the limit and the values ("Order quantity 5,000 exceeds the maximum order quantity 1,000 for AAA").
 *
 * <p>Immutable. A pass is the shared {@link #PASSED} constant, so passing allocates nothing; a refusal
 * is a new object with its text (the FIX answer needs a String anyway).
 */
public final class RiskResult {
    /** Every passed check returns this instance. */
    public static final RiskResult PASSED = new RiskResult(RejectReason.NONE, "");

    private final RejectReason reason;
    private final String text;

    private RiskResult(final RejectReason reason, final String text) {
        this.reason = reason;
        this.text = text;
    }

    static RiskResult refused(final RejectReason reason, final String text) {
        return new RiskResult(reason, text);
    }

    /** @return true when the command may be journaled */
    public boolean passed() {
        return reason == RejectReason.NONE;
    }

    /** @return why the command was refused; {@link RejectReason#NONE} when it passed */
    public RejectReason reason() {
        return reason;
    }

    /** @return for FIX Text(58): which limit, and the values; empty when passed */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return passed() ? "PASSED" : reason + ": " + text;
    }
}
