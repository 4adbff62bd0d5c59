package exchange.fix;

import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.FixVersions;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Refuses sessions that share a data dictionary file but not its validation settings. QuickFIX/J keeps
 * one {@code DataDictionary} per file name for the whole process and, as it creates each session, sets
 * that session's {@code ValidateFieldsOutOfOrder}, {@code ValidateFieldsHaveValues},
 * {@code ValidateUnorderedGroupFields}, {@code ValidateUserDefinedFields} and {@code AllowUnknownMsgFields}
 * on it: every session of the file then validates with the last one's settings. An operator who set
 * {@code ValidateUserDefinedFields=Y} for one broker would so have set it for every broker on the same
 * dictionary, and their orders' SelfTradePrevention (8000) would be rejected. The way out is a copy of
 * the file under another name for the sessions that validate differently.
 */
final class SharedDictionaries {
    /** The settings QuickFIX/J applies to a session's dictionary, each with QuickFIX/J's default. */
    private static final Map<String, Boolean> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("ValidateFieldsOutOfOrder", true);
        SETTINGS.put("ValidateFieldsHaveValues", true);
        SETTINGS.put("ValidateUnorderedGroupFields", true);
        SETTINGS.put("ValidateUserDefinedFields", true);
        SETTINGS.put("AllowUnknownMsgFields", false);
    }

    private SharedDictionaries() {
    }

    /**
     * @throws IllegalArgumentException naming the two sessions, the file and the setting, when two sessions
     *                                  share a dictionary file but not one of its validation settings
     */
    static void check(final SessionSettings settings) {
        final Map<String, SessionID> firstUser = new HashMap<>();
        final Map<String, List<Boolean>> firstValues = new HashMap<>();
        final List<SessionID> ids = new ArrayList<>();
        settings.sectionIterator().forEachRemaining(ids::add);
        ids.sort(Comparator.comparing(SessionID::toString)); // QuickFIX/J's order is a hash map's
        for (final SessionID id : ids) {
            if (!bool(settings, id, "UseDataDictionary", true)) {
                continue;
            }
            final List<Boolean> values = new ArrayList<>();
            for (final Map.Entry<String, Boolean> s : SETTINGS.entrySet()) {
                values.add(bool(settings, id, s.getKey(), s.getValue()));
            }
            for (final String file : dictionaries(settings, id)) {
                final List<Boolean> earlier = firstValues.putIfAbsent(file, values);
                if (earlier != null && !earlier.equals(values)) {
                    int i = 0;
                    while (earlier.get(i).equals(values.get(i))) {
                        i++;
                    }
                    final String setting = new ArrayList<>(SETTINGS.keySet()).get(i);
                    throw new IllegalArgumentException(firstUser.get(file) + " and " + id + " share the data dictionary "
                        + file + " but not " + setting + " (" + yn(earlier.get(i)) + " and " + yn(values.get(i))
                        + "): QuickFIX/J keeps one copy of a dictionary file for all its sessions, with the settings "
                        + "of the last; give the sessions that validate differently a copy of the file under another name");
                }
                firstUser.putIfAbsent(file, id);
            }
        }
    }

    /** The dictionary files QuickFIX/J reads for a session, named as it names them (its cache's keys). */
    private static List<String> dictionaries(final SessionSettings settings, final SessionID id) {
        final List<String> files = new ArrayList<>();
        final String begin = id.getBeginString();
        if (FixVersions.BEGINSTRING_FIXT11.equals(begin)) {
            files.add(string(settings, id, "TransportDataDictionary", begin.replace(".", "") + ".xml"));
            try {
                final Properties p = settings.getSessionProperties(id, true);
                for (final Enumeration<?> names = p.propertyNames(); names.hasMoreElements(); ) {
                    final String name = (String) names.nextElement();
                    if (name.startsWith("AppDataDictionary")) {
                        files.add(p.getProperty(name));
                    }
                }
            } catch (final ConfigError e) {
                // QuickFIX/J reports it when it creates the session
            }
        } else {
            files.add(string(settings, id, "DataDictionary", begin.replace(".", "") + ".xml"));
        }
        return files;
    }

    private static boolean bool(final SessionSettings settings, final SessionID id, final String key, final boolean otherwise) {
        try {
            return settings.isSetting(id, key) ? settings.getBool(id, key) : otherwise;
        } catch (final ConfigError | FieldConvertError e) {
            return otherwise; // QuickFIX/J refuses the value when it creates the session
        }
    }

    private static String string(final SessionSettings settings, final SessionID id, final String key, final String otherwise) {
        try {
            return settings.isSetting(id, key) ? settings.getString(id, key) : otherwise;
        } catch (final ConfigError e) {
            return otherwise;
        }
    }

    private static String yn(final boolean value) {
        return value ? "Y" : "N";
    }
}
