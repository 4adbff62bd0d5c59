package exchange.matching;

import exchange.matching.command.CommandType;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.EventType;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

class CancelReplaceTest extends MatchingScenarioTest {

    @Test
    void shouldCancelARestingOrder() {
        given(book().bid("B1", 100_0000, 10).bid("B2", 100_0000, 20));
        when(s -> s.cancel("B1"));
        then(events("CANCELLED B1 USER_REQUEST"), bookIs("bid 100: B2 20"));
    }

    @Test
    void shouldRefuseToCancelAnOrderThatIsNoLongerLive() {
        given(book().ask("A1", 101_0000, 10).order(buy("B1", 101_0000, 10)));
        when(s -> s.cancel("A1"));
        then(events("CANCEL_REJECTED A1 UNKNOWN_ORDER"));
        final CancelRejectedEvent rejected = last(EventType.CANCEL_REJECTED);
        assertThat(rejected.orderLive()).isFalse();
        assertThat(rejected.requestType()).isEqualTo(CommandType.CANCEL);
    }

    @Test
    void shouldTreatAnotherFirmsOrderAsUnknown() {
        given(book().bid("B1", 100_0000, 10));
        when(s -> s.cancel("B1", 2));
        then(events("CANCEL_REJECTED B1 UNKNOWN_ORDER"), bookIs("bid 100: B1 10"));
    }

    @Test
    void shouldKeepTimePriorityWhenQuantityIsReducedAtTheSamePrice() {
        given(book().bid("B1", 100_0000, 30).bid("B2", 100_0000, 20));
        when(s -> s.replace("B1", 100_0000, 10));
        then(events("REPLACED B1 kept"), bookIs("bid 100: B1 10, B2 20"));
        final ReplacedEvent replaced = last(EventType.REPLACED);
        assertThat(replaced.orderQty()).isEqualTo(10);
        assertThat(replaced.leavesQty()).isEqualTo(10);
        assertThat(replaced.previousOrderQty()).isEqualTo(30);
        assertThat(replaced.previousVisibleQty()).isEqualTo(30);
        assertThat(replaced.visibleQty()).isEqualTo(10);
    }

    @Test
    void shouldLosePriorityWhenQuantityIsIncreased() {
        given(book().bid("B1", 100_0000, 30).bid("B2", 100_0000, 20));
        when(s -> s.replace("B1", 100_0000, 40));
        then(events("REPLACED B1 lost", "BOOKED B1 40"), bookIs("bid 100: B2 20, B1 40"));
    }

    @Test
    void shouldLosePriorityWhenThePriceChanges() {
        given(book().bid("B1", 100_0000, 30).bid("B2", 99_0000, 20));
        when(s -> s.replace("B1", 99_0000, 30));
        then(events("REPLACED B1 lost", "BOOKED B1 30"), bookIs("bid 99: B2 20, B1 30"));
    }

    @Test
    void shouldTradeAtOnceWhenAReplaceCrossesTheBook() {
        given(book().bid("B1", 100_0000, 30).ask("A1", 101_0000, 10));
        when(s -> s.replace("B1", 101_0000, 30));
        then(events("REPLACED B1 lost", "TRADE A1 10@101", "BOOKED B1 20"), bookIs("bid 101: B1 20"));
    }

    @Test
    void shouldCountFillsAgainstTheNewQuantity() {
        given(book().bid("B1", 100_0000, 30).order(sell("S1", 100_0000, 10)));
        when(s -> s.replace("B1", 100_0000, 25));
        then(events("REPLACED B1 kept"), bookIs("bid 100: B1 15"));
        final ReplacedEvent replaced = last(EventType.REPLACED);
        assertThat(replaced.cumQty()).isEqualTo(10);
        assertThat(replaced.leavesQty()).isEqualTo(15);
    }

    @Test
    void shouldEndTheOrderWhenReplacedToAtOrBelowTheFilledQuantity() {
        given(book().bid("B1", 100_0000, 30).order(sell("S1", 100_0000, 10)));
        when(s -> s.replace("B1", 100_0000, 10));
        then(events("REPLACED B1 lost"), bookIs());
        final ReplacedEvent replaced = last(EventType.REPLACED);
        assertThat(replaced.orderQty()).isEqualTo(10);
        assertThat(replaced.cumQty()).isEqualTo(10);
        assertThat(replaced.leavesQty()).isZero();
        assertThat(scenario.engine().liveOrderCount()).isZero();
    }

    @Test
    void shouldRefuseAReplaceThatChangesTheSide() {
        given(book().bid("B1", 100_0000, 30));
        when(s -> s.replace("B1", 100_0000, 10, r -> r.side(Side.SELL)));
        then(events("CANCEL_REJECTED B1 REPLACE_NOT_ALLOWED"), bookIs("bid 100: B1 30"));
        final CancelRejectedEvent rejected = last(EventType.CANCEL_REJECTED);
        assertThat(rejected.orderLive()).isTrue();
        assertThat(rejected.leavesQty()).isEqualTo(30);
        assertThat(rejected.requestType()).isEqualTo(CommandType.REPLACE);
    }

    @Test
    void shouldRefuseAReplaceToAPriceOffTheTick() {
        given(book().bid("B1", 100_0000, 30));
        when(s -> s.replace("B1", 100_0050, 30));
        then(events("CANCEL_REJECTED B1 PRICE_OFF_TICK"), bookIs("bid 100: B1 30"));
    }

    @Test
    void shouldRefuseAReplaceToANonPositiveQuantity() {
        given(book().bid("B1", 100_0000, 30));
        when(s -> s.replace("B1", 100_0000, 0));
        then(events("CANCEL_REJECTED B1 INVALID_QUANTITY"), bookIs("bid 100: B1 30"));
    }

    @Test
    void shouldReportTheStateOfALiveOrder() {
        given(book().bid("B1", 100_0000, 30).order(sell("S1", 100_0000, 10)));
        when(s -> s.status("B1", 1));
        then(events("STATUS B1 live"));
        final StatusEvent status = last(EventType.STATUS);
        assertThat(status.cumQty()).isEqualTo(10);
        assertThat(status.leavesQty()).isEqualTo(20);
        assertThat(status.execId()).isZero();
    }

    @Test
    void shouldReportAnOrderThatIsNotLiveAsUnknown() {
        given(book().bid("B1", 100_0000, 30));
        when(s -> s.status("B1", 2));
        then(events("STATUS B1 unknown"));
    }
}
