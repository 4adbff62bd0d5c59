package exchange.risk;

import org.junit.jupiter.api.Test;

import static exchange.risk.AccountDirectory.DEFAULT_ACCOUNT_ID;
import static exchange.risk.AccountDirectory.UNKNOWN_ACCOUNT_ID;
import static exchange.risk.RiskFixture.ACC1;
import static exchange.risk.RiskFixture.ACC3;
import static exchange.risk.RiskFixture.BROKER1;
import static exchange.risk.RiskFixture.BROKER2;
import static org.assertj.core.api.Assertions.assertThat;

/** FIX Account text to engine account id and back, per firm. */
class AccountDirectoryTest {
    private final AccountDirectory directory = RiskFixture.config().accountDirectory();

    @Test
    void shouldMapAListedAccountToItsId() {
        assertThat(directory.accountId(BROKER1, "ACC1")).isEqualTo(ACC1);
        assertThat(directory.accountId(BROKER2, "ACC3")).isEqualTo(ACC3);
    }

    @Test
    void shouldMapAnOrderWithoutAccountToTheDefaultAccount() {
        assertThat(directory.accountId(BROKER1, null)).isEqualTo(DEFAULT_ACCOUNT_ID);
        assertThat(directory.accountId(BROKER1, "")).isEqualTo(DEFAULT_ACCOUNT_ID);
    }

    @Test
    void shouldRejectAnUnlistedAccountWhenTheFirmSaysSo() {
        assertThat(directory.accountId(BROKER1, "NOPE")).isEqualTo(UNKNOWN_ACCOUNT_ID);
    }

    @Test
    void shouldSendAnUnlistedAccountToTheDefaultAccountWhenTheFirmSaysSo() {
        assertThat(directory.accountId(BROKER2, "NOPE")).isEqualTo(DEFAULT_ACCOUNT_ID);
    }

    @Test
    void shouldNotLetAFirmUseAnotherFirmsAccountName() {
        assertThat(directory.accountId(BROKER1, "ACC3")).isEqualTo(UNKNOWN_ACCOUNT_ID);
        assertThat(directory.accountId(BROKER2, "ACC1")).as("unlisted for BROKER2: its default").isEqualTo(DEFAULT_ACCOUNT_ID);
    }

    @Test
    void shouldKnowNoAccountOfAFirmThatIsNotConfigured() {
        assertThat(directory.accountId(9, "ACC1")).isEqualTo(UNKNOWN_ACCOUNT_ID);
        assertThat(directory.accountId(9, null)).isEqualTo(UNKNOWN_ACCOUNT_ID);
        assertThat(directory.isKnownFirm(9)).isFalse();
    }

    @Test
    void shouldGiveBackTheAccountTextForExecutionReports() {
        assertThat(directory.accountName(BROKER1, ACC1)).isEqualTo("ACC1");
        assertThat(directory.accountName(BROKER1, DEFAULT_ACCOUNT_ID)).isNull();
        assertThat(directory.accountName(BROKER2, ACC1)).as("not BROKER2's").isNull();
        assertThat(directory.accountName(BROKER1, 999)).isNull();
        assertThat(directory.firmName(BROKER2)).isEqualTo("BROKER2");
    }

    @Test
    void shouldSayWhichAccountsBelongToAFirm() {
        assertThat(directory.isAccountOf(BROKER1, DEFAULT_ACCOUNT_ID)).isTrue();
        assertThat(directory.isAccountOf(BROKER1, ACC1)).isTrue();
        assertThat(directory.isAccountOf(BROKER1, ACC3)).isFalse();
        assertThat(directory.isAccountOf(9, DEFAULT_ACCOUNT_ID)).isFalse();
    }
}
