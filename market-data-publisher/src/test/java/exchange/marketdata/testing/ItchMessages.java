package exchange.marketdata.testing;

import exchange.marketdata.itch.AddOrder;
import exchange.marketdata.itch.AddOrderWithMpid;
import exchange.marketdata.itch.BrokenTrade;
import exchange.marketdata.itch.CrossTrade;
import exchange.marketdata.itch.NetOrderImbalanceIndicator;
import exchange.marketdata.itch.ItchEncoder;
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
 * Builds ITCH messages as byte arrays with named arguments, for tests: timestamps count up by one
 * microsecond per message from 09:30, tracking numbers are 0.
 */
public final class ItchMessages {
    private static final long START_NS = 34_200_000_000_000L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private long timestampNs = START_NS;

    private <E extends ItchEncoder<E>> E header(final E encoder, final int locate) {
        timestampNs += 1_000;
        return encoder.wrap(buffer, 0).stockLocate(locate).trackingNumber(0).timestampNs(timestampNs);
    }

    private byte[] bytes(final ItchEncoder<?> encoder) {
        final byte[] bytes = new byte[encoder.encodedLength()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    public byte[] systemEvent(final char eventCode) {
        return bytes(header(new SystemEvent.Encoder(), 0).eventCode(eventCode));
    }

    public byte[] stockDirectory(final int locate, final String stock) {
        return bytes(header(new StockDirectory.Encoder(), locate)
            .stock(stock).marketCategory('Q').financialStatusIndicator('N').roundLotSize(100).roundLotsOnly('N')
            .issueClassification('C').issueSubType("Z").authenticity('P').shortSaleThresholdIndicator('N')
            .ipoFlag('N').luldReferencePriceTier('1').etpFlag('N').etpLeverageFactor(0).inverseIndicator('N'));
    }

    public byte[] tradingAction(final int locate, final String stock, final char state) {
        return bytes(header(new StockTradingAction.Encoder(), locate)
            .stock(stock).tradingState(state).reserved(' ').reason(""));
    }

    public byte[] add(final int locate, final String stock, final long reference, final char side, final long shares, final long price) {
        return bytes(header(new AddOrder.Encoder(), locate)
            .orderReferenceNumber(reference).buySellIndicator(side).shares(shares).stock(stock).price(price));
    }

    public byte[] addWithMpid(
        final int locate, final String stock, final long reference, final char side, final long shares, final long price, final String mpid) {
        return bytes(header(new AddOrderWithMpid.Encoder(), locate)
            .orderReferenceNumber(reference).buySellIndicator(side).shares(shares).stock(stock).price(price)
            .attribution(mpid));
    }

    public byte[] executed(final int locate, final long reference, final long shares, final long match) {
        return bytes(header(new OrderExecuted.Encoder(), locate)
            .orderReferenceNumber(reference).executedShares(shares).matchNumber(match));
    }

    public byte[] executedWithPrice(
        final int locate, final long reference, final long shares, final long match, final boolean printable, final long price) {
        return bytes(header(new OrderExecutedWithPrice.Encoder(), locate)
            .orderReferenceNumber(reference).executedShares(shares).matchNumber(match)
            .printable(printable ? 'Y' : 'N').executionPrice(price));
    }

    public byte[] cancel(final int locate, final long reference, final long shares) {
        return bytes(header(new OrderCancel.Encoder(), locate).orderReferenceNumber(reference).canceledShares(shares));
    }

    public byte[] delete(final int locate, final long reference) {
        return bytes(header(new OrderDelete.Encoder(), locate).orderReferenceNumber(reference));
    }

    public byte[] replace(final int locate, final long original, final long replacement, final long shares, final long price) {
        return bytes(header(new OrderReplace.Encoder(), locate)
            .originalOrderReferenceNumber(original).newOrderReferenceNumber(replacement).shares(shares).price(price));
    }

    public byte[] trade(final int locate, final String stock, final long shares, final long price, final long match) {
        return bytes(header(new Trade.Encoder(), locate)
            .orderReferenceNumber(0).buySellIndicator('B').shares(shares).stock(stock).price(price).matchNumber(match));
    }

    public byte[] crossTrade(final int locate, final String stock, final long shares, final long price, final long match) {
        return bytes(header(new CrossTrade.Encoder(), locate)
            .shares(shares).stock(stock).crossPrice(price).matchNumber(match).crossType('O'));
    }

    public byte[] crossTrade(final int locate, final String stock, final long shares, final long price, final long match,
                             final char crossType) {
        return bytes(header(new CrossTrade.Encoder(), locate)
            .shares(shares).stock(stock).crossPrice(price).matchNumber(match).crossType(crossType));
    }

    /** A Net Order Imbalance Indicator as the exchange sends it: far, near and reference all the indicative price. */
    public byte[] imbalance(final int locate, final String stock, final long paired, final long imbalance,
                            final char direction, final long price, final char crossType) {
        return bytes(header(new NetOrderImbalanceIndicator.Encoder(), locate)
            .pairedShares(paired).imbalanceShares(imbalance).imbalanceDirection(direction).stock(stock)
            .farPrice(price).nearPrice(price).currentReferencePrice(price).crossType(crossType)
            .priceVariationIndicator(' '));
    }

    public byte[] brokenTrade(final int locate, final long match) {
        return bytes(header(new BrokenTrade.Encoder(), locate).matchNumber(match));
    }
}
