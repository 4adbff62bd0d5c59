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
    private final PhaseChangedEvent phaseChanged = new PhaseChangedEvent();
    private final DayEndedEvent dayEnded = new DayEndedEvent();
    private final RestoredEvent restored = new RestoredEvent();
    private final RestatedEvent restated = new RestatedEvent();
    private final TriggeredEvent triggered = new TriggeredEvent();
    private final AuctionIndicativeEvent auctionIndicative = new AuctionIndicativeEvent();
    private final AuctionUncrossedEvent auctionUncrossed = new AuctionUncrossedEvent();
    private final KillSwitchChangedEvent killSwitchChanged = new KillSwitchChangedEvent();

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
     * @throws IllegalArgumentException for an unknown type code
     */
    public int decode(final MutableDirectBuffer buffer, final int offset, final EventHandler handler) {
        final Event event = wrap(buffer, offset);
        switch (event.type()) {
            case ACCEPTED -> handler.onAccepted(accepted);
            case REJECTED -> handler.onRejected(rejected);
            case BOOKED -> handler.onBooked(booked);
            case TRADE -> handler.onTrade(trade);
            case CANCELLED -> handler.onCancelled(cancelled);
            case REPLACED -> handler.onReplaced(replaced);
            case CANCEL_REJECTED -> handler.onCancelRejected(cancelRejected);
            case STATUS -> handler.onStatus(status);
            case MASS_CANCELLED -> handler.onMassCancelled(massCancelled);
            case PHASE_CHANGED -> handler.onPhaseChanged(phaseChanged);
            case DAY_ENDED -> handler.onDayEnded(dayEnded);
            case RESTORED -> handler.onRestored(restored);
            case RESTATED -> handler.onRestated(restated);
            case TRIGGERED -> handler.onTriggered(triggered);
            case AUCTION_INDICATIVE -> handler.onAuctionIndicative(auctionIndicative);
            case AUCTION_UNCROSSED -> handler.onAuctionUncrossed(auctionUncrossed);
            case KILL_SWITCH_CHANGED -> handler.onKillSwitchChanged(killSwitchChanged);
            default -> throw new IllegalStateException("no handler method for " + event.type());
        }
        return Flyweight.lengthAt(buffer, offset);
    }

    private Event flyweightFor(final int typeCode) {
        final EventType type = EventType.fromCode(typeCode);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type " + typeCode);
        }
        return switch (type) {
            case ACCEPTED -> accepted;
            case REJECTED -> rejected;
            case BOOKED -> booked;
            case TRADE -> trade;
            case CANCELLED -> cancelled;
            case REPLACED -> replaced;
            case CANCEL_REJECTED -> cancelRejected;
            case STATUS -> status;
            case MASS_CANCELLED -> massCancelled;
            case PHASE_CHANGED -> phaseChanged;
            case DAY_ENDED -> dayEnded;
            case RESTORED -> restored;
            case RESTATED -> restated;
            case TRIGGERED -> triggered;
            case AUCTION_INDICATIVE -> auctionIndicative;
            case AUCTION_UNCROSSED -> auctionUncrossed;
            case KILL_SWITCH_CHANGED -> killSwitchChanged;
        };
    }
}
