package exchange.matching;

import exchange.matching.event.AcceptedEvent;
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

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.marketBuy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Post-only orders (ExecInst 6) and a minimum quantity (MinQty 110) on IOC orders. */
class PostOnlyAndMinQtyTest extends MatchingScenarioTest {

    /** Book: bid 100 (B0 10), ask 101 (A0 10). */
    static Stream<Arguments> postOnlyOrders() {
        return Stream.of(
            Arguments.of("rests when it would not take", PostOnlyPolicy.REJECT, buy("P1", 100_5000, 5).postOnly(),
                List.of("ACCEPTED P1", "BOOKED P1 5"), List.of("bid 100.5: P1 5", "bid 100: B0 10", "ask 101: A0 10")),
            Arguments.of("rejected when it would take", PostOnlyPolicy.REJECT, buy("P1", 101_0000, 5).postOnly(),
                List.of("REJECTED P1 POST_ONLY_WOULD_TAKE"), List.of("bid 100: B0 10", "ask 101: A0 10")),
            Arguments.of("buy repriced a tick under the best ask", PostOnlyPolicy.REPRICE, buy("P1", 102_0000, 5).postOnly(),
                List.of("ACCEPTED P1", "BOOKED P1 5"), List.of("bid 100.99: P1 5", "bid 100: B0 10", "ask 101: A0 10")),
            Arguments.of("sell repriced a tick over the best bid", PostOnlyPolicy.REPRICE, sell("P1", 99_0000, 5).postOnly(),
                List.of("ACCEPTED P1", "BOOKED P1 5"), List.of("bid 100: B0 10", "ask 100.01: P1 5", "ask 101: A0 10")),
            Arguments.of("not on an IOC", PostOnlyPolicy.REJECT, buy("P1", 100_0000, 5).ioc().postOnly(),
                List.of("REJECTED P1 UNSUPPORTED_ORDER"), List.of("bid 100: B0 10", "ask 101: A0 10")),
            Arguments.of("not on a market order", PostOnlyPolicy.REPRICE, marketBuy("P1", 5).postOnly(),
                List.of("REJECTED P1 UNSUPPORTED_ORDER"), List.of("bid 100: B0 10", "ask 101: A0 10")));
    }

    @ParameterizedTest(name = "post-only {0}")
    @MethodSource("postOnlyOrders")
    void shouldNeverLetAPostOnlyOrderTakeLiquidity(final String name, final PostOnlyPolicy policy, final OrderSpec order,
                                                   final List<String> events, final List<String> bookAfter) {
        scenario = BookScenario.of(i -> i.postOnlyPolicy(policy), c -> c);
        given(book().bid("B0", 100_0000, 10).ask("A0", 101_0000, 10));
        when(order);
        then(noTrades(), events(events.toArray(String[]::new)), bookIs(bookAfter.toArray(String[]::new)));
    }

    @Test
    void shouldReportTheRepricedPriceInTheAcceptance() {
        scenario = BookScenario.of(i -> i.postOnlyPolicy(PostOnlyPolicy.REPRICE), c -> c);
        given(book().ask("A0", 101_0000, 10));
        when(buy("P1", 105_0000, 5).postOnly());
        assertThat(((AcceptedEvent) last(EventType.ACCEPTED)).price()).isEqualTo(100_9900);
    }

    @Test
    void shouldRefuseToReplaceAPostOnlyOrderToAPriceThatWouldTake() {
        given(book().ask("A0", 101_0000, 10).order(buy("P1", 100_0000, 5).postOnly()));
        when(s -> s.replace("P1", 101_0000, 5));
        then(events("CANCEL_REJECTED P1 POST_ONLY_WOULD_TAKE"), bookIs("bid 100: P1 5", "ask 101: A0 10"));
    }

    /** Book: ask 101 (A1 10), ask 102 (A2 10). */
    static Stream<Arguments> minimumQuantities() {
        return Stream.of(
            Arguments.of("met at one price", buy("I1", 101_0000, 15).ioc().minQty(10),
                List.of("ACCEPTED I1", "TRADE A1 10@101", "CANCELLED I1 IOC_REMAINDER"), List.of("ask 102: A2 10")),
            Arguments.of("met over two prices", buy("I1", 102_0000, 15).ioc().minQty(15),
                List.of("ACCEPTED I1", "TRADE A1 10@101", "TRADE A2 5@102"), List.of("ask 102: A2 5")),
            Arguments.of("not met within the limit", buy("I1", 101_0000, 15).ioc().minQty(11),
                List.of("ACCEPTED I1", "CANCELLED I1 MIN_QUANTITY_NOT_MET"), List.of("ask 101: A1 10", "ask 102: A2 10")),
            Arguments.of("only on IOC", buy("I1", 101_0000, 15).minQty(5),
                List.of("REJECTED I1 INVALID_MIN_QUANTITY"), List.of("ask 101: A1 10", "ask 102: A2 10")),
            Arguments.of("not above the quantity", buy("I1", 101_0000, 15).ioc().minQty(16),
                List.of("REJECTED I1 INVALID_MIN_QUANTITY"), List.of("ask 101: A1 10", "ask 102: A2 10")),
            Arguments.of("not negative", buy("I1", 101_0000, 15).ioc().minQty(-1),
                List.of("REJECTED I1 INVALID_MIN_QUANTITY"), List.of("ask 101: A1 10", "ask 102: A2 10")));
    }

    @ParameterizedTest(name = "minimum quantity {0}")
    @MethodSource("minimumQuantities")
    void shouldTradeAnImmediateOrderOnlyWhenItsMinimumQuantityIsAvailable(final String name, final OrderSpec order,
                                                                          final List<String> events,
                                                                          final List<String> bookAfter) {
        given(book().ask("A1", 101_0000, 10).ask("A2", 102_0000, 10));
        when(order);
        then(events(events.toArray(String[]::new)), bookIs(bookAfter.toArray(String[]::new)));
    }
}
