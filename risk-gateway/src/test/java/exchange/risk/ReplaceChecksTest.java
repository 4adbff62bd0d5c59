package exchange.risk;

import exchange.matching.RejectReason;
import exchange.matching.command.ReplaceCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static exchange.risk.RiskFixture.ACC1;
import static exchange.risk.RiskFixture.ACC2;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.CURRENCY;
import static exchange.risk.TestOrders.buy;
import static exchange.risk.TestOrders.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** The checks of a cancel/replace, and what it reserves; limits of {@link RiskFixture}. */
class ReplaceChecksTest {
    private final RiskGateway gateway = RiskFixture.gateway();
    private final SessionRisk session = gateway.session(1, BROKER1, 0);

    @ParameterizedTest(name = "{0} x {1} to {2} x {3} may add {4}")
    @CsvSource({
        // old price, old qty, new price, new qty, growth: all in currency and lots
        "100, 100, 100,  50,      0",  // smaller: never more
        "100, 100,  90, 100,      0",  // cheaper: never more
        "100, 100, 100, 150,   5000",  // 50 more at 100
        "100, 100, 110, 100,   1000",  // the same 100 at 10 more
        "100, 100,  90, 150,   4500",  // 50 more at 90, if the first 100 have filled
        "100, 100, 110, 150,   6500",  // 16,500 - 10,000 if nothing has filled
        "  0,   0, 100, 100,  10000",  // the order unknown: all of it
    })
    void shouldReserveTheMostAReplaceMayAddWhateverHasFilled(final long oldPrice, final long oldQty, final long newPrice,
                                                            final long newQty, final long growth) {
        assertThat(RiskGateway.replaceGrowth(oldPrice * CURRENCY, oldQty, newPrice * CURRENCY, newQty))
            .isEqualTo(growth * CURRENCY);
    }

    @Test
    void shouldReserveTheGrowthAndStampIt() {
        final ReplaceCommand command = replace(7).to(150, 100_0000).build();

        final RiskResult result = gateway.checkReplace(session, command, ACC1, 100_0000, 100, 0);

        assertThat(result).isSameAs(RiskResult.PASSED);
        assertThat(gateway.exposure(BROKER1, ACC1)).isEqualTo(5_000 * CURRENCY);
        assertThat(RiskStamp.isStampOf(command.buffer(), command.contextStart(), command.contextLength(),
            gateway.incarnation())).isTrue();
        assertThat(RiskStamp.reserved(command.buffer(), command.contextStart(), command.contextLength()))
            .isEqualTo(5_000 * CURRENCY);
    }

    @Test
    void shouldPassAReplaceThatShrinksTheOrderEvenWithNoCreditLeft() {
        assertThat(gateway.checkNewOrder(session, buy(200).at(100_0000).account(ACC2).build(), 0).passed()).isTrue();

        final RiskResult result = gateway.checkReplace(session, replace(7).to(100, 100_0000).build(), ACC2, 100_0000, 200, 0);

        assertThat(result.passed()).isTrue();
        assertThat(gateway.exposure(BROKER1, ACC2)).isEqualTo(20_000 * CURRENCY);
    }

    @Test
    void shouldRefuseAReplaceWhoseGrowthExceedsTheCredit() {
        assertThat(gateway.checkNewOrder(session, buy(150).at(100_0000).account(ACC2).build(), 0).passed()).isTrue();

        final RiskResult result = gateway.checkReplace(session, replace(7).to(200, 101_0000).build(), ACC2, 100_0000, 150, 0);

        assertThat(result.reason()).isEqualTo(RejectReason.EXCEEDS_CREDIT_LIMIT);
        assertThat(result.text()).isEqualTo("Credit limit 20,000.00 of account ACC2 of BROKER1 exceeded: exposure "
            + "15,000.00 plus this order's 5,200.00 would be 20,200.00");
    }

    @Test
    void shouldCheckTheNewValuesAgainstTheOrderLimits() {
        assertThat(gateway.checkReplace(session, replace(7).to(2_000, 100_0000).build(), ACC1, 100_0000, 10, 0).text())
            .isEqualTo("Order quantity 2,000 exceeds the maximum order quantity 1,000 for AAA");
        assertThat(gateway.checkReplace(session, replace(7).to(10, 120_0000).build(), ACC1, 100_0000, 10, 0).reason())
            .isEqualTo(RejectReason.PRICE_OUTSIDE_RISK_COLLAR);
        assertThat(gateway.checkReplace(session, replace(7).to(10, 100_0001).build(), ACC1, 100_0000, 10, 0).reason())
            .isEqualTo(RejectReason.PRICE_OFF_TICK);
        assertThat(gateway.checkReplace(session, replace(7).to(600, 100_0000).build(), ACC1, 100_0000, 10, 0).reason())
            .isEqualTo(RejectReason.EXCEEDS_MAX_NOTIONAL);
        assertThat(gateway.checkReplace(session, replace(7).to(10, 100_0000).on(9).build(), ACC1, 100_0000, 10, 0).reason())
            .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(gateway.checkReplace(session, replace(7).to(10, 100_0000).build(), 3, 100_0000, 10, 0).reason())
            .isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void shouldNotRefuseAReplaceThatKeepsALimitOutsideTheCollarButRefuseANewOne() {
        // an order of an earlier day, taken when the reference price was higher
        assertThat(gateway.checkReplace(session, replace(7).to(5, 115_0000).build(), ACC1, 115_0000, 10, 0).passed())
            .isTrue();
        assertThat(gateway.checkReplace(session, replace(7).to(5, 114_0000).build(), ACC1, 115_0000, 10, 0).reason())
            .isEqualTo(RejectReason.PRICE_OUTSIDE_RISK_COLLAR);
    }

    @Test
    void shouldRefuseAReplaceWhileTheAccountsKillSwitchIsOn() {
        gateway.killSwitch(BROKER1, ACC1, true);

        final RiskResult result = gateway.checkReplace(session, replace(7).to(10, 100_0000).build(), ACC1, 100_0000, 20, 0);

        assertThat(result.reason()).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(result.text()).isEqualTo("Kill switch is on for account ACC1 of BROKER1");
    }
}
