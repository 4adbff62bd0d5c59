package quickfix;

/**
 * What a QuickFIX/J session does with a message it receives, before its application sees it: parse it
 * as {@code MessageUtils.parse(Session, String)} does (fields in order, repeating groups as the
 * dictionary has them, CheckSum), then validate it as {@code Session.verify} does
 * ({@code DataDictionary.validate(message, sessionDictionary, applicationDictionary)}). Both are
 * package-private here, and the public one-dictionary overloads cannot check a FIXT.1.1 application
 * message, whose header belongs to FIXT11.xml and body to the application version's dictionary.
 */
public final class ReceivedMessageCheck {
    private ReceivedMessageCheck() {
    }

    /**
     * Throws what the receiving session would refuse the message for.
     *
     * @param messageString         the message as on the wire
     * @param sessionDictionary     the transport's dictionary (before FIXT.1.1 the version's only one)
     * @param applicationDictionary the application version's dictionary; an administrative message is
     *                              read with the session's, as QuickFIX/J does
     * @throws InvalidMessage  when it cannot be parsed: a field out of order or a malformed group
     * @throws FieldException  (and its subclasses) when the dictionary refuses a field or misses one
     * @throws FieldNotFound   when a required field is missing
     */
    public static void check(String messageString, DataDictionary sessionDictionary,
                             DataDictionary applicationDictionary)
            throws InvalidMessage, IncorrectTagValue, FieldNotFound, IncorrectDataFormat {
        DataDictionary payloadDictionary = MessageUtils.isAdminMessage(MessageUtils.getMessageType(messageString))
                ? sessionDictionary : applicationDictionary;
        Message message = new Message();
        message.parse(messageString, sessionDictionary, payloadDictionary, true, true);
        DataDictionary.validate(message, sessionDictionary, payloadDictionary);
    }
}
