package exchange.fix;

import exchange.risk.RiskConfig;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.FixVersions;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One configured FIX session as the exchange sees it: QuickFIX/J's own session settings plus the
 * exchange's keys in the same section.
 *
 * <table>
 *   <caption>Exchange keys in a QuickFIX/J session section</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>SessionNumber</td><td>(required)</td><td>1..65535, unique, never reused: the engine's session id</td></tr>
 *   <tr><td>Firm</td><td>(required for order entry)</td><td>the firm's name in the firm directory</td></tr>
 *   <tr><td>Role</td><td>order-entry</td><td>order-entry or drop-copy (a drop copy is FIX.4.4 or FIXT.1.1)</td></tr>
 *   <tr><td>Username</td><td>(none)</td><td>the Logon Username (553) expected; none means no check</td></tr>
 *   <tr><td>PasswordHash</td><td>(none)</td><td>salted hash of the Logon Password (554), see {@link Passwords}</td></tr>
 *   <tr><td>CancelOnDisconnect</td><td>N</td><td>cancel the session's open orders when it logs out or drops</td></tr>
 *   <tr><td>MaxMessagesPerSecond</td><td>0</td><td>the session's throttle, at most
 *       {@link RiskConfig#MAX_MESSAGES_PER_SECOND}; 0 takes the risk default</td></tr>
 *   <tr><td>MaxResendRequestsPerMinute</td><td>10</td><td>ResendRequests (2) the session may send in any minute;
 *       one more logs it out with a reason; 0 for no limit</td></tr>
 *   <tr><td>DropCopyFirms</td><td>(none)</td><td>drop copy only: firm names, comma separated, or * for all</td></tr>
 * </table>
 */
public record FixSession(SessionID sessionId, int number, String firmName, int firmId, SessionRole role,
                         String username, String passwordHash, boolean cancelOnDisconnect, int messagesPerSecond,
                         int resendRequestsPerMinute, Set<String> dropCopyFirms) {
    /** ResendRequests a session may send in any minute unless its section says otherwise. */
    public static final int DEFAULT_RESEND_REQUESTS_PER_MINUTE = 10;
    /** The exchange's keys of a session's section (QuickFIX/J ignores them). */
    static final String SESSION_NUMBER = "SessionNumber";
    static final String FIRM = "Firm";
    static final String ROLE = "Role";
    static final String USERNAME = "Username";
    static final String PASSWORD_HASH = "PasswordHash";
    static final String CANCEL_ON_DISCONNECT = "CancelOnDisconnect";
    static final String MAX_MESSAGES_PER_SECOND = "MaxMessagesPerSecond";
    static final String MAX_RESEND_REQUESTS_PER_MINUTE = "MaxResendRequestsPerMinute";
    static final String DROP_COPY_FIRMS = "DropCopyFirms";
    /** Read by the drop copy: also a TradeCaptureReport for each fill. */
    public static final String DROP_COPY_TRADE_CAPTURE_REPORTS = "DropCopyTradeCaptureReports";
    /** Every one of them, for {@link SessionKeys}. */
    static final List<String> KEYS = List.of(SESSION_NUMBER, FIRM, ROLE, USERNAME, PASSWORD_HASH, CANCEL_ON_DISCONNECT,
        MAX_MESSAGES_PER_SECOND, MAX_RESEND_REQUESTS_PER_MINUTE, DROP_COPY_FIRMS, DROP_COPY_TRADE_CAPTURE_REPORTS);

    /** @return true when a drop copy of this firm goes to this session */
    public boolean entitledTo(final String firm) {
        return dropCopyFirms.contains("*") || dropCopyFirms.contains(firm);
    }

    /**
     * Reads the exchange's keys of one session.
     *
     * @throws IllegalArgumentException naming the session and the key
     */
    public static FixSession from(final SessionSettings settings, final SessionID id, final FirmDirectory firms) {
        try {
            final long number = number(settings, id, SESSION_NUMBER, -1);
            if (number < 1 || number > 0xFFFF) {
                throw new IllegalArgumentException(id + ": SessionNumber must be 1 to 65535, got " + number);
            }
            final String roleName = string(settings, id, ROLE, "order-entry").toLowerCase(Locale.ROOT);
            final SessionRole role = switch (roleName) {
                case "order-entry" -> SessionRole.ORDER_ENTRY;
                case "drop-copy" -> SessionRole.DROP_COPY;
                default -> throw new IllegalArgumentException(id + ": Role must be order-entry or drop-copy, got " + roleName);
            };
            if (!settings.isSetting(id, FIRM) && role == SessionRole.ORDER_ENTRY) {
                throw new IllegalArgumentException(id + ": Firm is required for an order-entry session");
            }
            final String firm = string(settings, id, FIRM, "");
            final int firmId = firm.isEmpty() ? 0 : firms.firmId(firm);
            if (firmId == FirmDirectory.UNKNOWN) {
                throw new IllegalArgumentException(id + ": Firm " + firm + " is not in the firm directory");
            }
            final String username = string(settings, id, USERNAME, "");
            final String hash = string(settings, id, PASSWORD_HASH, "");
            if (!hash.isEmpty() && !Passwords.isHash(hash)) {
                throw new IllegalArgumentException(id + ": PasswordHash is not a pbkdf2-sha256 hash "
                    + "(make one with bin/exchange-client hash-password)");
            }
            if (username.isEmpty() != hash.isEmpty()) {
                throw new IllegalArgumentException(id + ": Username and PasswordHash go together");
            }
            final boolean cancelOnDisconnect = settings.isSetting(id, CANCEL_ON_DISCONNECT)
                && settings.getBool(id, CANCEL_ON_DISCONNECT);
            final long perSecond = number(settings, id, MAX_MESSAGES_PER_SECOND, 0);
            if (perSecond < 0 || perSecond > RiskConfig.MAX_MESSAGES_PER_SECOND) {
                // checked here, at start, and not first by the risk gateway when the session sends its first message
                throw new IllegalArgumentException(id + ": MaxMessagesPerSecond must be 0 (the risk default, "
                    + RiskConfig.MESSAGES_PER_SECOND + ") to " + RiskConfig.MAX_MESSAGES_PER_SECOND + ", got " + perSecond);
            }
            final long resendsPerMinute = number(settings, id, MAX_RESEND_REQUESTS_PER_MINUTE,
                DEFAULT_RESEND_REQUESTS_PER_MINUTE);
            if (resendsPerMinute < 0 || resendsPerMinute > 1_000_000) {
                throw new IllegalArgumentException(id + ": MaxResendRequestsPerMinute must be 0 (no limit) to 1000000, got "
                    + resendsPerMinute);
            }
            final Set<String> dropCopy = new LinkedHashSet<>();
            for (final String f : string(settings, id, DROP_COPY_FIRMS, "").split(",")) {
                if (!f.isBlank()) {
                    dropCopy.add(f.trim());
                }
            }
            if (role == SessionRole.DROP_COPY && dropCopy.isEmpty()) {
                throw new IllegalArgumentException(id + ": a drop-copy session needs DropCopyFirms (names, or *)");
            }
            if (role == SessionRole.DROP_COPY && !FixVersions.BEGINSTRING_FIX44.equals(id.getBeginString())
                && !FixVersions.BEGINSTRING_FIXT11.equals(id.getBeginString())) {
                // A FIX 4.2 engine refuses a message with a tag its version does not define: every copy.
                throw new IllegalArgumentException(id + ": a drop-copy session is FIX.4.4 or FIXT.1.1; "
                    + id.getBeginString() + " has no CopyMsgIndicator (797) nor Parties (453) to say what a copy is");
            }
            for (final String f : dropCopy) {
                if (!"*".equals(f) && firms.firmId(f) == FirmDirectory.UNKNOWN) {
                    throw new IllegalArgumentException(id + ": DropCopyFirms names " + f + ", which is not a firm");
                }
            }
            return new FixSession(id, (int) number, firm, firmId, role, username, hash, cancelOnDisconnect,
                (int) perSecond, (int) resendsPerMinute, Set.copyOf(dropCopy));
        } catch (final ConfigError | FieldConvertError e) {
            throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
        }
    }

    private static String string(final SessionSettings s, final SessionID id, final String key, final String def)
        throws ConfigError {
        return s.isSetting(id, key) ? s.getString(id, key).trim() : def;
    }

    /** A value that is no number is named with its key (QuickFIX/J's error names neither). */
    private static long number(final SessionSettings s, final SessionID id, final String key, final int def)
        throws ConfigError {
        if (!s.isSetting(id, key)) {
            return def;
        }
        final String value = s.getString(id, key).trim();
        try {
            return Long.parseLong(value);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(id + ": " + key + " must be a whole number: '" + value + "'");
        }
    }
}
