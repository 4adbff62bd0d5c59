package exchange.risk;

import exchange.matching.Instrument;
import exchange.risk.RiskConfig.Account;
import exchange.risk.RiskConfig.Firm;
import exchange.risk.RiskConfig.InstrumentLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static exchange.risk.RiskFixture.CURRENCY;
import static exchange.risk.RiskFixture.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing and validating the risk settings. */
class RiskConfigTest {
    private static final String FIRM_1 = "exchange.risk.firm.1.name = BROKER1\n";

    @Test
    void shouldLoadTheShippedConfiguration() {
        final RiskConfig config = RiskConfig.load(Path.of("../config/risk.properties"));

        assertThat(config.firms()).containsExactly(
            new Firm(1, "BROKER1", false, 5_000_000 * CURRENCY),
            new Firm(2, "BROKER2", true, 5_000_000 * CURRENCY));
        assertThat(config.accounts()).containsExactly(
            new Account(1, 1, "ACC1", 50_000_000 * CURRENCY),
            new Account(2, 1, "ACC2", 20_000_000 * CURRENCY),
            new Account(3, 2, "ACC3", 30_000_000 * CURRENCY));
        assertThat(config.defaultLimits()).isEqualTo(new InstrumentLimits(1_000_000, 10_000_000 * CURRENCY, 1_000));
        assertThat(config.messagesPerSecond()).isEqualTo(500);
    }

    @Test
    void shouldGiveEverySettingADefault() {
        final RiskConfig config = RiskConfig.defaults();

        assertThat(config.defaultLimits()).isEqualTo(new InstrumentLimits(1_000_000, 10_000_000 * CURRENCY, 1_000));
        assertThat(config.defaultCreditLimit()).isEqualTo(100_000_000 * CURRENCY);
        assertThat(config.messagesPerSecond()).isEqualTo(500);
        assertThat(config.firms()).isEmpty();
        assertThat(config.describe()).isEqualTo("""
            risk gateway settings:
              exchange.risk.collarPercent = 10
              exchange.risk.maxOrderQty = 1000000
              exchange.risk.maxOrderNotional = 10000000
              exchange.risk.creditLimit = 100000000
              exchange.risk.throttle.messagesPerSecond = 500""");
    }

    @Test
    void shouldDescribeEveryResolvedSettingIncludingDefaultsOfFirmsAndAccounts() {
        final String description = RiskFixture.config().describe();

        assertThat(description).contains(
            "\n  exchange.risk.instrument.AAA.maxOrderQty = 1000\n",
            "\n  exchange.risk.instrument.BBB.maxOrderQty = 10000\n",
            "\n  exchange.risk.instrument.BBB.collarPercent = 5\n",
            "\n  exchange.risk.firm.1.unlistedAccounts = reject\n",
            "\n  exchange.risk.firm.2.creditLimit = 100000000\n",
            "\n  exchange.risk.account.3.creditLimit = 100000000");
    }

    @Test
    void shouldReadAmountsWithDecimalsAndUnderscores() {
        final RiskConfig config = RiskConfig.from(properties("""
            exchange.risk.creditLimit = 2_500_000.5
            exchange.risk.maxOrderNotional = 0.0001
            exchange.risk.collarPercent = 2.5
            """));

        assertThat(config.defaultCreditLimit()).isEqualTo(25_000_005_000L);
        assertThat(config.defaultLimits().maxOrderNotional()).isEqualTo(1);
        assertThat(config.defaultLimits().collarBasisPoints()).isEqualTo(250);
        assertThat(config.describe()).contains("exchange.risk.collarPercent = 2.5", "exchange.risk.creditLimit = 2500000.5");
    }

