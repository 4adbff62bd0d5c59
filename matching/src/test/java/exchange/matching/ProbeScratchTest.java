package exchange.matching;

import exchange.matching.testing.BookScenario;
import exchange.matching.testing.EventText;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.*;

class ProbeScratchTest extends MatchingScenarioTest {
    private void dump(final String title) {
        System.out.println("=== " + title);
        scenario.eventsSinceMark().forEach(e -> System.out.println("  " + EventText.of(e, scenario::label) + "   | " + e));
        System.out.println("  book " + scenario.book(1) + " stops " + scenario.stops(1));
    }

    @Test
    void marketOnlyNoReference() {
        scenario = BookScenario.of(i -> i.referencePrice(0), c -> c);
        given(s -> {
            s.phase(1, TradingPhase.PRE_OPEN);
            s.enter(marketBuy("M1", 10));
            s.enter(marketSell("M2", 10));
        });
        when(s -> s.phase(1, TradingPhase.CONTINUOUS));
        dump("market only, no reference");
    }

    @Test
    void haltedAcceptThenResume() {
        scenario = BookScenario.of(i -> i.haltedOrderPolicy(HaltedOrderPolicy.ACCEPT), c -> c);
        given(s -> {
            s.enter(buy("B0", 99_0000, 10));
            s.phase(1, TradingPhase.HALTED);
        });
        when(marketBuy("M1", 10).ioc());
        dump("ioc in halt");
        when(buy("B1", 101_0000, 10));
        dump("limit in halt");
        when(sell("S1", 100_0000, 10).postOnly());
        dump("post-only sell in halt crossing");
        when(s -> s.phase(1, TradingPhase.CONTINUOUS));
        dump("resume");
    }

    @Test
    void postOnlyInPreOpenThenUncross() {
        given(s -> {
            s.phase(1, TradingPhase.PRE_OPEN);
            s.enter(buy("B1", 101_0000, 10));
            s.enter(sell("P1", 100_0000, 10).postOnly());
        });
        when(s -> s.phase(1, TradingPhase.CONTINUOUS));
        dump("post-only in auction");
    }

    @Test
    void icebergReplaceDownPartiallyFilled() {
        given(book().order(sell("I", 101_0000, 100).display(10)).ask("A2", 101_0000, 10));
        when(buy("B", 101_0000, 4));
        dump("take 4 from iceberg");
        when(s -> s.replace("I", 101_0000, 50));
        dump("replace iceberg down to 50");
        when(buy("B2", 101_0000, 6));
        dump("take 6");
    }

    @Test
    void stopMarketEmptyBook() {
        given(book().ask("A1", 101_0000, 5).bid("B1", 99_0000, 5).order(buyStop("S1", 101_0000, 10)));
        when(buy("B", 101_0000, 5));
        dump("stop market against empty");
    }

    @Test
    void gtdExactTime() {
        given(s -> s.enter(buy("G", 99_0000, 10).gtd(s.now() + 1000)));
        when(s -> { s.advance(999); s.tick(); });
        dump("t-1");
        when(s -> { s.advance(1); s.tick(); });
        dump("t");
    }

    @Test
    void volatilityAuctionMarketOrders() {
        scenario = BookScenario.of(i -> i.circuitBreakerBps(200).circuitBreakerOpeningWindowNs(0).volatilityAuctionNs(1000), c -> c);
        given(book().ask("A1", 100_0000, 5).ask("A2", 105_0000, 5).bid("B0", 95_0000, 5));
        when(buy("B", 106_0000, 10));
        dump("trip breaker");
        when(marketBuy("M", 3));
        dump("market in vol auction");
        when(s -> { s.advance(2000); s.tick(); });
        dump("end of vol auction");
    }
}
