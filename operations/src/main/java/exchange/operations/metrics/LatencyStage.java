package exchange.operations.metrics;

/** The stages of an order's way through the exchange that are timed, each with its HdrHistogram. */
public enum LatencyStage {
    /** From the FIX application receiving a request to its command being in the journal (or answered at once). */
    FIX_IN_TO_JOURNAL("fix_in_to_journal", "FIX request received to command journaled"),
    /**
     * From a command's journal time stamp to the ExecutionReport sender reading one of its events from the
     * event log: the matching thread's time, the event log's and the sender's wake-up.
     */
    JOURNAL_TO_EVENT("journal_to_event", "command journaled to its event read by the ExecutionReport sender"),
    /** From the sender reading an event to handing its report to QuickFIX/J. */
    EVENT_TO_REPORT("event_to_report", "event read to ExecutionReport handed to QuickFIX/J");

    private final String label;
    private final String description;

    LatencyStage(final String label, final String description) {
        this.label = label;
        this.description = description;
    }

    /** @return the stage's name in metrics and JSON */
    public String label() {
        return label;
    }

    /** @return what the stage measures, for people */
    public String description() {
        return description;
    }
}
