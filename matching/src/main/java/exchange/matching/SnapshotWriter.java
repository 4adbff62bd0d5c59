package exchange.matching;

import org.agrona.DirectBuffer;

/**
 * Receives an engine snapshot, one record at a time, in order. The sequencer writes the records to a
 * file; {@link MatchingEngine#loadSnapshot} reads them back from one buffer.
 */
@FunctionalInterface
public interface SnapshotWriter {
    /**
     * @param buffer holding the record
     * @param offset of its first byte
     * @param length of the record
     */
    void write(DirectBuffer buffer, int offset, int length);
}
