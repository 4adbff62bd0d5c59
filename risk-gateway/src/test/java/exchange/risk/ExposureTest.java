package exchange.risk;

import exchange.matching.RejectReason;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.TradingPhase;
import exchange.matching.command.NewOrderCommand;
import org.junit.jupiter.api.Test;

import static exchange.risk.RiskFixture.AAA;
import static exchange.risk.RiskFixture.ACC1;
import static exchange.risk.RiskFixture.ACC3;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.BROKER2;
import static exchange.risk.RiskFixture.CURRENCY;
import static exchange.risk.TestOrders.buy;
import static exchange.risk.TestOrders.replace;
import static exchange.risk.TestOrders.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposure kept from a real engine's events: reserved at the check, moved to open by Accepted, to
 * executed by fills, released by cancels, rejects and refused replaces. Amounts in currency.
 */
class ExposureTest {
    private final RiskedExchange exchange = RiskedExchange.standard();
    private final RiskGateway gateway = exchange.gateway();
    private final SessionRisk broker1 = gateway.session(1, BROKER1, 0);
    private final SessionRisk broker2 = gateway.session(2, BROKER2, 0);

    @Test
    void shouldTurnTheReservationIntoOpenExposureWhenTheOrderIsAccepted() {
        exchange.enter(broker1, buy(100).at(101_0000).build());

        assertAcc1(10_100, 0, 0);
    }

    @Test
    void shouldReleaseTheReservationWhenTheEngineRejectsTheOrder() {
        final RiskResult result = exchange.enter(broker1, buy(100).at(101_0000).tif(TimeInForce.GTD).build());

        assertThat(result.passed()).as("the gateway does not check expire times").isTrue();
        assertAcc1(0, 0, 0);
    }

    @Test
    void shouldReleaseNothingForAnOrderTheGatewayRefused() {
        exchange.enter(broker1, buy(100).at(101_0000).build());

        exchange.enter(broker1, buy(0).at(101_0000).build());

        assertAcc1(10_100, 0, 0);
    }

    @Test
    void shouldMoveAFillFromOpenToExecutedAtTheTradePrice() {
        exchange.enter(broker2, sell(60).at(100_0000).account(ACC3).firm(BROKER2).session(2).build());

        exchange.enter(broker1, buy(100).at(101_0000).build());

        assertAcc1(40 * 101, 60 * 100, 0);
        assertThat(gateway.openExposure(BROKER2, ACC3)).isZero();
        assertThat(gateway.executedNotional(BROKER2, ACC3)).isEqualTo(60 * 100 * CURRENCY);
    }

    @Test
    void shouldReleaseWhatACancelTakesOffToExactlyZero() {
        exchange.enter(broker1, buy(333).at(100_0300).build());
        final long orderId = exchange.lastSequence();

        exchange.cancel(broker1, orderId, AAA);

        assertAcc1(0, 0, 0);
        assertThat(gateway.exposure(BROKER1, ACC1)).isZero();
    }

    @Test
    void shouldValueAMarketOrderAtTheCollarBoundUntilItFillsAndCancelItsRest() {
        exchange.enter(broker2, sell(30).at(102_0000).account(ACC3).firm(BROKER2).session(2).build());

        exchange.enter(broker1, buy(50).market().build());

        assertAcc1(0, 30 * 102, 0);
    }

    @Test
    void shouldReleaseTheRestOfAnImmediateOrCancelOrder() {
        exchange.enter(broker2, sell(30).at(100_0000).account(ACC3).firm(BROKER2).session(2).build());

        exchange.enter(broker1, buy(50).at(100_0000).tif(TimeInForce.IOC).build());

        assertAcc1(0, 30 * 100, 0);
    }

    @Test
    void shouldMoveOpenExposureToTheNewValuesOfAReplace() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        final long orderId = exchange.lastSequence();

        exchange.replace(broker1, replace(orderId).to(150, 101_0000).build(), ACC1, 100_0000, 100);
        assertAcc1(150 * 101, 0, 0);

