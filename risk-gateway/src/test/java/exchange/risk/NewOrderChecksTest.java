package exchange.risk;

import exchange.matching.Instrument;
import exchange.matching.RejectReason;
import exchange.matching.command.NewOrderCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static exchange.risk.RiskFixture.AAA;
import static exchange.risk.RiskFixture.ACC1;
import static exchange.risk.RiskFixture.ACC2;
import static exchange.risk.RiskFixture.ACC3;
import static exchange.risk.RiskFixture.BBB;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.CCC;
import static exchange.risk.RiskFixture.CURRENCY;
import static exchange.risk.RiskFixture.DEFAULT_ACCOUNT;
import static exchange.risk.TestOrders.buy;
import static exchange.risk.TestOrders.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each check of a new order, its reason and its text; the limits are those of {@link RiskFixture}. */
class NewOrderChecksTest {
    private final RiskGateway gateway = RiskFixture.gateway();
    private final SessionRisk session = gateway.session(1, BROKER1, 0);

    static Stream<Arguments> refusals() {
        return Stream.of(
            refusal("an account of another firm", () -> buy(10).at(100_0000).account(ACC3).build(),
                RejectReason.UNKNOWN_ACCOUNT, "Account id 3 is not an account of firm BROKER1"),
            refusal("an account id nobody has", () -> buy(10).at(100_0000).account(77).build(),
                RejectReason.UNKNOWN_ACCOUNT, "Account id 77 is not an account of firm BROKER1"),
            refusal("an unknown instrument", () -> buy(10).at(100_0000).on(9).build(),
                RejectReason.UNKNOWN_INSTRUMENT, "Unknown instrument id 9"),
            refusal("a quantity of zero", () -> buy(0).at(100_0000).build(),
                RejectReason.INVALID_QUANTITY, "Order quantity 0 must be above zero"),
            refusal("a negative quantity", () -> sell(-5).at(100_0000).build(),
                RejectReason.INVALID_QUANTITY, "Order quantity -5 must be above zero"),
            refusal("a quantity above the instrument's maximum", () -> buy(5_000).at(100_0000).build(),
                RejectReason.EXCEEDS_MAX_ORDER_QUANTITY,
                "Order quantity 5,000 exceeds the maximum order quantity 1,000 for AAA"),
            refusal("a quantity above the default maximum", () -> buy(10_001).at(20_0000).on(BBB).build(),
                RejectReason.EXCEEDS_MAX_ORDER_QUANTITY,
                "Order quantity 10,001 exceeds the maximum order quantity 10,000 for BBB"),
            refusal("a limit price of zero", () -> buy(10).at(0).build(),
                RejectReason.INVALID_PRICE, "Limit price 0.00 must be above zero"),
            refusal("a price off the tick", () -> buy(10).at(100_0050).build(),
                RejectReason.PRICE_OFF_TICK, "Price 100.005 is not a multiple of the tick size 0.01 for AAA"),
            refusal("a price above the collar", () -> buy(10).at(110_0100).build(),
                RejectReason.PRICE_OUTSIDE_RISK_COLLAR,
                "Price 110.01 is outside the risk collar 90.00 to 110.00 (10% around the reference price 100.00) for AAA"),
            refusal("a price below the collar", () -> sell(10).at(89_9900).build(),
                RejectReason.PRICE_OUTSIDE_RISK_COLLAR,
                "Price 89.99 is outside the risk collar 90.00 to 110.00 (10% around the reference price 100.00) for AAA"),
            refusal("a price outside an instrument's own collar", () -> buy(10).at(21_0500).on(BBB).build(),
                RejectReason.PRICE_OUTSIDE_RISK_COLLAR,
                "Price 21.05 is outside the risk collar 19.00 to 21.00 (5% around the reference price 20.00) for BBB"),
            refusal("a market order on an instrument without reference price", () -> buy(10).market().on(CCC).build(),
                RejectReason.PRICE_OUTSIDE_RISK_COLLAR,
                "Market orders on CCC cannot be valued for the risk checks: the instrument has no reference price"),
            refusal("a notional above the instrument's maximum", () -> buy(600).at(100_0000).build(),
                RejectReason.EXCEEDS_MAX_NOTIONAL,
                "Order notional 60,000.00 exceeds the maximum order notional 50,000.00 for AAA"),
            refusal("a market order whose value at the collar bound is above the maximum",
                () -> sell(455).market().build(), RejectReason.EXCEEDS_MAX_NOTIONAL,
                "Order notional 50,050.00 exceeds the maximum order notional 50,000.00 for AAA"),
            refusal("a notional above the account's credit", () -> buy(300).at(100_0000).account(ACC2).build(),
                RejectReason.EXCEEDS_CREDIT_LIMIT,
                "Credit limit 20,000.00 of account ACC2 of BROKER1 exceeded: exposure 0.00 plus this order's "
                    + "30,000.00 would be 30,000.00"),
            refusal("a notional above the default account's credit", () -> buy(101).at(100_0000).account(DEFAULT_ACCOUNT).build(),
                RejectReason.EXCEEDS_CREDIT_LIMIT,
                "Credit limit 10,000.00 of the default account of BROKER1 exceeded: exposure 0.00 plus this order's "
                    + "10,100.00 would be 10,100.00"),
            refusal("a context that leaves no room for the risk stamp",
                () -> buy(10).at(100_0000).context(new byte[RiskStamp.MAX_CONTEXT_BEFORE_STAMP + 1]).build(),
                RejectReason.INVALID_FIELD, "Order identifiers too long: 235 bytes of context, at most 234"));
    }

