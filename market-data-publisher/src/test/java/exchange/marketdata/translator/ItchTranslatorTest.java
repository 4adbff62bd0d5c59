package exchange.marketdata.translator;

import exchange.marketdata.testing.ItchText;
import exchange.matching.Side;
import exchange.matching.TradingPhase;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.TradeEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping from engine events to ITCH messages, one behaviour per test: a real engine makes the
 * events where it can, and the rest (auctions, iceberg executions) are written by hand.
 */
class ItchTranslatorTest {
    private final TranslatorScenario scenario = new TranslatorScenario();

    @Test
    void shouldOpenTheSessionWithSystemEventsTheDirectoryAndTradingStates() {
        assertThat(scenario.all()).containsExactly("S O", "S S", "R TEST lot=1", "H TEST T", "S Q");
    }

    @Test
    void shouldAddABookedOrderAsShownUnderANewReference() {
        assertThat(scenario.when(buy("B1", 100_0000, 100))).containsExactly("A #1 B 100@100");
        assertThat(scenario.when(sell("A1", 101_5000, 40))).containsExactly("A #2 S 40@101.5");
    }

    @Test
    void shouldExecuteTheRestingOrderUnderItsReferenceWithTheEnginesMatchNumber() {
        scenario.given(sell("A1", 101_0000, 100), sell("A2", 101_0000, 50));

        assertThat(scenario.when(buy("B1", 101_0000, 120))).as("A1 executed in full leaves with its E, no D")
            .containsExactly("E #1 100 m1", "E #2 20 m2");
        assertThat(scenario.when(s -> s.cancel("A2"))).containsExactly("D #2");
    }

    @Test
    void shouldPublishNothingForAnOrderThatNeverRested() {
        scenario.given(sell("A1", 101_0000, 10));

        assertThat(scenario.when(buy("B1", 101_0000, 30).ioc())).containsExactly("E #1 10 m1");
        assertThat(scenario.when(marketBuy("B2", 30))).isEmpty();
        assertThat(scenario.when(buy("B3", 99_0000, 30).fok())).isEmpty();
        assertThat(scenario.translator.shownOrders()).isZero();
    }

    @Test
    void shouldDeleteACancelledOrder() {
        scenario.given(buy("B1", 100_0000, 100));

        assertThat(scenario.when(s -> s.cancel("B1"))).containsExactly("D #1");
    }

    @Test
    void shouldCancelTheSharesAReplaceTakesOffWhenItKeepsPriority() {
        scenario.given(buy("B1", 100_0000, 100));

        assertThat(scenario.when(s -> s.replace("B1", 100_0000, 60))).containsExactly("X #1 40");
    }

    @Test
    void shouldReplaceUnderANewReferenceWhenAReplaceLosesPriority() {
        scenario.given(buy("B1", 100_0000, 100), buy("B2", 100_0000, 10));

        assertThat(scenario.when(s -> s.replace("B1", 100_0000, 150))).as("more shares").containsExactly("U #1>#3 150@100");
        assertThat(scenario.when(s -> s.replace("B1", 99_5000, 150))).as("new price").containsExactly("U #3>#4 150@99.5");
    }

    @Test
    void shouldDeleteBeforeTheTradesWhenAReplacedOrderCrossesAndAddWhatRests() {
        scenario.given(buy("B1", 100_0000, 100), sell("A1", 101_0000, 30));

        assertThat(scenario.when(s -> s.replace("B1", 101_0000, 100)))
            .containsExactly("D #1", "E #2 30 m1", "A #3 B 70@101");
    }

    @Test
    void shouldDeleteAReplacedOrderThatFillsCompletely() {
        scenario.given(sell("A1", 101_0000, 100), buy("B1", 100_0000, 100));

        assertThat(scenario.when(s -> s.replace("B1", 101_0000, 100))).containsExactly("D #2", "E #1 100 m1");
        assertThat(scenario.translator.hasPendingReplace()).isFalse();
    }

