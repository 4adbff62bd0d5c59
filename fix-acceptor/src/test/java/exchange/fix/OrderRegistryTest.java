package exchange.fix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderRegistry}: what the acceptor and the sender record, and what a cancel finds. */
class OrderRegistryTest {
    private static final int SESSION = 7;

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
}
