package exchange.risk;

import exchange.matching.RejectReason;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The session handles by session id, and the totals of their counters. Handles are made at logon
 * (cold path); totals are read by operators. Thread-safe.
 */
final class SessionRegistry {
    private static final int COUNTERS = 1 + 64; // checks, then rejects by reason code

    private final Map<Integer, SessionRisk> sessions = new ConcurrentHashMap<>();
    /** Counts of handles that were replaced, so that totals never go down. */
    private final AtomicLongArray retired = new AtomicLongArray(COUNTERS);

    /**
     * @return the session's handle: the existing one when the firm and rate are the same (its
     *         throttle window goes on), else a new one
     */
    SessionRisk session(final int sessionId, final FirmRisk firm, final int messagesPerSecond) {
        return sessions.compute(sessionId, (id, old) -> {
            if (old != null && old.firm() == firm && old.messagesPerSecond() == messagesPerSecond) {
                return old;
            }
            if (old != null) {
                retire(old);
            }
            return new SessionRisk(id, firm, messagesPerSecond);
        });
    }

    long checks() {
        long total = retired.get(0);
        for (final SessionRisk session : sessions.values()) {
            total += session.checks();
        }
        return total;
    }

    long rejects(final RejectReason reason) {
        long total = retired.get(1 + reason.code());
        for (final SessionRisk session : sessions.values()) {
            total += session.rejects(reason);
        }
        return total;
    }

    long throttleRejects(final int sessionId) {
        final SessionRisk session = sessions.get(sessionId);
        return session == null ? 0 : session.throttleRejects();
    }

    private void retire(final SessionRisk session) {
        retired.getAndAdd(0, session.checks());
        for (final RejectReason reason : RejectReason.values()) {
            retired.getAndAdd(1 + reason.code(), session.rejects(reason));
        }
    }
}
