package exchange.marketdata.itch;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * decode(encode(x)) = x for every Nasdaq TotalView-ITCH 5.0 message type, at an odd offset in a buffer
 * full of junk, so that no field leans on a neighbour's bytes or on alignment.
 */
@Label("Nasdaq TotalView-ITCH 5.0: decode(encode(x)) = x")
class ItchRoundTripTest {
    private static final int OFFSET = 7;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);

    @Provide
    Arbitrary<Character> printableChars() {
        return Arbitraries.chars().range(' ', '~');
    }

    @Provide
    Arbitrary<String> symbols() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> alpha2() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(2);
    }

    @Provide
    Arbitrary<String> alpha4() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(4);
    }

    private void fillWithJunk() {
        buffer.setMemory(0, buffer.capacity(), (byte)0xA5);
    }

    @Property
    void systemEventRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll("printableChars") char eventCode) {
        fillWithJunk();
        final SystemEvent.Encoder encoder = new SystemEvent.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .eventCode(eventCode);
        assertThat(encoder.encodedLength()).isEqualTo(SystemEvent.LENGTH);

        final SystemEvent.Decoder decoder = new SystemEvent.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('S');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.eventCode()).isEqualTo(eventCode);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + SystemEvent.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void stockDirectoryRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll("symbols") String stock,
        @ForAll("printableChars") char marketCategory,
        @ForAll("printableChars") char financialStatusIndicator,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long roundLotSize,
        @ForAll("printableChars") char roundLotsOnly,
        @ForAll("printableChars") char issueClassification,
        @ForAll("alpha2") String issueSubType,
        @ForAll("printableChars") char authenticity,
        @ForAll("printableChars") char shortSaleThresholdIndicator,
        @ForAll("printableChars") char ipoFlag,
        @ForAll("printableChars") char luldReferencePriceTier,
        @ForAll("printableChars") char etpFlag,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long etpLeverageFactor,
        @ForAll("printableChars") char inverseIndicator) {
        fillWithJunk();
        final StockDirectory.Encoder encoder = new StockDirectory.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .stock(stock)
            .marketCategory(marketCategory)
            .financialStatusIndicator(financialStatusIndicator)
            .roundLotSize(roundLotSize)
            .roundLotsOnly(roundLotsOnly)
            .issueClassification(issueClassification)
            .issueSubType(issueSubType)
            .authenticity(authenticity)
            .shortSaleThresholdIndicator(shortSaleThresholdIndicator)
            .ipoFlag(ipoFlag)
            .luldReferencePriceTier(luldReferencePriceTier)
            .etpFlag(etpFlag)
            .etpLeverageFactor(etpLeverageFactor)
            .inverseIndicator(inverseIndicator);
        assertThat(encoder.encodedLength()).isEqualTo(StockDirectory.LENGTH);

        final StockDirectory.Decoder decoder = new StockDirectory.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('R');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.marketCategory()).isEqualTo(marketCategory);
        assertThat(decoder.financialStatusIndicator()).isEqualTo(financialStatusIndicator);
        assertThat(decoder.roundLotSize()).isEqualTo(roundLotSize);
        assertThat(decoder.roundLotsOnly()).isEqualTo(roundLotsOnly);
        assertThat(decoder.issueClassification()).isEqualTo(issueClassification);
        assertThat(decoder.issueSubType()).isEqualTo(issueSubType);
        assertThat(decoder.authenticity()).isEqualTo(authenticity);
        assertThat(decoder.shortSaleThresholdIndicator()).isEqualTo(shortSaleThresholdIndicator);
        assertThat(decoder.ipoFlag()).isEqualTo(ipoFlag);
        assertThat(decoder.luldReferencePriceTier()).isEqualTo(luldReferencePriceTier);
        assertThat(decoder.etpFlag()).isEqualTo(etpFlag);
        assertThat(decoder.etpLeverageFactor()).isEqualTo(etpLeverageFactor);
        assertThat(decoder.inverseIndicator()).isEqualTo(inverseIndicator);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + StockDirectory.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void stockTradingActionRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll("symbols") String stock,
        @ForAll("printableChars") char tradingState,
        @ForAll("printableChars") char reserved,
        @ForAll("alpha4") String reason) {
        fillWithJunk();
        final StockTradingAction.Encoder encoder = new StockTradingAction.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .stock(stock)
            .tradingState(tradingState)
            .reserved(reserved)
            .reason(reason);
        assertThat(encoder.encodedLength()).isEqualTo(StockTradingAction.LENGTH);

        final StockTradingAction.Decoder decoder = new StockTradingAction.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('H');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.tradingState()).isEqualTo(tradingState);
        assertThat(decoder.reserved()).isEqualTo(reserved);
        assertThat(decoder.reason()).isEqualTo(reason);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + StockTradingAction.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void addOrderRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber,
        @ForAll("printableChars") char buySellIndicator,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long shares,
        @ForAll("symbols") String stock,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long price) {
        fillWithJunk();
        final AddOrder.Encoder encoder = new AddOrder.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber)
            .buySellIndicator(buySellIndicator)
            .shares(shares)
            .stock(stock)
            .price(price);
        assertThat(encoder.encodedLength()).isEqualTo(AddOrder.LENGTH);

        final AddOrder.Decoder decoder = new AddOrder.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('A');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(decoder.buySellIndicator()).isEqualTo(buySellIndicator);
        assertThat(decoder.shares()).isEqualTo(shares);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.price()).isEqualTo(price);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + AddOrder.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void addOrderWithMpidRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber,
        @ForAll("printableChars") char buySellIndicator,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long shares,
        @ForAll("symbols") String stock,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long price,
        @ForAll("alpha4") String attribution) {
        fillWithJunk();
        final AddOrderWithMpid.Encoder encoder = new AddOrderWithMpid.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber)
            .buySellIndicator(buySellIndicator)
            .shares(shares)
            .stock(stock)
            .price(price)
            .attribution(attribution);
        assertThat(encoder.encodedLength()).isEqualTo(AddOrderWithMpid.LENGTH);

        final AddOrderWithMpid.Decoder decoder = new AddOrderWithMpid.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('F');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(decoder.buySellIndicator()).isEqualTo(buySellIndicator);
        assertThat(decoder.shares()).isEqualTo(shares);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.price()).isEqualTo(price);
        assertThat(decoder.attribution()).isEqualTo(attribution);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + AddOrderWithMpid.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void orderExecutedRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long executedShares,
        @ForAll long matchNumber) {
        fillWithJunk();
        final OrderExecuted.Encoder encoder = new OrderExecuted.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber)
            .executedShares(executedShares)
            .matchNumber(matchNumber);
        assertThat(encoder.encodedLength()).isEqualTo(OrderExecuted.LENGTH);

        final OrderExecuted.Decoder decoder = new OrderExecuted.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('E');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(decoder.executedShares()).isEqualTo(executedShares);
        assertThat(decoder.matchNumber()).isEqualTo(matchNumber);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + OrderExecuted.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void orderExecutedWithPriceRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long executedShares,
        @ForAll long matchNumber,
        @ForAll("printableChars") char printable,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long executionPrice) {
        fillWithJunk();
        final OrderExecutedWithPrice.Encoder encoder = new OrderExecutedWithPrice.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber)
            .executedShares(executedShares)
            .matchNumber(matchNumber)
            .printable(printable)
            .executionPrice(executionPrice);
        assertThat(encoder.encodedLength()).isEqualTo(OrderExecutedWithPrice.LENGTH);

        final OrderExecutedWithPrice.Decoder decoder = new OrderExecutedWithPrice.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('C');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(decoder.executedShares()).isEqualTo(executedShares);
        assertThat(decoder.matchNumber()).isEqualTo(matchNumber);
        assertThat(decoder.printable()).isEqualTo(printable);
        assertThat(decoder.executionPrice()).isEqualTo(executionPrice);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + OrderExecutedWithPrice.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void orderCancelRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long canceledShares) {
        fillWithJunk();
        final OrderCancel.Encoder encoder = new OrderCancel.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber)
            .canceledShares(canceledShares);
        assertThat(encoder.encodedLength()).isEqualTo(OrderCancel.LENGTH);

        final OrderCancel.Decoder decoder = new OrderCancel.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('X');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(decoder.canceledShares()).isEqualTo(canceledShares);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + OrderCancel.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void orderDeleteRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber) {
        fillWithJunk();
        final OrderDelete.Encoder encoder = new OrderDelete.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber);
        assertThat(encoder.encodedLength()).isEqualTo(OrderDelete.LENGTH);

        final OrderDelete.Decoder decoder = new OrderDelete.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('D');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + OrderDelete.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void orderReplaceRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long originalOrderReferenceNumber,
        @ForAll long newOrderReferenceNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long shares,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long price) {
        fillWithJunk();
        final OrderReplace.Encoder encoder = new OrderReplace.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .originalOrderReferenceNumber(originalOrderReferenceNumber)
            .newOrderReferenceNumber(newOrderReferenceNumber)
            .shares(shares)
            .price(price);
        assertThat(encoder.encodedLength()).isEqualTo(OrderReplace.LENGTH);

        final OrderReplace.Decoder decoder = new OrderReplace.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('U');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.originalOrderReferenceNumber()).isEqualTo(originalOrderReferenceNumber);
        assertThat(decoder.newOrderReferenceNumber()).isEqualTo(newOrderReferenceNumber);
        assertThat(decoder.shares()).isEqualTo(shares);
        assertThat(decoder.price()).isEqualTo(price);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + OrderReplace.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void tradeRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long orderReferenceNumber,
        @ForAll("printableChars") char buySellIndicator,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long shares,
        @ForAll("symbols") String stock,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long price,
        @ForAll long matchNumber) {
        fillWithJunk();
        final Trade.Encoder encoder = new Trade.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .orderReferenceNumber(orderReferenceNumber)
            .buySellIndicator(buySellIndicator)
            .shares(shares)
            .stock(stock)
            .price(price)
            .matchNumber(matchNumber);
        assertThat(encoder.encodedLength()).isEqualTo(Trade.LENGTH);

        final Trade.Decoder decoder = new Trade.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('P');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.orderReferenceNumber()).isEqualTo(orderReferenceNumber);
        assertThat(decoder.buySellIndicator()).isEqualTo(buySellIndicator);
        assertThat(decoder.shares()).isEqualTo(shares);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.price()).isEqualTo(price);
        assertThat(decoder.matchNumber()).isEqualTo(matchNumber);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + Trade.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void crossTradeRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long shares,
        @ForAll("symbols") String stock,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long crossPrice,
        @ForAll long matchNumber,
        @ForAll("printableChars") char crossType) {
        fillWithJunk();
        final CrossTrade.Encoder encoder = new CrossTrade.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .shares(shares)
            .stock(stock)
            .crossPrice(crossPrice)
            .matchNumber(matchNumber)
            .crossType(crossType);
        assertThat(encoder.encodedLength()).isEqualTo(CrossTrade.LENGTH);

        final CrossTrade.Decoder decoder = new CrossTrade.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('Q');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.shares()).isEqualTo(shares);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.crossPrice()).isEqualTo(crossPrice);
        assertThat(decoder.matchNumber()).isEqualTo(matchNumber);
        assertThat(decoder.crossType()).isEqualTo(crossType);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + CrossTrade.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void brokenTradeRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long matchNumber) {
        fillWithJunk();
        final BrokenTrade.Encoder encoder = new BrokenTrade.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .matchNumber(matchNumber);
        assertThat(encoder.encodedLength()).isEqualTo(BrokenTrade.LENGTH);

        final BrokenTrade.Decoder decoder = new BrokenTrade.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('B');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.matchNumber()).isEqualTo(matchNumber);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + BrokenTrade.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }

    @Property
    void netOrderImbalanceIndicatorRoundTrips(
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int stockLocate,
        @ForAll @IntRange(max = ItchWire.MAX_UINT16) int trackingNumber,
        @ForAll @LongRange(max = ItchWire.MAX_UINT48) long timestampNs,
        @ForAll long pairedShares,
        @ForAll long imbalanceShares,
        @ForAll("printableChars") char imbalanceDirection,
        @ForAll("symbols") String stock,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long farPrice,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long nearPrice,
        @ForAll @LongRange(max = ItchWire.MAX_UINT32) long currentReferencePrice,
        @ForAll("printableChars") char crossType,
        @ForAll("printableChars") char priceVariationIndicator) {
        fillWithJunk();
        final NetOrderImbalanceIndicator.Encoder encoder = new NetOrderImbalanceIndicator.Encoder().wrap(buffer, OFFSET)
            .stockLocate(stockLocate).trackingNumber(trackingNumber).timestampNs(timestampNs)
            .pairedShares(pairedShares)
            .imbalanceShares(imbalanceShares)
            .imbalanceDirection(imbalanceDirection)
            .stock(stock)
            .farPrice(farPrice)
            .nearPrice(nearPrice)
            .currentReferencePrice(currentReferencePrice)
            .crossType(crossType)
            .priceVariationIndicator(priceVariationIndicator);
        assertThat(encoder.encodedLength()).isEqualTo(NetOrderImbalanceIndicator.LENGTH);

        final NetOrderImbalanceIndicator.Decoder decoder = new NetOrderImbalanceIndicator.Decoder().wrap(buffer, OFFSET);
        assertThat(decoder.messageType()).isEqualTo('I');
        assertThat(decoder.stockLocate()).isEqualTo(stockLocate);
        assertThat(decoder.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(decoder.timestampNs()).isEqualTo(timestampNs);
        assertThat(decoder.pairedShares()).isEqualTo(pairedShares);
        assertThat(decoder.imbalanceShares()).isEqualTo(imbalanceShares);
        assertThat(decoder.imbalanceDirection()).isEqualTo(imbalanceDirection);
        assertThat(decoder.stock()).isEqualTo(stock);
        assertThat(decoder.farPrice()).isEqualTo(farPrice);
        assertThat(decoder.nearPrice()).isEqualTo(nearPrice);
        assertThat(decoder.currentReferencePrice()).isEqualTo(currentReferencePrice);
        assertThat(decoder.crossType()).isEqualTo(crossType);
        assertThat(decoder.priceVariationIndicator()).isEqualTo(priceVariationIndicator);
        assertThat(buffer.getByte(OFFSET - 1)).as("byte before the message").isEqualTo((byte)0xA5);
        assertThat(buffer.getByte(OFFSET + NetOrderImbalanceIndicator.LENGTH)).as("byte after the message").isEqualTo((byte)0xA5);
    }
}