    @Test
    void shouldDeleteAnOrderReplacedDownToWhatItHasFilled() {
        scenario.given(buy("B1", 100_0000, 50), sell("A1", 100_0000, 20));

        assertThat(scenario.when(s -> s.replace("B1", 100_0000, 20))).containsExactly("D #1");
    }

    @Test
    void shouldShowTradingStatesAndMarketHoursAsPhasesChange() {
        scenario.given(buy("B1", 100_0000, 100));

        assertThat(scenario.when(s -> s.phase(1, TradingPhase.HALTED))).containsExactly("H TEST H");
        assertThat(scenario.when(s -> s.phase(1, TradingPhase.CONTINUOUS))).containsExactly("H TEST T");
        assertThat(scenario.when(s -> s.phase(1, TradingPhase.CLOSED))).containsExactly("H TEST H", "S M");
        assertThat(scenario.when(s -> s.phase(1, TradingPhase.CONTINUOUS))).as("market hours again")
            .containsExactly("S Q", "H TEST T");
    }

    @Test
    void shouldEndTheSessionAtDayEndDeletingTheOrdersCarriedToTheNextDay() {
        scenario.given(buy("B1", 100_0000, 100).gtc(), sell("A1", 101_0000, 10));

        assertThat(scenario.when(s -> {
            s.phase(1, TradingPhase.CLOSED);
            s.endOfDay();
        })).containsExactly("H TEST H", "S M", "D #2", "D #1", "S E", "S C");
        assertThat(scenario.translator.isSessionOpen()).isFalse();
        assertThat(scenario.translator.shownOrders()).isZero();
    }

    @Test
    void shouldStartTheNextSessionWithReferencesFromOneAndTheStatesLeftByTheLastDay() {
        scenario.given(buy("B1", 100_0000, 100).gtc());
        scenario.when(s -> {
            s.phase(1, TradingPhase.CLOSED);
            s.endOfDay();
        });

        final List<String> nextDay = scenario.direct(t -> t.startSession(TranslatorScenario.MIDNIGHT, scenario.engine.now()));

        assertThat(nextDay).containsExactly("S O", "S S", "R TEST lot=1", "H TEST H");
        assertThat(scenario.when(s -> s.restore("B1", scenario.engine.orderId("B1"), buy("B1", 100_0000, 100).gtc(), 0, 0)))
            .containsExactly("A #1 B 100@100");
    }

    @Test
    void shouldExecuteBothShownSidesOfAnAuctionTradeAtTheCrossPriceAsNonPrintable() {
        scenario.given(buy("B1", 100_0000, 100), sell("A1", 101_0000, 60));
        final TradeEvent cross = trade(TradeEvent.FLAG_AUCTION, (byte)0, 7, 100_5000, 60);
        cross.buy().orderId(scenario.engine.orderId("B1")).leavesQty(40).visibleQty(40);
        cross.sell().orderId(scenario.engine.orderId("A1")).leavesQty(0).visibleQty(0);

        assertThat(scenario.feed(cross)).containsExactly("C #1 60@100.5 m7 N", "C #2 60@100.5 m7 N");
    }

    @Test
    void shouldPrintAnExecutionAgainstQuantityTheFeedNeverShowedAsATradeWithReferenceZero() {
        scenario.given(sell("A1", 101_0000, 10));
        final TradeEvent hidden = trade(TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED, Side.BUY.code(), 3, 101_0000, 25);
        hidden.sell().orderId(scenario.engine.orderId("A1")).leavesQty(75).visibleQty(10);
        hidden.buy().orderId(999).leavesQty(0).visibleQty(0);

        assertThat(scenario.feed(hidden)).containsExactly("P S 25@101 m3");
        assertThat(scenario.translator.shownOrders()).as("A1's shown peak is untouched").isEqualTo(1);
    }

