package exchange.matching.event;

/**
 * Receives decoded events, one method per type; every method does nothing unless overridden, so a
 * consumer implements only what it needs. The flyweight is valid only during the call.
 */
public interface EventHandler {
    default void onAccepted(final AcceptedEvent event) {
    }

    default void onRejected(final RejectedEvent event) {
    }

    default void onBooked(final BookedEvent event) {
    }

    default void onTrade(final TradeEvent event) {
    }

    default void onCancelled(final CancelledEvent event) {
    }

    default void onReplaced(final ReplacedEvent event) {
    }

    default void onCancelRejected(final CancelRejectedEvent event) {
    }

    default void onStatus(final StatusEvent event) {
    }

    default void onMassCancelled(final MassCancelledEvent event) {
    }

    default void onPhaseChanged(final PhaseChangedEvent event) {
    }

    default void onDayEnded(final DayEndedEvent event) {
    }

    default void onRestored(final RestoredEvent event) {
    }

    default void onRestated(final RestatedEvent event) {
    }

    default void onTriggered(final TriggeredEvent event) {
    }

    default void onAuctionIndicative(final AuctionIndicativeEvent event) {
    }

    default void onAuctionUncrossed(final AuctionUncrossedEvent event) {
    }

    default void onKillSwitchChanged(final KillSwitchChangedEvent event) {
    }
}
