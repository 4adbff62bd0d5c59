package exchange.matching;

import exchange.matching.event.EventType;
import exchange.matching.event.RestatedEvent;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-trade prevention: an aggressor meeting a resting order of its own firm (or account) applies
 * its mode, and no trade is printed between them. The book in every row: A1 is firm 1's own offer,
 * A2 another firm's behind it at the same price; firm 1 buys 40.
 */
class SelfTradePreventionTest extends MatchingScenarioTest {

    static Stream<Arguments> modes() {
        return Stream.of(
            Arguments.of(SelfTradePrevention.NONE,
                List.of("ACCEPTED B1", "TRADE A1 30@101", "TRADE A2 10@101"),
                List.of("ask 101: A2 10")),
            Arguments.of(SelfTradePrevention.CANCEL_AGGRESSOR,
                List.of("ACCEPTED B1", "CANCELLED B1 SELF_TRADE"),
                List.of("ask 101: A1 30, A2 20")),
            Arguments.of(SelfTradePrevention.CANCEL_RESTING,
                List.of("ACCEPTED B1", "CANCELLED A1 SELF_TRADE", "TRADE A2 20@101", "BOOKED B1 20"),
                List.of("bid 101: B1 20")),
            Arguments.of(SelfTradePrevention.CANCEL_BOTH,
                List.of("ACCEPTED B1", "CANCELLED A1 SELF_TRADE", "CANCELLED B1 SELF_TRADE"),
                List.of("ask 101: A2 20")),
            Arguments.of(SelfTradePrevention.DECREMENT,
                List.of("ACCEPTED B1", "CANCELLED A1 SELF_TRADE", "RESTATED B1 30", "TRADE A2 10@101"),
                List.of("ask 101: A2 10")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void shouldApplyTheAggressorsModeAndNeverPrintASelfTrade(final SelfTradePrevention mode, final List<String> events,
                                                              final List<String> bookAfter) {
        given(book().ask("A1", 101_0000, 30).order(sell("A2", 101_0000, 20).firm(2)));
        when(buy("B1", 101_0000, 40).stp(mode));
        then(events(events.toArray(String[]::new)), bookIs(bookAfter.toArray(String[]::new)));
    }

    @Test
    void shouldUseTheFirmsDefaultWhenTheOrderNamesNoMode() {
        scenario = BookScenario.of(i -> i, c -> c.firmSelfTradePrevention(1, SelfTradePrevention.CANCEL_AGGRESSOR));
        given(book().ask("A1", 101_0000, 30));
        when(buy("B1", 101_0000, 40));
        then(events("ACCEPTED B1", "CANCELLED B1 SELF_TRADE"), bookIs("ask 101: A1 30"));
    }

    @Test
    void shouldLetTheOrdersOwnModeOverrideItsFirmsDefault() {
        scenario = BookScenario.of(i -> i, c -> c.selfTradePrevention(SelfTradePrevention.CANCEL_AGGRESSOR));
        given(book().ask("A1", 101_0000, 30));
        when(buy("B1", 101_0000, 40).stp(SelfTradePrevention.NONE));
        then(trades("A1 30@101"), bookIs("bid 101: B1 10"));
    }

    @Test
    void shouldOnlyPreventTradesBetweenOrdersOfOneAccountWhenScopedToAccounts() {
        scenario = BookScenario.of(i -> i, c -> c.selfTradeScope(SelfTradeScope.ACCOUNT)
            .selfTradePrevention(SelfTradePrevention.CANCEL_RESTING));
        given(book().order(sell("A1", 101_0000, 10).account(7)).order(sell("A2", 101_0000, 10).account(8)));
        when(buy("B1", 101_0000, 20).account(8));
        then(events("ACCEPTED B1", "TRADE A1 10@101", "CANCELLED A2 SELF_TRADE", "BOOKED B1 10"),
            bookIs("bid 101: B1 10"));
    }

    @Test
    void shouldRestateTheRestingOrderWhenItIsTheLargerOneInADecrement() {
        given(book().ask("A1", 101_0000, 50));
        when(buy("B1", 101_0000, 20).stp(SelfTradePrevention.DECREMENT));
        then(events("ACCEPTED B1", "RESTATED A1 20", "CANCELLED B1 SELF_TRADE"), bookIs("ask 101: A1 30"));
        final RestatedEvent restated = last(EventType.RESTATED);
        assertThat(restated.orderQty()).isEqualTo(30);
        assertThat(restated.leavesQty()).isEqualTo(30);
        assertThat(restated.visibleQty()).isEqualTo(30);
        assertThat(restated.reason()).isEqualTo(CancelReason.SELF_TRADE);
        assertThat(restated.execId()).isPositive();
    }

    @Test
    void shouldKillAFillOrKillThatCouldOnlyFillThroughItsOwnOrder() {
        given(book().ask("A1", 101_0000, 30).order(sell("A2", 101_0000, 20).firm(2)));
        when(buy("B1", 101_0000, 20).fok().stp(SelfTradePrevention.CANCEL_AGGRESSOR));
        then(events("ACCEPTED B1", "CANCELLED B1 FOK_NOT_FILLED"), bookIs("ask 101: A1 30, A2 20"));
    }

    @Test
    void shouldCountOtherFirmsLiquidityBehindOwnOrdersThatWouldBeCancelled() {
        given(book().ask("A1", 101_0000, 30).order(sell("A2", 101_0000, 20).firm(2)));
        when(buy("B1", 101_0000, 20).fok().stp(SelfTradePrevention.CANCEL_RESTING));
        then(events("ACCEPTED B1", "CANCELLED A1 SELF_TRADE", "TRADE A2 20@101"), bookIs());
    }
}
