package exchange.matching;

import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.Event;
import exchange.matching.event.EventType;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.TriggeredEvent;
import exchange.matching.testing.MatchingScenarioTest;
import exchange.matching.testing.OrderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.buyStop;
import static exchange.matching.testing.OrderSpec.sell;
import static exchange.matching.testing.OrderSpec.sellStop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop and stop-limit orders, triggered by the last trade price: a buy stop at or above its stop
 * price, a sell stop at or below. Several stops triggered together activate in their time order; a
 * triggered order takes its time priority when it triggers.
 */
class StopOrderTest extends MatchingScenarioTest {

    @Test
    void shouldWaitUnseenUntilATradeReachesTheStopPrice() {
        given(book().ask("A1", 101_0000, 10));
        when(buyStop("S1", 102_0000, 5));
        then(events("ACCEPTED S1"), bookIs("ask 101: A1 10"), stopsAre("buy stop 102: S1 5"));
        assertThat(((AcceptedEvent) last(EventType.ACCEPTED)).stopPrice()).isEqualTo(102_0000);
    }

    @Test
    void shouldTriggerABuyStopWhenATradePrintsAtItsStopPriceAndTradeItAsAMarketOrder() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 102_0000, 20).order(buyStop("S1", 101_0000, 5)));
        when(buy("B1", 101_0000, 10));
        then(events("ACCEPTED B1", "TRADE A1 10@101", "TRIGGERED S1 101", "TRADE A2 5@102"),
            bookIs("ask 102: A2 15"), stopsAre());
        final TriggeredEvent triggered = last(EventType.TRIGGERED);
        assertThat(triggered.triggerPrice()).isEqualTo(101_0000);
        assertThat(triggered.execId()).isPositive();
        assertThat(triggered.leavesQty()).isEqualTo(5);
    }

    @Test
    void shouldTriggerASellStopWhenATradePrintsBelowItsStopPrice() {
        given(book().bid("B1", 99_0000, 10).bid("B2", 98_0000, 10).order(sellStop("S1", 99_5000, 5)));
        when(sell("X", 99_0000, 10));
        then(events("ACCEPTED X", "TRADE B1 10@99", "TRIGGERED S1 99", "TRADE B2 5@98"),
            bookIs("bid 98: B2 5"), stopsAre());
    }

    @Test
    void shouldGiveATriggeredStopLimitItsTimePriorityAtTriggerTime() {
        given(book().bid("B1", 100_0000, 10).ask("A0", 101_0000, 5)
            .order(sell("S1", 101_0000, 10).stop(100_0000))
            .ask("A9", 101_0000, 5));
        when(sell("X", 100_0000, 10));
        then(events("ACCEPTED X", "TRADE B1 10@100", "TRIGGERED S1 100", "BOOKED S1 10"),
            bookIs("ask 101: A0 5, A9 5, S1 10"));
    }

    @Test
    void shouldActivateStopsTriggeredTogetherInTheirTimeOrderNotTheirStopPriceOrder() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 102_0000, 10).ask("A3", 103_0000, 10)
            .order(buyStop("S1", 102_0000, 3))
            .order(buyStop("S2", 101_0000, 4)));
        when(buy("B1", 102_0000, 15));
        then(events("ACCEPTED B1", "TRADE A1 10@101", "TRADE A2 5@102",
            "TRIGGERED S1 102", "TRADE A2 3@102",
            "TRIGGERED S2 102", "TRADE A2 2@102", "TRADE A3 2@103"), bookIs("ask 103: A3 8"));
    }

    @Test
    void shouldCascadeWhenATriggeredStopsTradesTriggerMoreStops() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 102_0000, 10).ask("A3", 103_0000, 10)
            .order(buyStop("S1", 101_0000, 15))
            .order(buyStop("S2", 102_0000, 10)));
        when(buy("B1", 101_0000, 5));
        then(events("ACCEPTED B1", "TRADE A1 5@101", "TRIGGERED S1 101", "TRADE A1 5@101", "TRADE A2 10@102",
            "TRIGGERED S2 102", "TRADE A3 10@103"), bookIs(), stopsAre());
    }

    @Test
    void shouldRejectAStopWhosePriceTheLastTradeHasAlreadyReached() {
        given(book().ask("A1", 101_0000, 10).bid("B1", 101_0000, 5));
        when(buyStop("S1", 100_0000, 5));
        then(events("REJECTED S1 INVALID_STOP_PRICE"), stopsAre());
    }

    @Test
    void shouldCancelAWaitingStop() {
        given(book().order(sellStop("S1", 99_0000, 5)));
        when(s -> s.cancel("S1"));
        then(events("CANCELLED S1 USER_REQUEST"), stopsAre());
    }

    @Test
    void shouldSendAWaitingStopToTheBackWhenItsStopPriceChanges() {
        given(book().order(buyStop("S1", 102_0000, 5)).order(buyStop("S2", 101_0000, 5)));
        when(s -> s.replace("S1", 0, 5, r -> r.orderType(OrderType.STOP).stopPrice(101_0000)));
        then(events("REPLACED S1 lost"), stopsAre("buy stop 101: S2 5, S1 5"));
    }

    @Test
    void shouldKeepAWaitingStopsPriorityWhenOnlyItsQuantityGoesDown() {
        given(book().order(buyStop("S1", 101_0000, 5)).order(buyStop("S2", 101_0000, 5)));
        when(s -> s.replace("S1", 0, 3, r -> r.orderType(OrderType.STOP).stopPrice(101_0000)));
        then(events("REPLACED S1 kept"), stopsAre("buy stop 101: S1 3, S2 5"));
    }

    @Test
    void shouldLetAWaitingStopWhosePriceTheCloseReachedBeReducedButNotGivenAnotherReachedPrice() {
        given(s -> {
            s.enter(sellStop("S1", 99_0000, 10).gtc());
            s.phase(1, TradingPhase.PRE_CLOSE);
            s.enter(buy("X", 98_0000, 5));
            s.enter(sell("Y", 98_0000, 5));
            s.phase(1, TradingPhase.CLOSED); // the closing auction prints 98 and triggers nothing
            s.endOfDay();
            s.restore("S1", s.orderId("S1"), sellStop("S1", 99_0000, 10).gtc(), 0, 0);
            s.phase(1, TradingPhase.CONTINUOUS);
        });
        when(s -> s.replace("S1", 0, 6, r -> r.side(Side.SELL).orderType(OrderType.STOP).timeInForce(TimeInForce.GTC).stopPrice(99_0000)));
        then(events("REPLACED S1 kept"), stopsAre("sell stop 99: S1 6"));
        when(s -> s.replace("S1", 0, 6, r -> r.side(Side.SELL).orderType(OrderType.STOP).timeInForce(TimeInForce.GTC).stopPrice(98_5000)));
        then(events("CANCEL_REJECTED S1 INVALID_STOP_PRICE"), stopsAre("sell stop 99: S1 6"));
    }

    @Test
    void shouldExpireWaitingDayStopsAtEndOfDayAndCarryGoodTillCancelledOnesOffTheBook() {
        given(book().order(buyStop("S1", 101_0000, 5)).order(sellStop("S2", 99_0000, 5).gtc()));
        when(s -> s.endOfDay());
        then(events("CANCELLED S1 END_OF_DAY", "DAY_ENDED 1"), stopsAre());
        final exchange.matching.event.DayEndedEvent ended = last(EventType.DAY_ENDED);
        assertThat(ended.carriedCount()).isEqualTo(1);
    }

    @Test
    void shouldRestoreAWaitingStopAndAStopLimitThatHadTriggered() {
        when(s -> {
            s.restore("G1", 5, buyStop("G1", 102_0000, 10).gtc(), 0, 0);
            s.restore("G2", 6, buy("G2", 99_0000, 10).stop(100_0000).gtc(), 4, 4 * 99_0000L,
                RestoreOrderCommand.TRIGGERED);
        });
        then(events("RESTORED G1 0", "RESTORED G2 6"), bookIs("bid 99: G2 6"), stopsAre("buy stop 102: G1 10"));
    }

    @Test
    void shouldSayWhichRestoredStopsHadTriggeredAlsoOfAMarketStopThatShowsNothingInACallBook() {
        given(s -> s.phase(1, TradingPhase.CLOSED));
        when(s -> {
            s.restore("G1", 5, buyStop("G1", 102_0000, 10).gtc(), 0, 0);
            s.restore("G2", 6, buyStop("G2", 101_0000, 10).gtc(), 4, 4 * 101_0000L, RestoreOrderCommand.TRIGGERED);
        });
        // neither shows: only the flag tells the GTC store to carry G2 as the market order it became
        then(events("RESTORED G1 0", "RESTORED G2 0"), stopsAre("buy stop 102: G1 10"));
        final List<Event> restored = scenario.eventsSinceMark();
        assertThat(((RestoredEvent) restored.get(0)).flags()).as("G1 waits again").isZero();
        assertThat(((RestoredEvent) restored.get(1)).flags()).as("G2 had triggered").isEqualTo(RestoredEvent.TRIGGERED);
    }

    static Stream<Arguments> invalidStops() {
        return Stream.of(
            Arguments.of("no stop price", buyStop("X", 0, 10), RejectReason.INVALID_STOP_PRICE),
            Arguments.of("stop price off tick", buyStop("X", 101_0050, 10), RejectReason.INVALID_STOP_PRICE),
            Arguments.of("stop iceberg", buy("X", 101_0000, 10).stop(101_0000).display(5), RejectReason.UNSUPPORTED_ORDER),
            Arguments.of("stop with minimum quantity", buyStop("X", 101_0000, 10).ioc().minQty(5),
                RejectReason.UNSUPPORTED_ORDER),
            Arguments.of("post-only stop", buy("X", 101_0000, 10).stop(101_0000).postOnly(), RejectReason.UNSUPPORTED_ORDER),
            Arguments.of("stop at the open", buyStop("X", 101_0000, 10).tif(TimeInForce.AT_THE_OPEN),
                RejectReason.UNSUPPORTED_ORDER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStops")
    void shouldRejectAnInvalidStop(final String name, final OrderSpec order, final RejectReason reason) {
        when(order);
        then(events("REJECTED X " + reason), stopsAre());
    }
}