    @Test
    void shouldShowAnIcebergsRefreshedPeakUnderANewReference() {
        final long iceberg = 500;
        assertThat(scenario.feed(booked(iceberg, Side.SELL, 101_0000, 10, 100, BookedEvent.REASON_NEW)))
            .containsExactly("A #1 S 10@101");
        final TradeEvent peakTaken = trade(0, Side.BUY.code(), 1, 101_0000, 10);
        peakTaken.sell().orderId(iceberg).leavesQty(90).visibleQty(0);
        peakTaken.buy().orderId(501).leavesQty(0).visibleQty(0);

        assertThat(scenario.feed(peakTaken)).containsExactly("E #1 10 m1");
        assertThat(scenario.feed(booked(iceberg, Side.SELL, 101_0000, 10, 90, BookedEvent.REASON_REFRESH)))
            .containsExactly("A #2 S 10@101");
    }

    @Test
    void shouldPublishAnAuctionsIndicativeStateAsNoiiAndItsUncrossAsACrossTrade() {
        final long now = scenario.engine.now();
        assertThat(scenario.direct(t -> t.onIndicative(1, now, 100_5000, 300, 40, Side.SELL.code(),
            TradingStates.crossType(TradingPhase.PRE_OPEN)))).containsExactly("I 300 40 S 100.5 O L");
        assertThat(scenario.direct(t -> t.onIndicative(1, now, 0, 0, 0, (byte)0, 'O')))
            .as("nothing would cross").containsExactly("I 0 0 O 0 O  ");
        assertThat(scenario.direct(t -> t.onUncrossed(1, now, 100_5000, 300, 12,
            TradingStates.crossType(TradingPhase.PRE_OPEN)))).containsExactly("Q 300@100.5 m12 O");
    }

    @Test
    void shouldCancelTheShownSharesTheExchangeTakesOffAnOrder() {
        scenario.given(buy("B1", 100_0000, 100));
        final long b1 = scenario.engine.orderId("B1");

        assertThat(scenario.direct(t -> t.onRestated(b1, 70, scenario.engine.now()))).containsExactly("X #1 30");
        assertThat(scenario.direct(t -> t.onRestated(b1, 0, scenario.engine.now()))).containsExactly("D #1");
    }

    @Test
    void shouldShowNothingForAnOrderWhosePriceDoesNotFitItchAndCountIt() {
        final long tooHigh = 4_294_967_300L; // on the tick, above 429,496.7295
        assertThat(scenario.when(sell("A1", tooHigh, 10))).isEmpty();
        assertThat(scenario.translator.unpublishedOrders()).isEqualTo(1);

        assertThat(scenario.when(buy("B1", tooHigh, 10))).as("its print cannot be sent either").isEmpty();
        assertThat(scenario.translator.unpublishedPrints()).isEqualTo(1);
    }

    @Test
    void shouldStampEachMessageWithTheCommandsTimeAsNanosecondsSinceMidnight() {
        scenario.engine.advance(1_234);
        scenario.when(buy("B1", 100_0000, 100));

        final byte[] add = scenario.messages.get(scenario.messages.size() - 1);
        assertThat(ItchText.withHeaders(add)).isEqualTo("[1] " + (9 * 3_600_000_000_000L + 1_234) + " A #1 B 100@100");
    }

    private static TradeEvent trade(final int flags, final byte aggressorSide, final long matchId, final long price,
        final long qty) {
        final TradeEvent trade = new TradeEvent();
        trade.wrap(new UnsafeBuffer(new byte[512]), 0);
        trade.init(1, 1_000, TranslatorScenario.MIDNIGHT + 10 * 3_600_000_000_000L);
        trade.matchId(matchId).price(price).quantity(qty).aggressorSideCode(aggressorSide).flags(flags);
        trade.buy().sideCode(Side.BUY.code());
        trade.sell().sideCode(Side.SELL.code());
        return trade;
    }

    private static BookedEvent booked(final long orderId, final Side side, final long price, final long visible,
        final long leaves, final int reason) {
        final BookedEvent booked = new BookedEvent();
        booked.wrap(new UnsafeBuffer(new byte[128]), 0);
        booked.init(1, 1_000, TranslatorScenario.MIDNIGHT + 10 * 3_600_000_000_000L);
        booked.orderId(orderId).price(price).visibleQty(visible).leavesQty(leaves).orderQty(leaves)
            .sideCode(side.code()).reason(reason);
        return booked;
    }
}
