package exchange.marketdata.itch;

import exchange.marketdata.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Byte layouts against fixtures written by hand from the field tables of the Nasdaq TotalView-ITCH 5.0
 * specification (section 4, "Message Formats"): each fixture lists the fields in specification order,
 * big-endian, one hex group per field.
 */
@DisplayName("Nasdaq TotalView-ITCH 5.0 byte layouts")
class ItchLayoutTest {
    /** Stock Locate 7, Tracking Number 2, Timestamp 09:30:00.000000123 = 34,200,000,000,123 ns. */
    private static final String HEADER = "0007 0002 1f1aced9f07b";
    private static final int LOCATE = 7;
    private static final int TRACKING = 2;
    private static final long TIMESTAMP_NS = 34_200_000_000_123L;

    private static final String ORDER_REF_1_000_000_007 = "000000003b9aca07";
    private static final String MATCH_77_777_777_777 = "000000121beab471";
    private static final String AAPL = "4141504c20202020";
    private static final String PRICE_150_2500 = "0016ed24";
    private static final String SHARES_100 = "00000064";

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    private String encoded(final ItchEncoder<?> encoder) {
        return Hex.of(buffer, 0, encoder.encodedLength());
    }

    private static UnsafeBuffer fixture(final String... parts) {
        return new UnsafeBuffer(Hex.bytes(parts));
    }

    private static void assertHeader(final ItchDecoder decoder, final char type) {
        assertThat(decoder.messageType()).isEqualTo(type);
        assertThat(decoder.stockLocate()).isEqualTo(LOCATE);
        assertThat(decoder.trackingNumber()).isEqualTo(TRACKING);
        assertThat(decoder.timestampNs()).isEqualTo(TIMESTAMP_NS);
    }

    @Test
    void systemEventIsTwelveBytes() {
        final String[] expected = {"53", "0000 0002 1f1aced9f07b", "4f"};
        final SystemEvent.Encoder encoder = new SystemEvent.Encoder().wrap(buffer, 0)
            .stockLocate(0).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS).eventCode('O');

