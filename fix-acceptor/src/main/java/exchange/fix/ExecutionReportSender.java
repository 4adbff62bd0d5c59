package exchange.fix;

import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
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
 *
 * <p>It also feeds the pre-trade checks' {@link PreTradeChecks#eventLogFeed() view of the event log}
 * (exposure): each event goes to the checks before its reports are sent, and the silent follow-up of a
 * restart hands them the day up to the saved place, so they have the whole day, once, in order, before the
 * acceptor opens. (A thread of its own could lag the reports: a broker could hear of a cancel before its
 * credit was released, and an order sent at once on that news be refused.)
 */
public final class ExecutionReportSender extends ReportAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionReportSender.class);

    private final FixSessions sessions;
    private final SentMessages sent;
    private final FixObserver observer;
    private final EpochNanoClock clock;
    private final EventHandler checksFeed;
    private final EventDecoder checksDecoder = new EventDecoder();
    private long messagesSent;
    private long eventTimestampNs;
    private long eventReadNs;

    public ExecutionReportSender(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final OrderRegistry registry, final PositionStore position, final PositionStore dayStart) {
        this(log, sessions, instruments, registry, position, dayStart, null, FixObserver.NONE, null);
    }

    /**
     * @param checksFeed the pre-trade checks' {@link PreTradeChecks#eventLogFeed() feed}, handed each event before
     *                   its reports are sent; null for none
     * @param observer   told when each report is sent, with the time its event was journaled and read
     * @param clock      the acceptor's clock; may be null with {@link FixObserver#NONE}
     */
    public ExecutionReportSender(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final OrderRegistry registry, final PositionStore position, final PositionStore dayStart,
                                 final EventHandler checksFeed, final FixObserver observer, final EpochNanoClock clock) {
        super(log, position, dayStart, instruments, registry, sessions::version);
        this.checksFeed = checksFeed;
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
        if (checksFeed != null) {
            checksDecoder.decode(buffer, offset, checksFeed);
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
