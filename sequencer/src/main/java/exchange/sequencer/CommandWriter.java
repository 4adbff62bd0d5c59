package exchange.sequencer;

import org.agrona.MutableDirectBuffer;

/**
 * Writes one command record into a buffer: the whole record (a {@link exchange.matching.command.Command}
 * flyweight's {@code init()} and fields), leaving sequence and time stamp to the sequencer.
 */
@FunctionalInterface
public interface CommandWriter {
    /**
     * @param buffer where to write
     * @param offset of the record's first byte
     * @return the record's length
     */
    int write(MutableDirectBuffer buffer, int offset);
}
