package exchange.fix;

import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventType;
import exchange.risk.RiskGateway;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogConsumer;
import exchange.sequencer.EventLogReader;
import exchange.sequencer.PositionStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link RiskGateway} the event log from the start of the trading day, which it needs
 * because exposure lives in memory: the place just after the last DayEnded is kept in a position file,
 * {@link #catchUp()} reads from there to the end of the log before the FIX sessions open, and the
 * agent follows the log from then on.
 *
 * <p>One thread: {@link #catchUp()} on the starting thread, then an AgentRunner.
 */
public final class RiskFeed implements Agent, EventLogConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(RiskFeed.class);

    private final EventLogReader reader;
    private final PositionStore dayStart;
    private final RiskGateway gateway;
    private final EventDecoder decoder = new EventDecoder();
    private long events;
    private volatile long lastCommandSequence;

    /**
     * @param log      the event log
     * @param dayStart where the place after the last DayEnded is kept
     * @param gateway  the gateway to feed
     */
    public RiskFeed(final EventLog log, final PositionStore dayStart, final RiskGateway gateway) {
        this.reader = log.newReader();
        this.dayStart = dayStart;
        this.gateway = gateway;
        final PositionStore.Position day = dayStart.load();
        if (!day.isNone() && !reader.seekAfter(day.documentIndex(), day.commandSequence(), day.eventIndex())) {
            LOG.warn("Risk feed: the start of the trading day is not in the event log; reading it from its start");
        }
    }

    /** Reads the log to its end: the gateway then knows the day's exposure. */
    public void catchUp() {
        while (reader.poll(this, 1024) > 0) {
            // until the end
        }
        lastCommandSequence = reader.lastCommandSequence();
        LOG.info("Risk feed: exposure rebuilt from {} events of the trading day", events);
    }

    @Override
    public void onStart() {
        reader.handOver();
    }

    @Override
    public int doWork() {
        final int n = reader.poll(this, 256);
        if (n > 0) {
            lastCommandSequence = reader.lastCommandSequence();
        }
        return n;
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        events++;
        decoder.decode(buffer, offset, gateway);
        if ((buffer.getByte(offset + Event.TYPE_OFFSET) & 0xFF) == EventType.DAY_ENDED.code()) {
            dayStart.save(documentIndex, commandSequence, eventIndex);
        }
    }

    /** @return the command of the last event handed to the gateway (after a batch); any thread */
    public long lastCommandSequence() {
        return lastCommandSequence;
    }

    /** @return events handed to the gateway since start */
    public long events() {
        return events;
    }

    @Override
    public String roleName() {
        return "risk-feed";
    }

    @Override
    public void onClose() {
        reader.close();
        dayStart.close();
    }
}
