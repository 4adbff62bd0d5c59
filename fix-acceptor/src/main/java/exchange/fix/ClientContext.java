package exchange.fix;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * What the FIX acceptor keeps in a command's client context (the opaque bytes the engine copies into
 * the events that answer the command): the ClOrdID, the OrigClOrdID, the Account as the broker wrote
 * it, the mass-cancel request type, and the Text of a reject decided at the gateway.
 * <pre>
 *   u8 ClOrdID length, ClOrdID (ASCII)
 *   u8 OrigClOrdID length, OrigClOrdID
 *   u8 Account length, Account
 *   u8 MassCancelRequestType (FIX 530 as a character, 0 when none)
 *   u8 Text length, Text (cut so that the context leaves room for what the risk checks append); for
 *      an OrderStatusRequest, its OrdStatusReqID (790), which the answer echoes; for a cancel or replace
 *      journaled with no instrument (refused for an order not yet acknowledged), its answer's Text
 *   (what the risk checks append: see PreTradeChecks)
 * </pre>
 * Every field is length-prefixed, so what follows them is never mistaken for them.
 * ClOrdID and OrigClOrdID are at most {@value #MAX_ID_LENGTH} characters, Account at most
 * {@value #MAX_ACCOUNT_LENGTH}; longer ones are refused at the edge.
 */
public final class ClientContext {
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_ACCOUNT_LENGTH = 32;

    private String clOrdId = "";
    private String origClOrdId = "";
    private String account = "";
    private char massCancelType;
    private String text = "";

    public String clOrdId() {
        return clOrdId;
    }

    public String origClOrdId() {
        return origClOrdId;
    }

    public String account() {
        return account;
    }

    public char massCancelType() {
        return massCancelType;
    }

    /** @return the gateway's reject text, empty when none */
    public String text() {
        return text;
    }

    /**
     * Writes a context.
     *
     * @return its length
     */
    public static int write(final MutableDirectBuffer buffer, final int offset, final String clOrdId,
                            final String origClOrdId, final String account, final char massCancelType,
                            final String text) {
        int at = offset;
        at = put(buffer, at, clOrdId);
        at = put(buffer, at, origClOrdId);
        at = put(buffer, at, account);
        buffer.putByte(at++, (byte) massCancelType);
        final int room = exchange.matching.Flyweight.MAX_CONTEXT_LENGTH - PreTradeChecks.CONTEXT_RESERVE - (at - offset) - 1;
        final String t = text == null ? "" : text.length() > room ? text.substring(0, room) : text;
        at = put(buffer, at, t);
        return at - offset;
    }

    private static int put(final MutableDirectBuffer buffer, final int at, final String value) {
        final String v = value == null ? "" : value;
        final byte[] bytes = v.getBytes(StandardCharsets.US_ASCII);
        buffer.putByte(at, (byte) bytes.length);
        buffer.putBytes(at + 1, bytes);
        return at + 1 + bytes.length;
    }

    /**
     * Reads a context written by {@link #write}; an empty one reads as all blank.
     *
     * @return this
     */
    public ClientContext read(final DirectBuffer buffer, final int offset, final int length) {
        clOrdId = "";
        origClOrdId = "";
        account = "";
        massCancelType = 0;
        text = "";
        if (length == 0) {
            return this;
        }
        int at = offset;
        final int end = offset + length;
        final String[] values = new String[3];
        for (int i = 0; i < 3 && at < end; i++) {
            final int n = buffer.getByte(at) & 0xFF;
            values[i] = buffer.getStringWithoutLengthAscii(at + 1, Math.min(n, end - at - 1));
            at += 1 + n;
        }
        clOrdId = values[0] == null ? "" : values[0];
        origClOrdId = values[1] == null ? "" : values[1];
        account = values[2] == null ? "" : values[2];
        massCancelType = at < end ? (char) buffer.getByte(at) : 0;
        at++;
        if (at < end) {
            final int n = buffer.getByte(at) & 0xFF;
            text = buffer.getStringWithoutLengthAscii(at + 1, Math.min(n, end - at - 1));
        }
        return this;
    }
}
