package exchange.matching;

import exchange.matching.event.AuctionUncrossedEvent;
import exchange.matching.event.EventType;
import exchange.matching.event.TradeEvent;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import exchange.matching.testing.OrderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.buyStop;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trading phases: pre-open collects orders without matching and publishes the indicative auction;
 * the open uncrosses at one price; the closing auction runs into closed; a halt takes orders or not,
 * as configured, and resumes through an uncross. The reference price of TEST is 100.
 */
class TradingPhaseTest extends MatchingScenarioTest {
    private static final int TEST = BookScenario.INSTRUMENT;

    private void preOpen() {
        scenario.phase(TEST, TradingPhase.PRE_OPEN);
    }

    @Test
    void shouldPublishAnEmptyIndicativeAuctionWhenPreOpenStarts() {
        when(s -> s.phase(TEST, TradingPhase.PRE_OPEN));
        then(events("PHASE_CHANGED PRE_OPEN", "AUCTION_INDICATIVE none"));
    }

    @Test
    void shouldCollectCrossingOrdersWithoutMatchingAndPublishWhereTheyWouldUncross() {
        given(s -> {
            preOpen();
            s.enter(sell("A1", 100_0000, 100));
        });
        when(buy("B1", 101_0000, 60));
        then(events("ACCEPTED B1", "BOOKED B1 60", "AUCTION_INDICATIVE 100 paired=60 imbalance=40 S"),
            bookIs("bid 101: B1 60", "ask 100: A1 100"));
    }

    @Test
    void shouldPublishTheIndicativeAuctionOnlyWhenItChanges() {
        given(s -> {
            preOpen();
            s.enter(sell("A1", 100_0000, 100));
            s.enter(buy("B1", 101_0000, 60));
        });
        when(s -> {
            s.enter(buy("B2", 90_0000, 10));
            s.cancel("B2");
            s.cancel("B1");
        });
        then(events("ACCEPTED B2", "BOOKED B2 10", "CANCELLED B2 USER_REQUEST", "CANCELLED B1 USER_REQUEST",
            "AUCTION_INDICATIVE none"));
    }

    @Test
    void shouldUncrossAtTheOpenAndGoOnWithWhatIsLeft() {
        given(s -> {
            preOpen();
            s.enter(sell("A1", 100_0000, 100));
            s.enter(buy("B1", 101_0000, 60));
        });
        when(s -> s.phase(TEST, TradingPhase.CONTINUOUS));
        then(events("TRADE B1/A1 60@100", "AUCTION_UNCROSSED 60@100", "PHASE_CHANGED CONTINUOUS"),
            bookIs("ask 100: A1 40"));
        final TradeEvent trade = (TradeEvent) scenario.eventsSinceMark().get(0);
        assertThat(trade.auction()).isTrue();
        assertThat(trade.aggressorSide()).isNull();
        assertThat(((AuctionUncrossedEvent) last(EventType.AUCTION_UNCROSSED)).crossType()).isEqualTo((byte) 'O');
        assertThat(scenario.engine().lastTradePrice(TEST)).isEqualTo(100_0000);
    }

    @Test
    void shouldReportAnOpeningAuctionWithNothingToUncross() {
        given(s -> preOpen());
        when(s -> s.phase(TEST, TradingPhase.CONTINUOUS));
        then(events("AUCTION_UNCROSSED 0@0", "PHASE_CHANGED CONTINUOUS"));
    }

    @Test
    void shouldExpireAuctionOnlyOrdersAndCancelMarketOrdersLeftAfterTheOpen() {
        given(s -> {
            preOpen();
            s.enter(sell("A1", 100_0000, 50));
            s.enter(marketBuy("M1", 80));
            s.enter(buy("O1", 99_0000, 30).atTheOpen());
            s.enter(buy("B1", 98_0000, 30));
        });
        when(s -> s.phase(TEST, TradingPhase.CONTINUOUS));
        then(events("TRADE M1/A1 50@100", "AUCTION_UNCROSSED 50@100", "CANCELLED M1 NO_LIQUIDITY",
            "CANCELLED O1 AUCTION_ONLY_UNFILLED", "PHASE_CHANGED CONTINUOUS"), bookIs("bid 98: B1 30"));
    }

    @Test
    void shouldShowMarketOrdersOfACallBookAheadOfEveryLimit() {
        given(s -> preOpen());
        when(s -> {
            s.enter(buy("B1", 101_0000, 10));
            s.enter(marketBuy("M1", 20));
        });
        then(bookIs("bid MKT: M1 20", "bid 101: B1 10"));
        assertThat(scenario.engine().bestBid(TEST)).isEqualTo(101_0000);
    }

    @Test
    void shouldTriggerStopsWithTheOpeningPrice() {
        given(s -> {
            s.enter(buyStop("S1", 100_0000, 10));
            preOpen();
            s.enter(sell("A1", 100_0000, 50));
            s.enter(buy("B1", 100_0000, 20));
        });
        when(s -> s.phase(TEST, TradingPhase.CONTINUOUS));
        then(events("TRADE B1/A1 20@100", "AUCTION_UNCROSSED 20@100", "PHASE_CHANGED CONTINUOUS",
            "TRIGGERED S1 100", "TRADE A1 10@100"), bookIs("ask 100: A1 20"));
    }

