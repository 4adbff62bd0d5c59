package exchange.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Decodes one Nasdaq TotalView-ITCH 5.0 message and calls the matching {@link ItchMessageHandler}
 * method with a flyweight decoder.
 *
 * <p>A message is delivered when its type is known and it is at least as long as that type's
 * specified length (longer is accepted, as a newer revision may append fields); anything else goes to
 * {@link ItchMessageHandler#onUnsupportedMessage(DirectBuffer, int, int)}. Single-threaded: owns one
 * decoder per type and never allocates.
 */
public final class ItchMessageDispatcher {
    private final ItchMessageHandler handler;
    private final SystemEvent.Decoder systemEvent = new SystemEvent.Decoder();
    private final StockDirectory.Decoder stockDirectory = new StockDirectory.Decoder();
    private final StockTradingAction.Decoder stockTradingAction = new StockTradingAction.Decoder();
    private final AddOrder.Decoder addOrder = new AddOrder.Decoder();
    private final AddOrderWithMpid.Decoder addOrderWithMpid = new AddOrderWithMpid.Decoder();
    private final OrderExecuted.Decoder orderExecuted = new OrderExecuted.Decoder();
    private final OrderExecutedWithPrice.Decoder orderExecutedWithPrice = new OrderExecutedWithPrice.Decoder();
    private final OrderCancel.Decoder orderCancel = new OrderCancel.Decoder();
    private final OrderDelete.Decoder orderDelete = new OrderDelete.Decoder();
    private final OrderReplace.Decoder orderReplace = new OrderReplace.Decoder();
    private final Trade.Decoder trade = new Trade.Decoder();
    private final CrossTrade.Decoder crossTrade = new CrossTrade.Decoder();
    private final BrokenTrade.Decoder brokenTrade = new BrokenTrade.Decoder();
    private final NetOrderImbalanceIndicator.Decoder netOrderImbalanceIndicator = new NetOrderImbalanceIndicator.Decoder();

    public ItchMessageDispatcher(final ItchMessageHandler handler) {
        this.handler = handler;
    }

    /**
     * Decodes the message at {@code buffer[offset, offset + length)} and hands it to the handler.
     *
     * @return true if the message was delivered to a typed handler method, false if it went to
     *     {@link ItchMessageHandler#onUnsupportedMessage(DirectBuffer, int, int)}.
     */
    public boolean dispatch(final DirectBuffer buffer, final int offset, final int length) {
        if (length < ItchHeader.LENGTH) {
            handler.onUnsupportedMessage(buffer, offset, length);
            return false;
        }
        switch (buffer.getByte(offset + ItchHeader.MESSAGE_TYPE_OFFSET)) {
            case SystemEvent.MESSAGE_TYPE:
                if (length < SystemEvent.LENGTH) {
                    break;
                }
                handler.onSystemEvent(systemEvent.wrap(buffer, offset));
                return true;
            case StockDirectory.MESSAGE_TYPE:
                if (length < StockDirectory.LENGTH) {
                    break;
                }
                handler.onStockDirectory(stockDirectory.wrap(buffer, offset));
                return true;
            case StockTradingAction.MESSAGE_TYPE:
                if (length < StockTradingAction.LENGTH) {
                    break;
                }
                handler.onStockTradingAction(stockTradingAction.wrap(buffer, offset));
                return true;
            case AddOrder.MESSAGE_TYPE:
                if (length < AddOrder.LENGTH) {
                    break;
                }
                handler.onAddOrder(addOrder.wrap(buffer, offset));
                return true;
            case AddOrderWithMpid.MESSAGE_TYPE:
                if (length < AddOrderWithMpid.LENGTH) {
                    break;
                }
                handler.onAddOrderWithMpid(addOrderWithMpid.wrap(buffer, offset));
                return true;
            case OrderExecuted.MESSAGE_TYPE:
                if (length < OrderExecuted.LENGTH) {
                    break;
                }
                handler.onOrderExecuted(orderExecuted.wrap(buffer, offset));
                return true;
            case OrderExecutedWithPrice.MESSAGE_TYPE:
                if (length < OrderExecutedWithPrice.LENGTH) {
                    break;
                }
                handler.onOrderExecutedWithPrice(orderExecutedWithPrice.wrap(buffer, offset));
                return true;
            case OrderCancel.MESSAGE_TYPE:
                if (length < OrderCancel.LENGTH) {
                    break;
                }
                handler.onOrderCancel(orderCancel.wrap(buffer, offset));
                return true;
            case OrderDelete.MESSAGE_TYPE:
                if (length < OrderDelete.LENGTH) {
                    break;
                }
                handler.onOrderDelete(orderDelete.wrap(buffer, offset));
                return true;
            case OrderReplace.MESSAGE_TYPE:
                if (length < OrderReplace.LENGTH) {
                    break;
                }
                handler.onOrderReplace(orderReplace.wrap(buffer, offset));
                return true;
            case Trade.MESSAGE_TYPE:
                if (length < Trade.LENGTH) {
                    break;
                }
                handler.onTrade(trade.wrap(buffer, offset));
                return true;
            case CrossTrade.MESSAGE_TYPE:
                if (length < CrossTrade.LENGTH) {
                    break;
                }
                handler.onCrossTrade(crossTrade.wrap(buffer, offset));
                return true;
            case BrokenTrade.MESSAGE_TYPE:
                if (length < BrokenTrade.LENGTH) {
                    break;
                }
                handler.onBrokenTrade(brokenTrade.wrap(buffer, offset));
                return true;
            case NetOrderImbalanceIndicator.MESSAGE_TYPE:
                if (length < NetOrderImbalanceIndicator.LENGTH) {
                    break;
                }
                handler.onNetOrderImbalanceIndicator(netOrderImbalanceIndicator.wrap(buffer, offset));
                return true;
            default:
                break;
        }
        handler.onUnsupportedMessage(buffer, offset, length);
        return false;
    }
}
