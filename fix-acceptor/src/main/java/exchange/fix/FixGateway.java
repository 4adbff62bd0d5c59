package exchange.fix;

import exchange.sequencer.AgentErrors;
import exchange.sequencer.CommandSink;
import exchange.sequencer.IdleStrategies;
import exchange.sequencer.EventLog;
import exchange.sequencer.PositionStore;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.apache.mina.core.service.IoAcceptor;
import org.apache.mina.core.service.IoService;
import org.apache.mina.core.service.IoServiceListener;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FIX side of the exchange: a QuickFIX/J acceptor (a thread per session) whose sessions are read
 * from QuickFIX/J's own settings file, and the ExecutionReport sender thread that answers them from
 * the event log.
 */
public final class FixGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FixGateway.class);

    private final ThreadedSocketAcceptor acceptor;
    private final FixSessions sessions;
    private final ExecutionReportSender sender;
    private final AgentRunner senderRunner;
    private final OrderRegistry registry;
    private final OrderEntry orderEntry;
    private final ConnectionGuard guard;
    private final LogonGuard logonGuard;

    /** [DEFAULT] key: most bytes of an unfinished message a connection may send before it is closed. */
    public static final String MAX_PENDING_BYTES = "MaxPendingBytes";
    /** [DEFAULT] key: seconds a new connection has to log on to a configured session. */
    public static final String LOGON_WAIT_SECONDS = "LogonWaitSeconds";
    /** [DEFAULT] key: Logons refused for their username or password one address may send in a minute. */
    public static final String MAX_FAILED_LOGONS_PER_MINUTE = "MaxFailedLogonsPerMinute";

    private static int defaultInt(final SessionSettings settings, final String key, final int defaultValue) {
        return defaultInt(settings, key, defaultValue, 1, "at least 1");
    }

    private static int defaultInt(final SessionSettings settings, final String key, final int defaultValue,
                                  final int min, final String allowed) {
        try {
            final java.util.Properties p = settings.getDefaultProperties();
            final String v = p.getProperty(key);
            final int value = v == null ? defaultValue : Integer.parseInt(v.trim());
            if (value < min) {
                throw new IllegalArgumentException(key + " must be " + allowed + ": " + v);
            }
            return value;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number", e);
        }
    }
    private final AtomicInteger openConnections = new AtomicInteger();

    private FixGateway(final SessionSettings settings, final FixSessions sessions, final OrderEntry orderEntry,
                       final OrderRegistry registry, final ExecutionReportSender sender, final EpochNanoClock clock,
                       final ExchangeApplication.SessionListener listener, final FixObserver observer,
                       final IdleStrategy senderIdle) throws ConfigError {
        this.sessions = sessions;
        this.registry = registry;
        this.sender = sender;
        this.orderEntry = orderEntry;
        final ExchangeApplication application = new ExchangeApplication(sessions, orderEntry, clock, listener, observer);
        this.acceptor = new ThreadedSocketAcceptor(application, new FileStoreFactory(settings), settings,
            new SLF4JLogFactory(settings), new DefaultMessageFactory());
        this.guard = new ConnectionGuard(defaultInt(settings, MAX_PENDING_BYTES, 1 << 20),
            defaultInt(settings, LOGON_WAIT_SECONDS, 10) * 1000L);
        this.logonGuard = new LogonGuard(application, new FailedLogons(
            defaultInt(settings, MAX_FAILED_LOGONS_PER_MINUTE, 10, 0, "0 (no limit) or more"), System::nanoTime));
        // the connection guard first in the chain: it sees the raw bytes before the codec (QuickFIX/J adds its
        // own filters first); the logon guard last, after the codec: it sees whole messages
        acceptor.setIoFilterChainBuilder(chain -> {
            chain.addFirst("exchange-connection-guard", guard);
            chain.addLast("exchange-logon-guard", logonGuard);
        });
        // The sender reads QuickFIX/J's stores on start, so the sessions must exist first.
        this.acceptor.start();
        for (final FixSession s : sessions.all()) {
            application.rememberWhereItLeft(s.sessionId()); // what is sent from now on waits for its Logon
            final Session session = Session.lookupSession(s.sessionId());
            if (session != null && s.role() == SessionRole.ORDER_ENTRY) {
                sender.writes().install(session); // a drop-copy session's are its own sender's to hold
            }
        }
        for (final IoAcceptor endpoint : acceptor.getEndpoints()) {
            endpoint.addListener(new ConnectionCounter(openConnections));
        }
        // A failure is tried again after a pause (the runner always tried again, but at once) rather than stopping
        // every broker's reports: the sender writes nothing to the journal, and reports that resume after a passing
        // fault (a full disk, a session's store) beat a restart. The pause and the counted log (AgentErrors) hold a
        // bug that fails every time to ten tries and one log line a second.
        final ErrorHandler errors = AgentErrors.of(LOG, "ExecutionReport sender");
        this.senderRunner = new AgentRunner(senderIdle, errors, null, sender);
        AgentRunner.startOnThread(senderRunner);
        sender.awaitStarted(ReportAgent.START_TIMEOUT);
        application.open();
        for (final FixSession s : sessions.all()) {
            LOG.info("FIX session {} ({}, firm {}, session number {}) accepting", s.sessionId(),
                s.role().name().toLowerCase(java.util.Locale.ROOT), s.firmName(), s.number());
        }
    }

    /**
     * Reads the sessions and starts accepting.
     *
     * @param settings    QuickFIX/J settings (acceptor, one section per session, plus the exchange's keys)
     * @param firms       the firm directory
     * @param instruments the instruments
     * @param commands    where orders go
     * @param events      the event log the reports come from
     * @param checks      pre-trade checks
     * @param dataDir     where the sender keeps its position
     * @param clock       wall clock
     * @param listener    told of logons and logouts
     * @return the running gateway
     * @throws IllegalArgumentException for a session setting that is wrong
     */
    public static FixGateway start(final SessionSettings settings, final FirmDirectory firms,
                                   final Instruments instruments, final CommandSink commands, final EventLog events,
                                   final PreTradeChecks checks, final Path dataDir, final EpochNanoClock clock,
                                   final ExchangeApplication.SessionListener listener) {
        return start(settings, firms, instruments, commands, events, checks, dataDir, clock, listener, FixObserver.NONE);
    }

    /**
     * As {@link #start(SessionSettings, FirmDirectory, Instruments, CommandSink, EventLog, PreTradeChecks, Path,
     * EpochNanoClock, ExchangeApplication.SessionListener)}, telling an observer of every message and of the
     * time each request and report takes (operators' counters and latency figures).
     */
    public static FixGateway start(final SessionSettings settings, final FirmDirectory firms,
                                   final Instruments instruments, final CommandSink commands, final EventLog events,
                                   final PreTradeChecks checks, final Path dataDir, final EpochNanoClock clock,
                                   final ExchangeApplication.SessionListener listener, final FixObserver observer) {
        return start(settings, firms, instruments, commands, events, checks, dataDir, clock, listener, observer,
            ZoneOffset.UTC);
    }

    /**
     * As {@link #start(SessionSettings, FirmDirectory, Instruments, CommandSink, EventLog, PreTradeChecks, Path,
     * EpochNanoClock, ExchangeApplication.SessionListener, FixObserver)}, on an exchange whose trading dates are
     * those of a time zone (the schedule's): an ExpireDate (432) is a date of that zone, the FIX "local market
     * date".
     */
    public static FixGateway start(final SessionSettings settings, final FirmDirectory firms,
                                   final Instruments instruments, final CommandSink commands, final EventLog events,
                                   final PreTradeChecks checks, final Path dataDir, final EpochNanoClock clock,
                                   final ExchangeApplication.SessionListener listener, final FixObserver observer,
                                   final ZoneId marketZone) {
        final FixSessions sessions = FixSessions.from(settings, firms);
        final OrderRegistry registry = new OrderRegistry();
        final OrderEntry orderEntry = new OrderEntry(commands, instruments, firms, registry, checks, sessions::send,
            marketZone);
        final ExecutionReportSender sender = new ExecutionReportSender(events, sessions, instruments, registry,
            new PositionStore(dataDir.resolve("positions"), "execution-reports", false),
            new PositionStore(dataDir.resolve("positions"), "execution-reports-day", false), checks.eventLogFeed(),
            observer, clock);
        try {
            // woken by the matching thread when it publishes, not only by its park timing out
            final IdleStrategy senderIdle = IdleStrategies.rung(events.doorbell(), 100, 10);
            return new FixGateway(settings, sessions, orderEntry, registry, sender, clock, listener, observer, senderIdle);
        } catch (final ConfigError e) {
            throw new IllegalArgumentException("FIX settings: " + e.getMessage(), e);
        }
    }

    /** @return the configured sessions */
    public FixSessions sessions() {
        return sessions;
    }

    /** @return the local addresses the acceptor listens on */
    public List<InetSocketAddress> addresses() {
        final List<InetSocketAddress> addresses = new ArrayList<>();
        for (final IoAcceptor io : acceptor.getEndpoints()) {
            for (final SocketAddress a : io.getLocalAddresses()) {
                addresses.add((InetSocketAddress) a);
            }
        }
        return addresses;
    }

    /**
     * @return TCP connections the acceptor holds, logged on or not; a closed one counts until QuickFIX/J
     *         has been told of its end (so, with {@link #queuedEvents()} at zero, until its session has
     *         seen the disconnect)
     */
    public int openConnections() {
        return openConnections.get();
    }

    /** @return messages and connection ends received that the sessions' threads have not handled yet */
    public int queuedEvents() {
        return acceptor.getQueueSize();
    }

    /** @return the ExecutionReport sender, for operators */
    public ExecutionReportSender sender() {
        return sender;
    }

    /** @return the order entry, for operators (cancel on disconnect, kill switch) */
    public OrderEntry orderEntry() {
        return orderEntry;
    }

    /** @return each session's ClOrdIDs of the day */
    public OrderRegistry registry() {
        return registry;
    }

    /** Logs every session out, stops accepting, then stops the sender. */
    @Override
    public void close() {
        sessions.forgetQuickFixSessions();
        acceptor.stop(false);
        guard.close();
        logonGuard.close();
        senderRunner.close();
        LOG.info("FIX gateway stopped; {} messages sent", sender.messagesSent());
    }

    /** Counts connections from their creation until MINA has finished with their close. */
    private static final class ConnectionCounter implements IoServiceListener {
        private final AtomicInteger open;

        ConnectionCounter(final AtomicInteger open) {
            this.open = open;
        }

        @Override
        public void sessionCreated(final IoSession session) {
            open.incrementAndGet();
        }

        @Override
        public void sessionDestroyed(final IoSession session) {
            open.decrementAndGet(); // after sessionClosed, which queued the end for QuickFIX/J
        }

        @Override
        public void sessionClosed(final IoSession session) {
        }

        @Override
        public void serviceActivated(final IoService service) {
        }

        @Override
        public void serviceIdle(final IoService service, final IdleStatus status) {
        }

        @Override
        public void serviceDeactivated(final IoService service) {
        }
    }
}
