package exchange.marketdata.publisher;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.moldudp64.DownstreamPacketDecoder;
import exchange.marketdata.store.InMemoryMessageStore;
import exchange.sequencer.Await;
import exchange.marketdata.testing.Network;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher the market-data service drives, over real UDP on loopback, step by step as the
 * service's thread does: {@link InlinePublisher#send} per message, {@link InlinePublisher#endOfBatch()}
 * per batch of event-log documents, {@link InlinePublisher#idle()} when there is nothing to read.
 */
@Timeout(30)
class InlinePublisherTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** "first+count" per packet, "hb:next" per heartbeat, "eos:next" per end of session, as they leave. */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private void record(final org.agrona.DirectBuffer buffer, final int offset, final int length) {
        final DownstreamPacketDecoder packet = new DownstreamPacketDecoder().wrap(buffer, offset, length);
        sent.add(packet.isHeartbeat() ? "hb:" + packet.sequenceNumber()
            : packet.isEndOfSession() ? "eos:" + packet.sequenceNumber()
            : packet.sequenceNumber() + "+" + packet.messageCount());
    }

    /**
     * Events that publish nothing (rejects, IOC orders that never rest, status requests, a restart's
     * replay of messages the log already holds) keep the service's thread busy without a message to
     * send: the feed is idle all the same, and MoldUDP64 subscribers expect a heartbeat after each
     * heartbeat interval without a packet, or they take the feed for dead.
     */
    @Test
    void shouldHeartbeatWhileBatchesPublishNothing() throws Exception {
        final MarketDataConfig config = Network.loopbackFeed("INLINETEST"); // heartbeats every 50 ms
        final InMemoryMessageStore store = new InMemoryMessageStore();
        try (InlinePublisher publisher = InlinePublisher.start(config, store, this::record)) {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[12]);
            store.append(message, 0, message.capacity());
            publisher.send(message, 0, message.capacity());
            publisher.endOfBatch();
            Await.until(() -> sent.contains("1+1"), PATIENCE, () -> "the first packet, sent " + sent);

            Await.until(() -> {
                publisher.endOfBatch(); // one more batch of events with nothing to publish
                return sent.contains("hb:2");
            }, PATIENCE, () -> "a heartbeat while the batches publish nothing, sent " + sent);
        }
    }
}
