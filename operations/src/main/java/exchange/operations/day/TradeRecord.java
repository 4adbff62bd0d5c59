package exchange.operations.day;

import exchange.matching.Side;
import exchange.matching.event.TradeEvent;

import java.util.function.IntFunction;

/**
 * One trade as operators and reports show it.
 *
 * @param timeNs     the trade's time: its command's journal time stamp, ns since the epoch
 * @param symbol     the instrument
 * @param price      in 1/10,000
 * @param quantity   shares or lots
 * @param buyerFirm  the buying firm's name
 * @param sellerFirm the selling firm's name
 * @param aggressor  the side that took liquidity; null for an auction trade
 * @param matchId    the engine's match number (ITCH match number)
 */
public record TradeRecord(long timeNs, String symbol, long price, long quantity, String buyerFirm, String sellerFirm,
                          Side aggressor, long matchId) {
    /** @return the trade an engine's Trade event tells of */
    public static TradeRecord of(final TradeEvent event, final String symbol, final IntFunction<String> firmNames) {
        return new TradeRecord(event.timestampNs(), symbol, event.price(), event.quantity(),
            firmNames.apply(event.buy().firmId()), firmNames.apply(event.sell().firmId()),
            event.auction() ? null : event.aggressorSide(), event.matchId());
    }
}
