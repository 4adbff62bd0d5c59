package exchange.risk;

import exchange.matching.Flyweight;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What the gateway reserved for one command, carried at the end of the command's client context so
 * that the engine's answer (Accepted or Rejected for a new order, Replaced or CancelRejected for a
 * replace) tells the event consumer exactly what to release. This is what makes exposure exact
 * without a per-order map shared between the session threads and the consumer: nothing needs to be
 * recorded between the check and the journal append, however fast the engine answers.
 *
 * <pre>
 *  The client context (at most 255 bytes): the acceptor's own bytes, then the stamp:
 *
 *  n-21  reserved notional (i64): price x quantity in 1/10,000 currency units, reserved at check time
 *  n-13  account slot (i32): the gateway's own number for the account charged
 *  n-9   incarnation (i64): the gateway instance that reserved ({@link RiskGateway#incarnation()})
 *  n-1   stamp length (u8) = 21
 * </pre>
 *
 * <p>Contract with the acceptor:
 * <ul>
 *   <li>Write the context (ClOrdID, Account text...) into the command before the check, at most
 *       {@link #MAX_CONTEXT_BEFORE_STAMP} bytes, in a buffer with room for the stamp after the record;
 *       a passing {@code checkNewOrder} or {@code checkReplace} appends the stamp and extends the record
 *       length. Journal the record as it then is.</li>
 *   <li>The acceptor's own fields must be self-delimiting (length-prefixed, say), because the stamp
 *       follows them in every event that echoes the context; {@link #contextLengthWithoutStamp} gives
 *       the length of the acceptor's part.</li>
 *   <li>A passed command that will not be journaled after all must be handed to
 *       {@link RiskGateway#releaseReservation}; a passed order journaled as a RejectOrder instead, with
 *       its context, is released by its Rejected event.</li>
 *   <li>A stamp belongs to the one command it was checked with: never copy a stamped context into
 *       another command (write the ClOrdID and the rest afresh), or its Rejected or CancelRejected
 *       event would release it twice.</li>
 * </ul>
 *
 * <p>The incarnation makes stamps of an earlier process (replayed after a restart) or of another
 * gateway count as not reserved here. Stateless; never allocates.
 */
public final class RiskStamp {
    /** Bytes the stamp adds to a context. */
    public static final int LENGTH = 21;
    /** Longest context the acceptor may write before a check. */
    public static final int MAX_CONTEXT_BEFORE_STAMP = Flyweight.MAX_CONTEXT_LENGTH - LENGTH;

    private static final int RESERVED_OFFSET = 0;
    private static final int ACCOUNT_SLOT_OFFSET = 8;
    private static final int INCARNATION_OFFSET = 12;
    private static final int LENGTH_OFFSET = 20;

    private RiskStamp() {
    }

    /**
     * @param buffer        holding a context (of a command or an event)
     * @param contextStart  first context byte
     * @param contextLength context length
     * @param incarnation   the gateway asking
     * @return true when the context ends with a stamp of that gateway instance
     */
    public static boolean isStampOf(final DirectBuffer buffer, final int contextStart, final int contextLength,
                                    final long incarnation) {
        if (contextLength < LENGTH) {
            return false;
        }
        final int at = contextStart + contextLength - LENGTH;
        return (buffer.getByte(at + LENGTH_OFFSET) & 0xFF) == LENGTH
            && buffer.getLong(at + INCARNATION_OFFSET) == incarnation;
    }

    /** @return the reserved notional of the stamp ending the context (call {@link #isStampOf} first) */
    public static long reserved(final DirectBuffer buffer, final int contextStart, final int contextLength) {
        return buffer.getLong(contextStart + contextLength - LENGTH + RESERVED_OFFSET);
    }

    /** @return the account slot of the stamp ending the context (call {@link #isStampOf} first) */
    static int accountSlot(final DirectBuffer buffer, final int contextStart, final int contextLength) {
        return buffer.getInt(contextStart + contextLength - LENGTH + ACCOUNT_SLOT_OFFSET);
    }

    /**
     * For the acceptor reading its own part of a context back from an event: the context length
     * without a trailing stamp. A context whose last byte happens to be 21 and that has no stamp is
     * cut short, which is why the acceptor's fields must be self-delimiting.
     *
     * @return {@code contextLength}, less {@link #LENGTH} when the context looks stamped
     */
    public static int contextLengthWithoutStamp(final DirectBuffer buffer, final int contextStart,
                                                final int contextLength) {
        if (contextLength >= LENGTH && (buffer.getByte(contextStart + contextLength - 1) & 0xFF) == LENGTH) {
            return contextLength - LENGTH;
        }
        return contextLength;
    }

    /** Appends a stamp to a new order's context. The context must leave room ({@link #MAX_CONTEXT_BEFORE_STAMP}). */
    static void append(final NewOrderCommand order, final long reserved, final int accountSlot, final long incarnation) {
        append(order.buffer(), order.offset(), NewOrderCommand.CONTEXT_OFFSET, reserved, accountSlot, incarnation);
    }

    /** Appends a stamp to a replace's context. The context must leave room ({@link #MAX_CONTEXT_BEFORE_STAMP}). */
    static void append(final ReplaceCommand replace, final long reserved, final int accountSlot, final long incarnation) {
        append(replace.buffer(), replace.offset(), ReplaceCommand.CONTEXT_OFFSET, reserved, accountSlot, incarnation);
    }

    private static void append(final MutableDirectBuffer buffer, final int recordOffset, final int contextLengthOffset,
                               final long reserved, final int accountSlot, final long incarnation) {
        final int contextLength = buffer.getByte(recordOffset + contextLengthOffset) & 0xFF;
        final int at = recordOffset + contextLengthOffset + 1 + contextLength;
        buffer.putLong(at + RESERVED_OFFSET, reserved);
        buffer.putInt(at + ACCOUNT_SLOT_OFFSET, accountSlot);
        buffer.putLong(at + INCARNATION_OFFSET, incarnation);
        buffer.putByte(at + LENGTH_OFFSET, (byte) LENGTH);
        buffer.putByte(recordOffset + contextLengthOffset, (byte) (contextLength + LENGTH));
        buffer.putShort(recordOffset + Flyweight.LENGTH_OFFSET, (short) (contextLengthOffset + 1 + contextLength + LENGTH));
    }
}
