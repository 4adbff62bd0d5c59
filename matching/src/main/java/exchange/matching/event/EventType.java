package exchange.matching.event;

/** The kinds of event the engine emits. The code is the stable wire value in the event log. */
public enum EventType {
    /** An order was accepted: FIX ExecutionReport ExecType 0 New. */
    ACCEPTED(1),
    /** An order was refused: ExecType 8 Rejected. */
    REJECTED(2),
    /** An order (or its refreshed iceberg peak) now rests on the book, displayed: market data Add Order. */
    BOOKED(3),
    /** Two orders traded: ExecType F for each side; market data Order Executed. */
    TRADE(4),
    /** An order ended without trading in full, or expired: ExecType 4 Canceled or C Expired. */
    CANCELLED(5),
    /** An order was cancel/replaced: ExecType 5 Replaced. */
    REPLACED(6),
    /** A cancel or replace was refused: OrderCancelReject. */
    CANCEL_REJECTED(7),
    /** The answer to a status request: ExecType I Order Status. */
    STATUS(8),
    /** A mass cancel finished: OrderMassCancelReport. */
    MASS_CANCELLED(9),
    /** An instrument changed trading phase. */
    PHASE_CHANGED(10),
    /** The trading day ended; Day orders have expired. */
    DAY_ENDED(11),
    /** An order of an earlier day is back on the book (start of day). */
    RESTORED(12),
    /** A stop order was triggered and now works: FIX 5.0 ExecType L; for FIX 4.4 see the README. */
    TRIGGERED(13),
    /**
     * The exchange took quantity off a live order without a trade (self-trade prevention decrement):
     * ExecType D Restated.
     */
    RESTATED(14),
    /** During a call phase, the auction as it would uncross now: market data NOII. */
    AUCTION_INDICATIVE(15),
    /** An auction uncrossed (its trades come before): market data Cross Trade. */
    AUCTION_UNCROSSED(16),
    /** A kill switch went on or off (or was restated at the start of a day). */
    KILL_SWITCH_CHANGED(17);

    private static final EventType[] BY_CODE = new EventType[32];

    static {
        for (final EventType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    EventType(final int code) {
        this.code = code;
    }

    /** @return the stable wire value. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire value
     * @return the type, or {@code null} when unknown
     */
    public static EventType fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
