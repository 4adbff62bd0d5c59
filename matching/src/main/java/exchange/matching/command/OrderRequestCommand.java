package exchange.matching.command;

import org.agrona.DirectBuffer;

/**
 * The common start of commands about one existing order: cancel, replace and status.
 *
 * <pre>
 *  32  order id (i64)
 *  40  ... the command's own fields, then the context
 * </pre>
 */
public abstract class OrderRequestCommand extends Command {
    public static final int ORDER_ID_OFFSET = 32;

    /** @return offset, within the record, of the context length byte. */
    protected abstract int contextOffset();

    public long orderId() {
        return buffer.getLong(offset + ORDER_ID_OFFSET);
    }

    public OrderRequestCommand orderId(final long orderId) {
        buffer.putLong(offset + ORDER_ID_OFFSET, orderId);
        return this;
    }

    @Override
    public OrderRequestCommand init() {
        header(type().code(), contextOffset() + 1);
        buffer.setMemory(offset + 3, contextOffset() + 1 - 3, (byte) 0);
        return this;
    }

    /** @return context length in bytes. */
    public int contextLength() {
        return contextLength(contextOffset());
    }

    /** @return offset in the buffer of the first context byte. */
    public int contextStart() {
        return offset + contextOffset() + 1;
    }

    public OrderRequestCommand context(final DirectBuffer src, final int srcOffset, final int length) {
        putContext(contextOffset(), src, srcOffset, length);
        return this;
    }

    public OrderRequestCommand context(final byte[] context) {
        putContext(contextOffset(), context);
        return this;
    }

    /** @return a copy of the context; allocates. */
    public byte[] contextBytes() {
        return contextBytes(contextOffset());
    }

    @Override
    protected String body() {
        return " order=" + orderId();
    }
}