    private static Arguments refusal(final String what, final Supplier<NewOrderCommand> order, final RejectReason reason,
                                     final String text) {
        return arguments(what, order, reason, text);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusals")
    void shouldRefuseWithTheReasonAndATextNamingTheLimit(final String what, final Supplier<NewOrderCommand> order,
                                                        final RejectReason reason, final String text) {
        final NewOrderCommand command = order.get();
        final int lengthBefore = command.length();

        final RiskResult result = gateway.checkNewOrder(session, command, 0);

        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.text()).isEqualTo(text);
        assertThat(command.length()).as("a refused order is not stamped").isEqualTo(lengthBefore);
        assertThat(gateway.exposure(BROKER1, ACC1) + gateway.exposure(BROKER1, ACC2)
            + gateway.exposure(BROKER1, DEFAULT_ACCOUNT)).as("nothing reserved").isZero();
        assertThat(gateway.rejects(reason)).isEqualTo(1);
        assertThat(gateway.checks()).isEqualTo(1);
    }

    @Test
    void shouldPassWithTheSharedConstantAndReserveTheNotional() {
        final RiskResult result = gateway.checkNewOrder(session, buy(100).at(101_0000).build(), 0);

        assertThat(result).isSameAs(RiskResult.PASSED);
        assertThat(result.reason()).isEqualTo(RejectReason.NONE);
        assertThat(gateway.exposure(BROKER1, ACC1)).isEqualTo(10_100 * CURRENCY);
        assertThat(gateway.pendingExposure(BROKER1, ACC1)).isEqualTo(10_100 * CURRENCY);
    }

    @Test
    void shouldAppendTheStampToTheContextOfAPassedOrder() {
        final NewOrderCommand order = buy(100).at(101_0000).context("CL-7".getBytes()).build();
        final int lengthBefore = order.length();

        gateway.checkNewOrder(session, order, 0);

        assertThat(order.length()).isEqualTo(lengthBefore + RiskStamp.LENGTH);
        assertThat(order.contextLength()).isEqualTo(4 + RiskStamp.LENGTH);
        assertThat(RiskStamp.isStampOf(order.buffer(), order.contextStart(), order.contextLength(), gateway.incarnation()))
            .isTrue();
        assertThat(RiskStamp.reserved(order.buffer(), order.contextStart(), order.contextLength()))
            .isEqualTo(10_100 * CURRENCY);
        assertThat(new String(order.contextBytes(), 0,
            RiskStamp.contextLengthWithoutStamp(order.buffer(), order.contextStart(), order.contextLength())))
            .isEqualTo("CL-7");
    }

    @Test
    void shouldValueAMarketOrderAtTheCollarsUpperBoundOnEitherSide() {
        assertThat(gateway.checkNewOrder(session, buy(100).market().build(), 0).passed()).isTrue();
        assertThat(gateway.checkNewOrder(session, sell(100).market().build(), 0).passed()).isTrue();

        assertThat(gateway.exposure(BROKER1, ACC1)).isEqualTo(2 * 100 * 110 * CURRENCY);
    }

    @Test
    void shouldCollarAnInstrumentWhosePriceTimesTheCollarDoesNotFitInALong() {
        // 1,000,000,000,000.00 a unit is 10^16 in 1/10,000, and 110% of it is past a long's range when worked
        // out as reference x 11,000 / 10,000: the instruments file takes the price, the gateway must too.
        final Instrument huge = Instrument.builder(1, "HUGE").tickSize(100).referencePrice(1_000_000_000_000_0000L).build();
        final RiskGateway hugeGateway = new RiskGateway(RiskConfig.from(RiskFixture.properties("""
            exchange.risk.maxOrderNotional = 1_000_000_000_000
            exchange.risk.firm.1.name = BROKER1
            exchange.risk.firm.1.creditLimit = 1_000_000_000_000
            """)), List.of(huge), 7);
        final SessionRisk hugeSession = hugeGateway.session(1, BROKER1, 0);

        assertThat(hugeGateway.checkNewOrder(hugeSession, buy(1).at(1_000_000_000_000_0000L).on(1).account(DEFAULT_ACCOUNT)
            .build(), 0).passed()).isTrue();
        final RiskResult above = hugeGateway.checkNewOrder(hugeSession,
            sell(1).at(1_100_000_000_000_0100L).on(1).account(DEFAULT_ACCOUNT).build(), 0);
        assertThat(above.reason()).isEqualTo(RejectReason.PRICE_OUTSIDE_RISK_COLLAR);
        assertThat(above.text()).isEqualTo("Price 1,100,000,000,000.01 is outside the risk collar 900,000,000,000.00 to "
            + "1,100,000,000,000.00 (10% around the reference price 1,000,000,000,000.00) for HUGE");
    }

