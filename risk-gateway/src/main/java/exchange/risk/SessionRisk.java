package exchange.risk;

import exchange.matching.RejectReason;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One FIX session's handle on the risk gateway: its firm, its message throttle and its counters. Get
 * it from {@link RiskGateway#session} at logon and pass it to every check of that session.
 *
 * <p>Used by that session's thread only (the throttle is not thread-safe); its counters may be read
 * from any thread.
 */
public final class SessionRisk {
    private static final int CHECKS = 0;
    private static final int REJECTS = 1; // then one counter per RejectReason code
    private static final int COUNTERS = REJECTS + 64;

    private final int sessionId;
    private final FirmRisk firm;
    private final MessageThrottle throttle;
    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);

    SessionRisk(final int sessionId, final FirmRisk firm, final int messagesPerSecond) {
        this.sessionId = sessionId;
        this.firm = firm;
        this.throttle = new MessageThrottle(messagesPerSecond);
    }

    public int sessionId() {
        return sessionId;
    }

    public int firmId() {
        return firm.id();
    }

    /** @return the session's throttle: messages admitted in any one second */
    public int messagesPerSecond() {
        return throttle.limit();
    }

    /** @return checks made for this session, passed or not */
    public long checks() {
        return counters.get(CHECKS);
    }

    /** @return checks refused for a reason */
    public long rejects(final RejectReason reason) {
        return counters.get(REJECTS + reason.code());
    }

    /** @return messages refused by the throttle */
    public long throttleRejects() {
        return rejects(RejectReason.THROTTLE_EXCEEDED);
    }

    FirmRisk firm() {
        return firm;
    }

    MessageThrottle throttle() {
        return throttle;
    }

    void countCheck() {
        increment(CHECKS);
    }

    RiskResult refuse(final RejectReason reason, final String text) {
        increment(REJECTS + reason.code());
        return RiskResult.refused(reason, text);
    }

    private void increment(final int counter) {
        counters.lazySet(counter, counters.get(counter) + 1); // one writer: no compare-and-set needed
    }

    @Override
    public String toString() {
        return "SessionRisk{session=" + sessionId + " firm=" + firm.id() + " messagesPerSecond=" + messagesPerSecond() + "}";
    }
}
