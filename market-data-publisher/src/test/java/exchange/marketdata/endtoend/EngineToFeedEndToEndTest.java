package exchange.marketdata.endtoend;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.book.IndicativeAuction;
import exchange.marketdata.book.OrderBook;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.service.MarketDataService;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.store.MessageStoreReader;
import exchange.marketdata.subscriber.FeedSubscriber;
import exchange.marketdata.subscriber.PacketDropPolicy;
import exchange.sequencer.Await;
import exchange.marketdata.testing.EngineBooks;
import exchange.marketdata.testing.ItchText;
import exchange.marketdata.testing.Network;
import exchange.marketdata.testing.RecordingFeed;
import exchange.marketdata.testing.SequencerFixture;
import exchange.marketdata.translator.TradingStates;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.AuctionUncrossedEvent;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
import exchange.matching.testing.CommandStream;
import exchange.sequencer.EventLog;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders in, books out, over real multicast on the loopback interface: random order flow goes through
 * a real sequencer (journal, matching thread, event log); the market-data service translates the event
 * log into the ITCH feed; subscribers rebuild the books. Each subscriber must deliver exactly the
 * messages of the market-data log, in sequence, and end with the engine's books (every level, every
 * displayed order in queue order, compared with an engine that replays the journal), whether packets
 * are lost, a subscriber joins late, or the service restarts in the middle. The day then ends and the
 * session with it.
 */
