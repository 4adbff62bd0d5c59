package exchange.risk;

import exchange.risk.RiskConfig.Account;
import exchange.risk.RiskConfig.Firm;
import exchange.risk.RiskConfig.InstrumentLimits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static exchange.risk.RiskConfig.ACCOUNT_PREFIX;
import static exchange.risk.RiskConfig.COLLAR_PERCENT;
import static exchange.risk.RiskConfig.COLLAR_PERCENT_SETTING;
import static exchange.risk.RiskConfig.CREDIT_LIMIT;
import static exchange.risk.RiskConfig.CREDIT_LIMIT_SETTING;
import static exchange.risk.RiskConfig.FIRM_PREFIX;
import static exchange.risk.RiskConfig.FIRM_SETTING;
import static exchange.risk.RiskConfig.INSTRUMENT_PREFIX;
import static exchange.risk.RiskConfig.MAX_ORDER_NOTIONAL;
import static exchange.risk.RiskConfig.MAX_ORDER_NOTIONAL_SETTING;
import static exchange.risk.RiskConfig.MAX_ORDER_QTY;
import static exchange.risk.RiskConfig.MAX_ORDER_QTY_SETTING;
import static exchange.risk.RiskConfig.MESSAGES_PER_SECOND;
import static exchange.risk.RiskConfig.NAME_SETTING;
import static exchange.risk.RiskConfig.PREFIX;
import static exchange.risk.RiskConfig.UNLISTED_ACCOUNTS_SETTING;
import static exchange.risk.RiskConfig.UNLISTED_DEFAULT;
import static exchange.risk.RiskConfig.UNLISTED_REJECT;

/**
 * Turns the {@code exchange.risk.*} properties into a {@link RiskConfig}: sorts them into global,
 * per-instrument, per-firm and per-account settings, fills in defaults, checks every value and every
 * reference between them, and reports all problems at once.
 *
 * <p>Cold path; used once per {@link RiskConfig#from}.
 */
final class RiskConfigParser {
    private static final Set<String> GLOBALS = Set.of(COLLAR_PERCENT, MAX_ORDER_QTY, MAX_ORDER_NOTIONAL, CREDIT_LIMIT,
        MESSAGES_PER_SECOND);
    private static final Set<String> INSTRUMENT_SETTINGS = Set.of(MAX_ORDER_QTY_SETTING, MAX_ORDER_NOTIONAL_SETTING,
        COLLAR_PERCENT_SETTING);
    private static final Set<String> FIRM_SETTINGS = Set.of(NAME_SETTING, UNLISTED_ACCOUNTS_SETTING, CREDIT_LIMIT_SETTING);
    private static final Set<String> ACCOUNT_SETTINGS = Set.of(FIRM_SETTING, NAME_SETTING, CREDIT_LIMIT_SETTING);

    private final Properties properties;
    private final boolean riskSettingsOnly;
    private final PropertyParser parser = new PropertyParser();
    private final Map<String, String> resolved = new LinkedHashMap<>();
    /** symbol, firm id or account id (as written) to its settings, each sorted by key. */
    private final Map<String, Map<String, String>> instruments = new TreeMap<>();
    private final Map<String, Map<String, String>> firms = new TreeMap<>();
    private final Map<String, Map<String, String>> accounts = new TreeMap<>();

    /**
     * @param riskSettingsOnly true for the risk file, every line of which is a risk setting: one without the
     *                         {@value RiskConfig#PREFIX} prefix is an error; false to ignore those (other modules')
     */
    RiskConfigParser(final Properties properties, final boolean riskSettingsOnly) {
        this.properties = properties;
        this.riskSettingsOnly = riskSettingsOnly;
    }

    RiskConfig parse() {
        sortKeys();
        final int collar = parser.percent(COLLAR_PERCENT, global(COLLAR_PERCENT, RiskConfig.COLLAR_PERCENT_DEFAULT));
        final long maxQty = parser.integer(MAX_ORDER_QTY, global(MAX_ORDER_QTY, RiskConfig.MAX_ORDER_QTY_DEFAULT), 1,
            PropertyParser.MAX_QTY);
        final long maxNotional = parser.amount(MAX_ORDER_NOTIONAL,
            global(MAX_ORDER_NOTIONAL, RiskConfig.MAX_ORDER_NOTIONAL_DEFAULT), 1);
        final long creditLimit = parser.amount(CREDIT_LIMIT, global(CREDIT_LIMIT, RiskConfig.CREDIT_LIMIT_DEFAULT), 0);
        final int messagesPerSecond = (int) parser.integer(MESSAGES_PER_SECOND,
            global(MESSAGES_PER_SECOND, RiskConfig.MESSAGES_PER_SECOND_DEFAULT), 1, RiskConfig.MAX_MESSAGES_PER_SECOND);
        final InstrumentLimits defaults = new InstrumentLimits(maxQty, maxNotional, collar);
        resolved.put(COLLAR_PERCENT, RiskConfig.plainPercent(collar));
        resolved.put(MAX_ORDER_QTY, Long.toString(maxQty));
        resolved.put(MAX_ORDER_NOTIONAL, RiskConfig.plainAmount(maxNotional));
        resolved.put(CREDIT_LIMIT, RiskConfig.plainAmount(creditLimit));
        resolved.put(MESSAGES_PER_SECOND, Integer.toString(messagesPerSecond));

        final Map<String, InstrumentLimits> instrumentLimits = parseInstruments(defaults);
        final List<Firm> firmList = parseFirms(creditLimit);
        final List<Account> accountList = parseAccounts(creditLimit, firmList);

        if (!parser.errors().isEmpty()) {
            throw new IllegalArgumentException("invalid risk configuration:\n  " + String.join("\n  ", parser.errors()));
        }
        return RiskConfig.of(resolved, defaults, creditLimit, messagesPerSecond, instrumentLimits, firmList, accountList);
    }

