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
        registry.orderState(41, 1, firm, 0, 100_0000, 10, 4, 0, 0);
        assertThat(registry.orderState(firm, 41)).isNotNull();
        assertThat(registry.orderState(firm + 1, 41)).as("another firm's order").isNull();
        assertThat(registry.ordStatus(firm, 41)).isEqualTo('1');
        assertThat(registry.ordStatus(firm + 1, 41)).as("another firm's order").isEqualTo('8');
        assertThat(registry.endedStatus(firm, 41)).as("live").isEqualTo(NOT_ENDED);
        registry.orderEnded(41, firm, '2');
        assertThat(registry.orderState(firm, 41)).isNull();
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

    @Test
    void shouldKeepAnOrdersLatestClOrdIdAsSentAndMoveItBackOnlyWhenTheRefusedRequestIsStillTheLatest() {
        final OrderRegistry registry = new OrderRegistry();
        assertThat(registry.latestClOrdId(SESSION, 7)).as("no cancel or replace yet: the order's own").isNull();
        registry.requestSent(SESSION, 7, "B");
        registry.requestSent(SESSION, 7, "C"); // chained on B before B's acknowledgement
        registry.requestRefused(SESSION, 7, "B", "A");
        assertThat(registry.latestClOrdId(SESSION, 7)).as("C, sent after B, stays").isEqualTo("C");
        registry.requestRefused(SESSION, 7, "C", "A");
        assertThat(registry.latestClOrdId(SESSION, 7)).isEqualTo("A");
        // running, the session has sent E after D when D's Replaced event comes: E stays
        registry.requestSent(SESSION, 7, "D");
        registry.requestSent(SESSION, 7, "E");
        registry.replaced(SESSION, 7, "A", "D");
        assertThat(registry.latestClOrdId(SESSION, 7)).isEqualTo("E");
        // a request that could not be journaled leaves the one before
        final String before = registry.requestSent(SESSION, 7, "F");
        registry.requestNotSent(SESSION, 7, "F", before);
        assertThat(registry.latestClOrdId(SESSION, 7)).isEqualTo("E");
        assertThat(registry.latestClOrdId(SESSION + 1, 7)).as("another session's").isNull();
        registry.newDay();
        assertThat(registry.latestClOrdId(SESSION, 7)).isNull();
        // the follow-up after a restart rebuilds it from the replaces
        registry.replaced(SESSION, 8, "A", "B");
        registry.replaced(SESSION, 8, "B", "C");
        assertThat(registry.latestClOrdId(SESSION, 8)).isEqualTo("C");
        // an order that ended needs none (a request for it is too late, whichever ClOrdID it names), so a
        // day of orders that each got a cancel does not keep one entry per order
        registry.orderEnded(8, 1, '4');
        registry.chainEnded(SESSION, 8);
        assertThat(registry.latestClOrdId(SESSION, 8)).isNull();
        registry.chainEnded(SESSION + 5, 8); // a session that never sent one
    }
}
