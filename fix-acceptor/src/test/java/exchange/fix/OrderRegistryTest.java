package exchange.fix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderRegistry}: what the acceptor and the sender record, and what a cancel finds. */
class OrderRegistryTest {
    private static final int SESSION = 7;
    private static final char NOT_ENDED = 0;

    @Test
    void shouldFindTheOrderAClaimedClOrdIdWasRecordedFor() {
        final OrderRegistry registry = new OrderRegistry();
        assertThat(registry.claim(SESSION, "A")).isTrue();
        assertThat(registry.orderId(SESSION, "A")).isEqualTo(OrderRegistry.UNKNOWN);
        registry.record(SESSION, "A", 41);
        assertThat(registry.orderId(SESSION, "A")).isEqualTo(41);
        assertThat(registry.claim(SESSION, "A")).isFalse();
    }

    @Test
    void shouldKeepTheOrderWhenTheSenderRecordsTheSameAgain() {
        final OrderRegistry registry = new OrderRegistry();
        registry.record(SESSION, "A", 41);
        registry.record(SESSION, "A", 41);
        assertThat(registry.orderId(SESSION, "A")).isEqualTo(41);
        assertThat(registry.size(SESSION)).isEqualTo(1);
    }

    @Test
    void shouldTakeTheLatestOrderRecordedForAClOrdId() {
        final OrderRegistry registry = new OrderRegistry();
        registry.record(SESSION, "A", 41);
        registry.record(SESSION, "A", 1_000_000);
        assertThat(registry.orderId(SESSION, "A")).isEqualTo(1_000_000);
        registry.record(SESSION, "A", 1_000_001);
        assertThat(registry.orderId(SESSION, "A")).isEqualTo(1_000_001);
    }

    @Test
    void shouldRecordAnOrderForAClOrdIdClaimedButPending() {
        final OrderRegistry registry = new OrderRegistry();
        registry.claim(SESSION, "A");
        registry.record(SESSION, "A", OrderRegistry.PENDING);
        registry.record(SESSION, "A", 5);
        assertThat(registry.orderId(SESSION, "A")).isEqualTo(5);
    }

    @Test
    void shouldKeepTheFinalStatusOfAnEndedOrderForItsFirmOnlyUntilTheDayEnds() {
        final OrderRegistry registry = new OrderRegistry();
        final int firm = 3;
        registry.orderState(41, 1, firm, 0, 100_0000, 10, 4, 0);
        assertThat(registry.ordStatus(firm, 41)).isEqualTo('1');
        assertThat(registry.ordStatus(firm + 1, 41)).as("another firm's order").isEqualTo('8');
        assertThat(registry.endedStatus(firm, 41)).as("live").isEqualTo(NOT_ENDED);
        registry.orderEnded(41, firm, '2');
        assertThat(registry.orderState(41)).isNull();
        assertThat(registry.endedStatus(firm, 41)).isEqualTo('2');
        assertThat(registry.ordStatus(firm, 41)).isEqualTo('2');
        assertThat(registry.endedStatus(firm + 1, 41)).isEqualTo(NOT_ENDED);
        assertThat(registry.ordStatus(firm + 1, 41)).isEqualTo('8');
        registry.orderEnded(42, firm, 'C');
        assertThat(registry.endedStatus(firm, 42)).isEqualTo('C');
        // an order a whole ring younger takes the slot over: the older one is no longer kept
        registry.orderEnded(41 + OrderRegistry.ENDED_KEPT, firm, '4');
        assertThat(registry.endedStatus(firm, 41 + OrderRegistry.ENDED_KEPT)).isEqualTo('4');
        assertThat(registry.endedStatus(firm, 41)).isEqualTo(NOT_ENDED);
        registry.newDay();
        assertThat(registry.endedStatus(firm, 42)).isEqualTo(NOT_ENDED);
        assertThat(registry.ordStatus(firm, 42)).isEqualTo('8');
    }
}