    private void sortKeys() {
        for (final String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!key.startsWith(PREFIX)) {
                if (riskSettingsOnly) {
                    parser.error(key + " is not a risk setting (misspelt? every one starts with " + PREFIX + ")");
                }
                continue;
            }
            if (GLOBALS.contains(key)) {
                continue;
            }
            if (!(group(key, INSTRUMENT_PREFIX, INSTRUMENT_SETTINGS, instruments)
                || group(key, FIRM_PREFIX, FIRM_SETTINGS, firms)
                || group(key, ACCOUNT_PREFIX, ACCOUNT_SETTINGS, accounts))) {
                parser.error(key + " is not a risk setting (misspelt?)");
            }
        }
    }

    /** Files {@code <prefix><name>.<setting>} under its name; the name may itself contain dots (symbols). */
    private boolean group(final String key, final String prefix, final Set<String> settings,
                          final Map<String, Map<String, String>> into) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        final int dot = key.lastIndexOf('.');
        if (dot <= prefix.length() || !settings.contains(key.substring(dot + 1))) {
            return false;
        }
        into.computeIfAbsent(key.substring(prefix.length(), dot), k -> new HashMap<>())
            .put(key.substring(dot + 1), properties.getProperty(key).trim());
        return true;
    }

    private String global(final String key, final String defaultValue) {
        return properties.getProperty(key, defaultValue).trim();
    }

    private Map<String, InstrumentLimits> parseInstruments(final InstrumentLimits defaults) {
        final Map<String, InstrumentLimits> limits = new TreeMap<>();
        for (final Map.Entry<String, Map<String, String>> e : instruments.entrySet()) {
            final String symbol = e.getKey();
            final String at = INSTRUMENT_PREFIX + symbol + ".";
            final Map<String, String> settings = e.getValue();
            final long maxQty = settings.containsKey(MAX_ORDER_QTY_SETTING)
                ? parser.integer(at + MAX_ORDER_QTY_SETTING, settings.get(MAX_ORDER_QTY_SETTING), 1, PropertyParser.MAX_QTY)
                : defaults.maxOrderQty();
            final long maxNotional = settings.containsKey(MAX_ORDER_NOTIONAL_SETTING)
                ? parser.amount(at + MAX_ORDER_NOTIONAL_SETTING, settings.get(MAX_ORDER_NOTIONAL_SETTING), 1)
                : defaults.maxOrderNotional();
            final int collar = settings.containsKey(COLLAR_PERCENT_SETTING)
                ? parser.percent(at + COLLAR_PERCENT_SETTING, settings.get(COLLAR_PERCENT_SETTING))
                : defaults.collarBasisPoints();
            limits.put(symbol, new InstrumentLimits(maxQty, maxNotional, collar));
            resolved.put(at + MAX_ORDER_QTY_SETTING, Long.toString(maxQty));
            resolved.put(at + MAX_ORDER_NOTIONAL_SETTING, RiskConfig.plainAmount(maxNotional));
            resolved.put(at + COLLAR_PERCENT_SETTING, RiskConfig.plainPercent(collar));
        }
        return limits;
    }

    private List<Firm> parseFirms(final long defaultCreditLimit) {
        final Map<Integer, Firm> byId = new TreeMap<>();
        for (final Map.Entry<String, Map<String, String>> e : firms.entrySet()) {
            final String at = FIRM_PREFIX + e.getKey() + ".";
            final int id = id(at, e.getKey(), RiskConfig.MAX_FIRM_ID);
            final Map<String, String> settings = e.getValue();
            final String name = settings.containsKey(NAME_SETTING)
                ? parser.name(at + NAME_SETTING, settings.get(NAME_SETTING), RiskConfig.MAX_NAME_LENGTH)
                : missing(at + NAME_SETTING, "every firm needs a name");
            final String unlisted = parser.oneOf(at + UNLISTED_ACCOUNTS_SETTING,
                settings.getOrDefault(UNLISTED_ACCOUNTS_SETTING, UNLISTED_REJECT), UNLISTED_REJECT, UNLISTED_DEFAULT);
            final long creditLimit = settings.containsKey(CREDIT_LIMIT_SETTING)
                ? parser.amount(at + CREDIT_LIMIT_SETTING, settings.get(CREDIT_LIMIT_SETTING), 0)
                : defaultCreditLimit;
            if (id > 0 && name != null) {
                byId.put(id, new Firm(id, name, UNLISTED_DEFAULT.equals(unlisted), creditLimit));
            }
        }
        final Map<String, Integer> names = new HashMap<>();
        for (final Firm firm : byId.values()) {
            final Integer other = names.putIfAbsent(firm.name(), firm.id());
            if (other != null) {
                parser.error(FIRM_PREFIX + firm.id() + "." + NAME_SETTING + " = " + firm.name()
                    + ": firm " + other + " has that name already");
            }
            final String at = FIRM_PREFIX + firm.id() + ".";
            resolved.put(at + NAME_SETTING, firm.name());
            resolved.put(at + UNLISTED_ACCOUNTS_SETTING, firm.acceptsUnlistedAccounts() ? UNLISTED_DEFAULT : UNLISTED_REJECT);
            resolved.put(at + CREDIT_LIMIT_SETTING, RiskConfig.plainAmount(firm.defaultAccountCreditLimit()));
        }
        return new ArrayList<>(byId.values());
    }

    private List<Account> parseAccounts(final long defaultCreditLimit, final List<Firm> firmList) {
        final Map<Integer, Firm> firmsById = new HashMap<>();
        for (final Firm firm : firmList) {
            firmsById.put(firm.id(), firm);
        }
        final Map<Integer, Account> byId = new TreeMap<>();
        final Map<String, Integer> namesInFirms = new HashMap<>();
        for (final Map.Entry<String, Map<String, String>> e : accounts.entrySet()) {
            final String at = ACCOUNT_PREFIX + e.getKey() + ".";
            final int id = id(at, e.getKey(), RiskConfig.MAX_ACCOUNT_ID);
            final Map<String, String> settings = e.getValue();
            int firmId = 0;
            if (!settings.containsKey(FIRM_SETTING)) {
                missing(at + FIRM_SETTING, "every account belongs to a firm");
            } else {
                firmId = (int) parser.integer(at + FIRM_SETTING, settings.get(FIRM_SETTING), 1, RiskConfig.MAX_FIRM_ID);
                if (firmId > 0 && !firmsById.containsKey(firmId) && !firms.containsKey(settings.get(FIRM_SETTING))) {
                    parser.error(at + FIRM_SETTING + " = " + firmId + ": no firm " + firmId + " is configured ("
                        + FIRM_PREFIX + firmId + "." + NAME_SETTING + ")");
                }
            }
            final String name = settings.containsKey(NAME_SETTING)
                ? parser.name(at + NAME_SETTING, settings.get(NAME_SETTING), RiskConfig.MAX_NAME_LENGTH)
                : missing(at + NAME_SETTING, "every account needs its FIX Account value");
            final long creditLimit = settings.containsKey(CREDIT_LIMIT_SETTING)
                ? parser.amount(at + CREDIT_LIMIT_SETTING, settings.get(CREDIT_LIMIT_SETTING), 0)
                : defaultCreditLimit;
            if (id > 0 && name != null && firmsById.containsKey(firmId)) {
                final Integer other = namesInFirms.putIfAbsent(firmId + "\u0000" + name, id);
                if (other != null) {
                    parser.error(at + NAME_SETTING + " = " + name + ": account " + other + " of firm " + firmId
                        + " has that name already");
                }
                byId.put(id, new Account(id, firmId, name, creditLimit));
            }
        }
        for (final Account account : byId.values()) {
            final String at = ACCOUNT_PREFIX + account.id() + ".";
            resolved.put(at + FIRM_SETTING, Integer.toString(account.firmId()));
            resolved.put(at + NAME_SETTING, account.name());
            resolved.put(at + CREDIT_LIMIT_SETTING, RiskConfig.plainAmount(account.creditLimit()));
        }
        return new ArrayList<>(byId.values());
    }

    /** @return the id written in a property name, or 0 after an error */
    private int id(final String at, final String written, final int max) {
        try {
            final int id = Integer.parseInt(written);
            if (id >= 1 && id <= max && Integer.toString(id).equals(written)) {
                return id;
            }
        } catch (final NumberFormatException ignored) {
            // reported below
        }
        parser.error(at + "*: '" + written + "' is not an id from 1 to " + max);
        return 0;
    }

    private String missing(final String key, final String why) {
        parser.error(key + " is missing: " + why);
        return null;
    }
}
