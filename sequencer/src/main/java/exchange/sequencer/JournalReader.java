package exchange.sequencer;

import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads journaled commands in order, checking each: complete, of a known type, and carrying the next
 * sequence number. A command is handed over in place, in the journal's mapped memory; nothing is
 * copied and nothing allocated.
 *
 * <p>One thread only.
 */
public final class JournalReader implements AutoCloseable {
    /** Receives one command record; valid only during the call. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param record the command record, at offset 0
         * @param length its length
         * @param index  its Chronicle index in the journal
         */
        void onCommand(UnsafeBuffer record, int length, long index);
    }

    private final CommandJournal journal;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private long expectedSequence = 1;

    JournalReader(final CommandJournal journal) {
        this.journal = journal;
        this.tailer = journal.queue().createTailer();
    }

    /**
     * Positions the reader just after a command, whose Chronicle index a snapshot recorded.
     *
     * @param index    the command's Chronicle index
     * @param sequence the command's sequence
     * @throws CorruptJournalException when the index is not in the journal
     */
    public void startAfter(final long index, final long sequence) {
        if (!tailer.moveToIndex(index)) {
            throw new CorruptJournalException("journal index " + Long.toHexString(index) + " (sequence " + sequence
                + ") is not in the journal: the snapshot does not belong to this journal");
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new CorruptJournalException("journal has no command at index " + Long.toHexString(index));
            }
            final long found = readSequence(dc);
            if (found != sequence) {
                throw new CorruptJournalException("journal index " + Long.toHexString(index) + " holds sequence "
                    + found + ", the snapshot expects " + sequence);
            }
        }
        expectedSequence = sequence + 1;
    }

    private static long readSequence(final DocumentContext dc) {
        final Bytes<?> bytes = dc.wire().bytes();
        return bytes.readLong(bytes.readPosition() + Command.SEQUENCE_OFFSET);
    }

    /** @return the sequence the next command must carry */
    public long expectedSequence() {
        return expectedSequence;
    }

    /**
     * Reads the next command, if one is there.
     *
     * @param handler receives it
     * @return true when a command was read
     * @throws CorruptJournalException when the next entry is not the next command
     */
    public boolean read(final RecordHandler handler) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final long index = dc.index();
            if (index > journal.readableUpTo()) {
                dc.rollbackOnClose();
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final int length = (int) bytes.readRemaining();
            if (length < Command.HEADER_LENGTH || length > CommandJournal.MAX_RECORD_LENGTH) {
                throw corrupt(index, "entry of " + length + " bytes is not a command");
            }
            view.wrap(bytes.addressForRead(bytes.readPosition()), length);
            if ((view.getShort(0) & 0xFFFF) != length) {
                throw corrupt(index, "record length " + (view.getShort(0) & 0xFFFF) + " in an entry of " + length);
            }
            if (CommandType.fromCode(view.getByte(2) & 0xFF) == null) {
                throw corrupt(index, "unknown command type " + (view.getByte(2) & 0xFF));
            }
            final long sequence = view.getLong(Command.SEQUENCE_OFFSET);
            if (sequence != expectedSequence) {
                throw corrupt(index, "sequence " + sequence + " where " + expectedSequence + " was expected");
            }
            expectedSequence++;
            handler.onCommand(view, length, index);
            return true;
        }
    }

    private static CorruptJournalException corrupt(final long index, final String what) {
        return new CorruptJournalException("journal entry at index " + Long.toHexString(index) + ": " + what
            + "; the journal is damaged and the exchange will not start on it");
    }

    /** Lets another thread take the reader over (Chronicle checks that one thread uses a tailer). */
    void handOver() {
        tailer.singleThreadedCheckReset();
    }

    @Override
    public void close() {
        tailer.close();
    }
}
