package exchange.fix;

import exchange.matching.RejectReason;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;

/**
 * The checks an order passes on the session's thread before it is journaled: the risk gateway's
 * limits, throttle and kill switch. Called by {@link OrderEntry}; implemented by the exchange server
 * over the risk gateway.
 */
public interface PreTradeChecks {
    /** The outcome of a check; {@link #PASSED} when nothing stops the message. */
    record Result(RejectReason reason, String text) {
        public static final Result PASSED = new Result(RejectReason.NONE, "");

        public boolean passed() {
            return reason == RejectReason.NONE;
        }
    }

    /** Lets everything through: for tests of the FIX layer alone. */
    PreTradeChecks NONE = new PreTradeChecks() {
        @Override
        public Result newOrder(final FixSession session, final NewOrderCommand order, final long nowNs) {
            return Result.PASSED;
        }

        @Override
        public Result replace(final FixSession session, final ReplaceCommand replace, final long nowNs) {
            return Result.PASSED;
        }

        @Override
        public Result cancel(final FixSession session, final long nowNs) {
            return Result.PASSED;
        }

        @Override
        public Result other(final FixSession session, final long nowNs) {
            return Result.PASSED;
        }
    };

    /** A new order, complete but for its sequence; on a pass its credit is reserved. */
    Result newOrder(FixSession session, NewOrderCommand order, long nowNs);

    /** A cancel/replace with its new values. */
    Result replace(FixSession session, ReplaceCommand replace, long nowNs);

    /** A cancel: only the throttle applies (a kill switch never blocks a cancel). */
    Result cancel(FixSession session, long nowNs);

    /** A status or mass-cancel request: the throttle. */
    Result other(FixSession session, long nowNs);
}
