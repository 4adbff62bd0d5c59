package exchange.sequencer;

/**
 * Where gateways hand in commands: the seam between a gateway and its shard's sequencer, in-process
 * today ({@link CommandJournal}), remote when a shard moves to its own machine.
 *
 * <p>Thread-safe: many gateway threads append at once; each command gets the next sequence number
 * and a time stamp, and is in the journal when {@link #append} returns.
 */
public interface CommandSink {
    /**
     * Journals one command.
     *
     * @param writer fills in the record
     * @return the sequence number it was given: for a new order, its OrderID
     * @throws IllegalArgumentException when the record is malformed (a bug in the gateway)
     */
    long append(CommandWriter writer);
}
