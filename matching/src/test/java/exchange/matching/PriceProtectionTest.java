package exchange.matching;

import exchange.matching.event.EventType;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import exchange.matching.testing.OrderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.buyStop;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.marketSell;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Price protection around the reference price of 100: a static collar (orders priced too far away are
 * rejected; market orders stop at its edge) and a dynamic circuit breaker (a trade that would print
 * too far from the last trade is not printed; a volatility auction starts instead, then trading
 * resumes through an uncross).
 */
class PriceProtectionTest extends MatchingScenarioTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final int TEST = BookScenario.INSTRUMENT;

    private void collar(final int bps) {
        scenario = BookScenario.of(i -> i.referencePrice(100_0000).priceCollarBps(bps), c -> c);
    }

    private void breaker(final int bps) {
        scenario = BookScenario.of(i -> i.referencePrice(100_0000).circuitBreakerBps(bps)
            .circuitBreakerOpeningWindowNs(5 * MINUTE).volatilityAuctionNs(2 * MINUTE), c -> c);
    }

    /** A 10% collar around 100. */
    static Stream<Arguments> collaredOrders() {
        return Stream.of(
            Arguments.of("a buy at the collar's edge", buy("X", 110_0000, 10), "ACCEPTED X"),
            Arguments.of("a buy a tick beyond it", buy("X", 110_0100, 10), "REJECTED X PRICE_OUTSIDE_COLLAR"),
            Arguments.of("a sell at the lower edge", sell("X", 90_0000, 10), "ACCEPTED X"),
            Arguments.of("a sell a tick below it", sell("X", 89_9900, 10), "REJECTED X PRICE_OUTSIDE_COLLAR"),
            Arguments.of("a stop-limit whose limit is beyond it", buy("X", 111_0000, 10).stop(105_0000),
                "REJECTED X PRICE_OUTSIDE_COLLAR"),
            Arguments.of("a market order", marketBuy("X", 10), "ACCEPTED X"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collaredOrders")
    void shouldRejectOrdersPricedBeyondTheStaticCollar(final String name, final OrderSpec order, final String first) {
        collar(1000);
        when(order);
        eventsInclude(first).accept(scenario);
    }

    /**
     * A reference price of a trillion (10^16 in ten-thousandths) times 1,000 bps passes a long's range: the
     * collar is worked out exactly all the same, where it wrapped to a band that refused every order.
     */
    @Test
    void shouldCollarAReferencePriceWhoseProductWithTheCollarPassesALongsRange() {
        final long trillion = 1_000_000_000_000_0000L;
        scenario = BookScenario.of(i -> i.referencePrice(trillion).priceCollarBps(1000), c -> c);
        when(s -> {
            s.enter(buy("AT", trillion, 1));
            s.enter(buy("EDGE", trillion + trillion / 10, 1));
            s.enter(buy("OVER", trillion + trillion / 10 + 100, 1));
            s.enter(sell("LOW", trillion - trillion / 10, 1));
        });
        eventsInclude("ACCEPTED AT").accept(scenario);
        eventsInclude("ACCEPTED EDGE").accept(scenario);
        eventsInclude("REJECTED OVER PRICE_OUTSIDE_COLLAR").accept(scenario);
        eventsInclude("ACCEPTED LOW").accept(scenario);
    }

    @Test
    void shouldWorkOutACollarOrBandWidthExactlyOrSaturated() {
        assertThat(OrderBook.width(100_0000, 1000)).isEqualTo(10_0000);
        assertThat(OrderBook.width(1_000_000_000_000_0000L, 1000)).isEqualTo(100_000_000_000_0000L);
        assertThat(OrderBook.width(1_000_000_000_000_0123L, 1000)).as("the remainder's share, floored")
            .isEqualTo(100_000_000_000_0012L);
        assertThat(OrderBook.width(Long.MAX_VALUE - 1, 100_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldRefuseAReplaceToAPriceBeyondTheCollar() {
        collar(1000);
        given(book().bid("B1", 100_0000, 10));
        when(s -> s.replace("B1", 111_0000, 10));
        then(events("CANCEL_REJECTED B1 PRICE_OUTSIDE_COLLAR"), bookIs("bid 100: B1 10"));
    }

    @Test
    void shouldLetAnOrderTheCollarHasMovedAwayFromBeReducedAtItsPriceButNotRepricedOutsideIt() {
        collar(500);
        given(s -> {
            s.enter(buy("B1", 96_0000, 10));
            s.phase(TEST, TradingPhase.PRE_OPEN);
            s.enter(buy("X", 104_0000, 10));
            s.enter(sell("Y", 104_0000, 10));
            s.phase(TEST, TradingPhase.CONTINUOUS); // the opening auction at 104 moves the collar to 98.8 - 109.2
        });
        when(s -> s.replace("B1", 96_0000, 4));
        then(events("REPLACED B1 kept"), bookIs("bid 96: B1 4"));
        when(s -> s.replace("B1", 97_0000, 4));
        then(events("CANCEL_REJECTED B1 PRICE_OUTSIDE_COLLAR"), bookIs("bid 96: B1 4"));
    }

    @Test
    void shouldHaveNoCollarWithoutAReferencePrice() {
        scenario = BookScenario.of(i -> i.referencePrice(0).priceCollarBps(1000), c -> c);
        when(buy("X", 500_0000, 10));
        then(events("ACCEPTED X", "BOOKED X 10"));
    }

    @Test
    void shouldStopAMarketOrderAtTheCollarsEdgeAndCancelTheRest() {
        collar(1000);
        given(s -> {
            s.enter(sell("A1", 105_0000, 10));
            s.enter(sell("A2", 109_0000, 10));
            // an offer of an earlier day, beyond today's collar (a restore is not collared)
            s.restore("A3", 77, sell("A3", 112_0000, 10).gtc(), 0, 0);
        });
        when(marketBuy("M1", 100));
        then(events("ACCEPTED M1", "TRADE A1 10@105", "TRADE A2 10@109", "CANCELLED M1 PRICE_COLLAR"),
            bookIs("ask 112: A3 10"));
    }

    @Test
    void shouldStopAMarketSellAtTheLowerEdge() {
        collar(1000);
        given(s -> {
            s.enter(buy("B1", 95_0000, 10));
            s.restore("B2", 77, buy("B2", 89_0000, 10).gtc(), 0, 0);
        });
        when(marketSell("M1", 100).ioc());
        then(events("ACCEPTED M1", "TRADE B1 10@95", "CANCELLED M1 PRICE_COLLAR"), bookIs("bid 89: B2 10"));
    }

    @Test
    void shouldNotPrintATradeBeyondTheCircuitBreakerButStartAVolatilityAuction() {
        breaker(500); // 5% of the last trade, 100
        given(book().ask("A0", 100_0000, 1).bid("B0", 100_0000, 1)
            .ask("A1", 103_0000, 10).ask("A2", 107_0000, 10));
        when(buy("B1", 108_0000, 30));
        then(events("ACCEPTED B1", "TRADE A1 10@103", "PHASE_CHANGED VOLATILITY_AUCTION", "BOOKED B1 20",
                "AUCTION_INDICATIVE 107 paired=10 imbalance=10 B"),
            bookIs("bid 108: B1 20", "ask 107: A2 10"));
        assertThat(((PhaseChangedEvent) last(EventType.PHASE_CHANGED)).reason())
            .isEqualTo(PhaseChangedEvent.REASON_CIRCUIT_BREAKER);
        assertThat(scenario.engine().phase(TEST)).isEqualTo(TradingPhase.VOLATILITY_AUCTION);
    }

    @Test
    void shouldUncrossAndResumeWhenTheVolatilityAuctionsTimeHasCome() {
        breaker(500);
        given(s -> {
            s.enter(sell("A0", 100_0000, 1));
            s.enter(buy("B0", 100_0000, 1));
            s.enter(sell("A2", 107_0000, 10));
            s.enter(buy("B1", 108_0000, 30));
        });
        when(s -> {
            s.advance(MINUTE);
            s.tick();
            s.advance(MINUTE);
            s.tick();
        });
        then(events("TRADE B1/A2 10@107", "AUCTION_UNCROSSED 10@107", "PHASE_CHANGED CONTINUOUS"),
            bookIs("bid 108: B1 20"));
        assertThat(((PhaseChangedEvent) last(EventType.PHASE_CHANGED)).reason())
            .isEqualTo(PhaseChangedEvent.REASON_VOLATILITY_AUCTION_END);
    }

    /**
     * The trade at 103 printed in continuous trading, before the breaker stopped the next one at 107: it
     * reached the buy stop at 102, which triggers (and, the book now in its volatility auction, waits
     * there as a market order for the uncross) instead of being forgotten with the trade that reached it.
     */
    @Test
    void shouldTriggerTheStopsThatTheTradesBeforeATripReached() {
        breaker(500);
        given(book().ask("A0", 100_0000, 1).bid("B0", 100_0000, 1)
            .ask("A1", 103_0000, 10).ask("A2", 107_0000, 10).order(buyStop("S1", 102_0000, 5)));
        when(buy("B1", 108_0000, 30));
        then(events("ACCEPTED B1", "TRADE A1 10@103", "PHASE_CHANGED VOLATILITY_AUCTION", "BOOKED B1 20",
                "TRIGGERED S1 103", "BOOKED S1 0", "AUCTION_INDICATIVE 107 paired=10 imbalance=15 B"),
            bookIs("bid MKT: S1 5", "bid 108: B1 20", "ask 107: A2 10"), stopsAre());
    }

    /**
     * The volatility auction ended two minutes after the trip, before the GTD buy's expiry half a minute
     * later; the first command after both (a minute after the end) applies them in that order: the buy
     * trades in the uncross, and only what it has left then expires.
     */
    @Test
    void shouldUncrossAVolatilityAuctionThatEndedBeforeAGoodTillDateOrderInItExpired() {
        breaker(500);
        given(s -> {
            s.enter(sell("A0", 100_0000, 1));
            s.enter(buy("B0", 100_0000, 1));
            s.enter(sell("A2", 107_0000, 10));
            s.enter(buy("B1", 108_0000, 5)); // trips the breaker: the auction ends in two minutes
            s.enter(buy("G", 107_0000, 10).gtd(s.now() + 2 * MINUTE + MINUTE / 2));
        });
        when(s -> {
            s.advance(3 * MINUTE);
            s.tick();
        });
        then(events("TRADE B1/A2 5@107", "TRADE G/A2 5@107", "AUCTION_UNCROSSED 10@107", "PHASE_CHANGED CONTINUOUS",
            "CANCELLED G GTD_EXPIRED"), bookIs());
    }

    /** The other way round: a GTD order that expired before the auction's end is not in its uncross. */
    @Test
    void shouldExpireAGoodTillDateOrderWhoseTimeCameBeforeTheVolatilityAuctionsEnd() {
        breaker(500);
        given(s -> {
            s.enter(sell("A0", 100_0000, 1));
            s.enter(buy("B0", 100_0000, 1));
            s.enter(sell("A2", 107_0000, 10));
            s.enter(buy("B1", 108_0000, 5));
            s.enter(buy("G", 107_0000, 10).gtd(s.now() + MINUTE));
        });
        when(s -> {
            s.advance(3 * MINUTE);
            s.tick();
        });
        then(events("CANCELLED G GTD_EXPIRED", "TRADE B1/A2 5@107", "AUCTION_UNCROSSED 5@107",
            "PHASE_CHANGED CONTINUOUS"), bookIs("ask 107: A2 5"));
    }

    /**
     * A fill-or-kill stop that a trade before the trip triggered finds its book in a volatility auction,
     * where an immediate order cannot wait: it is cancelled as a fill-or-kill not filled, not as the
     * remainder of an immediate-or-cancel order.
     */
    @Test
    void shouldCancelAFillOrKillStopTriggeredIntoAVolatilityAuctionAsNotFilled() {
        breaker(500);
        given(book().ask("A0", 100_0000, 1).bid("B0", 100_0000, 1)
            .ask("A1", 103_0000, 10).ask("A2", 107_0000, 10).order(buyStop("S1", 102_0000, 5).fok()));
        when(buy("B1", 108_0000, 30));
        eventsInclude("PHASE_CHANGED VOLATILITY_AUCTION", "TRIGGERED S1 103", "CANCELLED S1 FOK_NOT_FILLED")
            .accept(scenario);
    }

    @Test
    void shouldCancelTheRestOfAnImmediateOrderThatTripsTheBreaker() {
        breaker(500);
        given(book().ask("A0", 100_0000, 1).bid("B0", 100_0000, 1).ask("A1", 103_0000, 10).ask("A2", 107_0000, 10));
        when(buy("B1", 108_0000, 30).ioc());
        then(events("ACCEPTED B1", "TRADE A1 10@103", "PHASE_CHANGED VOLATILITY_AUCTION", "CANCELLED B1 IOC_REMAINDER",
            "AUCTION_INDICATIVE none"));
    }

    @Test
    void shouldKillAFillOrKillRatherThanTripTheBreaker() {
        breaker(500);
        given(book().ask("A0", 100_0000, 1).bid("B0", 100_0000, 1).ask("A1", 103_0000, 10).ask("A2", 107_0000, 10));
        when(buy("B1", 108_0000, 20).fok());
        then(events("ACCEPTED B1", "CANCELLED B1 FOK_NOT_FILLED"));
        assertThat(scenario.engine().phase(TEST)).isEqualTo(TradingPhase.CONTINUOUS);
    }

    @Test
    void shouldMeasureFromTheReferencePriceInTheOpeningWindowAndFromTheLastTradeAfter() {
        breaker(500);
        given(s -> {
            s.phase(TEST, TradingPhase.PRE_OPEN);
            s.enter(sell("A0", 100_0000, 5));
            s.enter(buy("B0", 100_0000, 5));
            s.phase(TEST, TradingPhase.CONTINUOUS); // opens at 100
            s.enter(sell("A1", 104_0000, 5));
            s.enter(buy("B1", 104_0000, 5)); // last trade 104, within 5% of the open
            s.enter(sell("A2", 106_0000, 5));
        });
        when(buy("B2", 106_0000, 5)); // 106 is within 5% of 104, not of 100
        then(events("ACCEPTED B2", "PHASE_CHANGED VOLATILITY_AUCTION", "BOOKED B2 5",
            "AUCTION_INDICATIVE 106 paired=5 imbalance=0 N"));
    }

    @Test
    void shouldMeasureFromTheLastTradeOnceTheOpeningWindowHasPassed() {
        breaker(500);
        given(s -> {
            s.phase(TEST, TradingPhase.PRE_OPEN);
            s.enter(sell("A0", 100_0000, 5));
            s.enter(buy("B0", 100_0000, 5));
            s.phase(TEST, TradingPhase.CONTINUOUS);
            s.enter(sell("A1", 104_0000, 5));
            s.enter(buy("B1", 104_0000, 5));
            s.enter(sell("A2", 106_0000, 5));
            s.advance(6 * MINUTE);
        });
        when(buy("B2", 106_0000, 5));
        then(events("ACCEPTED B2", "TRADE A2 5@106"));
    }
}
