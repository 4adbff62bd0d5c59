package exchange.matching.testing;

import exchange.matching.event.BookedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.TriggeredEvent;
import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.AuctionUncrossedEvent;
import exchange.matching.event.Event;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;

import java.util.function.LongFunction;

/**
 * One line per event, with order labels, for scenario assertions:
 * {@code ACCEPTED B1}, {@code TRADE A1 100@101} (the resting order), {@code BOOKED B1 20},
 * {@code CANCELLED B1 IOC_REMAINDER}, {@code REJECTED B1 PRICE_OFF_TICK}, {@code REPLACED A1 kept},
 * {@code CANCEL_REJECTED A1 UNKNOWN_ORDER}, {@code STATUS A1 live}, {@code MASS_CANCELLED 3},
 * {@code PHASE_CHANGED HALTED}, {@code DAY_ENDED 4}, {@code RESTORED G1 10}, {@code RESTATED B1 10} (the
 * quantity taken off), {@code TRIGGERED S1 101} (the trigger price),
 * {@code AUCTION_INDICATIVE 100 paired=50 imbalance=10 B}, {@code AUCTION_UNCROSSED 50@100}.
 */
public final class EventText {
    private EventText() {
    }

    public static String of(final Event event, final LongFunction<String> label) {
        return switch (event.type()) {
            case ACCEPTED -> "ACCEPTED " + label.apply(((OrderEvent) event).orderId());
            case REJECTED -> "REJECTED " + label.apply(((OrderEvent) event).orderId()) + " " + ((RejectedEvent) event).reason();
            case BOOKED -> "BOOKED " + label.apply(((BookedEvent) event).orderId()) + " " + ((BookedEvent) event).visibleQty();
            case TRADE -> trade((TradeEvent) event, label);
            case CANCELLED -> "CANCELLED " + label.apply(((OrderEvent) event).orderId()) + " " + ((CancelledEvent) event).reason();
            case REPLACED -> "REPLACED " + label.apply(((OrderEvent) event).orderId()) + " "
                + (((ReplacedEvent) event).priorityKept() ? "kept" : "lost")
                + (((ReplacedEvent) event).displayQty() > 0 ? " peak " + ((ReplacedEvent) event).displayQty() : "");
            case CANCEL_REJECTED -> "CANCEL_REJECTED " + label.apply(((OrderEvent) event).orderId()) + " "
                + ((CancelRejectedEvent) event).reason();
            case STATUS -> "STATUS " + label.apply(((OrderEvent) event).orderId()) + " "
                + (((StatusEvent) event).orderLive() ? "live" : "unknown");
            case MASS_CANCELLED -> "MASS_CANCELLED " + ((MassCancelledEvent) event).cancelledCount();
            case PHASE_CHANGED -> "PHASE_CHANGED " + ((PhaseChangedEvent) event).phase();
            case DAY_ENDED -> "DAY_ENDED " + ((DayEndedEvent) event).expiredCount();
            case RESTORED -> "RESTORED " + label.apply(((OrderEvent) event).orderId()) + " "
                + ((RestoredEvent) event).visibleQty();
            case RESTATED -> "RESTATED " + label.apply(((OrderEvent) event).orderId()) + " "
                + ((RestatedEvent) event).restatedQty();
            case TRIGGERED -> "TRIGGERED " + label.apply(((OrderEvent) event).orderId()) + " "
                + BookScenario.price(((TriggeredEvent) event).triggerPrice());
            case AUCTION_INDICATIVE -> indicative((AuctionIndicativeEvent) event);
            case AUCTION_UNCROSSED -> "AUCTION_UNCROSSED " + ((AuctionUncrossedEvent) event).quantity() + "@"
                + BookScenario.price(((AuctionUncrossedEvent) event).price());
            case KILL_SWITCH_CHANGED -> "KILL_SWITCH " + ((KillSwitchChangedEvent) event).firmId() + "/"
                + ((KillSwitchChangedEvent) event).accountId() + " " + (((KillSwitchChangedEvent) event).on() ? "on" : "off")
                + " " + ((KillSwitchChangedEvent) event).cancelledCount();
        };
    }

    /** @return {@code "A1 100@101"}: resting order, quantity, price; in an auction, {@code "B1/A1 100@101"} */
    public static String tradeText(final TradeEvent trade, final LongFunction<String> label) {
        final String who = trade.aggressorSide() == null
            ? label.apply(trade.buy().orderId()) + "/" + label.apply(trade.sell().orderId())
            : label.apply(trade.passive().orderId());
        return who + " " + trade.quantity() + "@" + BookScenario.price(trade.price());
    }

    /** @return {@code "AUCTION_INDICATIVE 100 paired=50 imbalance=10 B"}, or {@code "AUCTION_INDICATIVE none"} */
    private static String indicative(final AuctionIndicativeEvent e) {
        if (e.imbalanceSide() == AuctionIndicativeEvent.NO_CROSS) {
            return "AUCTION_INDICATIVE none";
        }
        return "AUCTION_INDICATIVE " + BookScenario.price(e.price()) + " paired=" + e.pairedQty() + " imbalance="
            + e.imbalanceQty() + " " + (char) e.imbalanceSide();
    }

    private static String trade(final TradeEvent trade, final LongFunction<String> label) {
        return "TRADE " + tradeText(trade, label);
    }
}
