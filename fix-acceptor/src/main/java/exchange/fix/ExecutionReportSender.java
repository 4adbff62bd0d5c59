package exchange.fix;

import exchange.matching.event.Event;
import exchange.sequencer.EventLog;
import exchange.sequencer.PositionStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
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
    private final FixObserver observer;
    private final EpochNanoClock clock;
    private long messagesSent;
    private long eventTimestampNs;
    private long eventReadNs;

    public ExecutionReportSender(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final OrderRegistry registry, final PositionStore position, final PositionStore dayStart) {
        this(log, sessions, instruments, registry, position, dayStart, FixObserver.NONE, null);
    }

    /**
     * @param observer told when each report is sent, with the time its event was journaled and read
     * @param clock    the acceptor's clock; may be null with {@link FixObserver#NONE}
     */
    public ExecutionReportSender(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final OrderRegistry registry, final PositionStore position, final PositionStore dayStart,
                                 final FixObserver observer, final EpochNanoClock clock) {
        super(log, position, dayStart, instruments, registry, sessions::version);
        this.sessions = sessions;
        this.sent = new SentMessages(sessions);
        this.observer = observer;
        this.clock = clock;
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        if (observer != FixObserver.NONE) {
            eventTimestampNs = buffer.getLong(offset + Event.TIMESTAMP_OFFSET);
            eventReadNs = clock.nanoTime();
        }
        super.onEvent(documentIndex, commandSequence, eventIndex, buffer, offset, length);
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
        if (observer != FixObserver.NONE) {
            observer.reportSent(eventTimestampNs, eventReadNs, clock.nanoTime());
        }
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
