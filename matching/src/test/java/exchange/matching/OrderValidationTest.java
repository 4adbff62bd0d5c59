package exchange.matching;

import exchange.matching.event.EventType;
import exchange.matching.event.RejectedEvent;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import exchange.matching.testing.OrderSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

class OrderValidationTest extends MatchingScenarioTest {

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
            Arguments.of("unknown instrument", buy("X", 100_0000, 10).instrument(9), RejectReason.UNKNOWN_INSTRUMENT),
            Arguments.of("zero quantity", buy("X", 100_0000, 0), RejectReason.INVALID_QUANTITY),
            Arguments.of("negative quantity", buy("X", 100_0000, -5), RejectReason.INVALID_QUANTITY),
            Arguments.of("zero price", buy("X", 0, 10), RejectReason.INVALID_PRICE),
            Arguments.of("negative price", sell("X", -100, 10), RejectReason.INVALID_PRICE),
            Arguments.of("price off tick", buy("X", 100_0050, 10), RejectReason.PRICE_OFF_TICK),
            Arguments.of("GTD without time", buy("X", 100_0000, 10).gtd(0), RejectReason.INVALID_EXPIRE_TIME),
            Arguments.of("at the open in continuous", buy("X", 100_0000, 10).tif(TimeInForce.AT_THE_OPEN),
                RejectReason.TIF_NOT_ALLOWED_IN_PHASE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void shouldRejectAnInvalidOrderWithItsReasonAndLeaveTheBookAlone(final String name, final OrderSpec order,
                                                                      final RejectReason reason) {
        given(book().bid("B0", 99_0000, 10));
        when(order.context("clord-" + name));
        then(events("REJECTED X " + reason), bookIs("bid 99: B0 10"));
        final RejectedEvent rejected = last(EventType.REJECTED);
        assertThat(rejected.execId()).isPositive();
        assertThat(new String(rejected.contextBytes())).isEqualTo("clord-" + name);
        assertThat(rejected.leavesQty()).isZero();
    }

    @Test
    void shouldRejectAQuantityOffTheLot() {
        scenario = new BookScenario(EngineConfig.defaults().orderCapacity(64).levelCapacity(64),
            List.of(Instrument.builder(1, "LOT").lotSize(100).build()));
        when(buy("X", 100_0000, 150));
        then(events("REJECTED X QUANTITY_OFF_LOT"));
    }

    @Test
    void shouldRejectWhenTheOrderStoreIsFull() {
        scenario = new BookScenario(EngineConfig.defaults().orderCapacity(2).levelCapacity(64),
            List.of(Instrument.builder(1, "TEST").build()));
        given(book().bid("B1", 100_0000, 10).bid("B2", 100_0000, 10));
        when(buy("B3", 100_0000, 10));
        then(events("REJECTED B3 ORDER_CAPACITY_EXCEEDED"), bookIs("bid 100: B1 10, B2 10"));
    }

    @Test
    void shouldRejectANewPriceWhenTheSideHasNoRoomForAnotherLevel() {
        scenario = new BookScenario(EngineConfig.defaults().orderCapacity(64).levelCapacity(64),
            List.of(Instrument.builder(1, "TEST").maxPriceLevels(2).build()));
        given(book().bid("B1", 100_0000, 10).bid("B2", 99_0000, 10));
        when(s -> {
            s.enter(buy("B3", 99_0000, 5));
            s.enter(buy("B4", 98_0000, 5));
        });
        then(events("ACCEPTED B3", "BOOKED B3 5", "REJECTED B4 PRICE_LEVEL_CAPACITY_EXCEEDED"));
    }

    @Test
    void shouldCarryTheCommandContextIntoTheAcceptance() {
        when(buy("B1", 100_0000, 10).context("CLORD-42|ACC-9"));
        final var accepted = (exchange.matching.event.AcceptedEvent) last(EventType.ACCEPTED);
        assertThat(new String(accepted.contextBytes())).isEqualTo("CLORD-42|ACC-9");
    }
}
