package exchange.sequencer;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.NewOrderCommand;

/**
 * Command writers for tests: a gateway's part of a command, leaving sequence and time to the journal.
 */
public final class TestCommands {
    private TestCommands() {
    }

    public static CommandWriter limit(final int instrumentId, final Side side, final long price, final long qty,
                                      final int firm, final TimeInForce tif) {
        return (buffer, offset) -> {
            final NewOrderCommand c = (NewOrderCommand) new NewOrderCommand().wrap(buffer, offset);
            c.init().instrumentId(instrumentId).sessionId(firm).firmId(firm);
            c.side(side).orderType(OrderType.LIMIT).timeInForce(tif).price(price).quantity(qty)
                .context(("ord-" + firm + "-" + price + "-" + qty).getBytes());
            return c.length();
        };
    }

    public static CommandWriter cancel(final int instrumentId, final long orderId, final int firm) {
        return (buffer, offset) -> {
            final CancelCommand c = (CancelCommand) new CancelCommand().wrap(buffer, offset);
            c.init().instrumentId(instrumentId).sessionId(firm).firmId(firm);
            c.orderId(orderId);
            return c.length();
        };
    }

    /** A writer that copies a complete command record (from a generated stream) minus nothing. */
    public static CommandWriter copyOf(final byte[] record) {
        return (buffer, offset) -> {
            buffer.putBytes(offset, record);
            return record.length;
        };
    }
}
