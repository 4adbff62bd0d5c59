package exchange.conformance;

import java.util.Map;

import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.ReceivedMessageCheck;

/**
 * The standard QuickFIX/J dictionaries of the exchange's FIX versions, set as a broker's QuickFIX/J
 * engine has them by default (fields in order, with values, groups in order, no user-defined tags:
 * the exchange sends none, so a broker that left {@code ValidateUserDefinedFields} at its default
 * must never see one), and the verdict such an engine gives on a message the exchange sent.
 * Thread-safe once built: validation only reads the dictionaries.
 */
final class BrokerDictionaries {
    /**
     * A FIXT.1.1 application message's version when it carries no ApplVerID(1128): the
     * DefaultApplVerID of the exchange's FIXT sessions (config/conformance/fix-sessions.cfg).
     */
    private static final String FIXT_APPLICATION_DICTIONARY = "FIX50SP2.xml";

    private final Map<String, DataDictionary> byBeginString;
    private final DataDictionary fixtApplication;

    BrokerDictionaries() {
        byBeginString = Map.of("FIX.4.2", load("FIX42.xml"), "FIX.4.4", load("FIX44.xml"),
                "FIXT.1.1", load("FIXT11.xml"));
        fixtApplication = load(FIXT_APPLICATION_DICTIONARY);
    }

    private static DataDictionary load(String resource) {
        try {
            DataDictionary dictionary = new DataDictionary(resource);
            // QuickFIX/J's defaults, written out so that a change of them upstream cannot weaken the check
            dictionary.setCheckFieldsOutOfOrder(true);
            dictionary.setCheckFieldsHaveValues(true);
            dictionary.setCheckUnorderedGroupFields(true);
            dictionary.setCheckUserDefinedFields(true);
            dictionary.setAllowUnknownMessageFields(false);
            return dictionary;
        } catch (ConfigError e) {
            throw new IllegalStateException("cannot load QuickFIX/J's " + resource, e);
        }
    }

    /**
     * Why a broker's QuickFIX/J session would refuse the message, in QuickFIX/J's words, or
     * {@code null} when it takes it.
     *
     * @param message the message as sent, {@code 8=} to the SOH after {@code 10=}
     */
    String refusal(String message) {
        String beginString = message.startsWith("8=") ? message.substring(2, Math.max(2, message.indexOf('\u0001')))
                : "";
        DataDictionary session = byBeginString.get(beginString);
        if (session == null) {
            return "no dictionary for BeginString \"" + beginString + "\"";
        }
        DataDictionary application = beginString.equals("FIXT.1.1") ? fixtApplication : session;
        try {
            ReceivedMessageCheck.check(message, session, application);
            return null;
        } catch (Exception e) {
            // InvalidMessage, FieldException, IncorrectTagValue, FieldNotFound, IncorrectDataFormat: each names the tag
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
