package exchange.matching;

import exchange.matching.event.EventType;
import exchange.matching.event.TradeEvent;
import exchange.matching.testing.MatchingScenarioTest;
import exchange.matching.testing.OrderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Iceberg orders (FIX MaxFloor 111): only the display quantity shows; when it is used up it refreshes
 * from the hidden rest and goes to the back of its level. The book shows an iceberg as
 * {@code visible/leaves}.
 */
class IcebergTest extends MatchingScenarioTest {

    @Test
    void shouldShowOnlyTheDisplayQuantity() {
        given(book());
        when(sell("A1", 101_0000, 100).display(20));
        then(events("ACCEPTED A1", "BOOKED A1 20"), bookIs("ask 101: A1 20/100"));
    }

    @Test
    void shouldRefreshFromTheReserveAndGoToTheBackOfTheLevel() {
        given(book().order(sell("A1", 101_0000, 100).display(20)).ask("A2", 101_0000, 30));
        when(buy("B1", 101_0000, 50));
        then(events("ACCEPTED B1", "TRADE A1 20@101", "BOOKED A1 20", "TRADE A2 30@101"),
            bookIs("ask 101: A1 20/80"));
    }

    @Test
    void shouldTradeOnIntoTheReserveWhenAloneAtItsPriceAndFlagWhatWasNeverShown() {
        // Alone at 101 it would be next again after every refresh: one execution, then one refresh.
        given(book().order(sell("A1", 101_0000, 100).display(20)));
        when(buy("B1", 101_0000, 70));
        then(events("ACCEPTED B1", "TRADE A1 70@101", "BOOKED A1 20"), bookIs("ask 101: A1 20/30"));
        final TradeEvent trade = last(EventType.TRADE);
        assertThat(trade.flags()).isEqualTo(TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED);
        assertThat(trade.sell().visibleQty()).isZero();
    }

    @Test
    void shouldMeetTheOrdersBehindItBeforeItsReserveAndThenTheReserveOnceAlone() {
        given(book().order(sell("A1", 101_0000, 100).display(20)).ask("A2", 101_0000, 10));
        when(buy("B1", 101_0000, 60));
        then(events("ACCEPTED B1", "TRADE A1 20@101", "BOOKED A1 20", "TRADE A2 10@101", "TRADE A1 30@101",
            "BOOKED A1 20"), bookIs("ask 101: A1 20/50"));
    }

    @Test
    void shouldReportOnlyTheDisplayedQuantityLeftToMarketData() {
        given(book().order(sell("A1", 101_0000, 100).display(20)));
        when(buy("B1", 101_0000, 15));
        final TradeEvent trade = last(EventType.TRADE);
        assertThat(trade.sell().visibleQty()).isEqualTo(5);
        assertThat(trade.sell().leavesQty()).isEqualTo(85);
        assertThat(trade.flags() & TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED).isZero();
    }

    @Test
    void shouldTradeItsWholeQuantityAsAnAggressorAndThenShowAPeak() {
        given(book().ask("A1", 101_0000, 50));
        when(buy("B1", 101_0000, 100).display(10));
        then(events("ACCEPTED B1", "TRADE A1 50@101", "BOOKED B1 10"), bookIs("bid 101: B1 10/50"));
    }

    @Test
    void shouldKeepPriorityAndShowNoMoreThanIsLeftWhenTheQuantityGoesDown() {
        given(book().order(sell("A1", 101_0000, 100).display(20)).ask("A2", 101_0000, 30));
        when(s -> s.replace("A1", 101_0000, 10, r -> r.side(Side.SELL)));
        then(events("REPLACED A1 kept peak 20"), bookIs("ask 101: A1 10, A2 30"));
    }

    @Test
    void shouldLosePriorityForANewPeak() {
        given(book().order(sell("A1", 101_0000, 100).display(20)).ask("A2", 101_0000, 30));
        when(s -> s.replace("A1", 101_0000, 100, r -> r.side(Side.SELL).displayQuantity(40)));
        then(events("REPLACED A1 lost peak 40", "BOOKED A1 40"), bookIs("ask 101: A2 30, A1 40/100"));
    }

    @Test
    void shouldRefuseToTurnAPlainOrderIntoAnIcebergByReplace() {
        given(book().ask("A1", 101_0000, 100));
        when(s -> s.replace("A1", 101_0000, 100, r -> r.side(Side.SELL).displayQuantity(40)));
        then(events("CANCEL_REJECTED A1 REPLACE_NOT_ALLOWED"), bookIs("ask 101: A1 100"));
    }

    @Test
    void shouldDecrementTheHiddenReserveFirstInSelfTradePrevention() {
        given(book().order(sell("A1", 101_0000, 100).display(20)));
        when(buy("B1", 101_0000, 90).stp(SelfTradePrevention.DECREMENT));
        then(events("ACCEPTED B1", "RESTATED A1 90", "CANCELLED B1 SELF_TRADE"), bookIs("ask 101: A1 10"));
    }

    @Test
    void shouldRestoreAnIcebergWithAFreshPeak() {
        when(s -> s.restore("G1", 5, sell("G1", 101_0000, 100).gtc().display(20), 30, 30 * 101_0000L));
        then(events("RESTORED G1 20"), bookIs("ask 101: G1 20/70"));
    }

    static Stream<Arguments> invalidIcebergs() {
        return Stream.of(
            Arguments.of("peak equal to the quantity", sell("X", 101_0000, 100).display(100),
                RejectReason.INVALID_DISPLAY_QUANTITY),
            Arguments.of("negative peak", sell("X", 101_0000, 100).display(-5), RejectReason.INVALID_DISPLAY_QUANTITY),
            Arguments.of("market iceberg", marketBuy("X", 100).display(10), RejectReason.UNSUPPORTED_ORDER),
            Arguments.of("immediate iceberg", buy("X", 101_0000, 100).ioc().display(10), RejectReason.UNSUPPORTED_ORDER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIcebergs")
    void shouldRejectAnIcebergThatCannotRestShowingPartOfItself(final String name, final OrderSpec order,
                                                                final RejectReason reason) {
        when(order);
        then(events("REJECTED X " + reason), bookIs());
    }
}
