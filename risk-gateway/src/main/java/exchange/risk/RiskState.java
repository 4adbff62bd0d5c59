package exchange.risk;

import exchange.matching.Instrument;
import exchange.risk.RiskConfig.Account;
import exchange.risk.RiskConfig.Firm;

import java.util.ArrayList;
import java.util.List;

/**
 * The firms, accounts and instruments the checks and the event consumer share, in arrays indexed by
 * engine id so that every lookup is an index, with no hashing, boxing or allocation. Built once; the
 * arrays never change after (the objects in them have their own volatile state).
 */
final class RiskState {
    private final FirmRisk[] firms;
    private final AccountRisk[] accountsById;
    private final AccountRisk[] accountsBySlot;
    private final InstrumentRisk[] instruments;

    RiskState(final RiskConfig config, final List<Instrument> instrumentList) {
        config.checkInstruments(instrumentList);
        final List<Firm> firmList = config.firms();
        final List<Account> accountList = config.accounts();
        firms = new FirmRisk[firmList.stream().mapToInt(Firm::id).max().orElse(0) + 1];
        accountsById = new AccountRisk[accountList.stream().mapToInt(Account::id).max().orElse(0) + 1];
        final List<AccountRisk> slots = new ArrayList<>();
        for (final Firm firm : firmList) {
            final FirmRisk risk = new FirmRisk(firm.id(), firm.name());
            final AccountRisk defaultAccount = new AccountRisk(slots.size(), AccountDirectory.DEFAULT_ACCOUNT_ID, risk,
                null, firm.defaultAccountCreditLimit());
            risk.defaultAccount(defaultAccount);
            slots.add(defaultAccount);
            firms[firm.id()] = risk;
        }
        for (final Account account : accountList) {
            final AccountRisk risk = new AccountRisk(slots.size(), account.id(), firms[account.firmId()], account.name(),
                account.creditLimit());
            slots.add(risk);
            accountsById[account.id()] = risk;
        }
        accountsBySlot = slots.toArray(new AccountRisk[0]);
        int maxInstrumentId = 0;
        for (final Instrument instrument : instrumentList) {
            maxInstrumentId = Math.max(maxInstrumentId, instrument.id());
        }
        instruments = new InstrumentRisk[maxInstrumentId + 1];
        for (final Instrument instrument : instrumentList) {
            if (instruments[instrument.id()] != null) {
                throw new IllegalArgumentException("instrument id " + instrument.id() + " is used twice");
            }
            instruments[instrument.id()] = new InstrumentRisk(instrument, config.limitsFor(instrument.symbol()));
        }
    }

    /** @return the firm, or {@code null} when not configured */
    FirmRisk firm(final int firmId) {
        return firmId > 0 && firmId < firms.length ? firms[firmId] : null;
    }

    /**
     * @return the firm's default account (id 0) or one of its listed accounts; {@code null} for an
     *         unknown firm, an unknown id, or an account of another firm
     */
    AccountRisk account(final int firmId, final int accountId) {
        final FirmRisk firm = firm(firmId);
        return firm == null ? null : account(firm, accountId);
    }

    /** @return as {@link #account(int, int)}, for a known firm */
    AccountRisk account(final FirmRisk firm, final int accountId) {
        if (accountId == AccountDirectory.DEFAULT_ACCOUNT_ID) {
            return firm.defaultAccount();
        }
        final AccountRisk account = accountId > 0 && accountId < accountsById.length ? accountsById[accountId] : null;
        return account != null && account.firm() == firm ? account : null;
    }

    /** @return the account with that slot, or {@code null} when out of range */
    AccountRisk accountAt(final int slot) {
        return slot >= 0 && slot < accountsBySlot.length ? accountsBySlot[slot] : null;
    }

    int accountCount() {
        return accountsBySlot.length;
    }

    /** @return the instrument, or {@code null} when unknown */
    InstrumentRisk instrument(final int instrumentId) {
        return instrumentId > 0 && instrumentId < instruments.length ? instruments[instrumentId] : null;
    }
}