        assertThat(SystemEvent.LENGTH).isEqualTo(12);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final SystemEvent.Decoder decoder = new SystemEvent.Decoder().wrap(fixture(expected), 0);
        assertThat(decoder.stockLocate()).isZero();
        assertThat(decoder.timestampNs()).isEqualTo(TIMESTAMP_NS);
        assertThat(decoder.eventCode()).isEqualTo('O');
    }

    @Test
    void stockDirectoryIsThirtyNineBytes() {
        final String[] expected = {
            "52", HEADER,
            "5a565a5a54202020", // Stock "ZVZZT"
            "51",               // Market Category Q
            "4e",               // Financial Status Indicator N
            "00000064",         // Round Lot Size 100
            "4e",               // Round Lots Only N
            "43",               // Issue Classification C
            "5a20",             // Issue Sub-Type "Z"
            "54",               // Authenticity T
            "4e",               // Short Sale Threshold Indicator N
            "4e",               // IPO Flag N
            "31",               // LULD Reference Price Tier 1
            "4e",               // ETP Flag N
            "00000001",         // ETP Leverage Factor 1
            "4e"};              // Inverse Indicator N
        final StockDirectory.Encoder encoder = new StockDirectory.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .stock("ZVZZT").marketCategory('Q').financialStatusIndicator('N').roundLotSize(100)
            .roundLotsOnly('N').issueClassification('C').issueSubType("Z").authenticity('T')
            .shortSaleThresholdIndicator('N').ipoFlag('N').luldReferencePriceTier('1').etpFlag('N')
            .etpLeverageFactor(1).inverseIndicator('N');

        assertThat(StockDirectory.LENGTH).isEqualTo(39);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final StockDirectory.Decoder decoder = new StockDirectory.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'R');
        assertThat(decoder.stock()).isEqualTo("ZVZZT");
        assertThat(decoder.stockCode()).isEqualTo(ItchWire.packAlpha8("ZVZZT"));
        assertThat(decoder.marketCategory()).isEqualTo('Q');
        assertThat(decoder.roundLotSize()).isEqualTo(100);
        assertThat(decoder.issueSubType()).isEqualTo("Z");
        assertThat(decoder.authenticity()).isEqualTo('T');
        assertThat(decoder.luldReferencePriceTier()).isEqualTo('1');
        assertThat(decoder.etpLeverageFactor()).isEqualTo(1);
        assertThat(decoder.inverseIndicator()).isEqualTo('N');
    }

    @Test
    void stockTradingActionIsTwentyFiveBytes() {
        final String[] expected = {"48", HEADER, AAPL, "48", "20", "4c554c44"}; // Halted, reserved, "LULD"
        final StockTradingAction.Encoder encoder = new StockTradingAction.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .stock("AAPL").tradingState('H').reserved(' ').reason("LULD");

        assertThat(StockTradingAction.LENGTH).isEqualTo(25);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final StockTradingAction.Decoder decoder = new StockTradingAction.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'H');
        assertThat(decoder.stock()).isEqualTo("AAPL");
        assertThat(decoder.tradingState()).isEqualTo('H');
        assertThat(decoder.reason()).isEqualTo("LULD");
    }

    @Test
    void addOrderIsThirtySixBytes() {
        final String[] expected = {"41", HEADER, ORDER_REF_1_000_000_007, "42", SHARES_100, AAPL, PRICE_150_2500};
        final AddOrder.Encoder encoder = new AddOrder.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(1_000_000_007L).buySellIndicator('B').shares(100).stock("AAPL").price(1_502_500);

        assertThat(AddOrder.LENGTH).isEqualTo(36);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final AddOrder.Decoder decoder = new AddOrder.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'A');
        assertThat(decoder.orderReferenceNumber()).isEqualTo(1_000_000_007L);
        assertThat(decoder.buySellIndicator()).isEqualTo('B');
        assertThat(decoder.shares()).isEqualTo(100);
        assertThat(decoder.stock()).isEqualTo("AAPL");
        assertThat(decoder.price()).isEqualTo(1_502_500);
    }

    @Test
    void addOrderWithMpidIsFortyBytes() {
        final String[] expected = {
            "46", HEADER, ORDER_REF_1_000_000_007, "53", SHARES_100, AAPL, PRICE_150_2500, "4753434f"}; // "GSCO"
        final AddOrderWithMpid.Encoder encoder = new AddOrderWithMpid.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(1_000_000_007L).buySellIndicator('S').shares(100).stock("AAPL").price(1_502_500)
            .attribution("GSCO");

        assertThat(AddOrderWithMpid.LENGTH).isEqualTo(40);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final AddOrderWithMpid.Decoder decoder = new AddOrderWithMpid.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'F');
        assertThat(decoder.buySellIndicator()).isEqualTo('S');
        assertThat(decoder.attribution()).isEqualTo("GSCO");
    }

    @Test
    void orderExecutedIsThirtyOneBytes() {
        final String[] expected = {"45", HEADER, ORDER_REF_1_000_000_007, SHARES_100, MATCH_77_777_777_777};
        final OrderExecuted.Encoder encoder = new OrderExecuted.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(1_000_000_007L).executedShares(100).matchNumber(77_777_777_777L);

        assertThat(OrderExecuted.LENGTH).isEqualTo(31);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final OrderExecuted.Decoder decoder = new OrderExecuted.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'E');
        assertThat(decoder.executedShares()).isEqualTo(100);
        assertThat(decoder.matchNumber()).isEqualTo(77_777_777_777L);
    }

    @Test
    void orderExecutedWithPriceIsThirtySixBytes() {
        final String[] expected = {
            "43", HEADER, ORDER_REF_1_000_000_007, SHARES_100, MATCH_77_777_777_777, "59", "05f51db0"}; // 9,995.0000
        final OrderExecutedWithPrice.Encoder encoder = new OrderExecutedWithPrice.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(1_000_000_007L).executedShares(100).matchNumber(77_777_777_777L)
            .printable('Y').executionPrice(99_950_000);

        assertThat(OrderExecutedWithPrice.LENGTH).isEqualTo(36);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final OrderExecutedWithPrice.Decoder decoder = new OrderExecutedWithPrice.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'C');
        assertThat(decoder.printable()).isEqualTo('Y');
        assertThat(decoder.executionPrice()).isEqualTo(99_950_000);
    }

    @Test
    void orderCancelIsTwentyThreeBytes() {
        final String[] expected = {"58", HEADER, ORDER_REF_1_000_000_007, "00000028"}; // 40 shares
        final OrderCancel.Encoder encoder = new OrderCancel.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(1_000_000_007L).canceledShares(40);

        assertThat(OrderCancel.LENGTH).isEqualTo(23);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final OrderCancel.Decoder decoder = new OrderCancel.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'X');
        assertThat(decoder.canceledShares()).isEqualTo(40);
    }

    @Test
    void orderDeleteIsNineteenBytes() {
        final String[] expected = {"44", HEADER, ORDER_REF_1_000_000_007};
        final OrderDelete.Encoder encoder = new OrderDelete.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(1_000_000_007L);

        assertThat(OrderDelete.LENGTH).isEqualTo(19);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final OrderDelete.Decoder decoder = new OrderDelete.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'D');
        assertThat(decoder.orderReferenceNumber()).isEqualTo(1_000_000_007L);
    }

    @Test
    void orderReplaceIsThirtyFiveBytes() {
        final String[] expected = {
            "55", HEADER, ORDER_REF_1_000_000_007, "000000003b9aca08", "000000c8", PRICE_150_2500}; // new ref, 200
        final OrderReplace.Encoder encoder = new OrderReplace.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .originalOrderReferenceNumber(1_000_000_007L).newOrderReferenceNumber(1_000_000_008L)
            .shares(200).price(1_502_500);

        assertThat(OrderReplace.LENGTH).isEqualTo(35);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final OrderReplace.Decoder decoder = new OrderReplace.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'U');
        assertThat(decoder.originalOrderReferenceNumber()).isEqualTo(1_000_000_007L);
        assertThat(decoder.newOrderReferenceNumber()).isEqualTo(1_000_000_008L);
        assertThat(decoder.shares()).isEqualTo(200);
        assertThat(decoder.price()).isEqualTo(1_502_500);
    }

    @Test
    void tradeIsFortyFourBytes() {
        final String[] expected = {
            "50", HEADER, "0000000000000000", "42", SHARES_100, AAPL, PRICE_150_2500, MATCH_77_777_777_777};
        final Trade.Encoder encoder = new Trade.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .orderReferenceNumber(0).buySellIndicator('B').shares(100).stock("AAPL").price(1_502_500)
            .matchNumber(77_777_777_777L);

        assertThat(Trade.LENGTH).isEqualTo(44);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final Trade.Decoder decoder = new Trade.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'P');
        assertThat(decoder.shares()).isEqualTo(100);
        assertThat(decoder.matchNumber()).isEqualTo(77_777_777_777L);
    }

    @Test
    void crossTradeIsFortyBytesWithEightByteShares() {
        final String[] expected = {
            "51", HEADER, "000000012a05f200", AAPL, PRICE_150_2500, MATCH_77_777_777_777, "4f"}; // 5e9 shares, Opening
        final CrossTrade.Encoder encoder = new CrossTrade.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .shares(5_000_000_000L).stock("AAPL").crossPrice(1_502_500).matchNumber(77_777_777_777L).crossType('O');

        assertThat(CrossTrade.LENGTH).isEqualTo(40);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final CrossTrade.Decoder decoder = new CrossTrade.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'Q');
        assertThat(decoder.shares()).isEqualTo(5_000_000_000L);
        assertThat(decoder.crossPrice()).isEqualTo(1_502_500);
        assertThat(decoder.crossType()).isEqualTo('O');
    }

    @Test
    void brokenTradeIsNineteenBytes() {
        final String[] expected = {"42", HEADER, MATCH_77_777_777_777};
        final BrokenTrade.Encoder encoder = new BrokenTrade.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS).matchNumber(77_777_777_777L);

        assertThat(BrokenTrade.LENGTH).isEqualTo(19);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final BrokenTrade.Decoder decoder = new BrokenTrade.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'B');
        assertThat(decoder.matchNumber()).isEqualTo(77_777_777_777L);
    }

    @Test
    void netOrderImbalanceIndicatorIsFiftyBytesWithFourBytePrices() {
        final String[] expected = {
            "49", HEADER,
            "00000000000f4240", // Paired Shares 1,000,000
            "00000000000009c4", // Imbalance Shares 2,500
            "42",               // Imbalance Direction B
            AAPL,
            PRICE_150_2500,     // Far Price
            "0016ed88",         // Near Price 150.2600
            PRICE_150_2500,     // Current Reference Price
            "43",               // Cross Type C
            "4c"};              // Price Variation Indicator L
        final NetOrderImbalanceIndicator.Encoder encoder = new NetOrderImbalanceIndicator.Encoder().wrap(buffer, 0)
            .stockLocate(LOCATE).trackingNumber(TRACKING).timestampNs(TIMESTAMP_NS)
            .pairedShares(1_000_000).imbalanceShares(2_500).imbalanceDirection('B').stock("AAPL")
            .farPrice(1_502_500).nearPrice(1_502_600).currentReferencePrice(1_502_500)
            .crossType('C').priceVariationIndicator('L');

        assertThat(NetOrderImbalanceIndicator.LENGTH).isEqualTo(50);
        assertThat(encoded(encoder)).isEqualTo(Hex.of(Hex.bytes(expected)));
        final NetOrderImbalanceIndicator.Decoder decoder =
            new NetOrderImbalanceIndicator.Decoder().wrap(fixture(expected), 0);
        assertHeader(decoder, 'I');
        assertThat(decoder.pairedShares()).isEqualTo(1_000_000);
        assertThat(decoder.imbalanceShares()).isEqualTo(2_500);
        assertThat(decoder.nearPrice()).isEqualTo(1_502_600);
        assertThat(decoder.priceVariationIndicator()).isEqualTo('L');
    }

    @Test
    void priceIsAnUnsignedFourByteInteger() {
        new AddOrder.Encoder().wrap(buffer, 0).price(ItchWire.MAX_UINT32);

        assertThat(Hex.of(buffer, AddOrder.PRICE_OFFSET, 4)).isEqualTo("ffffffff");
        assertThat(new AddOrder.Decoder().wrap(buffer, 0).price()).isEqualTo(4_294_967_295L);
    }

    @Test
    void timestampIsASixByteUnsignedInteger() {
        new OrderDelete.Encoder().wrap(buffer, 0).timestampNs(ItchWire.MAX_UINT48);

        assertThat(Hex.of(buffer, ItchHeader.TIMESTAMP_OFFSET, 6)).isEqualTo("ffffffffffff");
        assertThat(new OrderDelete.Decoder().wrap(buffer, 0).timestampNs()).isEqualTo(ItchWire.MAX_UINT48);
    }

    @Test
    void shouldRejectValuesThatDoNotFitTheirField() {
        final AddOrder.Encoder encoder = new AddOrder.Encoder().wrap(buffer, 0);

        assertThatThrownBy(() -> encoder.price(ItchWire.MAX_UINT32 + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.shares(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.stock("TOOLONGSYM")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.stock("É")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.stockLocate(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.timestampNs(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPackSymbolsAsTheirWireBytes() {
        assertThat(Long.toHexString(ItchWire.packAlpha8("AAPL"))).isEqualTo(AAPL);
        assertThat(ItchWire.unpackAlpha8(ItchWire.packAlpha8("BRK A"))).isEqualTo("BRK A");
    }
}
