package exchange.risk;

import exchange.risk.RiskConfig.Account;
import exchange.risk.RiskConfig.Firm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FIX Account(1) values to engine account ids and back, per firm. Account ids 1 and up are listed
 * accounts, unique across the exchange; account id {@value #DEFAULT_ACCOUNT_ID} is each firm's default
 * account, used for orders without an Account value and, when the firm allows it, for Account values
 * that are not listed.
 *
 * <p>Immutable and thread-safe: built once from the {@link RiskConfig}, read from any session thread.
 * Lookups do not allocate.
 */
public final class AccountDirectory {
    /** The firm's default account. */
    public static final int DEFAULT_ACCOUNT_ID = 0;
    /** Returned by {@link #accountId} when the firm refuses the Account value (or is unknown). */
    public static final int UNKNOWN_ACCOUNT_ID = -1;

    private final FirmAccounts[] firms;
    private final Account[] accountsById;

    AccountDirectory(final List<Firm> firmList, final List<Account> accounts) {
        firms = new FirmAccounts[firmList.stream().mapToInt(Firm::id).max().orElse(0) + 1];
        accountsById = new Account[accounts.stream().mapToInt(Account::id).max().orElse(0) + 1];
        for (final Firm firm : firmList) {
            firms[firm.id()] = new FirmAccounts(firm);
        }
        for (final Account account : accounts) {
            firms[account.firmId()].idsByName.put(account.name(), account.id());
            accountsById[account.id()] = account;
        }
    }

    /**
     * @param firmId      the session's firm
     * @param accountText FIX Account(1), {@code null} or empty when absent
     * @return the engine account id: a listed account's id, {@link #DEFAULT_ACCOUNT_ID} when absent or
     *         when the firm maps unlisted values to its default account, {@link #UNKNOWN_ACCOUNT_ID} when
     *         the firm rejects unlisted values or is not configured (reject with UNKNOWN_ACCOUNT)
     */
    public int accountId(final int firmId, final String accountText) {
        final FirmAccounts firm = firm(firmId);
        if (firm == null) {
            return UNKNOWN_ACCOUNT_ID;
        }
        if (accountText == null || accountText.isEmpty()) {
            return DEFAULT_ACCOUNT_ID;
        }
        final Integer id = firm.idsByName.get(accountText);
        if (id != null) {
            return id;
        }
        return firm.config.acceptsUnlistedAccounts() ? DEFAULT_ACCOUNT_ID : UNKNOWN_ACCOUNT_ID;
    }

    /**
     * The Account value to put in an ExecutionReport. An order sent with an unlisted Account that went
     * to the default account is reported with what the broker sent, which the acceptor keeps in the
     * command's context; this method cannot know it.
     *
     * @return the listed account's FIX Account value, or {@code null} for the default account, an
     *         account of another firm, or an unknown id
     */
    public String accountName(final int firmId, final int accountId) {
        final Account account = account(accountId);
        return account != null && account.firmId() == firmId ? account.name() : null;
    }

    /** @return the firm's name, or {@code null} when it is not configured */
    public String firmName(final int firmId) {
        final FirmAccounts firm = firm(firmId);
        return firm == null ? null : firm.config.name();
    }

    /** @return true when the firm is configured */
    public boolean isKnownFirm(final int firmId) {
        return firm(firmId) != null;
    }

    /** @return true when the account id is the firm's default account or one of its listed accounts */
    public boolean isAccountOf(final int firmId, final int accountId) {
        if (firm(firmId) == null) {
            return false;
        }
        if (accountId == DEFAULT_ACCOUNT_ID) {
            return true;
        }
        final Account account = account(accountId);
        return account != null && account.firmId() == firmId;
    }

    private FirmAccounts firm(final int firmId) {
        return firmId > 0 && firmId < firms.length ? firms[firmId] : null;
    }

    private Account account(final int accountId) {
        return accountId > 0 && accountId < accountsById.length ? accountsById[accountId] : null;
    }

    private static final class FirmAccounts {
        final Firm config;
        final Map<String, Integer> idsByName = new HashMap<>();

        FirmAccounts(final Firm config) {
            this.config = config;
        }
    }
}
