package exchange.fix;

import quickfix.SessionID;

/**
 * What the FIX side tells operators as it works: each message in and out of a session, and the moments
 * that time an order's way through the exchange. Every method is called on a hot thread (a session's
 * QuickFIX/J thread, the ExecutionReport sender's thread), so an implementation only counts and
 * records: no I/O, no lock that another session could hold, no allocation once warm.
 *
 * <p>Times are nanoseconds since the epoch from the acceptor's clock, the clock the journal stamps
 * commands with, so that they compare with an event's time stamp.
 */
public interface FixObserver {
    /** Observes nothing. */
    FixObserver NONE = new FixObserver() {
    };

    /** A message (administrative or application) arrived on a session. */
    default void messageReceived(final SessionID session) {
    }

    /** A message (administrative or application) is about to be sent on a session. */
    default void messageSent(final SessionID session) {
    }

    /**
     * An order-entry request was handled: decoded, checked, and journaled (or answered at once).
     *
     * @param receivedNs when the application got it from QuickFIX/J
     * @param doneNs     when the command was in the journal
     */
    default void requestHandled(final long receivedNs, final long doneNs) {
    }

    /**
     * A report (ExecutionReport, OrderCancelReject, OrderMassCancelReport) was handed to its session.
     *
     * @param eventTimestampNs the event's time stamp: when its command was journaled
     * @param readNs           when the sender read the event from the event log
     * @param sentNs           when the message was handed to QuickFIX/J
     */
    default void reportSent(final long eventTimestampNs, final long readNs, final long sentNs) {
    }
}
