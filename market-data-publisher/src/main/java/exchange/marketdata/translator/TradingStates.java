package exchange.marketdata.translator;

import exchange.matching.TradingPhase;

/**
 * How the engine's trading phases read on the feed: the Trading State of a Stock Trading Action (H)
 * and the Cross Type of an auction's NOII (I) and Cross Trade (Q).
 *
 * <table>
 *   <caption>Trading State by phase</caption>
 *   <tr><th>phase</th><th>state</th><th>why</th></tr>
 *   <tr><td>CONTINUOUS</td><td>T</td><td>trading</td></tr>
 *   <tr><td>PRE_OPEN, PRE_CLOSE, VOLATILITY_AUCTION</td><td>Q</td><td>quotation only: orders are taken
 *   and shown but do not match until the uncross</td></tr>
 *   <tr><td>HALTED</td><td>H</td><td>halted</td></tr>
 *   <tr><td>CLOSED</td><td>H</td><td>no orders are taken; ITCH has no "closed" state, and H is the one
 *   that tells a subscriber nothing will trade</td></tr>
 * </table>
 * The Reason field is left blank ("reason not available"): the engine does not say why.
 */
public final class TradingStates {
    public static final char TRADING = 'T';
    public static final char QUOTATION_ONLY = 'Q';
    public static final char HALTED = 'H';

    /** Cross Types of the ITCH specification. */
    public static final char CROSS_OPENING = 'O';
    public static final char CROSS_CLOSING = 'C';
    public static final char CROSS_HALT = 'H';
    public static final char CROSS_INTRADAY = 'I';

    private TradingStates() {
    }

    /** @return the Trading State a Stock Trading Action shows for the phase. */
    public static char tradingState(final TradingPhase phase) {
        return switch (phase) {
            case CONTINUOUS -> TRADING;
            case PRE_OPEN, PRE_CLOSE, VOLATILITY_AUCTION -> QUOTATION_ONLY;
            case HALTED, CLOSED -> HALTED;
        };
    }

    /**
     * The Cross Type of an auction that uncrosses the call phase {@code phase}: the opening auction
     * (PRE_OPEN) is O, the closing auction (PRE_CLOSE) C, a volatility auction or a resumption after a
     * halt H ("IPO and halted/paused securities"), anything else I (intraday).
     */
    public static char crossType(final TradingPhase phase) {
        return switch (phase) {
            case PRE_OPEN -> CROSS_OPENING;
            case PRE_CLOSE -> CROSS_CLOSING;
            case VOLATILITY_AUCTION, HALTED -> CROSS_HALT;
            case CONTINUOUS, CLOSED -> CROSS_INTRADAY;
        };
    }
}
