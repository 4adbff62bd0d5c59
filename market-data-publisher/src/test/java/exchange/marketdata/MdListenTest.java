package exchange.marketdata;

import exchange.marketdata.publisher.MarketDataPublisher;
import exchange.marketdata.store.InMemoryMessageStore;
import exchange.marketdata.testing.ItchMessages;
import exchange.marketdata.testing.Network;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** md-listen against a real publisher on loopback multicast. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MdListenTest {
    private final ItchMessages itch = new ItchMessages();

    @Test
    void shouldPrintTopOfBookChangesAndTradesWithSequenceNumbersUntilTheEndOfSession() throws Exception {
        final String listing = listen(1,
            itch.stockDirectory(1, "AAPL"),
            itch.add(1, "AAPL", 1, 'B', 100, 99_9900),
            itch.add(1, "AAPL", 2, 'S', 200, 100_0100),
            itch.add(1, "AAPL", 3, 'B', 50, 99_9800),
            itch.executed(1, 2, 40, 77));

        assertThat(listing).isEqualTo(String.join("\n",
            "seq=2 AAPL bid 100@99.9900 (1) | ask -",
            "seq=3 AAPL bid 100@99.9900 (1) | ask 200@100.0100 (1)",
            "seq=5 AAPL bid 100@99.9900 (1) | ask 160@100.0100 (1)",
            "seq=5 AAPL TRADE 40@100.0100 match=77",
            ""));
    }

    @Test
    void shouldPrintTheIndicativeAuctionAndTheCross() throws Exception {
        final String listing = listen(1,
            itch.stockDirectory(1, "AAPL"),
            itch.tradingAction(1, "AAPL", 'Q'),
            itch.add(1, "AAPL", 1, 'B', 600, 190_5000),
            itch.imbalance(1, "AAPL", 0, 600, 'B', 190_5000, 'O'),
            itch.add(1, "AAPL", 2, 'S', 500, 190_2500),
            itch.imbalance(1, "AAPL", 500, 100, 'B', 190_2500, 'O'),
            itch.executedWithPrice(1, 1, 500, 9, false, 190_2500),
            itch.executedWithPrice(1, 2, 500, 9, false, 190_2500),
            itch.crossTrade(1, "AAPL", 500, 190_2500, 9, 'O'));

        assertThat(listing).isEqualTo(String.join("\n",
            "seq=3 AAPL bid 600@190.5000 (1) | ask -",
            "seq=4 AAPL AUCTION indicative 190.5000 paired 0 imbalance 600 B type O",
            "seq=5 AAPL bid 600@190.5000 (1) | ask 500@190.2500 (1)",
            "seq=6 AAPL AUCTION indicative 190.2500 paired 500 imbalance 100 B type O",
            "seq=7 AAPL bid 100@190.5000 (1) | ask 500@190.2500 (1)",
            "seq=8 AAPL bid 100@190.5000 (1) | ask -",
            "seq=9 AAPL CROSS 500@190.2500 match=9 type O",
            ""));
    }

    @Test
    void shouldShowTheRequestedDepth() throws Exception {
        final String listing = listen(2,
            itch.add(3, "MSFT", 1, 'B', 100, 99_9900),
            itch.add(3, "MSFT", 2, 'B', 50, 99_9800));

        assertThat(listing).isEqualTo(String.join("\n",
            "seq=1 MSFT",
            "  L1 bid 100@99.9900 (1) | ask -",
            "  L2 bid - | ask -",
            "seq=2 MSFT",
            "  L1 bid 100@99.9900 (1) | ask -",
            "  L2 bid 50@99.9800 (1) | ask -",
            ""));
    }

    /** Publishes the messages and an end of session; returns what md-listen printed on stdout. */
    private String listen(final int depth, final byte[]... messages) throws Exception {
        final MarketDataConfig config = Network.loopbackFeed("MDLISTEN");
        final InMemoryMessageStore store = new InMemoryMessageStore();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (MarketDataPublisher publisher = MarketDataPublisher.start(config, store)) {
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> MdListen.run(new String[] {
                "--group", config.group().getHostAddress(),
                "--port", Integer.toString(config.port()),
                "--interface", "lo",
                "--rerequest", "127.0.0.1:" + publisher.rerequestAddress().getPort(),
                "--depth", Integer.toString(depth)},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            for (final byte[] message : messages) {
                store.append(new UnsafeBuffer(message), 0, message.length);
            }
            publisher.endSession();

            assertThat(exit.get(30, TimeUnit.SECONDS)).as("exit code; stderr: %s", err).isZero();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exchange.md.port = " + config.port());
        return out.toString(StandardCharsets.UTF_8);
    }
}
