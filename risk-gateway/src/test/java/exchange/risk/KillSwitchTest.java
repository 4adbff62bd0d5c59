package exchange.risk;

import exchange.matching.Instrument;
import exchange.matching.RejectReason;
import exchange.matching.command.SetKillSwitchCommand;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static exchange.risk.RiskFixture.AAA;
import static exchange.risk.RiskFixture.ACC1;
import static exchange.risk.RiskFixture.ACC2;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.BROKER2;
import static exchange.risk.RiskFixture.CURRENCY;
import static exchange.risk.TestOrders.buy;
import static exchange.risk.TestOrders.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kill switch: blocks new orders and replaces, never cancels; its mass cancel empties the book. */
class KillSwitchTest {
    private final RiskedExchange exchange = RiskedExchange.standard();
    private final RiskGateway gateway = exchange.gateway();
    private final SessionRisk session = gateway.session(1, BROKER1, 0);

    @Test
    void shouldBlockNewOrdersAndReplacesOfTheFirmButNotCancels() {
        exchange.enter(session, buy(10).at(100_0000).build());
        final long orderId = exchange.lastSequence();

        assertThat(gateway.killSwitch(BROKER1, 0, true)).isTrue();

        final RiskResult order = exchange.enter(session, buy(10).at(100_0000).account(ACC2).build());
        assertThat(order.reason()).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(order.text()).isEqualTo("Kill switch is on for firm BROKER1");
        assertThat(exchange.replace(session, replace(orderId).to(5, 100_0000).build(), ACC1, 100_0000, 10).reason())
            .isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(exchange.cancel(session, orderId, AAA).passed()).isTrue();
        assertThat(gateway.exposure(BROKER1, ACC1)).isZero();
    }

    @Test
    void shouldBlockOnlyTheAccountWhoseSwitchIsOn() {
        gateway.killSwitch(BROKER1, ACC1, true);

        assertThat(exchange.enter(session, buy(10).at(100_0000).build()).text())
            .isEqualTo("Kill switch is on for account ACC1 of BROKER1");
        assertThat(exchange.enter(session, buy(10).at(100_0000).account(ACC2).build()).passed()).isTrue();
        assertThat(gateway.isKillSwitchOn(BROKER1, ACC1)).isTrue();
        assertThat(gateway.isKillSwitchOn(BROKER1, 0)).isFalse();
    }

    @Test
    void shouldLetOrdersInAgainWhenTurnedOff() {
        gateway.killSwitch(BROKER1, 0, true);

        assertThat(gateway.killSwitch(BROKER1, 0, false)).isTrue();
        assertThat(gateway.killSwitch(BROKER1, 0, false)).as("already off").isFalse();
        assertThat(exchange.enter(session, buy(10).at(100_0000).build()).passed()).isTrue();
    }

    @Test
    void shouldCancelEveryOpenOrderOfTheFirmWithItsCommand() {
        final SessionRisk broker2 = gateway.session(2, BROKER2, 0);
        exchange.enter(session, buy(10).at(100_0000).build());
        exchange.enter(session, buy(20).at(99_0000).account(ACC2).build());
        exchange.enter(broker2, TestOrders.sell(30).at(101_0000).firm(BROKER2).account(RiskFixture.ACC3).build());

        gateway.killSwitch(BROKER1, 0, true);
        exchange.killSwitchCancel(BROKER1, 0);

        assertThat(exchange.engine().liveOrderCount()).isEqualTo(1);
        assertThat(gateway.exposure(BROKER1, ACC1)).isZero();
        assertThat(gateway.exposure(BROKER1, ACC2)).isZero();
        assertThat(gateway.exposure(BROKER2, RiskFixture.ACC3)).isEqualTo(30 * 101 * CURRENCY);
    }

    @Test
    void shouldCancelOnlyTheAccountsOrdersWithAnAccountCommand() {
        exchange.enter(session, buy(10).at(100_0000).build());
        exchange.enter(session, buy(20).at(99_0000).account(ACC2).build());

        gateway.killSwitch(BROKER1, ACC2, true);
        exchange.killSwitchCancel(BROKER1, ACC2);

        assertThat(gateway.exposure(BROKER1, ACC1)).isEqualTo(10 * 100 * CURRENCY);
        assertThat(gateway.exposure(BROKER1, ACC2)).isZero();
    }

    @Test
    void shouldWriteTheEnginesKillSwitchCommandOfTheFirmOrAccount() {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);

        final int length = KillSwitchCommand.write(buffer, 16, BROKER1, ACC2);

        final SetKillSwitchCommand command = (SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, 16);
        assertThat(length).isEqualTo(command.length());
        assertThat(command.action()).isEqualTo(SetKillSwitchCommand.ACTION_ON);
        assertThat(command.firmId()).isEqualTo(BROKER1);
        assertThat(command.accountId()).isEqualTo(ACC2);
        assertThat(command.instrumentId()).isEqualTo(Instrument.NULL_ID);
        assertThat(command.sessionId()).isZero();

        KillSwitchCommand.write(buffer, 16, BROKER2, 0, false);
        assertThat(command.action()).isEqualTo(SetKillSwitchCommand.ACTION_OFF);
        assertThat(command.firmId()).isEqualTo(BROKER2);
        assertThat(command.accountId()).isZero();
    }

    @Test
    void shouldLearnTheEnginesSwitchesFromTheEventLogAsAfterARestart() {
        exchange.enter(session, buy(10).at(100_0000).build());
        exchange.killSwitch(BROKER1, ACC2, true);
        exchange.killSwitch(BROKER2, 0, true);
        assertThat(gateway.isKillSwitchOn(BROKER1, ACC2)).as("from the event").isTrue();
        assertThat(exchange.enter(session, buy(10).at(100_0000).account(ACC2).build()).reason())
            .isEqualTo(RejectReason.KILL_SWITCH);

        final RiskGateway restarted = RiskFixture.gateway();
        exchange.replayInto(restarted);
        assertThat(restarted.isKillSwitchOn(BROKER1, ACC2)).isTrue();
        assertThat(restarted.isKillSwitchOn(BROKER2, 0)).isTrue();
        assertThat(restarted.isKillSwitchOn(BROKER1, 0)).isFalse();

        exchange.killSwitch(BROKER2, 0, false);
        assertThat(gateway.isKillSwitchOn(BROKER2, 0)).isFalse();
    }

    @Test
    void shouldRefuseASwitchForAFirmOrAccountThatIsNotConfigured() {
        assertThatThrownBy(() -> gateway.killSwitch(9, 0, true)).hasMessage("firm 9 is not configured");
        assertThatThrownBy(() -> gateway.killSwitch(BROKER2, ACC1, true))
            .hasMessage("account 1 is not an account of firm 2");
    }
}
