package exchange.matching;

import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.EventType;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import exchange.matching.testing.OrderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.marketSell;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uncrossing price rule (see {@link Auction}): most executable volume, then least imbalance, then
 * nearest the reference price; the ladder of the Euronext Trading Manual for the cash market, §3.1
 * (uncrossing: maximum execution, minimum surplus, closest to the reference price).
 *
 * <p>The worked examples are Euronext's own: the "Call phase" examples 1 to 5 of Euronext's order-type
 * sheet <i>Pure Market Order</i> (NYSE Euronext, www3.production.euronext.com/fic/000/041/480/414808.pdf),
 * reference price €10, as transcribed in the acceptance tests of the public EuronextClone project
 * (github.com/mattdavey/EuronextClone, "Euronext - pure market order.feature"). Its market-to-limit
 * orders take part in the call as market orders, as they do here. Two of its results come from a tie
 * break the rule does not have: when the surplus is on one side at every candidate price, the
 * sheet takes the price that side pushes towards (market pressure: the higher price for a buy
 * surplus, the lower for a sell surplus) before looking at the reference price. Those rows show both
 * prices.
 */
class AuctionPriceTest extends MatchingScenarioTest {

    /** Example 1: two market-to-limit orders (entered as market orders) and four limits. */
    private static List<OrderSpec> example1() {
        return List.of(marketBuy("A", 50), buy("B", 10_1000, 90), buy("C", 9_9000, 10), marketSell("D", 40),
            sell("E", 10_0800, 100), sell("F", 10_1500, 60));
    }

    static Stream<Arguments> pureMarketOrderCallPhaseExamples() {
        final List<OrderSpec> example1WithG = new java.util.ArrayList<>(example1());
        example1WithG.add(marketBuy("G", 20));
        return Stream.of(
            Arguments.of("1, before G", example1(), 10_0800, 140, 0, 10_0800),
            Arguments.of("1, after G's market buy of 20", example1WithG, 10_0800, 140, 20, 10_1000),
            Arguments.of("2, only market orders", List.of(marketBuy("A", 40), marketSell("D", 45)), 10_0000, 40, 5, 10_0000),
            Arguments.of("2, after G's market buy of 20",
                List.of(marketBuy("A", 40), marketSell("D", 45), marketBuy("G", 20)), 10_0000, 45, 15, 10_0000),
            Arguments.of("3, price above the best limit: the reference",
                List.of(marketBuy("A", 40), sell("G", 9_9800, 40)), 10_0000, 40, 0, 10_0000),
            Arguments.of("4, a sell surplus at every price", List.of(marketBuy("A", 40), sell("G", 9_9800, 41)),
                10_0000, 40, 1, 9_9800),
            Arguments.of("5, price at the best limit above the reference",
                List.of(marketBuy("A", 40), sell("G", 10_0200, 40)), 10_0200, 40, 0, 10_0200));
    }

    @ParameterizedTest(name = "Pure Market Order, call phase example {0}")
    @MethodSource("pureMarketOrderCallPhaseExamples")
    void shouldFindTheUncrossingPriceOfTheRulebooksWorkedExamples(final String example, final List<OrderSpec> orders,
                                                                 final long price, final long paired,
                                                                 final long imbalance, final long rulebookPrice) {
        scenario = BookScenario.of(i -> i.referencePrice(10_0000), c -> c);
        when(s -> {
            s.phase(BookScenario.INSTRUMENT, TradingPhase.PRE_OPEN);
            orders.forEach(s::enter);
        });
        final AuctionIndicativeEvent indicative = last(EventType.AUCTION_INDICATIVE);
        assertThat(indicative.price()).as("uncrossing price (the sheet's: %d)", rulebookPrice).isEqualTo(price);
        assertThat(indicative.pairedQty()).as("paired").isEqualTo(paired);
        assertThat(indicative.imbalanceQty()).as("imbalance").isEqualTo(imbalance);
        assertThat(indicative.referencePrice()).isEqualTo(10_0000);
    }