    @Test
    void shouldTakeAnyLimitPriceOnAnInstrumentWithoutReferencePrice() {
        assertThat(gateway.checkNewOrder(session, buy(10).at(1_000_0000).on(CCC).build(), 0).passed()).isTrue();
    }

    @Test
    void shouldPassAnOrderThatUsesTheCreditExactlyAndRefuseTheNextUnit() {
        assertThat(gateway.checkNewOrder(session, buy(200).at(100_0000).account(ACC2).build(), 0).passed()).isTrue();

        final RiskResult next = gateway.checkNewOrder(session, buy(1).at(90_0000).account(ACC2).build(), 0);

        assertThat(next.reason()).isEqualTo(RejectReason.EXCEEDS_CREDIT_LIMIT);
        assertThat(next.text()).isEqualTo("Credit limit 20,000.00 of account ACC2 of BROKER1 exceeded: exposure "
            + "20,000.00 plus this order's 90.00 would be 20,090.00");
        assertThat(gateway.exposure(BROKER1, ACC2)).isEqualTo(20_000 * CURRENCY);
    }

    @Test
    void shouldCheckTheKillSwitchBeforeTheOrdersContent() {
        gateway.killSwitch(BROKER1, 0, true);

        final RiskResult result = gateway.checkNewOrder(session, buy(0).at(1).on(9).build(), 0);

        assertThat(result.reason()).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(result.text()).isEqualTo("Kill switch is on for firm BROKER1");
    }

    @Test
    void shouldCheckTheThrottleFirst() {
        final SessionRisk oneMessage = gateway.session(2, BROKER1, 1);
        gateway.killSwitch(BROKER1, 0, true);
        gateway.checkNewOrder(oneMessage, buy(10).at(100_0000).build(), 0);

        final RiskResult result = gateway.checkNewOrder(oneMessage, buy(10).at(100_0000).build(), 1);

        assertThat(result.reason()).isEqualTo(RejectReason.THROTTLE_EXCEEDED);
    }

    @Test
    void shouldCheckTheQuantityBeforeThePrice() {
        final RiskResult result = gateway.checkNewOrder(session, buy(5_000).at(500_0000).build(), 0);

        assertThat(result.reason()).isEqualTo(RejectReason.EXCEEDS_MAX_ORDER_QUANTITY);
    }

    @Test
    void shouldCountChecksAndRefusalsPerSessionAndInTotal() {
        final SessionRisk other = gateway.session(2, BROKER1, 0);
        gateway.checkNewOrder(session, buy(10).at(100_0000).build(), 0);
        gateway.checkNewOrder(session, buy(0).at(100_0000).build(), 0);
        gateway.checkNewOrder(other, buy(0).at(100_0000).build(), 0);

        assertThat(session.checks()).isEqualTo(2);
        assertThat(session.rejects(RejectReason.INVALID_QUANTITY)).isEqualTo(1);
        assertThat(gateway.checks()).isEqualTo(3);
        assertThat(gateway.rejects(RejectReason.INVALID_QUANTITY)).isEqualTo(2);
        assertThat(gateway.rejects(RejectReason.NONE)).isZero();
    }

    @Test
    void shouldReleaseTheReservationOfAPassedOrderThatIsNotJournaled() {
        final NewOrderCommand order = buy(100).at(100_0000).build();
        gateway.checkNewOrder(session, order, 0);

        final long released = gateway.releaseReservation(order.buffer(), order.contextStart(), order.contextLength());

        assertThat(released).isEqualTo(10_000 * CURRENCY);
        assertThat(gateway.exposure(BROKER1, ACC1)).isZero();
    }

    @Test
    void shouldReleaseNothingForACommandWithoutItsOwnStamp() {
        final NewOrderCommand order = buy(100).at(100_0000).build();
        final RiskGateway earlierProcess = new RiskGateway(RiskFixture.config(), RiskFixture.INSTRUMENTS, 42);
        earlierProcess.checkNewOrder(earlierProcess.session(1, BROKER1, 0), order, 0);

        assertThat(gateway.releaseReservation(order.buffer(), order.contextStart(), order.contextLength())).isZero();
        assertThat(gateway.exposure(BROKER1, ACC1)).isZero();
    }
}
