package exchange.matching;

import exchange.matching.event.CancelledEvent;
import exchange.matching.event.EventType;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.marketSell;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

class TimeInForceTest extends MatchingScenarioTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void shouldCancelTheUnfilledPartOfAnImmediateOrCancelOrder() {
        given(book().ask("A1", 101_0000, 10));
        when(buy("B1", 101_0000, 25).ioc());
        then(events("ACCEPTED B1", "TRADE A1 10@101", "CANCELLED B1 IOC_REMAINDER"), bookIs());
        final CancelledEvent cancelled = last(EventType.CANCELLED);
        assertThat(cancelled.cancelledQty()).isEqualTo(15);
        assertThat(cancelled.cumQty()).isEqualTo(10);
        assertThat(cancelled.leavesQty()).isZero();
    }

    @Test
    void shouldFillAFillOrKillOrderCompletelyWhenEnoughIsAvailable() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 102_0000, 10));
        when(buy("B1", 102_0000, 20).fok());
        then(events("ACCEPTED B1", "TRADE A1 10@101", "TRADE A2 10@102"), bookIs());
    }

    @Test
    void shouldKillAFillOrKillOrderWithoutTouchingTheBookWhenNotEnoughIsAvailable() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 103_0000, 10));
        when(buy("B1", 102_0000, 20).fok());
        then(events("ACCEPTED B1", "CANCELLED B1 FOK_NOT_FILLED"),
            bookIs("ask 101: A1 10", "ask 103: A2 10"));
    }

    @Test
    void shouldNeverRestAMarketOrder() {
        given(book().ask("A1", 101_0000, 10).ask("A2", 150_0000, 5));
        when(marketBuy("B1", 30));
        then(events("ACCEPTED B1", "TRADE A1 10@101", "TRADE A2 5@150", "CANCELLED B1 NO_LIQUIDITY"), bookIs());
    }

    @Test
    void shouldCancelAMarketOrderAtOnceWhenTheOtherSideIsEmpty() {
        given(book().bid("B1", 100_0000, 10));
        when(marketBuy("B2", 5));
        then(events("ACCEPTED B2", "CANCELLED B2 NO_LIQUIDITY"), bookIs("bid 100: B1 10"));
    }

    @Test
    void shouldTreatAMarketFillOrKillAsAllOrNothing() {
        given(book().bid("B1", 100_0000, 10));
        when(marketSell("S1", 11).fok());
        then(events("ACCEPTED S1", "CANCELLED S1 FOK_NOT_FILLED"), bookIs("bid 100: B1 10"));
    }

    @Test
    void shouldRestGoodTillCancelledOrdersLikeDayOrders() {
        given(book());
        when(sell("A1", 101_0000, 10).gtc());
        then(events("ACCEPTED A1", "BOOKED A1 10"), bookIs("ask 101: A1 10"));
    }

    @Test
    void shouldExpireAGoodTillDateOrderAtItsExpireTime() {
        given(book().order(sell("A1", 101_0000, 10).gtd(scenario.now() + 5 * MINUTE)).ask("A2", 101_0000, 10));
        when(s -> {
            s.advance(5 * MINUTE);
            s.tick();
        });
        then(events("CANCELLED A1 GTD_EXPIRED"), bookIs("ask 101: A2 10"));
        assertThat(((CancelledEvent) last(EventType.CANCELLED)).reason().isExpiry()).isTrue();
    }

    @Test
    void shouldExpireGoodTillDateOrdersBeforeApplyingTheCommandThatPassesTheirTime() {
        given(book().order(sell("A1", 101_0000, 10).gtd(scenario.now() + MINUTE)));
        when(s -> {
            s.advance(2 * MINUTE);
            s.enter(buy("B1", 101_0000, 10));
        });
        then(events("CANCELLED A1 GTD_EXPIRED", "ACCEPTED B1", "BOOKED B1 10"), bookIs("bid 101: B1 10"));
    }

    @Test
    void shouldNotExpireAGoodTillDateOrderThatHasAlreadyBeenCancelled() {
        given(book().order(sell("A1", 101_0000, 10).gtd(scenario.now() + MINUTE)));
        when(s -> {
            s.cancel("A1");
            s.advance(2 * MINUTE);
            s.tick();
        });
        then(events("CANCELLED A1 USER_REQUEST"), bookIs());
    }

    @Test
    void shouldRejectAGoodTillDateOrderWhoseTimeHasPassed() {
        when(sell("A1", 101_0000, 10).gtd(scenario.now()));
        then(events("REJECTED A1 INVALID_EXPIRE_TIME"), bookIs());
    }
}