    @Test
    void shouldTradeExample1AtOnePriceInPriceTimePriorityWithTheRulebooksPairs() {
        // The sheet prints A/D 40, A/E 10, G/E 20 and B/E 70, and leaves B 20 and C 10 bid and F 60
        // offered; the same pairs and the same book here, at 10.08 rather than its 10.10 (see above).
        scenario = BookScenario.of(i -> i.referencePrice(10_0000), c -> c);
        given(s -> {
            s.phase(BookScenario.INSTRUMENT, TradingPhase.PRE_OPEN);
            example1().forEach(s::enter);
            s.enter(marketBuy("G", 20));
        });
        when(s -> s.phase(BookScenario.INSTRUMENT, TradingPhase.CONTINUOUS));
        then(events("TRADE A/D 40@10.08", "TRADE A/E 10@10.08", "TRADE G/E 20@10.08", "TRADE B/E 70@10.08",
                "AUCTION_UNCROSSED 140@10.08", "PHASE_CHANGED CONTINUOUS"),
            bookIs("bid 10.1: B 20", "bid 9.9: C 10", "ask 10.15: F 60"));
    }

    @Test
    void shouldTradeOnlyMarketOrdersAtTheReferencePriceAsInExample2() {
        scenario = BookScenario.of(i -> i.referencePrice(10_0000), c -> c);
        given(s -> {
            s.phase(BookScenario.INSTRUMENT, TradingPhase.PRE_OPEN);
            s.enter(marketBuy("A", 40));
            s.enter(marketSell("D", 45));
            s.enter(marketBuy("G", 20));
        });
        when(s -> s.phase(BookScenario.INSTRUMENT, TradingPhase.CONTINUOUS));
        // The sheet keeps G's 15 for the next uncrossing; market orders never rest in continuous trading here.
        then(events("TRADE A/D 40@10", "TRADE G/D 5@10", "AUCTION_UNCROSSED 45@10", "CANCELLED G NO_LIQUIDITY",
            "PHASE_CHANGED CONTINUOUS"), bookIs());
    }

    /** Ties the rule resolves by the reference price, and what it does without one. */
    static Stream<Arguments> ties() {
        return Stream.of(
            Arguments.of("the reference inside the range of best prices", 100_0000, 100_0000),
            Arguments.of("the reference below it: the lowest best price", 90_0000, 99_0000),
            Arguments.of("the reference above it: the highest best price", 120_0000, 101_0000),
            Arguments.of("no reference: the lowest best price", 0, 99_0000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ties")
    void shouldBreakTiesTowardsTheReferencePrice(final String name, final long reference, final long price) {
        // buy 100 at 101 and sell 100 at 99: 100 trades at any price from 99 to 101, with no imbalance
        scenario = BookScenario.of(i -> i.referencePrice(reference), c -> c);
        when(s -> {
            s.phase(BookScenario.INSTRUMENT, TradingPhase.PRE_OPEN);
            s.enter(buy("B", 101_0000, 100));
            s.enter(sell("S", 99_0000, 100));
        });
        assertThat(((AuctionIndicativeEvent) last(EventType.AUCTION_INDICATIVE)).price()).isEqualTo(price);
    }

    @Test
    void shouldPreferLessImbalanceOverNearnessToTheReference() {
        // 100 trades at 100 and at 101; at 100 (the reference) 30 bought are left over, at 101 none
        scenario = BookScenario.of(i -> i.referencePrice(100_0000), c -> c);
        when(s -> {
            s.phase(BookScenario.INSTRUMENT, TradingPhase.PRE_OPEN);
            s.enter(buy("B1", 101_0000, 100));
            s.enter(buy("B2", 100_0000, 30));
            s.enter(sell("S1", 100_0000, 100));
        });
        final AuctionIndicativeEvent e = last(EventType.AUCTION_INDICATIVE);
        assertThat(e.price()).isEqualTo(101_0000);
        assertThat(e.pairedQty()).isEqualTo(100);
        assertThat(e.imbalanceQty()).isZero();
        assertThat(e.imbalanceSide()).isEqualTo(AuctionIndicativeEvent.IMBALANCE_NONE);
    }
}
