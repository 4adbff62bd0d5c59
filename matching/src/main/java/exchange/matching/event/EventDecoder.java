package exchange.matching.event;

import exchange.matching.Flyweight;
import org.agrona.MutableDirectBuffer;

/**
 * Turns event records back into flyweights and hands them to an {@link EventHandler}. One decoder
 * per thread; it holds one flyweight per event type and never allocates.
 */
public final class EventDecoder {
    private final AcceptedEvent accepted = new AcceptedEvent();
    private final RejectedEvent rejected = new RejectedEvent();
    private final BookedEvent booked = new BookedEvent();
    private final TradeEvent trade = new TradeEvent();
    private final CancelledEvent cancelled = new CancelledEvent();
    private final ReplacedEvent replaced = new ReplacedEvent();
    private final CancelRejectedEvent cancelRejected = new CancelRejectedEvent();
    private final StatusEvent status = new StatusEvent();
    private final MassCancelledEvent massCancelled = new MassCancelledEvent();

    /**
     * Wraps the record at an offset in the flyweight of its type.
     *
     * @param buffer holding the record
     * @param offset of the record
     * @return the flyweight, valid until this decoder wraps another record of the same type
     * @throws IllegalArgumentException for an unknown type code
     */
    public Event wrap(final MutableDirectBuffer buffer, final int offset) {
        final Event event = flyweightFor(Flyweight.typeCodeAt(buffer, offset));
        event.wrap(buffer, offset);
        return event;
    }

    /**
     * Decodes one record and calls the handler's method for its type.
     *
     * @param buffer  holding the record
     * @param offset  of the record
     * @param handler to call
     * @return the record's length, to step to the next one
     */
    public int decode(final MutableDirectBuffer buffer, final int offset, final EventHandler handler) {
        final int typeCode = Flyweight.typeCodeAt(buffer, offset);
        switch (typeCode) {
            case 1 -> handler.onAccepted((AcceptedEvent) accepted.wrap(buffer, offset));
            case 2 -> handler.onRejected((RejectedEvent) rejected.wrap(buffer, offset));
            case 3 -> handler.onBooked((BookedEvent) booked.wrap(buffer, offset));
            case 4 -> handler.onTrade(trade.wrap(buffer, offset));
            case 5 -> handler.onCancelled((CancelledEvent) cancelled.wrap(buffer, offset));
            case 6 -> handler.onReplaced((ReplacedEvent) replaced.wrap(buffer, offset));
            case 7 -> handler.onCancelRejected((CancelRejectedEvent) cancelRejected.wrap(buffer, offset));
            case 8 -> handler.onStatus((StatusEvent) status.wrap(buffer, offset));
            case 9 -> handler.onMassCancelled((MassCancelledEvent) massCancelled.wrap(buffer, offset));
            default -> throw new IllegalArgumentException("unknown event type " + typeCode + " at offset " + offset);
        }
        return Flyweight.lengthAt(buffer, offset);
    }

    private Event flyweightFor(final int typeCode) {
        return switch (typeCode) {
            case 1 -> accepted;
            case 2 -> rejected;
            case 3 -> booked;
            case 4 -> trade;
            case 5 -> cancelled;
            case 6 -> replaced;
            case 7 -> cancelRejected;
            case 8 -> status;
            case 9 -> massCancelled;
            default -> throw new IllegalArgumentException("unknown event type " + typeCode);
        };
    }
}
