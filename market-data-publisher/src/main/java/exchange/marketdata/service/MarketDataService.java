package exchange.marketdata.service;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.PacketSink;
import exchange.marketdata.publisher.InlinePublisher;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.translator.ItchTranslator;
import exchange.matching.Instrument;
import exchange.sequencer.AgentErrors;
import exchange.sequencer.EventLog;
import org.agrona.concurrent.AgentRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.List;

/**
 * Market data as an event-log consumer: engine events in, the ITCH 5.0 / MoldUDP64 feed out.
 *
 * <pre>
 *   matching thread --> event log --> md-translator thread ------------------> Netty event loop --> multicast
 *   (never waits)       (Chronicle)   ItchTranslator, then per message:       (one task per batch
 *                                     append to the market-data log            of packets: the send
 *                                     (Chronicle, one per session) and         system calls)
 *                                     pack into MoldUDP64 packets
 *                                                         market-data log --> re-request server (unicast)
 * </pre>
 *
 * <p><b>Coupling.</b> The engine only appends to its event log, which market data reads at its own
 * pace: the book never waits for market data. Market data itself is one thread that translates,
 * stores and packs, and hands each batch of packets to Netty's event loop in one task, so its cost is
 * one core at most however fast the engine runs (measured in {@code bin/bench marketdata}). Nothing
 * reads the market-data log back but the re-request server. When the socket falls behind, the thread
 * stops reading the event log until it catches up.
 *
 * <p><b>Sessions.</b> One MoldUDP64 session per trading day, named by {@link SessionNames} from the
 * trading date (of the session's first event, in the schedule's time zone), the shard and the
 * session's letter within the day, each in its own market-data log {@code <storeDir>/<session>}. The
 * first event after a DayEnded opens the next session. A session's publisher stays up, repeating its
 * end of session, until the next session starts.
 *
 * <p><b>Exactly once across restarts.</b> The translator's state (the orders shown and their
 * references, the phases) depends on everything since the session started, so resuming from "the last
 * event translated" would also need that state. Instead a session is always regenerated from its first
 * event, and the market-data log is the position:
 * <ul>
 *   <li>{@code <storeDir>/market-data.resume} ({@link ResumePoint}) holds the event-log position of the
 *   last complete session's DayEnded, the phases it left and its name. It is written after that
 *   session's last message is in its log, and at no other time.</li>
 *   <li>On start the service reads the event log from just after that point. The first event reopens
 *   the session it belongs to; if the session's log already holds {@code n} messages, the first
 *   {@code n} messages the translator produces are compared with them instead of appended
 *   ({@link SessionLog}), and appending resumes at message {@code n + 1}.</li>
 * </ul>
 * A crash at any instant, even between two messages of one event, leaves a log holding a prefix of
 * the session; the next start regenerates that prefix, checks it and appends the rest: no message is
 * lost and none is written twice. A crash after a session's last message but before the resume point
 * is saved regenerates the whole session, appends nothing, and saves the point. The cost is a replay of
 * the current day's events at start (the translator runs at millions of events a second).
 *
 * <p>Subscribers that missed packets while the service was down recover them from the re-request server
 * as after any loss: the sender resumes after the last message in the log.
 */
public final class MarketDataService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataService.class);

    private final MarketDataAgent agent;
    private final AgentRunner runner;

    private MarketDataService(final MarketDataAgent agent, final AgentRunner runner) {
        this.agent = agent;
        this.runner = runner;
    }

    /**
     * Starts the translator thread on an event log.
     *
     * @param config        market-data settings (the session setting is replaced by each day's name)
     * @param eventLog      the sequencer's outbound event log
     * @param instruments   the shard's instruments, as the engine has them
     * @param orderCapacity the engine's order capacity: most orders the feed may show at once
     * @param zone          the trading schedule's time zone: trading dates and ITCH timestamps
     * @throws InterruptedException if interrupted while starting a publisher
     */
    public static MarketDataService start(final MarketDataConfig config, final EventLog eventLog,
        final List<Instrument> instruments, final int orderCapacity, final ZoneId zone) throws InterruptedException {
        return start(config, eventLog, instruments, orderCapacity, zone, null);
    }

    /**
     * As {@link #start(MarketDataConfig, EventLog, List, int, ZoneId)}, showing every downstream packet
     * to {@code sentPackets} as it is written to the socket, on the socket's event loop (see
     * {@link InlinePublisher#start(MarketDataConfig, MessageStore, PacketSink)}): for benchmarks.
     */
    public static MarketDataService start(final MarketDataConfig config, final EventLog eventLog,
        final List<Instrument> instruments, final int orderCapacity, final ZoneId zone, final PacketSink sentPackets)
        throws InterruptedException {
        return start(config, eventLog, instruments, orderCapacity, zone, sentPackets, ChronicleMessageStore::new);
    }

    static MarketDataService start(final MarketDataConfig config, final EventLog eventLog,
        final List<Instrument> instruments, final int orderCapacity, final ZoneId zone, final PacketSink sentPackets,
        final MarketDataAgent.StoreFactory stores) throws InterruptedException {
        LOG.info("starting market data on {} ({} instruments, time zone {}); {}", eventLog.dir(), instruments.size(),
            zone, config.describe());
        final MarketDataAgent agent = new MarketDataAgent(config, eventLog, instruments, orderCapacity, zone, sentPackets, stores);
        // The translator stops itself at a bug, having logged it (MarketDataAgent): the handler says once it stopped.
        final AgentRunner runner = new AgentRunner(config.newTranslatorIdleStrategy(eventLog.doorbell()),
            AgentErrors.of(LOG, "market-data translator"), null, agent);
        AgentRunner.startOnThread(runner);
        return new MarketDataService(agent, runner);
    }

    /** The current session's name (or the last one's, between sessions); null before the first. */
    public String session() {
        return agent.session();
    }

    /** Sequence number of the last message in the current session's log, 0 before the first. */
    public long lastSequence() {
        final MessageStore store = agent.store();
        return store == null ? MessageStore.NULL_SEQUENCE : store.lastSequence();
    }

    /** Sequence number of the last message of the current session handed to the socket's event loop. */
    public long sentUpTo() {
        final InlinePublisher publisher = agent.publisher();
        return publisher == null ? MessageStore.NULL_SEQUENCE : publisher.sentUpTo();
    }

    /** Command sequence of the last event translated: caught up when it equals the sequencer's. */
    public long lastCommandSequence() {
        return agent.lastCommandSequence();
    }

    /**
     * Whether every event up to the end of the event log as it is now has been translated (its messages
     * are in the market-data log).
     */
    public boolean isCaughtUpWith(final EventLog.End end) {
        final long command = agent.lastCommandSequence();
        return command > end.commandSequence()
            || (command == end.commandSequence() && agent.lastEventIndex() >= end.nextEventIndex() - 1);
    }

    /** Where the current session's re-request server listens; null before the first session. */
    public InetSocketAddress rerequestAddress() {
        final InlinePublisher publisher = agent.publisher();
        return publisher == null ? null : publisher.rerequestAddress();
    }

    /** The failure that stopped the translator thread, or null while it runs. */
    public Throwable failure() {
        return agent.failure();
    }

    /** The translator, for its counters; read them knowing the translator thread updates them. */
    public ItchTranslator translator() {
        return agent.translator();
    }

    /** Stops the translator thread (after the event it is on), then the publisher; the logs stay. */
    @Override
    public void close() {
        runner.close();
    }
}
