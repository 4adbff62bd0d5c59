package exchange.marketdata.endtoend;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.book.OrderBookBuilder;
import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.publisher.MarketDataPublisher;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.subscriber.FeedSubscriber;
import exchange.marketdata.subscriber.PacketDropPolicy;
import exchange.sequencer.Await;
import exchange.marketdata.testing.Network;
import exchange.marketdata.testing.RecordingFeed;
import exchange.marketdata.testing.SyntheticFeed;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole feed over real UDP multicast on the loopback interface: a publisher tails a Chronicle
 * market-data log fed with a deterministic synthetic ITCH stream; subscribers must deliver every
 * message, byte for byte and in sequence, and rebuild the same books as a builder fed the stream
 * directly, even when packets are lost and when they join late.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FeedEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int EVENTS = 20_000;

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private MessageStore store;
    private MarketDataPublisher publisher;
    private MarketDataConfig subscriberConfig;
    private List<byte[]> stream;
    private String expectedBooks;

    @BeforeEach
    void startPublisher() throws Exception {
        stream = SyntheticFeed.generate(20_260_101L, EVENTS);
        expectedBooks = booksBuiltDirectlyFrom(stream);
        final MarketDataConfig config = Network.loopbackFeed("E2E" + (System.nanoTime() % 10_000_000));
        store = closeLater(new ChronicleMessageStore(folder.resolve("md-log")));
        publisher = closeLater(MarketDataPublisher.start(config, store));
        subscriberConfig = config.with(
            MarketDataConfig.REREQUEST_ADDRESS, "127.0.0.1:" + publisher.rerequestAddress().getPort());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void subscriberShouldRebuildTheSameBooksMessageForMessage() throws Exception {
        final RecordingFeed feed = new RecordingFeed();
        final FeedSubscriber subscriber = subscribe(feed, PacketDropPolicy.NONE);

        publish(0, stream.size());
        publisher.endSession();

        awaitComplete(subscriber);
        assertReceivedEverything(subscriber, feed);
    }

    @Test
    void subscriberShouldRecoverEveryFiftiethPacketLostThroughTheRerequestServer() throws Exception {
        final RecordingFeed feed = new RecordingFeed();
        final FeedSubscriber subscriber = subscribe(feed, PacketDropPolicy.everyNth(50));

        publish(0, stream.size());
        publisher.endSession();

        awaitComplete(subscriber);
        assertReceivedEverything(subscriber, feed);
        assertThat(subscriber.droppedPackets()).as("packets dropped by the test hook").isGreaterThanOrEqualTo(5);
        assertThat(subscriber.onSubscriberThread(() -> subscriber.receiver().requestsSent(), 10_000)).isPositive();
        assertThat(publisher.rerequestServer().responder().requestsServed()).isPositive();
    }

    @Test
    void lateJoinerShouldCatchUpFromSequenceOne() throws Exception {
        final RecordingFeed early = new RecordingFeed();
        final FeedSubscriber earlySubscriber = subscribe(early, PacketDropPolicy.NONE);
        final int half = stream.size() / 2;
        publish(0, half);
        Await.until(() -> earlySubscriber.deliveredUpTo() == half, PATIENCE,
            () -> "the early subscriber to deliver " + half + " messages, it has " + earlySubscriber.deliveredUpTo());

        final RecordingFeed late = new RecordingFeed();
        final FeedSubscriber lateSubscriber = subscribe(late, PacketDropPolicy.NONE);
        publish(half, stream.size());
        publisher.endSession();

        awaitComplete(earlySubscriber);
        awaitComplete(lateSubscriber);
        assertReceivedEverything(earlySubscriber, early);
        assertReceivedEverything(lateSubscriber, late);
        assertThat(lateSubscriber.onSubscriberThread(() -> lateSubscriber.receiver().requestsSent(), 10_000))
            .as("the late joiner asked for what it missed").isPositive();
    }

    private FeedSubscriber subscribe(final RecordingFeed feed, final PacketDropPolicy dropPolicy) throws Exception {
        return closeLater(FeedSubscriber.start(subscriberConfig, subscriberConfig.session(), feed, dropPolicy));
    }

    /** The producer: appends to the log, as the translator will; never waits for the network. */
    private void publish(final int from, final int to) {
        for (int i = from; i < to; i++) {
            final byte[] message = stream.get(i);
            assertThat(store.append(new UnsafeBuffer(message), 0, message.length)).isEqualTo(i + 1);
        }
    }

    private void awaitComplete(final FeedSubscriber subscriber) {
        Await.until(subscriber::isComplete, PATIENCE, () -> "the subscriber to receive all " + stream.size() +
            " messages and the end of session; it delivered up to " + subscriber.deliveredUpTo() +
            (subscriber.isEndOfSessionSeen() ? " and saw the end of session" : " and saw no end of session"));
    }

    private void assertReceivedEverything(final FeedSubscriber subscriber, final RecordingFeed feed) {
        final List<byte[]> received = subscriber.onSubscriberThread(feed::messages, 10_000);
        assertThat(received).hasSameSizeAs(stream);
        for (int i = 0; i < stream.size(); i++) {
            assertThat(received.get(i)).as("message %d", i + 1).isEqualTo(stream.get(i));
        }
        assertThat(subscriber.onSubscriberThread(feed::outOfSequence, 10_000)).isZero();
        assertThat(subscriber.onSubscriberThread(() -> feed.books().describe(), 10_000)).isEqualTo(expectedBooks);
    }

    private static String booksBuiltDirectlyFrom(final List<byte[]> messages) {
        final OrderBookBuilder books = new OrderBookBuilder();
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(books);
        for (final byte[] message : messages) {
            dispatcher.dispatch(new UnsafeBuffer(message), 0, message.length);
        }
        assertThat(books.orderCount()).as("a book worth comparing").isGreaterThan(100);
        assertThat(books.books()).allSatisfy(book -> assertThat(book.tradeCount()).isPositive());
        return books.describe();
    }

    private <T extends AutoCloseable> T closeLater(final T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
