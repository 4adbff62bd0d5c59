package exchange.operations.api;

import exchange.fix.FixSession;
import exchange.fix.FixSessions;
import exchange.operations.metrics.FixMetrics;
import exchange.risk.RiskGateway;
import quickfix.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * Each FIX session's figures, read when asked: CompID pair, logged on or not, the sequence numbers
 * QuickFIX/J expects next, messages in and out since start, messages its throttle refused.
 *
 * <p>Any thread; allocates.
 */
public final class SessionFigures {
    /**
     * One session.
     *
     * @param nextSenderSeqNum the sequence number of the next message the exchange sends
     * @param nextTargetSeqNum the sequence number the exchange expects next from the broker
     * @param remoteAddress    the broker's address while connected, null when not
     */
    public record Row(String id, String beginString, String senderCompId, String targetCompId, int number,
                      String firm, String role, boolean loggedOn, String remoteAddress, int nextSenderSeqNum,
                      int nextTargetSeqNum, long messagesIn, long messagesOut, long throttleRejects) {
    }

    private final FixSessions sessions;
    private final FixMetrics metrics;
    private final RiskGateway risk;

    /** @param sessions the gateway's sessions, null for none (an exchange without FIX) */
    public SessionFigures(final FixSessions sessions, final FixMetrics metrics, final RiskGateway risk) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.risk = risk;
    }

    /** @return every configured session, in configuration order */
    public List<Row> rows() {
        final List<Row> rows = new ArrayList<>();
        if (sessions == null) {
            return rows;
        }
        for (final FixSession s : sessions.all()) {
            final Session q = Session.lookupSession(s.sessionId());
            final boolean loggedOn = q != null && q.isLoggedOn();
            rows.add(new Row(s.sessionId().toString(), s.sessionId().getBeginString(), s.sessionId().getSenderCompID(),
                s.sessionId().getTargetCompID(), s.number(), s.firmName().isEmpty() ? null : s.firmName(),
                s.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), loggedOn,
                loggedOn ? q.getRemoteAddress() : null, q == null ? 0 : q.getExpectedSenderNum(),
                q == null ? 0 : q.getExpectedTargetNum(), metrics.received(s.sessionId()), metrics.sent(s.sessionId()),
                risk.throttleRejects(s.number())));
        }
        return rows;
    }
}
