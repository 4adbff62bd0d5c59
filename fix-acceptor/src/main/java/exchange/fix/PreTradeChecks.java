package exchange.fix;

import exchange.matching.RejectReason;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.EventHandler;
import org.agrona.DirectBuffer;

/**
 * The checks an order passes on the session's thread before it is journaled: the risk gateway's
 * limits, throttle and kill switch. Called by {@link OrderEntry}; implemented by the exchange server
 * over the risk gateway. {@code nowNs} is the message's arrival time on a monotonic clock
 * ({@link System#nanoTime()}), for the throttle: a wall clock set back or forward must not move its second.
 */
public interface PreTradeChecks {
    /** Bytes of client context a checker may append to a passed command. */
    int CONTEXT_RESERVE = 21;

    /** The outcome of a check; {@link #PASSED} when nothing stops the message. */
    record Result(RejectReason reason, String text) {
        public static final Result PASSED = new Result(RejectReason.NONE, "");

        public boolean passed() {
            return reason == RejectReason.NONE;
        }
    }

    /**
     * A new order, complete but for its sequence, its client context written; on a pass its credit is
     * reserved and the context may grow by what the checker appends (at most {@link #CONTEXT_RESERVE}
     * bytes).
     */
    Result newOrder(FixSession session, NewOrderCommand order, long nowNs);

    /**
     * A cancel/replace the acceptor would journal, with its new values and its context written; what the
     * acceptor knows of the order (its account, and its price and quantity when last reported; 0 when
     * unknown). Every replace goes through the throttle, {@link #other}, when it arrives (as a cancel does,
     * whatever is wrong with it); this is the rest of its checks.
     */
    Result replace(FixSession session, ReplaceCommand replace, int accountId, long currentPrice, long currentQty);

    /** A cancel: only the throttle applies (a kill switch never blocks a cancel). */
    Result cancel(FixSession session, long nowNs);

    /**
     * A status or mass-cancel request, a cancel/replace as it arrives, or an order the acceptor refuses
     * before its checks: the throttle.
     */
    Result other(FixSession session, long nowNs);

    /**
     * A passed order or replace that did not reach the journal after all (the journal refused it): gives
     * back what its check reserved, read from the command's context.
     */
    void notJournaled(DirectBuffer buffer, int contextStart, int contextLength);

    /**
     * What the checks keep from the event log (exposure, kill switches, phases), or null when they keep
     * nothing. The ExecutionReport sender hands it every event of the trading day, in order, just before
     * it sends that event's reports: a broker never hears that an order was cancelled, filled or replaced
     * before its credit has followed, so an order sent on that news is checked against it.
     */
    default EventHandler eventLogFeed() {
        return null;
    }
}
