package exchange.sequencer;

/**
 * A journal or event log that cannot be read: a record in the middle is damaged, or the files are not
 * ours. Start-up stops with this message rather than lose or invent data; an operator must look.
 */
public final class CorruptJournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptJournalException(final String message) {
        super(message);
    }

    public CorruptJournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