    @Test
    void shouldFillAnInstrumentsMissingLimitsFromTheDefaults() {
        final RiskConfig config = RiskConfig.from(properties("""
            exchange.risk.maxOrderNotional = 70_000
            exchange.risk.instrument.BRK.B.maxOrderQty = 5
            """));

        assertThat(config.limitsFor("BRK.B")).isEqualTo(new InstrumentLimits(5, 70_000 * CURRENCY, 1_000));
        assertThat(config.limitsFor("OTHER")).isEqualTo(config.defaultLimits());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        exchange.risk.collarPercent              | 150    | exchange.risk.collarPercent = '150' is not a percentage from 0 to 100 with at most two decimals
        exchange.risk.collarPercent              | 2.555  | exchange.risk.collarPercent = '2.555' is not a percentage from 0 to 100 with at most two decimals
        exchange.risk.maxOrderQty                | 0      | exchange.risk.maxOrderQty = '0' is not a whole number from 1 to 1,000,000,000,000
        exchange.risk.maxOrderQty                | lots   | exchange.risk.maxOrderQty = 'lots' is not a whole number from 1 to 1,000,000,000,000
        exchange.risk.maxOrderNotional           | 0      | exchange.risk.maxOrderNotional = '0' is not an amount from 0.0001 to 1,000,000,000,000 with at most four decimals
        exchange.risk.creditLimit                | 1.23456| exchange.risk.creditLimit = '1.23456' is not an amount from 0.00 to 1,000,000,000,000 with at most four decimals
        exchange.risk.creditLimit                | -1     | exchange.risk.creditLimit = '-1' is not an amount from 0.00 to 1,000,000,000,000 with at most four decimals
        exchange.risk.creditLimit                | _1     | exchange.risk.creditLimit = '_1' is not an amount from 0.00 to 1,000,000,000,000 with at most four decimals
        exchange.risk.throttle.messagesPerSecond | 0      | exchange.risk.throttle.messagesPerSecond = '0' is not a whole number from 1 to 100,000
        exchange.risk.throttle.messagesPerSecond | 200000 | exchange.risk.throttle.messagesPerSecond = '200000' is not a whole number from 1 to 100,000
        exchange.risk.instrument.AAA.maxOrderQty | -3     | exchange.risk.instrument.AAA.maxOrderQty = '-3' is not a whole number from 1 to 1,000,000,000,000
        exchange.risk.instrument.AAA.tickSize    | 1      | exchange.risk.instrument.AAA.tickSize is not a risk setting (misspelt?)
        exchange.risk.maxOrderQuantity           | 1      | exchange.risk.maxOrderQuantity is not a risk setting (misspelt?)
        exchange.risk.firm.1.nmae                | X      | exchange.risk.firm.1.nmae is not a risk setting (misspelt?)
        exchange.risk.firm.1.unlistedAccounts    | maybe  | exchange.risk.firm.1.unlistedAccounts = 'maybe' is not one of reject, default
        exchange.risk.firm.1.creditLimit         | lots   | exchange.risk.firm.1.creditLimit = 'lots' is not an amount from 0.00 to 1,000,000,000,000 with at most four decimals
        exchange.risk.firm.0.name                | ZERO   | exchange.risk.firm.0.*: '0' is not an id from 1 to 65535
        exchange.risk.firm.70000.name            | BIG    | exchange.risk.firm.70000.*: '70000' is not an id from 1 to 65535
        exchange.risk.firm.2.creditLimit         | 5      | exchange.risk.firm.2.name is missing: every firm needs a name
        exchange.risk.firm.2.name                | BRO KER| exchange.risk.firm.2.name = 'BRO KER' is not a name of 1 to 32 printable ASCII characters without spaces
        exchange.risk.firm.2.name                | BROKER1| exchange.risk.firm.2.name = BROKER1: firm 1 has that name already
        exchange.risk.account.1.name             | ACC1   | exchange.risk.account.1.firm is missing: every account belongs to a firm
        exchange.risk.account.1.firm             | 1      | exchange.risk.account.1.name is missing: every account needs its FIX Account value
        exchange.risk.account.1000001.firm       | 1      | exchange.risk.account.1000001.*: '1000001' is not an id from 1 to 1000000
        """)
    void shouldRefuseAnInvalidSettingNamingIt(final String key, final String value, final String error) {
        assertThatThrownBy(() -> RiskConfig.from(properties(FIRM_1 + key + " = " + value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\n  " + error);
    }

    @Test
    void shouldRefuseAnAccountOfAFirmThatIsNotConfigured() {
        assertThatThrownBy(() -> RiskConfig.from(properties("""
            exchange.risk.account.1.firm = 9
            exchange.risk.account.1.name = ACC1
            """)))
            .hasMessage("invalid risk configuration:\n"
                + "  exchange.risk.account.1.firm = 9: no firm 9 is configured (exchange.risk.firm.9.name)");
    }

    @Test
    void shouldRefuseTwoAccountsOfAFirmWithOneName() {
        assertThatThrownBy(() -> RiskConfig.from(properties(FIRM_1 + """
            exchange.risk.account.1.firm = 1
            exchange.risk.account.1.name = ACC1
            exchange.risk.account.2.firm = 1
            exchange.risk.account.2.name = ACC1
            """)))
            .hasMessageContaining("exchange.risk.account.2.name = ACC1: account 1 of firm 1 has that name already");
    }

    @Test
    void shouldLetTwoFirmsUseTheSameAccountName() {
        final RiskConfig config = RiskConfig.from(properties(FIRM_1 + """
            exchange.risk.firm.2.name = BROKER2
            exchange.risk.account.1.firm = 1
            exchange.risk.account.1.name = MAIN
            exchange.risk.account.2.firm = 2
            exchange.risk.account.2.name = MAIN
            """));

        assertThat(config.accountDirectory().accountId(2, "MAIN")).isEqualTo(2);
    }

    @Test
    void shouldReportEveryInvalidSettingAtOnce() {
        assertThatThrownBy(() -> RiskConfig.from(properties("""
            exchange.risk.maxOrderQty = 0
            exchange.risk.collarPercent = -1
            exchange.risk.firm.1.nmae = X
            """)))
            .hasMessage("""
                invalid risk configuration:
                  exchange.risk.firm.1.nmae is not a risk setting (misspelt?)
                  exchange.risk.collarPercent = '-1' is not a percentage from 0 to 100 with at most two decimals
                  exchange.risk.maxOrderQty = '0' is not a whole number from 1 to 1,000,000,000,000""");
    }

    @Test
    void shouldIgnorePropertiesOfOtherModules() {
        final RiskConfig config = RiskConfig.from(properties("exchange.md.port = 1\nsomething = else\n"));

        assertThat(config.firms()).isEmpty();
    }

    @Test
    void shouldRefuseLimitsForAnInstrumentThatDoesNotExist() {
        final RiskConfig config = RiskConfig.from(properties(FIRM_1 + "exchange.risk.instrument.ZZZ.collarPercent = 5\n"));

        assertThatThrownBy(() -> config.checkInstruments(List.of(Instrument.builder(1, "AAA").build())))
            .hasMessage("invalid risk configuration:\n  exchange.risk.instrument.ZZZ.*: no instrument ZZZ is configured");
    }

    @Test
    void shouldRefuseASettingOfTheRiskFileWhosePrefixIsMisspelt(@TempDir final Path dir) throws Exception {
        // The risk file holds risk settings only: a line that is not one is a mistake, and ignoring it would
        // leave the limit at its default (1,000,000 here) as surely as a misspelt setting name.
        final Path file = dir.resolve("risk.properties");
        Files.writeString(file, FIRM_1 + "exchange.rsik.maxOrderQty = 100\nExchange.risk.creditLimit = 5\n");

        assertThatThrownBy(() -> RiskConfig.load(file))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(file + ": invalid risk configuration:\n"
                + "  Exchange.risk.creditLimit is not a risk setting (misspelt? every one starts with exchange.risk.)\n"
                + "  exchange.rsik.maxOrderQty is not a risk setting (misspelt? every one starts with exchange.risk.)");
    }

    @Test
    void shouldNameTheFileOfAnInvalidConfiguration(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("risk.properties");
        Files.writeString(file, "exchange.risk.maxOrderQty = 0\n");

        assertThatThrownBy(() -> RiskConfig.load(file)).hasMessageStartingWith(file + ": invalid risk configuration:");
        assertThatThrownBy(() -> RiskConfig.load(dir.resolve("missing.properties")))
            .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldRefuseTwoCreditLimitsForOneAccountNamingBothLines(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("risk.properties");
        Files.writeString(file, FIRM_1
            + "exchange.risk.account.1.firm = 1\n"
            + "exchange.risk.account.1.creditLimit = 50_000_000\n"
            + "exchange.risk.account.1.creditLimit = 5_000_000\n");

        assertThatThrownBy(() -> RiskConfig.load(file))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(file + ": exchange.risk.account.1.creditLimit is given twice, on line 3 and line 4; keep one");
    }
}
