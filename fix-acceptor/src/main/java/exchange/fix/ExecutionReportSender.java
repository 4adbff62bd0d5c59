package exchange.fix;

import exchange.sequencer.EventLog;
import exchange.sequencer.PositionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;

/**
 * Sends each broker its ExecutionReports, OrderCancelRejects and OrderMassCancelReports from the
 * event log, in event order, to the owning session through QuickFIX/J, logged on or not: QuickFIX/J
 * stores what it cannot send, and it arrives by resend when the broker is back.
 */
public final class ExecutionReportSender extends ReportAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionReportSender.class);

    private final FixSessions sessions;
    private final SentMessages sent;
    private long messagesSent;

    public ExecutionReportSender(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final OrderRegistry registry, final PositionStore position, final PositionStore dayStart) {
        super(log, position, dayStart, instruments, registry, sessions::version);
        this.sessions = sessions;
        this.sent = new SentMessages(sessions);
    }

    @Override
    protected void loadSent() {
        sent.load();
    }

    @Override
    public void report(final int session, final Message message, final String dedupeKey) {
        final FixSession target = sessions.byNumber(session);
        if (target == null) {
            LOG.warn("no FIX session number {} to send a {} to", session, dedupeKey);
            return;
        }
        if (sent.alreadySent(target, dedupeKey)) {
            return;
        }
        if (!sessions.send(target, message)) {
            LOG.warn("could not hand a message to session {}", target.sessionId());
        }
        messagesSent++;
    }

    /** @return messages handed to QuickFIX/J since start */
    public long messagesSent() {
        return messagesSent;
    }

    @Override
    public String roleName() {
        return "execution-reports";
    }
}