        exchange.replace(broker1, replace(orderId).to(80, 101_0000).build(), ACC1, 101_0000, 150);
        assertAcc1(80 * 101, 0, 0);
    }

    @Test
    void shouldCountOnlyTheLeavesOfAPartlyFilledOrderThatIsReplaced() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        final long orderId = exchange.lastSequence();
        exchange.enter(broker2, sell(40).at(100_0000).account(ACC3).firm(BROKER2).session(2).build());

        exchange.replace(broker1, replace(orderId).to(120, 99_0000).build(), ACC1, 100_0000, 100);

        assertAcc1(80 * 99, 40 * 100, 0);
    }

    @Test
    void shouldReleaseTheGrowthOfAReplaceTheEngineRefuses() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        final long orderId = exchange.lastSequence();

        final RiskResult result = exchange.replace(broker1, replace(orderId).to(150, 100_0000).side(Side.SELL).build(),
            ACC1, 100_0000, 100);

        assertThat(result.passed()).isTrue();
        assertAcc1(100 * 100, 0, 0);
    }

    @Test
    void shouldReleaseTheGrowthOfAReplaceOfAnOrderThatHasGone() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        final long orderId = exchange.lastSequence();
        exchange.cancel(broker1, orderId, AAA);

        exchange.replace(broker1, replace(orderId).to(150, 100_0000).build(), ACC1, 100_0000, 100);

        assertAcc1(0, 0, 0);
    }

    @Test
    void shouldEndAReplaceToAQuantityAlreadyFilled() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        final long orderId = exchange.lastSequence();
        exchange.enter(broker2, sell(40).at(100_0000).account(ACC3).firm(BROKER2).session(2).build());

        exchange.replace(broker1, replace(orderId).to(40, 100_0000).build(), ACC1, 100_0000, 100);

        assertAcc1(0, 40 * 100, 0);
    }

    @Test
    void shouldForgetTheDayAtDayEndedAndReReserveRestoredOrders() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        exchange.enter(broker1, buy(10).at(99_0000).tif(TimeInForce.GTC).build());
        exchange.enter(broker2, sell(40).at(100_0000).account(ACC3).firm(BROKER2).session(2).build());
        assertAcc1(60 * 100 + 10 * 99, 40 * 100, 0);

        final int restored = exchange.endOfDayAndRestore(RiskFixture.INSTRUMENTS);

        assertThat(restored).isEqualTo(1);
        assertAcc1(10 * 99, 0, 0);
    }

    @Test
    void shouldKeepExposureWhenTheFirstAnswerComesBeforeTheAcceptorCouldRecordAnything() {
        // Check, then engine answer, then (say) the acceptor's bookkeeping: nothing waits on the order id.
        final NewOrderCommand order = buy(100).at(100_0000).build();
        assertThat(gateway.checkNewOrder(broker1, order, exchange.nowNs()).passed()).isTrue();
        assertThat(gateway.pendingExposure(BROKER1, ACC1)).isEqualTo(10_000 * CURRENCY);

        exchange.journal(order);

        assertAcc1(100 * 100, 0, 0);
    }

    @Test
    void shouldRebuildTheSameExposureInANewProcessFromTheEventLog() {
        exchange.enter(broker1, buy(100).at(100_0000).build());
        final long orderId = exchange.lastSequence();
        exchange.enter(broker2, sell(30).at(100_0000).account(ACC3).firm(BROKER2).session(2).build());
        exchange.replace(broker1, replace(orderId).to(90, 101_0000).build(), ACC1, 100_0000, 100);
        exchange.enter(broker1, buy(5).at(100_0000).tif(TimeInForce.GTD).build());

        final RiskGateway restarted = new RiskGateway(RiskFixture.config(), RiskFixture.INSTRUMENTS, 99);
        exchange.replayInto(restarted);

        for (final int[] account : new int[][] {{BROKER1, ACC1}, {BROKER2, ACC3}}) {
            assertThat(restarted.exposure(account[0], account[1])).isEqualTo(gateway.exposure(account[0], account[1]));
            assertThat(restarted.openExposure(account[0], account[1])).isEqualTo(gateway.openExposure(account[0], account[1]));
            assertThat(restarted.pendingExposure(account[0], account[1])).isZero();
        }
        assertAcc1(60 * 101, 30 * 100, 0);
    }

    @Test
    void shouldRefuseOrdersOnAHaltedOrClosedInstrumentOnceTheGatewaySeesIt() {
        exchange.phase(AAA, TradingPhase.HALTED);
        final RiskResult halted = exchange.enter(broker1, buy(10).at(100_0000).build());
        exchange.phase(AAA, TradingPhase.CLOSED);
        final RiskResult closed = exchange.enter(broker1, buy(10).at(100_0000).build());
        exchange.phase(AAA, TradingPhase.CONTINUOUS);
        final RiskResult open = exchange.enter(broker1, buy(10).at(100_0000).build());

        assertThat(halted.reason()).isEqualTo(RejectReason.INSTRUMENT_HALTED);
        assertThat(halted.text()).isEqualTo("Instrument AAA is halted");
        assertThat(closed.reason()).isEqualTo(RejectReason.INSTRUMENT_CLOSED);
        assertThat(closed.text()).isEqualTo("Instrument AAA is closed");
        assertThat(open.passed()).isTrue();
        assertThat(gateway.phase(AAA)).isEqualTo(TradingPhase.CONTINUOUS);
    }

    @Test
    void shouldLeaveThePhaseToTheEngineUntilTheGatewaySeesTheChange() {
        final RiskGateway lagging = new RiskGateway(RiskFixture.config(), RiskFixture.INSTRUMENTS, 7);
        final RiskedExchange exchangeWithLag = new RiskedExchange(lagging, RiskFixture.INSTRUMENTS);
        final SessionRisk session = lagging.session(1, BROKER1, 0);
        final NewOrderCommand order = buy(10).at(100_0000).build();
        assertThat(lagging.checkNewOrder(session, order, 0).passed()).isTrue();

        exchangeWithLag.phase(AAA, TradingPhase.HALTED);
        exchangeWithLag.journal(order);

        assertThat(lagging.exposure(BROKER1, ACC1)).as("the engine's Rejected released it").isZero();
    }

    @Test
    void shouldIgnoreAndCountEventsAboutAccountsItDoesNotKnow() {
        final RiskGateway narrow = new RiskGateway(RiskConfig.from(RiskFixture.properties("""
            exchange.risk.firm.1.name = BROKER1
            """)), RiskFixture.INSTRUMENTS, 5);
        final RiskedExchange other = new RiskedExchange(RiskFixture.gateway(), RiskFixture.INSTRUMENTS);
        other.observe(narrow);

        other.enter(other.gateway().session(2, BROKER2, 0), sell(10).at(100_0000).account(ACC3).firm(BROKER2).build());

        assertThat(narrow.ignoredEvents()).isEqualTo(1);
    }

    private void assertAcc1(final long open, final long executed, final long pending) {
        assertThat(gateway.openExposure(BROKER1, ACC1)).as("open").isEqualTo(open * CURRENCY);
        assertThat(gateway.executedNotional(BROKER1, ACC1)).as("executed").isEqualTo(executed * CURRENCY);
        assertThat(gateway.pendingExposure(BROKER1, ACC1)).as("pending").isEqualTo(pending * CURRENCY);
        assertThat(gateway.exposure(BROKER1, ACC1)).as("exposure").isEqualTo((open + executed + pending) * CURRENCY);
    }
}