@Timeout(180)
class EngineToFeedEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SESSION = "261127S01A";

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private SequencerFixture exchange;
    private MarketDataConfig config;
    private MarketDataService service;
    private List<byte[]> orderFlow;

    @BeforeEach
    void startTheExchange() throws Exception {
        exchange = SequencerFixture.start(folder.resolve("exchange"));
        config = Network.loopbackFeed("UNUSED")
            .with(MarketDataConfig.STORE_DIR, folder.resolve("market-data").toString())
            .with(MarketDataConfig.REREQUEST_ADDRESS, "127.0.0.1:" + Network.freeUdpPort());
        orderFlow = SequencerFixture.withoutEndsOfDay(CommandStream.generate(20_261_127L, 4_000));
        service = startService();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (service != null) {
            service.close();
        }
        exchange.close();
    }

    @Test
    void subscriberShouldRebuildTheEnginesBooksMessageForMessage() throws Exception {
        final RecordingFeed feed = new RecordingFeed();
        final FeedSubscriber subscriber = subscribe(feed, PacketDropPolicy.NONE);

        exchange.append(orderFlow);

        awaitDelivered(subscriber);
        assertBooksAreTheEngines(subscriber, feed);
        assertAuctionsAreTheEngines(subscriber, feed);
        endTheDay(subscriber, feed);
    }

    @Test
    void subscriberLosingEveryFiftiethPacketShouldRecoverThroughTheRerequestServer() throws Exception {
        service.close();
        config = config.with(MarketDataConfig.MAX_PACKET_BYTES, "256"); // more packets, so more are lost
        service = startService();
        final RecordingFeed feed = new RecordingFeed();
        final FeedSubscriber subscriber = subscribe(feed, PacketDropPolicy.everyNth(50));

        exchange.append(orderFlow);

        awaitDelivered(subscriber);
        assertBooksAreTheEngines(subscriber, feed);
        endTheDay(subscriber, feed);
        assertThat(subscriber.droppedPackets()).as("packets dropped on purpose").isGreaterThanOrEqualTo(5);
        assertThat(subscriber.onSubscriberThread(() -> subscriber.receiver().requestsSent(), 10_000)).isPositive();
    }

    @Test
    void lateJoinerShouldCatchUpFromSequenceOne() throws Exception {
        final RecordingFeed early = new RecordingFeed();
        final FeedSubscriber earlySubscriber = subscribe(early, PacketDropPolicy.NONE);
        exchange.append(orderFlow.subList(0, orderFlow.size() / 2));
        awaitDelivered(earlySubscriber);

        final RecordingFeed late = new RecordingFeed();
        final FeedSubscriber lateSubscriber = subscribe(late, PacketDropPolicy.NONE);
        exchange.append(orderFlow.subList(orderFlow.size() / 2, orderFlow.size()));

        awaitDelivered(earlySubscriber);
        awaitDelivered(lateSubscriber);
        assertBooksAreTheEngines(earlySubscriber, early);
        assertBooksAreTheEngines(lateSubscriber, late);
        assertThat(lateSubscriber.onSubscriberThread(() -> lateSubscriber.receiver().requestsSent(), 10_000))
            .as("the late joiner asked for what it missed").isPositive();
        endTheDay(lateSubscriber, late);
    }

    @Test
    void restartOfTheServiceInTheMiddleShouldNeitherLoseNorRepeatAMessage() throws Exception {
        final RecordingFeed feed = new RecordingFeed();
        final FeedSubscriber subscriber = subscribe(feed, PacketDropPolicy.NONE);
        final int third = orderFlow.size() / 3;
        exchange.append(orderFlow.subList(0, third));
        exchange.append(orderFlow.subList(third, 2 * third)); // the service may be anywhere in it when it stops
        service.close();
        final long publishedBeforeStop = lastSequenceOf(SESSION);
        exchange.append(orderFlow.subList(2 * third, orderFlow.size())); // while market data is down

        service = startService();

        awaitDelivered(subscriber);
        assertThat(service.lastSequence()).isGreaterThan(publishedBeforeStop);
        assertBooksAreTheEngines(subscriber, feed);
        endTheDay(subscriber, feed);
    }

    private MarketDataService startService() throws Exception {
        return MarketDataService.start(config, exchange.eventLog(), SequencerFixture.INSTRUMENTS,
            SequencerFixture.ORDER_CAPACITY, ZoneOffset.UTC);
    }

    private FeedSubscriber subscribe(final RecordingFeed feed, final PacketDropPolicy dropPolicy) throws Exception {
        final FeedSubscriber subscriber = FeedSubscriber.start(config, MoldSession.of(SESSION), feed, dropPolicy);
        toClose.add(subscriber);
        return subscriber;
    }

    /** Waits until the service has translated the whole event log and the subscriber delivered all of it. */
    private void awaitDelivered(final FeedSubscriber subscriber) {
        final EventLog.End end = exchange.eventLog().lastEntry();
        Await.until(() -> service.isCaughtUpWith(end) || service.failure() != null, PATIENCE,
            () -> "the service to translate up to command " + end.commandSequence());
        assertThat(service.failure()).isNull();
        final long last = service.lastSequence();
        Await.until(() -> subscriber.deliveredUpTo() >= last, PATIENCE,
            () -> "the subscriber to deliver up to " + last + "; it is at " + subscriber.deliveredUpTo());
    }

    private void assertBooksAreTheEngines(final FeedSubscriber subscriber, final RecordingFeed feed) {
        final MatchingEngine engine = exchange.referenceEngine();
        final Map<String, List<String>> expected = new TreeMap<>();
        for (final Instrument instrument : SequencerFixture.INSTRUMENTS) {
            expected.put(instrument.symbol(), EngineBooks.ofEngine(engine, instrument.id()));
        }
        final Map<String, List<String>> rebuilt = subscriber.onSubscriberThread(() -> {
            final Map<String, List<String>> books = new TreeMap<>();
            for (final Instrument instrument : SequencerFixture.INSTRUMENTS) {
                books.put(instrument.symbol(), EngineBooks.ofFeed(feed.books(), instrument.id()));
            }
            return books;
        }, 10_000);
        assertThat(rebuilt).isEqualTo(expected);
        assertThat(expected.values().stream().mapToInt(List::size).sum()).as("books worth comparing").isGreaterThan(5);
        assertThat(subscriber.onSubscriberThread(() -> feed.books().unknownOrderMessages(), 10_000)).isZero();
    }

    /**
     * The random flow's call phases (pre-open, pre-close, volatility auctions) and their uncrossings: each
     * subscriber book holds the engine's last indicative auction and last cross of its instrument.
     */
    private void assertAuctionsAreTheEngines(final FeedSubscriber subscriber, final RecordingFeed feed) {
        final Map<String, String> expected = new TreeMap<>();
        final EventDecoder decoder = new EventDecoder();
        final EventHandler auctions = new EventHandler() {
            @Override
            public void onAuctionIndicative(final AuctionIndicativeEvent e) {
                final String symbol = SequencerFixture.INSTRUMENTS.get(e.instrumentId() - 1).symbol();
                expected.merge(symbol, auction(e.price(), e.pairedQty(), e.imbalanceQty(),
                    TradingStates.crossType(e.phase())) + " | no cross", (old, now) -> now.split(" \\| ")[0]
                    + " | " + old.split(" \\| ")[1]);
            }

            @Override
            public void onAuctionUncrossed(final AuctionUncrossedEvent e) {
                final String symbol = SequencerFixture.INSTRUMENTS.get(e.instrumentId() - 1).symbol();
                final String cross = cross(e.quantity(), e.price(), e.matchId(), TradingStates.crossType(e.phase()));
                expected.merge(symbol, "no auction | " + cross, (old, now) -> old.split(" \\| ")[0] + " | " + cross);
            }
        };
        exchange.referenceEngine((buffer, offset, length) -> decoder.decode(buffer, offset, auctions));
        final Map<String, String> seen = subscriber.onSubscriberThread(() -> {
            final Map<String, String> books = new TreeMap<>();
            for (final OrderBook book : feed.books().books()) {
                final IndicativeAuction a = book.indicative();
                if (a.present() || book.lastCrossPrice() != OrderBook.NO_TRADE) {
                    books.put(book.stock(), (a.present()
                        ? auction(a.currentReferencePrice(), a.pairedShares(), a.imbalanceShares(), a.crossType())
                        : "no auction") + " | " + (book.lastCrossPrice() == OrderBook.NO_TRADE ? "no cross"
                        : cross(book.lastCrossShares(), book.lastCrossPrice(), book.lastCrossMatchNumber(),
                            book.lastCrossType())));
                }
            }
            return books;
        }, 10_000);
        assertThat(seen).isEqualTo(expected);
        assertThat(expected.values()).as("auctions and crosses worth comparing")
            .anyMatch(v -> !v.startsWith("no auction") && !v.endsWith("no cross"));
    }

    private static String auction(final long price, final long paired, final long imbalance, final char crossType) {
        return "auction " + paired + "+" + imbalance + "@" + price + " " + crossType;
    }

    private static String cross(final long shares, final long price, final long match, final char crossType) {
        return "cross " + shares + "@" + price + " match=" + match + " " + crossType;
    }

    /**
     * Ends the trading day: the session ends once the subscriber has every message, which are exactly
     * those of the market-data log, in order; the books are empty.
     */
    private void endTheDay(final FeedSubscriber subscriber, final RecordingFeed feed) throws Exception {
        exchange.endOfDay();
        Await.until(subscriber::isComplete, PATIENCE, () -> "the end of session; the subscriber delivered up to "
            + subscriber.deliveredUpTo() + " of " + service.lastSequence());
        service.close();
        service = null;
        final List<byte[]> published = messagesOf(SESSION);
        final List<byte[]> received = subscriber.onSubscriberThread(feed::messages, 10_000);
        assertThat(received).hasSameSizeAs(published);
        for (int i = 0; i < published.size(); i++) {
            assertThat(received.get(i)).as("message %d", i + 1).isEqualTo(published.get(i));
        }
        assertThat(subscriber.onSubscriberThread(feed::outOfSequence, 10_000)).isZero();
        assertThat(ItchText.of(received.subList(received.size() - 2, received.size()))).containsExactly("S E", "S C");
        assertThat(subscriber.onSubscriberThread(() -> feed.books().orderCount(), 10_000)).isZero();
    }

    private long lastSequenceOf(final String session) {
        try (MessageStore store = new ChronicleMessageStore(folder.resolve("market-data").resolve(session))) {
            return store.lastSequence();
        }
    }

    private List<byte[]> messagesOf(final String session) {
        final List<byte[]> messages = new ArrayList<>();
        try (MessageStore store = new ChronicleMessageStore(folder.resolve("market-data").resolve(session));
             MessageStoreReader reader = store.newReader()) {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[store.maxMessageLength()]);
            for (long sequence = 1; sequence <= store.lastSequence(); sequence++) {
                final byte[] message = new byte[reader.read(sequence, buffer, 0)];
                buffer.getBytes(0, message);
                messages.add(message);
            }
        }
        return messages;
    }
}
