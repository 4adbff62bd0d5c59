package exchange.dropcopy;

import exchange.fix.FixSession;
import exchange.fix.FixSessions;
import exchange.fix.Instruments;
import exchange.fix.ReportAgent;
import exchange.fix.SessionRole;
import exchange.sequencer.AgentErrors;
import exchange.sequencer.IdleStrategies;
import exchange.sequencer.EventLog;
import exchange.sequencer.PositionStore;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every drop-copy session's feed, on one thread beside the FIX acceptor (whose sessions carry them).
 */
public final class DropCopy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DropCopy.class);

    private final List<DropCopySender> senders = new ArrayList<>();
    private final AgentRunner runner;

    private DropCopy(final EventLog log, final FixSessions sessions, final Instruments instruments,
                     final SessionSettings settings, final Path dataDir, final ZoneId zone) {
        for (final FixSession s : sessions.all()) {
            if (s.role() != SessionRole.DROP_COPY) {
                continue;
            }
            final Path positions = dataDir.resolve("positions");
            senders.add(new DropCopySender(log, s, sessions, instruments,
                new PositionStore(positions, "drop-copy-" + s.number(), false),
                new PositionStore(positions, "drop-copy-" + s.number() + "-day", false),
                tradeCaptureReports(settings, s), zone));
            LOG.info("drop copy {} for {}", s.sessionId(), s.dropCopyFirms());
        }
        if (senders.isEmpty()) {
            runner = null;
            return;
        }
        // A failure is tried again after a pause (the runner always tried again, but at once): the feed writes
        // nothing to the journal, and a compliance feed that resumes after a passing fault (a full disk, a
        // session's store) beats one that waits for a restart. The pause and the counted log (AgentErrors) hold a
        // bug that fails every time to ten tries and one log line a second.
        final ErrorHandler errors = AgentErrors.of(LOG, "drop copy");
        final Agent agent = senders.size() == 1 ? senders.get(0) : new CompositeAgent(new ArrayList<>(senders));
        // woken by each published batch of events, as the ExecutionReport sender is
        runner = new AgentRunner(IdleStrategies.rung(log.doorbell(), 100, 10), errors, null, agent);
        AgentRunner.startOnThread(runner);
    }

    private static boolean tradeCaptureReports(final SessionSettings settings, final FixSession s) {
        try {
            return settings.isSetting(s.sessionId(), FixSession.DROP_COPY_TRADE_CAPTURE_REPORTS)
                && settings.getBool(s.sessionId(), FixSession.DROP_COPY_TRADE_CAPTURE_REPORTS);
        } catch (final ConfigError | FieldConvertError e) {
            throw new IllegalArgumentException(s.sessionId() + ": DropCopyTradeCaptureReports must be Y or N", e);
        }
    }

    /**
     * Starts the feeds of the configured drop-copy sessions (none when there are none) and waits until each
     * knows the day's orders again and has caught up with the event log, as the FIX gateway waits for the
     * ExecutionReport sender: an exchange that says it is ready has a live compliance feed.
     *
     * @param zone the trading schedule's time zone, where a trade's TradeDate is its date
     * @throws IllegalStateException when a feed cannot start (its saved place is not in the event log, say)
     *                               or does not catch up within {@link ReportAgent#START_TIMEOUT}; nothing is
     *                               left running
     */
    public static DropCopy start(final EventLog log, final FixSessions sessions, final Instruments instruments,
                                 final SessionSettings settings, final Path dataDir, final ZoneId zone) {
        final DropCopy dropCopy = new DropCopy(log, sessions, instruments, settings, dataDir, zone);
        try {
            for (final DropCopySender sender : dropCopy.senders) {
                sender.awaitStarted(ReportAgent.START_TIMEOUT);
            }
        } catch (final RuntimeException e) {
            dropCopy.close();
            throw e;
        }
        return dropCopy;
    }

    /** @return each session's feed */
    public List<DropCopySender> senders() {
        return senders;
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
    }
}
