package exchange.marketdata.service;

import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.itch.ItchWire;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.sequencer.Await;
import exchange.marketdata.testing.ItchText;
import exchange.marketdata.testing.Network;
import exchange.marketdata.testing.SequencerFixture;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.TradingPhase;
import exchange.sequencer.TestCommands;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which session a trading day's messages go into, when the exchange keeps receiving messages between
 * the end of one trading day and the start of the next.
 */
@Timeout(120)
class MarketDataSessionDayTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long HOUR_NS = 3_600_000_000_000L;
    /** 2026-11-27T00:00Z and 2026-11-28T00:00Z. */
    private static final long MIDNIGHT_27 = SequencerFixture.START_NS - 9 * HOUR_NS;
    private static final long MIDNIGHT_28 = MIDNIGHT_27 + 24 * HOUR_NS;
    private static final long PRICE = 100_0000;

    @TempDir
    Path dir;

    /**
     * A trading day ends on the 27th; before midnight a broker sends one more order (refused: the
     * market is closed), and trading starts again at 09:00 on the 28th. The refused order publishes
     * nothing, so it must not open a session: the 28th's trading is the 28th's session, 261128S01A, its
     * ITCH timestamps nanoseconds since the 28th's midnight. (Opened by that reject, the session was
     * 261127S01B and the 28th's messages were stamped 33 hours after the 27th's midnight, which ITCH
     * tools read as a time of day.)
     */
    @Test
    void aMessageThatPublishesNothingAfterTheEndOfTheDayOpensNoSession() throws Exception {
        try (SequencerFixture exchange = SequencerFixture.start(dir.resolve("exchange"))) {
            exchange.phase(TradingPhase.CONTINUOUS);
            exchange.append(TestCommands.limit(1, Side.BUY, PRICE, 10, 1, TimeInForce.DAY));
            exchange.phase(TradingPhase.CLOSED);
            exchange.endOfDay();

            exchange.clockAt(MIDNIGHT_27 + 23 * HOUR_NS + 58 * 60_000_000_000L); // 23:58 on the 27th
            exchange.append(TestCommands.limit(1, Side.BUY, PRICE, 10, 1, TimeInForce.DAY)); // refused: closed

            exchange.clockAt(MIDNIGHT_28 + 9 * HOUR_NS); // 09:00 on the 28th
            exchange.phase(TradingPhase.CONTINUOUS);
            exchange.append(TestCommands.limit(1, Side.SELL, PRICE + 100, 20, 2, TimeInForce.DAY));

            final Map<String, List<byte[]>> sessions = publish(exchange, dir.resolve("market-data"));
            assertThat(sessions.keySet()).containsExactly("261127S01A", "261128S01A");
            final List<byte[]> second = sessions.get("261128S01A");
            assertThat(ItchText.of(second)).contains("A #1 S 20@100.01");
            for (final byte[] message : second) {
                assertThat(ItchWire.getUint48(new UnsafeBuffer(message), 5)).as(ItchText.withHeaders(message))
                    .isBetween(9 * HOUR_NS, 10 * HOUR_NS);
            }
        }
    }

    /** A new exchange whose first command is refused: nothing to publish, and nothing to fail on either. */
    @Test
    void aNewExchangeWhoseFirstEventPublishesNothingStartsItsFirstSessionWithTheFirstThatDoes() throws Exception {
        final Path storeDir = dir.resolve("market-data");
        try (SequencerFixture exchange = SequencerFixture.start(dir.resolve("exchange"));
             MarketDataService service = start(exchange, storeDir)) {
            exchange.append(TestCommands.limit(1, Side.BUY, PRICE + 1, 10, 1, TimeInForce.DAY)); // off tick: refused
            awaitCaughtUp(exchange, service); // a batch of that event alone
            exchange.clockAt(SequencerFixture.START_NS + HOUR_NS); // 10:00
            exchange.append(TestCommands.limit(1, Side.BUY, PRICE, 10, 1, TimeInForce.DAY));
            awaitCaughtUp(exchange, service);
            service.close();

            final Map<String, List<byte[]>> sessions = MarketDataServiceRestartTest.sessions(storeDir);
            assertThat(sessions.keySet()).containsExactly("261127S01A");
            final List<byte[]> messages = sessions.get("261127S01A");
            assertThat(ItchText.of(messages)).startsWith("S O", "S S").endsWith("A #1 B 10@100");
            assertThat(ItchWire.getUint48(new UnsafeBuffer(messages.get(0)), 5)).as("the prologue's time")
                .isBetween(10 * HOUR_NS, 10 * HOUR_NS + 1_000_000);
        }
    }

    /** Runs the market-data service over the exchange's event log to its end; returns the sessions it wrote. */
    private static Map<String, List<byte[]>> publish(final SequencerFixture exchange, final Path storeDir)
        throws Exception {
        try (MarketDataService service = start(exchange, storeDir)) {
            awaitCaughtUp(exchange, service);
        }
        return MarketDataServiceRestartTest.sessions(storeDir);
    }

    private static MarketDataService start(final SequencerFixture exchange, final Path storeDir) throws Exception {
        final MarketDataConfig config =
            Network.loopbackFeed("UNUSED").with(MarketDataConfig.STORE_DIR, storeDir.toString());
        return MarketDataService.start(config, exchange.eventLog(), SequencerFixture.INSTRUMENTS,
            SequencerFixture.ORDER_CAPACITY, ZoneOffset.UTC, null, ChronicleMessageStore::new);
    }

    private static void awaitCaughtUp(final SequencerFixture exchange, final MarketDataService service) {
        final exchange.sequencer.EventLog.End end = exchange.eventLog().lastEntry();
        Await.until(() -> service.isCaughtUpWith(end) || service.failure() != null, PATIENCE,
            () -> "the service to translate up to command " + end.commandSequence());
        assertThat(service.failure()).isNull();
    }
}
