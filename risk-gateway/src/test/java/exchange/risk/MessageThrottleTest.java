package exchange.risk;

import exchange.matching.RejectReason;
import org.junit.jupiter.api.Test;

import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.BROKER2;
import static exchange.risk.TestOrders.buy;
import static org.assertj.core.api.Assertions.assertThat;

/** The sliding-window throttle, alone and through the gateway. Time is given, never read. */
class MessageThrottleTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final long T0 = 5 * SECOND;

    @Test
    void shouldAdmitTheLimitWithinOneSecondAndRefuseTheNext() {
        final MessageThrottle throttle = new MessageThrottle(100);
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.tryAcquire(T0 + i * MS)).as("message %d", i).isTrue();
        }

        assertThat(throttle.tryAcquire(T0 + 999 * MS)).isFalse();
    }

    @Test
    void shouldAdmitAgainExactlyOneSecondAfterTheOldest() {
        final MessageThrottle throttle = new MessageThrottle(2);
        throttle.tryAcquire(T0);
        throttle.tryAcquire(T0 + 10 * MS);

        assertThat(throttle.tryAcquire(T0 + SECOND - 1)).isFalse();
        assertThat(throttle.tryAcquire(T0 + SECOND)).isTrue();
        assertThat(throttle.tryAcquire(T0 + SECOND + 10 * MS - 1)).isFalse();
        assertThat(throttle.tryAcquire(T0 + SECOND + 10 * MS)).isTrue();
    }

    @Test
    void shouldSlideWithEveryMessageRatherThanResetEachSecond() {
        final MessageThrottle throttle = new MessageThrottle(3);
        assertThat(throttle.tryAcquire(T0)).isTrue();
        assertThat(throttle.tryAcquire(T0 + 500 * MS)).isTrue();
        assertThat(throttle.tryAcquire(T0 + 900 * MS)).isTrue();
        assertThat(throttle.tryAcquire(T0 + 950 * MS)).isFalse();
        assertThat(throttle.tryAcquire(T0 + 1_000 * MS)).as("the first left the window").isTrue();
        assertThat(throttle.tryAcquire(T0 + 1_200 * MS)).as("500, 900 and 1,000 are within a second").isFalse();
        assertThat(throttle.tryAcquire(T0 + 1_500 * MS)).isTrue();
    }

    @Test
    void shouldNotCountRefusedMessagesAgainstTheSession() {
        final MessageThrottle throttle = new MessageThrottle(1);
        throttle.tryAcquire(T0);
        for (int i = 1; i < 1_000; i++) {
            assertThat(throttle.tryAcquire(T0 + i * MS)).isFalse();
        }

        assertThat(throttle.tryAcquire(T0 + SECOND)).isTrue();
    }

    @Test
    void shouldReportTheRateTheSessionIsTrying() {
        final RiskGateway gateway = RiskFixture.gateway();
        final SessionRisk session = gateway.session(1, BROKER1, 0);
        for (int i = 0; i < 100; i++) {
            gateway.checkCancel(session, T0 + i * MS);
        }
        RiskResult result = null;
        for (int i = 0; i < 20; i++) {
            result = gateway.checkCancel(session, T0 + 500 * MS + i * MS);
        }

        assertThat(result.reason()).isEqualTo(RejectReason.THROTTLE_EXCEEDED);
        assertThat(result.text()).isEqualTo("Message rate 120/s exceeds the session limit of 100/s");
        assertThat(gateway.throttleRejects(1)).isEqualTo(20);
        assertThat(session.throttleRejects()).isEqualTo(20);
    }

    @Test
    void shouldThrottleEveryKindOfMessageTogether() {
        final RiskGateway gateway = RiskFixture.gateway();
        final SessionRisk session = gateway.session(1, BROKER1, 3);
        assertThat(gateway.checkNewOrder(session, buy(1).at(100_0000).build(), T0).passed()).isTrue();
        assertThat(gateway.checkCancel(session, T0).passed()).isTrue();
        assertThat(gateway.checkOther(session, T0).passed()).isTrue();

        assertThat(gateway.checkReplace(session, TestOrders.replace(1).to(1, 100_0000).build(), 1, 100_0000, 1, T0).reason())
            .isEqualTo(RejectReason.THROTTLE_EXCEEDED);
        assertThat(gateway.checkCancel(session, T0).reason()).isEqualTo(RejectReason.THROTTLE_EXCEEDED);
    }

    @Test
    void shouldNotThrottleOrCountAgainAReplaceCheckedAfterItsThrottle() {
        final RiskGateway gateway = RiskFixture.gateway();
        final SessionRisk session = gateway.session(1, BROKER1, 1);
        assertThat(gateway.checkOther(session, T0).passed()).isTrue();

        assertThat(gateway.checkReplaceAfterThrottle(session, TestOrders.replace(1).to(1, 100_0000).build(), 1, 100_0000, 1)
            .passed()).isTrue();
        assertThat(gateway.checks()).isEqualTo(1);
        assertThat(gateway.checkOther(session, T0).reason()).isEqualTo(RejectReason.THROTTLE_EXCEEDED);
    }

    @Test
    void shouldGiveEachSessionItsOwnWindowAndRate() {
        final RiskGateway gateway = RiskFixture.gateway();
        final SessionRisk slow = gateway.session(1, BROKER1, 2);
        final SessionRisk other = gateway.session(2, BROKER2, 0);
        gateway.checkOther(slow, T0);
        gateway.checkOther(slow, T0);

        assertThat(gateway.checkOther(slow, T0).passed()).isFalse();
        assertThat(gateway.checkOther(other, T0).passed()).isTrue();
        assertThat(slow.messagesPerSecond()).isEqualTo(2);
        assertThat(other.messagesPerSecond()).isEqualTo(100);
    }

    @Test
    void shouldKeepTheWindowWhenASessionLogsOnAgain() {
        final RiskGateway gateway = RiskFixture.gateway();
        final SessionRisk first = gateway.session(1, BROKER1, 1);
        gateway.checkOther(first, T0);

        final SessionRisk again = gateway.session(1, BROKER1, 1);

        assertThat(again).isSameAs(first);
        assertThat(gateway.checkOther(again, T0 + MS).passed()).isFalse();
    }

    @Test
    void shouldKeepCountingInTheTotalsWhenASessionComesBackWithAnotherRate() {
        final RiskGateway gateway = RiskFixture.gateway();
        final SessionRisk first = gateway.session(1, BROKER1, 1);
        gateway.checkOther(first, T0);
        gateway.checkOther(first, T0);

        final SessionRisk again = gateway.session(1, BROKER1, 5);

        assertThat(again).isNotSameAs(first);
        assertThat(gateway.checkOther(again, T0).passed()).isTrue();
        assertThat(gateway.checks()).isEqualTo(3);
        assertThat(gateway.rejects(RejectReason.THROTTLE_EXCEEDED)).isEqualTo(1);
    }
}
