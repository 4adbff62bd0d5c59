package exchange.marketdata.service;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.PacketSink;
import exchange.marketdata.publisher.InlinePublisher;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.transport.RateLimitedLog;
import exchange.marketdata.translator.ItchTranslator;
import exchange.matching.Flyweight;
import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventType;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogConsumer;
import exchange.sequencer.EventLogReader;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The market-data thread: tails the event log, turns each event into ITCH messages, appends them to
 * the current session's market-data log and packs them into the session's packets, which leave at the
 * end of each batch; opens and closes sessions (one per trading day). See {@link MarketDataService}
 * for the exactly-once argument.
 *
 * <p>{@link #doWork()} reads up to {@value #DOCUMENTS_PER_WORK} event-log documents (a batch), unless
 * the packets of earlier batches still wait for the socket; when there is nothing to read it sends a
 * heartbeat once due. Per event it allocates nothing. Opening and closing a session (once a day) is cold: it creates files and sockets
 * and logs. A bug (an exception) stops the agent loudly; the failure is kept for
 * {@link MarketDataService#failure()}.
 */
final class MarketDataAgent implements Agent, EventLogConsumer {
    static final String RESUME_FILE = "market-data.resume";
    static final int DOCUMENTS_PER_WORK = 16;
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataAgent.class);

    /** Opens a session's market-data log: a {@link ChronicleMessageStore}, but for crash tests. */
    @FunctionalInterface
    interface StoreFactory {
        MessageStore open(Path directory);
    }

    private final MarketDataConfig config;
    private final StoreFactory stores;
    private final ZoneId zone;
    private final Path resumeFile;
    private final PacketSink sentPackets;
    private final EventLogReader reader;
    private final EventDecoder decoder = new EventDecoder();
    private final ItchTranslator translator;
    private final RateLimitedLog unpublishedLog = new RateLimitedLog(LOG, TimeUnit.SECONDS.toNanos(10));

    private SessionLog sessionLog;
    private volatile MessageStore store;
    private volatile InlinePublisher publisher;
    private volatile String session;
    private String lastSession;
    private long documentIndex;
    private long commandSequence;
    private int eventIndex;
    private volatile long lastCommandSequence;
    private volatile int lastEventIndex;
    private long unpublishedSeen;
    private volatile Throwable failure;

    MarketDataAgent(final MarketDataConfig config, final EventLog eventLog, final List<Instrument> instruments,
        final int orderCapacity, final ZoneId zone, final PacketSink sentPackets, final StoreFactory stores)
        throws InterruptedException {
        this.config = config;
        this.stores = stores;
        this.zone = zone;
        this.sentPackets = sentPackets;
        this.resumeFile = config.storeDir().resolve(RESUME_FILE);
        this.translator = new ItchTranslator(instruments, orderCapacity,
            (buffer, offset, length) -> sessionLog.onMessage(buffer, offset, length));
        final ResumePoint resume = ResumePoint.load(resumeFile);
        resume.phases().forEach((id, phase) -> {
            if (instruments.stream().anyMatch(i -> i.id() == id)) {
                translator.phase(id, phase);
            }
        });
        this.reader = eventLog.newReader();
        if (resume.hasPosition()
            && !reader.seekAfter(resume.documentIndex(), resume.commandSequence(), resume.eventIndex())) {
            reader.close();
            throw new IllegalStateException("market data resumes after event-log document "
                + Long.toHexString(resume.documentIndex()) + ", which is not in " + eventLog.dir()
                + "; " + resumeFile + " belongs to another event log");
        }
        documentIndex = resume.documentIndex();
        commandSequence = resume.commandSequence();
        eventIndex = resume.eventIndex();
        lastCommandSequence = resume.commandSequence();
        lastEventIndex = resume.eventIndex();
        lastSession = resume.lastSession();
        if (lastSession != null) {
            // Serve the last complete session again until the next one starts: subscribers may still
            // be recovering its end, and they wait for its end-of-session packet.
            openPublisher(lastSession);
            publisher.endSession();
        }
        LOG.info("market data resumes after command {} (event {}); last complete session {}", commandSequence,
            eventIndex, lastSession == null ? "none" : lastSession);
    }

    @Override
    public void onStart() {
        reader.handOver();
    }

    @Override
    public int doWork() {
        try {
            final InlinePublisher current = publisher;
            if (current != null && !current.hasRoomForABatch()) {
                return 0; // the network is behind: read no more until it has caught up
            }
            final int events = reader.poll(this, DOCUMENTS_PER_WORK);
            if (events > 0) {
                if (sessionLog != null) {
                    sessionLog.commit();
                }
                if (publisher != null) { // none before a new exchange's first event that opens a session
                    publisher.endOfBatch();
                }
                lastEventIndex = eventIndex;
                lastCommandSequence = commandSequence; // volatile, written last: the batch is done
                reportUnpublished();
            } else if (current != null) {
                current.idle();
            }
            return events;
        } catch (final RuntimeException | Error e) {
            failure = e;
            LOG.error("market data stopped after command {} (event {})", commandSequence, eventIndex, e);
            throw new AgentTerminationException(e);
        }
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
        final MutableDirectBuffer buffer, final int offset, final int length) {
        final boolean inSession = translator.isSessionOpen() || opensSession(Flyweight.typeCodeAt(buffer, offset));
        if (!translator.isSessionOpen() && inSession) {
            openSession(buffer.getLong(offset + Event.TIMESTAMP_OFFSET));
        }
        decoder.decode(buffer, offset, translator);
        this.documentIndex = documentIndex;
        this.commandSequence = commandSequence;
        this.eventIndex = eventIndex;
        if (inSession && !translator.isSessionOpen()) {
            endSession();
        }
    }

    /**
     * Whether an event that comes while no session is open starts one. Those that never publish
     * anything do not: a reject, a cancel reject or a status answer between one trading day's end and
     * the next day's first book or phase change would otherwise open a session named after the old date,
     * and the next day's messages would go out in it, stamped more than 24 hours after its midnight.
     */
    private static boolean opensSession(final int eventTypeCode) {
        final EventType type = EventType.fromCode(eventTypeCode);
        if (type == null) {
            return true; // the decoder refuses it, loudly
        }
        return switch (type) {
            case ACCEPTED, REJECTED, CANCEL_REJECTED, STATUS, MASS_CANCELLED, TRIGGERED, KILL_SWITCH_CHANGED,
                DAY_ENDED -> false;
            default -> true;
        };
    }

    /** Opens the session of the trading day of {@code timestampNs}, resuming its log if it has one. */
    private void openSession(final long timestampNs) {
        final int date = SessionNames.tradingDate(timestampNs, zone);
        final int index = lastSession != null && SessionNames.tradingDate(lastSession) == date
            ? SessionNames.indexInDay(lastSession) + 1 : 0;
        final String name = SessionNames.name(date, config.shard(), index);
        closePublisher();
        openPublisher(name);
        sessionLog = new SessionLog(name, store, publisher);
        translator.startSession(SessionNames.midnightEpochNs(date, zone), timestampNs);
        LOG.info("session {} opened for trading date {}{}", name, date,
            sessionLog.recovered() == 0 ? "" : "; " + sessionLog.recovered() + " messages already in its log are regenerated and checked");
    }

    /** The session's DayEnded went through: its last message is in the log, so it is complete. */
    private void endSession() {
        sessionLog.commit(); // every message of the session in the log before the resume point moves on
        publisher.endSession();
        final Map<Integer, TradingPhase> phases = new TreeMap<>();
        for (final int id : translator.instrumentIds()) {
            phases.put(id, translator.phase(id));
        }
        new ResumePoint(documentIndex, commandSequence, eventIndex, session, phases).save(resumeFile);
        lastSession = session;
        LOG.info("session {} complete: {} messages", session, store.lastSequence());
        sessionLog.close();
        sessionLog = null;
    }

    private void openPublisher(final String name) {
        final MessageStore opened = stores.open(config.storeDir().resolve(name));
        try {
            publisher = InlinePublisher.start(config.with(MarketDataConfig.SESSION, name), opened, sentPackets);
        } catch (final InterruptedException e) {
            opened.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the publisher of session " + name, e);
        } catch (final RuntimeException e) {
            opened.close();
            throw e;
        }
        store = opened;
        session = name;
    }

    /**
     * Stops the previous session's publisher: its end of session went out when its DayEnded did, and
     * closing sends what is still queued. A subscriber still recovering that session finds no
     * re-request server from now on.
     */
    private void closePublisher() {
        if (publisher == null) {
            return;
        }
        publisher.close();
        store.close();
        publisher = null;
    }

    private void reportUnpublished() {
        final long unpublished = translator.unpublishedOrders() + translator.unpublishedPrints();
        if (unpublished != unpublishedSeen) {
            unpublishedSeen = unpublished;
            unpublishedLog.warn("{} orders and {} prints not published: a price or share count does not fit ITCH "
                + "(Price(4) up to 429,496.7295, shares up to 4,294,967,295)", translator.unpublishedOrders(),
                translator.unpublishedPrints());
        }
    }

    /** The current (or last) session's name; null before the first. Any thread. */
    String session() {
        return session;
    }

    /** The current (or last) session's market-data log; null before the first. Any thread. */
    MessageStore store() {
        return store;
    }

    /** The current (or last) session's publisher. Any thread, for tests and tools. */
    InlinePublisher publisher() {
        return publisher;
    }

    /** Command sequence of the last event translated (published after each batch). Any thread. */
    long lastCommandSequence() {
        return lastCommandSequence;
    }

    /** Index within its command of the last event translated; read after {@link #lastCommandSequence()}. */
    int lastEventIndex() {
        return lastEventIndex;
    }

    Throwable failure() {
        return failure;
    }

    ItchTranslator translator() {
        return translator;
    }

    @Override
    public void onClose() {
        if (sessionLog != null) {
            if (failure == null) {
                sessionLog.commit();
            }
            sessionLog.close();
        }
        if (publisher != null) {
            publisher.close();
            store.close();
        }
        reader.close();
    }

    @Override
    public String roleName() {
        return "md-translator";
    }
}
