package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Receives decoded Nasdaq TotalView-ITCH 5.0 messages from an {@link ItchMessageDispatcher}, one
 * method per message type. Every method does nothing by default, so a handler overrides only what it
 * needs.
 *
 * <p>The decoder passed in is a flyweight owned by the dispatcher: valid only during the call, never
 * to be kept. Calls come on the dispatcher's thread.
 */
public interface ItchMessageHandler {
    /** Message Type 'S', System Event. */
    default void onSystemEvent(final SystemEvent.Decoder message) {
    }

    /** Message Type 'R', Stock Directory. */
    default void onStockDirectory(final StockDirectory.Decoder message) {
    }

    /** Message Type 'H', Stock Trading Action. */
    default void onStockTradingAction(final StockTradingAction.Decoder message) {
    }

    /** Message Type 'A', Add Order, No MPID Attribution. */
    default void onAddOrder(final AddOrder.Decoder message) {
    }

    /** Message Type 'F', Add Order with MPID Attribution. */
    default void onAddOrderWithMpid(final AddOrderWithMpid.Decoder message) {
    }

    /** Message Type 'E', Order Executed. */
    default void onOrderExecuted(final OrderExecuted.Decoder message) {
    }

    /** Message Type 'C', Order Executed With Price. */
    default void onOrderExecutedWithPrice(final OrderExecutedWithPrice.Decoder message) {
    }

    /** Message Type 'X', Order Cancel. */
    default void onOrderCancel(final OrderCancel.Decoder message) {
    }

    /** Message Type 'D', Order Delete. */
    default void onOrderDelete(final OrderDelete.Decoder message) {
    }

    /** Message Type 'U', Order Replace. */
    default void onOrderReplace(final OrderReplace.Decoder message) {
    }

    /** Message Type 'P', Trade, Non-Cross. */
    default void onTrade(final Trade.Decoder message) {
    }

    /** Message Type 'Q', Cross Trade. */
    default void onCrossTrade(final CrossTrade.Decoder message) {
    }

    /** Message Type 'B', Broken Trade / Order Execution. */
    default void onBrokenTrade(final BrokenTrade.Decoder message) {
    }

    /** Message Type 'I', Net Order Imbalance Indicator. */
    default void onNetOrderImbalanceIndicator(final NetOrderImbalanceIndicator.Decoder message) {
    }

    /**
     * A message of a type this codec does not decode (ITCH 5.0 has more types than the exchange
     * publishes), or one shorter than its type's length.
     */
    default void onUnsupportedMessage(final DirectBuffer buffer, final int offset, final int length) {
    }
}