    @Test
    void shouldTradeAnIcebergsWholeQuantityInTheAuctionAndFlagWhatWasNeverShown() {
        given(s -> {
            preOpen();
            s.enter(sell("A1", 100_0000, 100).display(10));
            s.enter(buy("B1", 100_0000, 30));
        });
        when(s -> s.phase(TEST, TradingPhase.CONTINUOUS));
        then(events("TRADE B1/A1 30@100", "BOOKED A1 10", "AUCTION_UNCROSSED 30@100", "PHASE_CHANGED CONTINUOUS"),
            bookIs("ask 100: A1 10/70"));
        final TradeEvent trade = last(EventType.TRADE);
        assertThat(trade.flags()).isEqualTo(TradeEvent.FLAG_AUCTION | TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED);
        assertThat(trade.sell().visibleQty()).isZero();
    }

    @Test
    void shouldRunTheClosingAuctionIntoClosedAndExpireAtTheCloseOrdersLeft() {
        given(s -> {
            s.enter(sell("A1", 101_0000, 40));
            s.phase(TEST, TradingPhase.PRE_CLOSE);
            s.enter(buy("C1", 101_0000, 30).atTheClose());
            s.enter(buy("C2", 100_0000, 30).atTheClose());
        });
        when(s -> s.phase(TEST, TradingPhase.CLOSED));
        then(events("TRADE C1/A1 30@101", "AUCTION_UNCROSSED 30@101", "CANCELLED C2 AUCTION_ONLY_UNFILLED",
            "PHASE_CHANGED CLOSED"), bookIs("ask 101: A1 10"));
        assertThat(((AuctionUncrossedEvent) last(EventType.AUCTION_UNCROSSED)).crossType()).isEqualTo((byte) 'C');
    }

    /** What each phase takes. */
    static Stream<Arguments> ordersByPhase() {
        return Stream.of(
            Arguments.of(TradingPhase.PRE_OPEN, buy("X", 100_0000, 10).ioc(), "REJECTED X TIF_NOT_ALLOWED_IN_PHASE"),
            Arguments.of(TradingPhase.PRE_OPEN, buy("X", 100_0000, 10).fok(), "REJECTED X TIF_NOT_ALLOWED_IN_PHASE"),
            Arguments.of(TradingPhase.PRE_OPEN, buy("X", 100_0000, 10).atTheClose(), "REJECTED X TIF_NOT_ALLOWED_IN_PHASE"),
            Arguments.of(TradingPhase.PRE_OPEN, buy("X", 100_0000, 10).atTheOpen(), "ACCEPTED X"),
            Arguments.of(TradingPhase.PRE_CLOSE, buy("X", 100_0000, 10).atTheOpen(), "REJECTED X TIF_NOT_ALLOWED_IN_PHASE"),
            Arguments.of(TradingPhase.PRE_CLOSE, buy("X", 100_0000, 10).atTheClose(), "ACCEPTED X"),
            Arguments.of(TradingPhase.CONTINUOUS, buy("X", 100_0000, 10).atTheClose(), "REJECTED X TIF_NOT_ALLOWED_IN_PHASE"),
            Arguments.of(TradingPhase.VOLATILITY_AUCTION, buy("X", 100_0000, 10), "ACCEPTED X"),
            Arguments.of(TradingPhase.VOLATILITY_AUCTION, buy("X", 100_0000, 10).ioc(), "REJECTED X TIF_NOT_ALLOWED_IN_PHASE"),
            Arguments.of(TradingPhase.CLOSED, buy("X", 100_0000, 10), "REJECTED X INSTRUMENT_CLOSED"),
            Arguments.of(TradingPhase.HALTED, buy("X", 100_0000, 10), "REJECTED X INSTRUMENT_HALTED"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ordersByPhase")
    void shouldTakeOnlyTheOrdersAPhaseAllows(final TradingPhase phase, final OrderSpec order, final String first) {
        given(s -> s.phase(TEST, phase));
        when(order);
        assertThat(scenario.eventsSinceMark()).isNotEmpty();
        eventsInclude(first).accept(scenario);
    }

    @Test
    void shouldCollectOrdersWhileHaltedWhenConfiguredAndResumeThroughAnUncross() {
        scenario = BookScenario.of(i -> i.haltedOrderPolicy(HaltedOrderPolicy.ACCEPT), c -> c);
        given(s -> {
            s.enter(sell("A1", 101_0000, 40));
            s.phase(TEST, TradingPhase.HALTED);
            s.enter(buy("B1", 102_0000, 30));
        });
        when(s -> s.phase(TEST, TradingPhase.CONTINUOUS));
        then(events("TRADE B1/A1 30@101", "AUCTION_UNCROSSED 30@101", "PHASE_CHANGED CONTINUOUS"),
            bookIs("ask 101: A1 10"));
        assertThat(((AuctionUncrossedEvent) last(EventType.AUCTION_UNCROSSED)).crossType()).isEqualTo((byte) 'H');
    }

    @Test
    void shouldNotPublishIndicativeAuctionsWhileHalted() {
        scenario = BookScenario.of(i -> i.haltedOrderPolicy(HaltedOrderPolicy.ACCEPT), c -> c);
        given(s -> s.phase(TEST, TradingPhase.HALTED));
        when(s -> {
            s.enter(sell("A1", 101_0000, 40));
            s.enter(buy("B1", 102_0000, 30));
        });
        then(events("ACCEPTED A1", "BOOKED A1 40", "ACCEPTED B1", "BOOKED B1 30"),
            bookIs("bid 102: B1 30", "ask 101: A1 40"));
    }

    @Test
    void shouldMoveTheIndicativeAuctionWhenAnOrderIsReplacedInPreOpen() {
        given(s -> {
            preOpen();
            s.enter(sell("A1", 100_0000, 100));
            s.enter(buy("B1", 101_0000, 60));
        });
        when(s -> s.replace("B1", 101_0000, 100));
        then(events("REPLACED B1 lost", "BOOKED B1 100", "AUCTION_INDICATIVE 100 paired=100 imbalance=0 N"));
    }
}
