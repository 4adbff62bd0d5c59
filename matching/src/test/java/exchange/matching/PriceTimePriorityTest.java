package exchange.matching;

import exchange.matching.event.EventType;
import exchange.matching.event.TradeEvent;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

class PriceTimePriorityTest extends MatchingScenarioTest {

    @Test
    void shouldFillAgainstTheOldestOrderAtTheBestPriceFirst() {
        given(book().ask("A1", 101_0000, 100).ask("A2", 101_0000, 50));
        when(buy("B1", 101_0000, 120));
        then(trades("A1 100@101", "A2 20@101"), bookIs("ask 101: A2 30"));
    }

    @Test
    void shouldTakeBetterPricesBeforeEarlierOrders() {
        given(book().ask("A1", 102_0000, 100).ask("A2", 101_0000, 100).ask("A3", 101_5000, 100));
        when(buy("B1", 102_0000, 250));
        then(trades("A2 100@101", "A3 100@101.5", "A1 50@102"), bookIs("ask 102: A1 50"));
    }

    @Test
    void shouldTradeAtTheRestingOrdersPrice() {
        given(book().bid("B1", 100_0000, 10));
        when(sell("S1", 95_0000, 10));
        then(trades("B1 10@100"), bookIs());
    }

    @Test
    void shouldRestTheRemainderAtItsLimitBehindEarlierOrders() {
        given(book().ask("A1", 101_0000, 100).bid("B0", 100_0000, 10));
        when(buy("B1", 100_0000, 30));
        then(noTrades(), events("ACCEPTED B1", "BOOKED B1 30"), bookIs("bid 100: B0 10, B1 30", "ask 101: A1 100"));
    }

    @Test
    void shouldStopAtTheLimitPriceAndBookTheRest() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 102_0000, 10));
        when(buy("B1", 101_0000, 25));
        then(events("ACCEPTED B1", "TRADE A1 10@101", "BOOKED B1 15"),
            bookIs("bid 101: B1 15", "ask 102: A2 10"));
    }

    @Test
    void shouldSweepSeveralLevelsAndEmptyThem() {
        given(book().bid("B1", 100_0000, 10).bid("B2", 99_0000, 10).bid("B3", 98_0000, 10));
        when(sell("S1", 98_0000, 30));
        then(trades("B1 10@100", "B2 10@99", "B3 10@98"), bookIs());
    }

    @Test
    void shouldReportBothSidesOfATradeWithCumulativeQuantitiesAndNotional() {
        given(book().ask("A1", 101_0000, 100));
        when(buy("B1", 102_0000, 30));
        final TradeEvent trade = last(EventType.TRADE);
        assertThat(trade.aggressorSide()).isEqualTo(Side.BUY);
        assertThat(trade.matchId()).isPositive();
        assertThat(trade.buy().orderId()).isEqualTo(scenario.orderId("B1"));
        assertThat(trade.buy().cumQty()).isEqualTo(30);
        assertThat(trade.buy().leavesQty()).isZero();
        assertThat(trade.buy().cumNotional()).isEqualTo(30 * 101_0000L);
        assertThat(trade.sell().orderId()).isEqualTo(scenario.orderId("A1"));
        assertThat(trade.sell().cumQty()).isEqualTo(30);
        assertThat(trade.sell().leavesQty()).isEqualTo(70);
        assertThat(trade.sell().visibleQty()).isEqualTo(70);
        assertThat(trade.buy().execId()).isNotEqualTo(trade.sell().execId());
    }

    @Test
    void shouldGiveEveryExecutionReportItsOwnExecIdInEventOrder() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 101_0000, 10));
        when(buy("B1", 101_0000, 20));
        final var events = scenario.eventsSinceMark();
        final long accepted = ((exchange.matching.event.OrderEvent) events.get(0)).execId();
        final TradeEvent first = (TradeEvent) events.get(1);
        final TradeEvent second = (TradeEvent) events.get(2);
        assertThat(first.buy().execId()).isEqualTo(accepted + 1);
        assertThat(first.sell().execId()).isEqualTo(accepted + 2);
        assertThat(second.buy().execId()).isEqualTo(accepted + 3);
        assertThat(second.matchId()).isEqualTo(first.matchId() + 1);
    }

    @Test
    void shouldUseTheCommandSequenceAsOrderIdAndStampEveryEventWithIt() {
        given(book().ask("A1", 101_0000, 10));
        when(buy("B1", 101_0000, 5));
        then(each(EventType.TRADE, (TradeEvent t) -> assertThat(t.commandSequence()).isEqualTo(scenario.orderId("B1"))));
        assertThat(scenario.engine().lastTradePrice(1)).isEqualTo(101_0000);
    }
}
