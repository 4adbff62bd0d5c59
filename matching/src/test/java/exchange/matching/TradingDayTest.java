package exchange.matching;

import exchange.matching.event.EventType;
import exchange.matching.event.RestoredEvent;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

class TradingDayTest extends MatchingScenarioTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void shouldExpireDayOrdersAtEndOfDayAndCarryGoodTillOrdersOffTheBook() {
        given(book()
            .bid("DAY1", 100_0000, 10)
            .order(buy("GTC1", 100_0000, 10).gtc())
            .order(sell("GTD1", 102_0000, 10).gtd(scenario.now() + 24 * 60 * MINUTE))
            .ask("DAY2", 101_0000, 10));
        when(s -> s.endOfDay());
        then(events("CANCELLED DAY1 END_OF_DAY", "CANCELLED DAY2 END_OF_DAY", "DAY_ENDED 2"), bookIs());
        final exchange.matching.event.DayEndedEvent ended = last(EventType.DAY_ENDED);
        assertThat(ended.expiredCount()).isEqualTo(2);
        assertThat(ended.carriedCount()).isEqualTo(2);
        assertThat(scenario.engine().liveOrderCount()).isZero();
    }

    @Test
    void shouldExpireAuctionOnlyAndMarketOrdersLeftInAPreOpenBookAtEndOfDay() {
        given(s -> {
            s.phase(1, TradingPhase.PRE_OPEN);
            s.enter(buy("G1", 98_0000, 10).gtc());
            s.enter(buy("O1", 99_0000, 10).atTheOpen());
            s.enter(marketBuy("M1", 10));
            s.enter(sell("A1", 103_0000, 10).atTheOpen());
        });
        when(s -> s.endOfDay());
        then(events("CANCELLED M1 END_OF_DAY", "CANCELLED O1 END_OF_DAY", "CANCELLED A1 END_OF_DAY",
            "DAY_ENDED 3", "AUCTION_INDICATIVE none"), bookIs());
        final exchange.matching.event.DayEndedEvent ended = last(EventType.DAY_ENDED);
        assertThat(ended.carriedCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectNewOrdersWhileClosedButStillAcceptCancels() {
        given(book().bid("B1", 100_0000, 10));
        when(s -> {
            s.phase(0, TradingPhase.CLOSED);
            s.enter(buy("B2", 100_0000, 10));
            s.replace("B1", 100_0000, 5);
            s.cancel("B1");
        });
        then(events("PHASE_CHANGED CLOSED", "REJECTED B2 INSTRUMENT_CLOSED", "CANCEL_REJECTED B1 INSTRUMENT_CLOSED",
            "CANCELLED B1 USER_REQUEST"), bookIs());
    }

    @Test
    void shouldRejectNewOrdersWhileHaltedAndTradeAgainWhenResumed() {
        given(book().ask("A1", 101_0000, 10));
        when(s -> {
            s.phase(1, TradingPhase.HALTED);
            s.enter(buy("B1", 101_0000, 10));
            s.phase(1, TradingPhase.CONTINUOUS);
            s.enter(buy("B2", 101_0000, 10));
        });
        then(events("PHASE_CHANGED HALTED", "REJECTED B1 INSTRUMENT_HALTED", "PHASE_CHANGED CONTINUOUS",
            "ACCEPTED B2", "TRADE A1 10@101"), bookIs());
    }

    @Test
    void shouldEmitNothingWhenThePhaseDoesNotChange() {
        when(s -> s.phase(1, TradingPhase.CONTINUOUS));
        then(events());
    }

    @Test
    void shouldRestoreAGoodTillCancelledOrderWithItsFillsAndItsPriority() {
        given(book());
        when(s -> {
            s.phase(0, TradingPhase.CLOSED);
            s.restore("G1", 7, buy("G1", 100_0000, 30).gtc().firm(2).context("clord-G1"), 10, 10 * 99_0000L);
            s.restore("G2", 9, buy("G2", 100_0000, 20).gtc(), 0, 0);
            s.phase(0, TradingPhase.CONTINUOUS);
            s.enter(sell("S1", 100_0000, 25));
        });
        then(events("PHASE_CHANGED CLOSED", "RESTORED G1 20", "RESTORED G2 20", "PHASE_CHANGED CONTINUOUS",
            "ACCEPTED S1", "TRADE G1 20@100", "TRADE G2 5@100"), bookIs("bid 100: G2 15"));
        final RestoredEvent restored = (RestoredEvent) scenario.eventsSinceMark().get(1);
        assertThat(restored.orderId()).isEqualTo(7);
        assertThat(restored.cumQty()).isEqualTo(10);
        assertThat(restored.leavesQty()).isEqualTo(20);
        assertThat(restored.firmId()).isEqualTo(2);
        assertThat(new String(restored.contextBytes())).isEqualTo("clord-G1");
    }

    @Test
    void shouldReportARestoreThatWouldCrossTheBookAsCancelled() {
        given(book().ask("A1", 101_0000, 10));
        when(s -> s.restore("G1", 3, buy("G1", 102_0000, 10).gtc(), 0, 0));
        then(events("CANCELLED G1 RESTORE_FAILED"), bookIs("ask 101: A1 10"));
    }

    @Test
    void shouldIgnoreARestoreOfAnOrderThatIsAlreadyLive() {
        given(book().bid("B1", 100_0000, 10));
        when(s -> s.restore("B1", scenario.orderId("B1"), buy("B1", 99_0000, 10).gtc(), 0, 0));
        then(events(), bookIs("bid 100: B1 10"));
    }

    @Test
    void shouldReportARestoreOfAnUnknownInstrumentAsCancelledWithWhatWasLeft() {
        when(s -> s.restore("G1", 4, buy("G1", 99_0000, 10).gtc().instrument(9), 3, 3 * 99_0000L));
        then(events("CANCELLED G1 RESTORE_FAILED"));
        final exchange.matching.event.CancelledEvent cancelled = last(EventType.CANCELLED);
        assertThat(cancelled.cancelledQty()).isEqualTo(7);
        assertThat(cancelled.cumQty()).isEqualTo(3);
    }

    @Test
    void shouldExpireARestoredGoodTillDateOrderWhoseTimePassedOffTheBook() {
        given(book());
        when(s -> {
            s.advance(2 * MINUTE);
            s.restore("G1", 5, sell("G1", 101_0000, 10).gtd(s.now() - MINUTE), 0, 0);
        });
        then(events("RESTORED G1 10", "CANCELLED G1 GTD_EXPIRED"), bookIs());
    }

    @Test
    void shouldKeepTheExpireTimeOfARestoredGoodTillDateOrder() {
        given(book());
        when(s -> {
            s.restore("G1", 5, sell("G1", 101_0000, 10).gtd(s.now() + MINUTE), 0, 0);
            s.advance(2 * MINUTE);
            s.tick();
        });
        then(events("RESTORED G1 10", "CANCELLED G1 GTD_EXPIRED"), bookIs());
    }
}
