package exchange.matching.command;

import exchange.matching.CancelReason;
import org.agrona.DirectBuffer;

/**
 * Cancel every live order of an owner: a session, a firm or one account of a firm; optionally only
 * for one instrument (header instrument id, {@link exchange.matching.Instrument#NULL_ID} for all)
 * and one side. Used for FIX OrderMassCancelRequest, cancel-on-disconnect and the kill switch, told
 * apart by the reason.
 *
 * <pre>
 *  32  scope (u8: 1 session, 2 firm, 3 account)
 *  33  side (u8, FIX 54; 0 for both)
 *  34  reason (u8, CancelReason code)
 *  35  reserved
 *  36  account id (i32; ACCOUNT scope only)
 *  40  context length (u8), then the context bytes
 * </pre>
 *
 * The owner is the command's session (SESSION scope) or firm (FIRM and ACCOUNT scope).
 */
public final class MassCancelCommand extends Command {
    public static final int SCOPE_OFFSET = 32;
    public static final int SIDE_OFFSET = 33;
    public static final int REASON_OFFSET = 34;
    public static final int ACCOUNT_OFFSET = 36;
    public static final int CONTEXT_OFFSET = 40;

    public static final int SCOPE_SESSION = 1;
    public static final int SCOPE_FIRM = 2;
    public static final int SCOPE_ACCOUNT = 3;

    @Override
    public CommandType type() {
        return CommandType.MASS_CANCEL;
    }

    @Override
    public MassCancelCommand init() {
        header(type().code(), CONTEXT_OFFSET + 1);
        buffer.setMemory(offset + 3, CONTEXT_OFFSET + 1 - 3, (byte) 0);
        return this;
    }

    public int scope() {
        return buffer.getByte(offset + SCOPE_OFFSET) & 0xFF;
    }

    public MassCancelCommand scope(final int scope) {
        buffer.putByte(offset + SCOPE_OFFSET, (byte) scope);
        return this;
    }

    /** @return FIX Side(54) byte, 0 for both sides. */
    public byte sideCode() {
        return buffer.getByte(offset + SIDE_OFFSET);
    }

    public MassCancelCommand sideCode(final byte side) {
        buffer.putByte(offset + SIDE_OFFSET, side);
        return this;
    }

    public CancelReason reason() {
        return CancelReason.fromCode(buffer.getByte(offset + REASON_OFFSET));
    }

    public MassCancelCommand reason(final CancelReason reason) {
        buffer.putByte(offset + REASON_OFFSET, reason.code());
        return this;
    }

    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public MassCancelCommand accountId(final int accountId) {
        buffer.putInt(offset + ACCOUNT_OFFSET, accountId);
        return this;
    }

    public int contextLength() {
        return contextLength(CONTEXT_OFFSET);
    }

    public int contextStart() {
        return offset + CONTEXT_OFFSET + 1;
    }

    public MassCancelCommand context(final DirectBuffer src, final int srcOffset, final int length) {
        putContext(CONTEXT_OFFSET, src, srcOffset, length);
        return this;
    }

    public MassCancelCommand context(final byte[] context) {
        putContext(CONTEXT_OFFSET, context);
        return this;
    }

    public byte[] contextBytes() {
        return contextBytes(CONTEXT_OFFSET);
    }

    @Override
    protected String body() {
        return " scope=" + scope() + " side=" + sideCode() + " reason=" + reason() + " account=" + accountId();
    }
}
