package exchange.server;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.marketdata.book.OrderBook;
import exchange.marketdata.book.OrderBookBuilder;
import exchange.marketdata.subscriber.FeedSubscriber;
import exchange.marketdata.subscriber.ItchSequencedDispatcher;
import exchange.marketdata.subscriber.PacketDropPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole exchange with its feed: orders over FIX, the ITCH feed over real multicast on loopback,
 * and a subscriber that rebuilds the book (the library behind bin/md-listen).
 */
@Timeout(120)
class MarketDataServerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void shouldShowFixOrdersAndTradesOnTheFeed() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        final Map<String, String> settings = new java.util.HashMap<>(ShippedConfig.isolated(dir));
        settings.put("exchange.md.group", "239.192.7.7");
        final OrderBookBuilder books = new OrderBookBuilder();
        try (ExchangeServer server = ExchangeServer.start(config, settings);
             FeedSubscriber feed = FeedSubscriber.start(server.config().marketData(), null,
                 new ItchSequencedDispatcher(books), PacketDropPolicy.NONE);
             FixTestClient b1 = ShippedConfig.connect(server.fixPort(), "BROKER1", dir.resolve("clients"));
             FixTestClient b2 = ShippedConfig.connect(server.fixPort(), "BROKER2", dir.resolve("clients"))) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            assertThat(b2.awaitLogon(WAIT)).isTrue();
            b1.send(FixOrders.limit("B1", "AAPL", '1', "100", "190.25"));
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');
            b2.send(FixOrders.limit("S1", "AAPL", '2', "60", "190"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('F');
            b2.send(FixOrders.limit("S2", "AAPL", '2', "50", "191"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');

            final long deadline = System.nanoTime() + WAIT.toNanos();
            String top = "";
            final String expected = "bid 40 @ 1902500, ask 50 @ 1910000, last 60 @ 1902500";
            while (!top.equals(expected) && System.nanoTime() < deadline) {
                top = feed.onSubscriberThread(() -> {
                    final OrderBook aapl = books.book(1);
                    if (aapl == null || aapl.bids().size() == 0 || aapl.asks().size() == 0) {
                        return "";
                    }
                    return "bid " + aapl.bids().shares(0) + " @ " + aapl.bids().price(0) + ", ask " + aapl.asks().shares(0)
                        + " @ " + aapl.asks().price(0) + ", last " + aapl.lastTradeShares() + " @ " + aapl.lastTradePrice();
                }, 5_000);
                Thread.sleep(20);
            }
            assertThat(top).isEqualTo(expected);
            assertThat(feed.onSubscriberThread(books::unknownOrderMessages, 5_000)).isZero();
        }
    }
}
