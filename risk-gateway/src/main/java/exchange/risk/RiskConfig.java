package exchange.risk;

import exchange.matching.Instrument;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The risk limits: each setting a property name, a default and an accessor, in one place; parsed and
 * validated once ({@link #from(Properties)} reports every bad value at once) and printable resolved
 * with {@link #describe()}. Immutable and thread-safe.
 *
 * <p>Amounts (credit limits, notionals) are written in currency units with at most four decimals and
 * held in 1/10,000 units, like prices, so that a notional is simply price x quantity. Numbers may use
 * underscores as separators: {@code 10_000_000}.
 *
 * <table>
 *   <caption>Properties (file {@code config/risk.properties})</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #COLLAR_PERCENT}</td><td>10</td><td>risk price collar around each instrument's reference
 *       price, in percent; 0 disables it</td></tr>
 *   <tr><td>{@value #MAX_ORDER_QTY}</td><td>1000000</td><td>largest order quantity</td></tr>
 *   <tr><td>{@value #MAX_ORDER_NOTIONAL}</td><td>10000000</td><td>largest order notional (price x quantity), currency</td></tr>
 *   <tr><td>{@value #CREDIT_LIMIT}</td><td>100000000</td><td>credit limit of every account without its own, currency</td></tr>
 *   <tr><td>{@value #MESSAGES_PER_SECOND}</td><td>500</td><td>messages a session may send in any one second,
 *       unless the session sets its own</td></tr>
 *   <tr><td>{@code exchange.risk.instrument.<SYMBOL>.maxOrderQty}, {@code .maxOrderNotional},
 *       {@code .collarPercent}</td><td>the above</td><td>one instrument's own limits</td></tr>
 *   <tr><td>{@code exchange.risk.firm.<id>.name}</td><td>(required)</td><td>a firm (1 to 65535) and its name</td></tr>
 *   <tr><td>{@code exchange.risk.firm.<id>.unlistedAccounts}</td><td>reject</td><td>an Account value that is not
 *       listed: {@code reject} (UNKNOWN_ACCOUNT) or {@code default} (the firm's default account)</td></tr>
 *   <tr><td>{@code exchange.risk.firm.<id>.creditLimit}</td><td>{@value #CREDIT_LIMIT}</td><td>credit limit of the
 *       firm's default account (account id 0: orders without Account)</td></tr>
 *   <tr><td>{@code exchange.risk.account.<id>.firm}</td><td>(required)</td><td>an account (id 1 to 1000000, unique
 *       across the exchange) and its firm</td></tr>
 *   <tr><td>{@code exchange.risk.account.<id>.name}</td><td>(required)</td><td>its FIX Account(1) value, unique
 *       within the firm</td></tr>
 *   <tr><td>{@code exchange.risk.account.<id>.creditLimit}</td><td>{@value #CREDIT_LIMIT}</td><td>its credit limit</td></tr>
 * </table>
 *
 * Any other property starting with {@value #PREFIX} is an error (a typo must not silently leave a
 * limit at its default); properties without the prefix are ignored by {@link #from(Properties)} and an
 * error in the risk file ({@link #load(Path)}).
 */
public final class RiskConfig {
    public static final String PREFIX = "exchange.risk.";
    public static final String COLLAR_PERCENT = PREFIX + "collarPercent";
    public static final String COLLAR_PERCENT_DEFAULT = "10";
    public static final String MAX_ORDER_QTY = PREFIX + "maxOrderQty";
    public static final String MAX_ORDER_QTY_DEFAULT = "1000000";
    public static final String MAX_ORDER_NOTIONAL = PREFIX + "maxOrderNotional";
    public static final String MAX_ORDER_NOTIONAL_DEFAULT = "10000000";
    public static final String CREDIT_LIMIT = PREFIX + "creditLimit";
    public static final String CREDIT_LIMIT_DEFAULT = "100000000";
    public static final String MESSAGES_PER_SECOND = PREFIX + "throttle.messagesPerSecond";
    public static final String MESSAGES_PER_SECOND_DEFAULT = "500";

    public static final String INSTRUMENT_PREFIX = PREFIX + "instrument.";
    public static final String FIRM_PREFIX = PREFIX + "firm.";
    public static final String ACCOUNT_PREFIX = PREFIX + "account.";

    /** Per-instrument, per-firm and per-account setting names (the last part of the property). */
    public static final String MAX_ORDER_QTY_SETTING = "maxOrderQty";
    public static final String MAX_ORDER_NOTIONAL_SETTING = "maxOrderNotional";
    public static final String COLLAR_PERCENT_SETTING = "collarPercent";
    public static final String NAME_SETTING = "name";
    public static final String UNLISTED_ACCOUNTS_SETTING = "unlistedAccounts";
    public static final String CREDIT_LIMIT_SETTING = "creditLimit";
    public static final String FIRM_SETTING = "firm";

    public static final String UNLISTED_REJECT = "reject";
    public static final String UNLISTED_DEFAULT = "default";

    /** Most messages per second a session may be given: the throttle keeps one slot per message. */
    public static final int MAX_MESSAGES_PER_SECOND = 100_000;
    /** Highest firm id: the engine keeps firm ids in 16 bits. */
    public static final int MAX_FIRM_ID = 0xFFFF;
    /** Highest account id. */
    public static final int MAX_ACCOUNT_ID = 1_000_000;
    /** Longest firm name or account name. */
    public static final int MAX_NAME_LENGTH = 32;

    /**
     * A member firm.
     *
     * @param id                        engine firm id, 1 to {@link #MAX_FIRM_ID}
     * @param name                      for texts and operators
     * @param acceptsUnlistedAccounts   true: an Account value that is not listed goes to the default
     *                                  account; false: it is rejected (UNKNOWN_ACCOUNT)
     * @param defaultAccountCreditLimit credit limit of account 0, in 1/10,000 currency units
     */
    public record Firm(int id, String name, boolean acceptsUnlistedAccounts, long defaultAccountCreditLimit) {
    }

    /**
     * A listed account of a firm.
     *
     * @param id          engine account id, 1 to {@link #MAX_ACCOUNT_ID}, unique across the exchange
     * @param firmId      its firm
     * @param name        its FIX Account(1) value, unique within the firm
     * @param creditLimit in 1/10,000 currency units
     */
    public record Account(int id, int firmId, String name, long creditLimit) {
    }

    /**
     * The order limits of one instrument.
     *
     * @param maxOrderQty       largest order quantity
     * @param maxOrderNotional  largest price x quantity, in 1/10,000 currency units
     * @param collarBasisPoints risk price collar around the reference price, in 1/100 of a percent; 0 for none
     */
    public record InstrumentLimits(long maxOrderQty, long maxOrderNotional, int collarBasisPoints) {
    }

    private final Map<String, String> resolved;
    private final InstrumentLimits defaultLimits;
    private final long defaultCreditLimit;
    private final int messagesPerSecond;
    private final Map<String, InstrumentLimits> instrumentLimits;
    private final List<Firm> firms;
    private final List<Account> accounts;
    private final AccountDirectory directory;

    private RiskConfig(final Map<String, String> resolved, final InstrumentLimits defaultLimits,
                       final long defaultCreditLimit, final int messagesPerSecond,
                       final Map<String, InstrumentLimits> instrumentLimits, final List<Firm> firms,
                       final List<Account> accounts) {
        this.resolved = Collections.unmodifiableMap(resolved);
        this.defaultLimits = defaultLimits;
        this.defaultCreditLimit = defaultCreditLimit;
        this.messagesPerSecond = messagesPerSecond;
        this.instrumentLimits = Collections.unmodifiableMap(instrumentLimits);
        this.firms = List.copyOf(firms);
        this.accounts = List.copyOf(accounts);
        this.directory = new AccountDirectory(this.firms, this.accounts);
    }

    /** @return the defaults and no firm: every order is refused until firms are configured */
    public static RiskConfig defaults() {
        return from(new Properties());
    }

    /**
     * Reads a properties file (UTF-8) of risk settings only: a line without the {@value #PREFIX} prefix is
     * an error too (a misspelt prefix would otherwise leave a limit at its default), and so is a setting given
     * twice (see {@link PropertiesFile}).
     *
     * @param file usually {@code config/risk.properties}
     * @return the configuration
     * @throws IllegalArgumentException listing every invalid setting, or naming a setting given twice and its lines
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static RiskConfig load(final Path file) {
        final Properties properties = PropertiesFile.read(file).toProperties();
        try {
            return new RiskConfigParser(properties, true).parse();
        } catch (final IllegalArgumentException ex) {
            throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param properties the operator's settings; absent ones take their default, those without the
     *                   {@value #PREFIX} prefix are ignored
     * @return the configuration
     * @throws IllegalArgumentException listing every invalid setting, one per line
     */
    public static RiskConfig from(final Properties properties) {
        return new RiskConfigParser(properties, false).parse();
    }

    /** Used by {@link RiskConfigParser} once everything is valid. */
    static RiskConfig of(final Map<String, String> resolved, final InstrumentLimits defaultLimits,
                         final long defaultCreditLimit, final int messagesPerSecond,
                         final Map<String, InstrumentLimits> instrumentLimits, final List<Firm> firms,
                         final List<Account> accounts) {
        return new RiskConfig(resolved, defaultLimits, defaultCreditLimit, messagesPerSecond, instrumentLimits, firms,
            accounts);
    }

    /** @return the limits of instruments without their own */
    public InstrumentLimits defaultLimits() {
        return defaultLimits;
    }

    /** @return an instrument's limits: its own where set, the defaults for the rest */
    public InstrumentLimits limitsFor(final String symbol) {
        return instrumentLimits.getOrDefault(symbol, defaultLimits);
    }

    /** @return the symbols that have limits of their own, with those limits */
    public Map<String, InstrumentLimits> instrumentLimits() {
        return instrumentLimits;
    }

    /** @return the credit limit of accounts without their own, in 1/10,000 currency units */
    public long defaultCreditLimit() {
        return defaultCreditLimit;
    }

    /** @return messages a session may send in any one second, unless it sets its own */
    public int messagesPerSecond() {
        return messagesPerSecond;
    }

    /** @return the firms, by ascending id */
    public List<Firm> firms() {
        return firms;
    }

    /** @return the listed accounts, by ascending id */
    public List<Account> accounts() {
        return accounts;
    }

    /** @return Account text to account id and back, for the acceptor */
    public AccountDirectory accountDirectory() {
        return directory;
    }

    /**
     * Checks that every instrument with limits of its own exists.
     *
     * @param instruments the exchange's instruments
     * @throws IllegalArgumentException naming the unknown symbols
     */
    public void checkInstruments(final Collection<Instrument> instruments) {
        final Set<String> known = new HashSet<>();
        for (final Instrument instrument : instruments) {
            known.add(instrument.symbol());
        }
        final List<String> unknown = new ArrayList<>();
        for (final String symbol : new TreeMap<>(instrumentLimits).keySet()) {
            if (!known.contains(symbol)) {
                unknown.add(INSTRUMENT_PREFIX + symbol + ".*: no instrument " + symbol + " is configured");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("invalid risk configuration:\n  " + String.join("\n  ", unknown));
        }
    }

    /** @return every setting with its resolved value, one per line, for the start-up log */
    public String describe() {
        final StringBuilder out = new StringBuilder("risk gateway settings:");
        for (final Map.Entry<String, String> e : resolved.entrySet()) {
            out.append("\n  ").append(e.getKey()).append(" = ").append(e.getValue());
        }
        return out.toString();
    }

    /** @return every setting with its resolved value, in the order {@link #describe()} prints them */
    public Map<String, String> resolvedValues() {
        return resolved;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** @return an amount in 1/10,000 units as the plain decimal an operator would write: "2500000.5" */
    static String plainAmount(final long units) {
        return BigDecimal.valueOf(units, 4).stripTrailingZeros().toPlainString();
    }

    /** @return basis points as the plain percentage an operator would write: "2.5" */
    static String plainPercent(final int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }
}
