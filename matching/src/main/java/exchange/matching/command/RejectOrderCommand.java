package exchange.matching.command;

import exchange.matching.RejectReason;

/**
 * An order the gateway refused before the engine (risk limits, throttle, duplicate ClOrdID...). It is
 * journaled like any command so that the refusal has its place in the single line, an ExecID, and a
 * drop copy; the engine answers it with a Rejected event and changes nothing else.
 *
 * <p>Same layout as {@link NewOrderCommand}, with the reject reason at offset 88.
 */
public final class RejectOrderCommand extends NewOrderCommand {
    @Override
    public CommandType type() {
        return CommandType.REJECT_ORDER;
    }

    @Override
    public RejectOrderCommand init() {
        super.init();
        return this;
    }

    /** @return why the gateway refused the order. */
    public RejectReason reason() {
        return RejectReason.fromCode(buffer.getByte(offset + REJECT_REASON_OFFSET));
    }

    public RejectOrderCommand reason(final RejectReason reason) {
        buffer.putByte(offset + REJECT_REASON_OFFSET, reason.code());
        return this;
    }

    @Override
    protected String body() {
        return super.body() + " reason=" + reason();
    }
}
