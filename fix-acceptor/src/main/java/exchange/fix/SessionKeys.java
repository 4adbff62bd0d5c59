package exchange.fix;

import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a key of the session file that is a slip of a known one ({@code CancelOnDisconect=Y},
 * {@code maxMessagesPerSecond=50}): QuickFIX/J ignores keys it does not know, so such a slip would
 * silently leave the setting at its default (orders left live on a disconnect the operator meant to
 * cancel them). The known keys are the exchange's own and QuickFIX/J's (its {@code SETTING_} constants);
 * a key that is neither and not close to one (another tool's, a comment turned key) is left alone, as
 * QuickFIX/J leaves it.
 */
final class SessionKeys {
    /** The guards' keys, in [DEFAULT]; a session's own are {@link FixSession#KEYS}. */
    private static final List<String> GUARD_KEYS = List.of(FixGateway.LOGON_WAIT_SECONDS,
        FixGateway.MAX_PENDING_BYTES, FixGateway.MAX_FAILED_LOGONS_PER_MINUTE);
    /** Classes whose {@code SETTING_} string constants name QuickFIX/J's keys. */
    private static final String[] QUICKFIXJ_CLASSES = {"quickfix.Session", "quickfix.SessionFactory", "quickfix.Acceptor",
        "quickfix.Initiator", "quickfix.FileStoreFactory", "quickfix.FileLogFactory", "quickfix.ScreenLogFactory",
        "quickfix.SLF4JLogFactory", "quickfix.JdbcSetting", "quickfix.SleepycatStoreFactory",
        "quickfix.mina.NetworkingOptions", "quickfix.mina.ssl.SSLSupport", "quickfix.SessionSettings"};
    /** Edits (letters inserted, deleted or changed) that make a key a slip of a known one. */
    private static final int SLIP = 2;

    private static final Set<String> KNOWN = known();

    private SessionKeys() {
    }

    /**
     * @throws IllegalArgumentException naming the section, the key and the known key it is a slip of
     */
    static void check(final SessionSettings settings) {
        final List<SessionID> sections = new ArrayList<>();
        sections.add(null);
        settings.sectionIterator().forEachRemaining(sections::add);
        for (final SessionID id : sections) {
            final Properties p;
            try {
                p = id == null ? settings.getDefaultProperties() : settings.getSessionProperties(id, false);
            } catch (final ConfigError e) {
                continue;
            }
            for (final Enumeration<?> names = p.keys(); names.hasMoreElements(); ) {
                final String key = (String) names.nextElement();
                final String meant = slipOf(key);
                if (meant != null) {
                    throw new IllegalArgumentException((id == null ? "[DEFAULT]" : id.toString()) + ": " + key
                        + " is not a setting; did you mean " + meant + "?");
                }
            }
        }
    }

    /** @return the known key that {@code key} is a slip of, or null when it is known or not close to one */
    static String slipOf(final String key) {
        if (KNOWN.contains(key) || key.startsWith("AppDataDictionary.")) {
            return null;
        }
        for (final String known : KNOWN) {
            if (known.equalsIgnoreCase(key)
                || key.length() >= 6 && distanceAtMost(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT), SLIP)) {
                return known;
            }
        }
        return null;
    }

    private static Set<String> known() {
        final Set<String> keys = new TreeSet<>(FixSession.KEYS);
        keys.addAll(GUARD_KEYS);
        for (final String name : QUICKFIXJ_CLASSES) {
            try {
                for (final Field f : Class.forName(name).getFields()) {
                    if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())
                        && (f.getName().startsWith("SETTING_") || name.endsWith("SessionSettings"))) {
                        keys.add((String) f.get(null));
                    }
                }
            } catch (final ReflectiveOperationException | LinkageError e) {
                // a QuickFIX/J without that class: its keys are not checked
            }
        }
        return keys;
    }

    /** Levenshtein distance of two strings, at most {@code max}, with an early exit when it must be more. */
    private static boolean distanceAtMost(final String a, final String b, final int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return false;
            }
            final int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()] <= max;
    }
}
