package exchange.risk;

import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.EventDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static exchange.risk.RiskFixture.ACC3;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.BROKER2;
import static exchange.risk.TestOrders.buy;
import static exchange.risk.TestOrders.replace;
import static exchange.risk.TestOrders.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passing checks and the event handler allocate nothing after warm-up: the thread's allocated-bytes
 * counter stays where it was.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 50_000;

    private final RiskGateway gateway = RiskFixture.gateway();

    @Test
    void shouldNotAllocateForPassingChecks() {
        final SessionRisk session = gateway.session(1, BROKER2, RiskConfig.MAX_MESSAGES_PER_SECOND);
        final NewOrderCommand order = buy(100).at(100_0000).firm(BROKER2).account(ACC3).build();
        final ReplaceCommand change = replace(7).to(120, 100_0000).firm(BROKER2).build();
        final UnsafeBuffer context = new UnsafeBuffer("CLORDID-1".getBytes());
        final long[] now = {0};
        final Runnable round = () -> {
            for (int i = 0; i < ROUNDS; i++) {
                now[0] += 50_000; // 20,000 rounds a second, 4 messages each: within the session's rate
                order.context(context, 0, context.capacity());
                change.context(context, 0, context.capacity());
                if (!gateway.checkNewOrder(session, order, now[0]).passed()
                    || !gateway.checkReplace(session, change, ACC3, 100_0000, 100, now[0]).passed()
                    || !gateway.checkCancel(session, now[0]).passed() || !gateway.checkOther(session, now[0]).passed()) {
                    throw new AssertionError("refused");
                }
                gateway.releaseReservation(order.buffer(), order.contextStart(), order.contextLength());
                gateway.releaseReservation(change.buffer(), change.contextStart(), change.contextLength());
            }
        };

        final long allocated = allocatedBy(round);

        assertThat(session.checks()).isEqualTo(8L * ROUNDS);
        assertThat(allocated).as("bytes allocated for %d checks", 4 * ROUNDS).isLessThan(1024);
    }

    @Test
    void shouldNotAllocateWhileKeepingExposureFromEvents() {
        final RiskedExchange exchange = new RiskedExchange(RiskFixture.gateway(), RiskFixture.INSTRUMENTS);
        final SessionRisk broker1 = exchange.gateway().session(1, BROKER1, 0);
        final SessionRisk broker2 = exchange.gateway().session(2, BROKER2, 0);
        exchange.enter(broker1, buy(50).at(100_0000).build());
        exchange.replace(broker1, replace(exchange.lastSequence()).to(60, 100_0000).build(), 1, 100_0000, 50);
        exchange.enter(broker2, sell(80).at(100_0000).firm(BROKER2).account(ACC3).build());
        exchange.enter(broker1, buy(10).at(99_0000).build());
        exchange.cancel(broker1, exchange.lastSequence(), RiskFixture.AAA);
        exchange.enter(broker1, buy(0).at(99_0000).build());
        final UnsafeBuffer[] log = exchange.eventLog().stream().map(UnsafeBuffer::new).toArray(UnsafeBuffer[]::new);
        final EventDecoder decoder = new EventDecoder();
        final Runnable round = () -> {
            for (int i = 0; i < ROUNDS; i++) {
                for (int r = 0; r < log.length; r++) { // no iterator
                    decoder.decode(log[r], 0, gateway);
                }
            }
        };

        final long allocated = allocatedBy(round);

        assertThat(log).hasSizeGreaterThan(5);
        assertThat(allocated).as("bytes allocated for %d events", ROUNDS * log.length).isLessThan(1024);
    }

    private static long allocatedBy(final Runnable round) {
        final long threadId = Thread.currentThread().getId();
        round.run(); // warm-up
        THREADS.getThreadAllocatedBytes(threadId);
        final long before = THREADS.getThreadAllocatedBytes(threadId);
        round.run();
        return THREADS.getThreadAllocatedBytes(threadId) - before;
    }
}
