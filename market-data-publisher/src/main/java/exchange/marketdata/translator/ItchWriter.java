package exchange.marketdata.translator;

import exchange.marketdata.itch.AddOrder;
import exchange.marketdata.itch.CrossTrade;
import exchange.marketdata.itch.ItchWire;
import exchange.marketdata.itch.NetOrderImbalanceIndicator;
import exchange.marketdata.itch.OrderCancel;
import exchange.marketdata.itch.OrderDelete;
import exchange.marketdata.itch.OrderExecuted;
import exchange.marketdata.itch.OrderExecutedWithPrice;
import exchange.marketdata.itch.OrderReplace;
import exchange.marketdata.itch.StockDirectory;
import exchange.marketdata.itch.StockTradingAction;
import exchange.marketdata.itch.SystemEvent;
import exchange.marketdata.itch.Trade;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes one ITCH message at a time into a scratch buffer, with the header every message shares
 * (Stock Locate, Tracking Number {@value #TRACKING_NUMBER}, Timestamp), and hands it to the sink. The
 * Stock field comes from the instrument table, packed once.
 *
 * <p>Translator thread only. Never allocates. A value that does not fit its field throws
 * {@link IllegalArgumentException} (the translator checks prices and shares before it gets here).
 */
final class ItchWriter {
    /** Tracking Number of every message: Nasdaq's is internal; this feed has no use for one. */
    static final int TRACKING_NUMBER = 0;

    private static final int SCRATCH_BYTES = 64; // the longest message written (I) is 50 bytes

    private final ItchSink sink;
    private final long[] stockCodes;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_BYTES]);
    private final SystemEvent.Encoder systemEvent = new SystemEvent.Encoder();
    private final StockDirectory.Encoder stockDirectory = new StockDirectory.Encoder();
    private final StockTradingAction.Encoder tradingAction = new StockTradingAction.Encoder();
    private final AddOrder.Encoder addOrder = new AddOrder.Encoder();
    private final OrderExecuted.Encoder executed = new OrderExecuted.Encoder();
    private final OrderExecutedWithPrice.Encoder executedWithPrice = new OrderExecutedWithPrice.Encoder();
    private final OrderCancel.Encoder cancel = new OrderCancel.Encoder();
    private final OrderDelete.Encoder delete = new OrderDelete.Encoder();
    private final OrderReplace.Encoder replace = new OrderReplace.Encoder();
    private final Trade.Encoder trade = new Trade.Encoder();
    private final CrossTrade.Encoder crossTrade = new CrossTrade.Encoder();
    private final NetOrderImbalanceIndicator.Encoder imbalance = new NetOrderImbalanceIndicator.Encoder();
    private long messages;

    /** @param stockCodes the Stock field of each Stock Locate, packed by {@link ItchWire#packAlpha8}. */
    ItchWriter(final ItchSink sink, final long[] stockCodes) {
        this.sink = sink;
        this.stockCodes = stockCodes;
    }

    /** Messages written so far. */
    long messages() {
        return messages;
    }

    void systemEvent(final long timestampNs, final char eventCode) {
        systemEvent.wrap(scratch, 0).stockLocate(0).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .eventCode(eventCode);
        emit(SystemEvent.LENGTH);
    }

    void stockDirectory(final int locate, final long timestampNs, final long roundLotSize) {
        stockDirectory.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .stockCode(stockCodes[locate])
            .marketCategory(' ')             // not a Nasdaq listing tier
            .financialStatusIndicator('N')   // normal
            .roundLotSize(roundLotSize)
            .roundLotsOnly('Y')              // the engine takes only multiples of the lot size
            .issueClassification('C')        // common stock: the engine has no other notion
            .issueSubType("Z")               // not applicable
            .authenticity('P')               // live/production
            .shortSaleThresholdIndicator(' ')
            .ipoFlag(' ')
            .luldReferencePriceTier(' ')
            .etpFlag(' ')
            .etpLeverageFactor(0)
            .inverseIndicator('N');
        emit(StockDirectory.LENGTH);
    }

    void tradingAction(final int locate, final long timestampNs, final char tradingState) {
        tradingAction.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .stockCode(stockCodes[locate]).tradingState(tradingState).reserved(' ').reason("");
        emit(StockTradingAction.LENGTH);
    }

    void addOrder(final int locate, final long timestampNs, final long reference, final boolean buy,
        final long shares, final long price) {
        addOrder.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .orderReferenceNumber(reference).buySellIndicator(buy ? 'B' : 'S').shares(shares)
            .stockCode(stockCodes[locate]).price(price);
        emit(AddOrder.LENGTH);
    }

    void orderExecuted(final int locate, final long timestampNs, final long reference, final long shares,
        final long matchNumber) {
        executed.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .orderReferenceNumber(reference).executedShares(shares).matchNumber(matchNumber);
        emit(OrderExecuted.LENGTH);
    }

    void orderExecutedWithPrice(final int locate, final long timestampNs, final long reference, final long shares,
        final long matchNumber, final boolean printable, final long price) {
        executedWithPrice.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER)
            .timestampNs(timestampNs).orderReferenceNumber(reference).executedShares(shares).matchNumber(matchNumber)
            .printable(printable ? 'Y' : 'N').executionPrice(price);
        emit(OrderExecutedWithPrice.LENGTH);
    }

    void orderCancel(final int locate, final long timestampNs, final long reference, final long shares) {
        cancel.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .orderReferenceNumber(reference).canceledShares(shares);
        emit(OrderCancel.LENGTH);
    }

    void orderDelete(final int locate, final long timestampNs, final long reference) {
        delete.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .orderReferenceNumber(reference);
        emit(OrderDelete.LENGTH);
    }

    void orderReplace(final int locate, final long timestampNs, final long originalReference,
        final long newReference, final long shares, final long price) {
        replace.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .originalOrderReferenceNumber(originalReference).newOrderReferenceNumber(newReference).shares(shares)
            .price(price);
        emit(OrderReplace.LENGTH);
    }

    /** Trade (P) against an order the feed does not show: Order Reference Number 0, as Nasdaq sends. */
    void trade(final int locate, final long timestampNs, final boolean buy, final long shares, final long price,
        final long matchNumber) {
        trade.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .orderReferenceNumber(0).buySellIndicator(buy ? 'B' : 'S').shares(shares).stockCode(stockCodes[locate])
            .price(price).matchNumber(matchNumber);
        emit(Trade.LENGTH);
    }

    void crossTrade(final int locate, final long timestampNs, final long shares, final long price,
        final long matchNumber, final char crossType) {
        crossTrade.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .shares(shares).stockCode(stockCodes[locate]).crossPrice(price).matchNumber(matchNumber)
            .crossType(crossType);
        emit(CrossTrade.LENGTH);
    }

    void imbalance(final int locate, final long timestampNs, final long pairedShares, final long imbalanceShares,
        final char direction, final long price, final char crossType, final char priceVariation) {
        imbalance.wrap(scratch, 0).stockLocate(locate).trackingNumber(TRACKING_NUMBER).timestampNs(timestampNs)
            .pairedShares(pairedShares).imbalanceShares(imbalanceShares).imbalanceDirection(direction)
            .stockCode(stockCodes[locate]).farPrice(price).nearPrice(price).currentReferencePrice(price)
            .crossType(crossType).priceVariationIndicator(priceVariation);
        emit(NetOrderImbalanceIndicator.LENGTH);
    }

    private void emit(final int length) {
        messages++;
        sink.onMessage(scratch, 0, length);
    }
}
