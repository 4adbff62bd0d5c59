package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.matching.command.SetPhaseCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Market structure over FIX, end to end through real TCP and real QuickFIX/J initiators that validate
 * every message against their data dictionary: stops triggered (in each dialect's rendering),
 * icebergs, post-only, MinQty, self-trade prevention, an opening auction, and their rejects.
 */
@Timeout(60)
class MarketStructureTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private TestVenue venue;
    private FixTestClient b1;
    private FixTestClient b2;

    @BeforeEach
    void start() throws Exception {
        venue = new TestVenue(dir);
        b1 = venue.connect("FIX.4.4", "BROKER1");
        b2 = venue.connect("FIX.4.4", "BROKER2");
        assertThat(b1.awaitLogon(WAIT)).isTrue();
        assertThat(b2.awaitLogon(WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        b1.close();
        b2.close();
        venue.close();
        assertThat(b1.rejectsSent()).isEmpty();
        assertThat(b2.rejectsSent()).isEmpty();
    }

    private static Message stop(final String clOrdId, final char side, final String qty, final String stopPx) {
        final Message m = FixOrders.market(clOrdId, "AAA", side, qty);
        m.setChar(40, '3');
        m.setString(99, stopPx);
        m.setChar(59, '0');
        return m;
    }

    private static Message expect(final FixTestClient client, final char execType) throws Exception {
        final Message m = client.next("8", WAIT);
        assertThat(m.getChar(150)).as("ExecType of %s", m).isEqualTo(execType);
        return m;
    }

    private void phase(final TradingPhase phase) {
        venue.sequencer().commands().append((buffer, offset) -> {
            final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset);
            c.init().instrumentId(Instrument.NULL_ID);
            c.phase(phase);
            return c.length();
        });
    }

    /** b2 rests a bid at 99 and b1 sells 1 into it: a print at 99, which triggers sell stops at 99. */
    private void printAt99(final FixTestClient seller) throws Exception {
        b2.send(FixOrders.limit("BID", "AAA", '1', "5", "99"));
        expect(b2, '0');
        seller.send(FixOrders.limit("HIT", "AAA", '2', "1", "99"));
        expect(seller, '0');
        expect(seller, seller.sessionId().getBeginString().equals("FIX.4.2") ? '2' : 'F');
        expect(b2, 'F');
    }

    @Test
    void shouldReportAStopTriggeredAsRestatedWithReasonOtherInFix44() throws Exception {
        b1.send(stop("S1", '2', "10", "99"));
        final Message ack = expect(b1, '0');
        assertThat(ack.getChar(40)).isEqualTo('3');
        assertThat(ack.getString(99)).isEqualTo("99");
        printAt99(b1);
        final Message triggered = expect(b1, 'D');
        assertThat(triggered.getInt(378)).isEqualTo(99);
        assertThat(triggered.getChar(39)).isEqualTo('0');
        assertThat(triggered.getChar(40)).isEqualTo('3');
        assertThat(triggered.getString(99)).isEqualTo("99");
        assertThat(triggered.getString(58)).isEqualTo("Stop triggered at 99");
        assertThat(triggered.getString(151)).isEqualTo("10");
        assertThat(triggered.getString(37)).isEqualTo(ack.getString(37));
        // as a market order it sells what is left of the bid, then the rest is cancelled
        final Message fill = expect(b1, 'F');
        assertThat(fill.getString(32)).isEqualTo("4");
        assertThat(fill.getChar(39)).isEqualTo('1');
        final Message rest = expect(b1, '4');
        assertThat(rest.getString(14)).isEqualTo("4");
        assertThat(rest.getString(151)).isEqualTo("0");
    }

    @Test
    void shouldReportAStopTriggeredAsExecTypeLInFix50() throws Exception {
        final FixTestClient b4 = venue.connect("FIXT.1.1", "BROKER4");
        try {
            assertThat(b4.awaitLogon(WAIT)).isTrue();
            b4.send(stop("S4", '2', "10", "99"));
            expect(b4, '0');
            b1.send(FixOrders.limit("BID", "AAA", '1', "5", "99"));
            expect(b1, '0');
            b4.send(FixOrders.limit("HIT", "AAA", '2', "1", "99"));
            expect(b4, '0');
            expect(b4, 'F');
            final Message triggered = expect(b4, 'L');
            assertThat(triggered.isSetField(378)).isFalse();
            assertThat(triggered.getChar(39)).isEqualTo('0');
            assertThat(triggered.getString(58)).isEqualTo("Stop triggered at 99");
            assertThat(b4.rejectsSent()).isEmpty();
        } finally {
            b4.close();
        }
    }

    @Test
    void shouldReportAStopTriggeredAsRestatedWithReasonBrokerOptionInFix42() throws Exception {
        final FixTestClient b3 = venue.connect("FIX.4.2", "BROKER3");
        try {
            assertThat(b3.awaitLogon(WAIT)).isTrue();
            b3.send(stop("S3", '2', "10", "99"));
            expect(b3, '0');
            printAt99(b3);
            final Message triggered = expect(b3, 'D');
            assertThat(triggered.getInt(378)).isEqualTo(4);
            assertThat(triggered.getChar(20)).isEqualTo('0');
            assertThat(triggered.getString(58)).isEqualTo("Stop triggered at 99");
            assertThat(b3.rejectsSent()).isEmpty();
        } finally {
            b3.close();
        }
    }

    @Test
    void shouldAnswerAStatusRequestForAWaitingStop() throws Exception {
        b1.send(stop("S1", '1', "10", "101"));
        expect(b1, '0');
        b1.send(FixOrders.status("S1", "AAA", '1'));
        final Message status = expect(b1, 'I');
        assertThat(status.getChar(39)).isEqualTo('0');
        assertThat(status.getString(99)).isEqualTo("101");
        assertThat(status.getString(151)).isEqualTo("10");
    }

    @Test
    void shouldTradeAnIcebergPastItsPeakAndReportItsWholeQuantity() throws Exception {
        final Message iceberg = FixOrders.limit("I1", "AAA", '1', "100", "100");
        iceberg.setString(111, "10");
        b1.send(iceberg);
        expect(b1, '0');
        b2.send(FixOrders.limit("A1", "AAA", '2', "25", "100"));
        expect(b2, '0');
        assertThat(expect(b2, 'F').getChar(39)).isEqualTo('2');
        final Message fill = expect(b1, 'F');
        assertThat(fill.getString(32)).isEqualTo("25");
        assertThat(fill.getString(151)).isEqualTo("75");
        b1.send(FixOrders.status("I1", "AAA", '1'));
        final Message status = expect(b1, 'I');
        assertThat(status.getChar(39)).isEqualTo('1');
        assertThat(status.getString(14)).isEqualTo("25");
        assertThat(status.getString(151)).isEqualTo("75");
    }

    @Test
    void shouldEchoAnIcebergsPeakAsMaxFloorInEveryReportOfIt() throws Exception {
        final Message iceberg = FixOrders.limit("I1", "AAA", '1', "100", "100");
        iceberg.setString(111, "10");
        b1.send(iceberg);
        assertThat(expect(b1, '0').getString(111)).isEqualTo("10");
        b2.send(FixOrders.limit("A1", "AAA", '2', "25", "100"));
        expect(b2, '0');
        assertThat(expect(b2, 'F').isSetField(111)).isFalse();
        assertThat(expect(b1, 'F').getString(111)).isEqualTo("10");
        b1.send(FixOrders.status("I1", "AAA", '1'));
        assertThat(expect(b1, 'I').getString(111)).isEqualTo("10");
        final Message newPeak = FixOrders.replace("I2", "I1", "AAA", '1', "100", "100");
        newPeak.setString(111, "20");
        b1.send(newPeak);
        final Message replaced = expect(b1, '5');
        assertThat(replaced.getString(111)).isEqualTo("20");
        assertThat(replaced.getString(151)).isEqualTo("75");
        b1.send(FixOrders.replace("I3", "I2", "AAA", '1', "90", "100")); // no MaxFloor: the peak stays
        assertThat(expect(b1, '5').getString(111)).isEqualTo("20");
        b1.send(FixOrders.cancel("I4", "I3", "AAA", '1', "90"));
        assertThat(expect(b1, '4').getString(111)).isEqualTo("20");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FIX.4.2, BROKER3", "FIXT.1.1, BROKER4"})
    void shouldEchoMaxFloorInTheOtherDialects(final String beginString, final String broker) throws Exception {
        final FixTestClient client = venue.connect(beginString, broker);
        try {
            assertThat(client.awaitLogon(WAIT)).isTrue();
            final Message iceberg = FixOrders.limit("I1", "AAA", '1', "100", "100");
            iceberg.setString(111, "10");
            client.send(iceberg);
            assertThat(expect(client, '0').getString(111)).isEqualTo("10");
            client.send(FixOrders.status("I1", "AAA", '1'));
            final Message status = client.next("8", WAIT);
            assertThat(status.getChar(39)).isEqualTo('0');
            assertThat(status.getString(111)).isEqualTo("10");
            assertThat(client.rejectsSent()).isEmpty();
        } finally {
            client.close();
        }
    }

    @Test
    void shouldRejectAnIcebergWhosePeakIsNotBelowItsQuantity() throws Exception {
        final Message iceberg = FixOrders.limit("I1", "AAA", '1', "10", "100");
        iceberg.setString(111, "10");
        b1.send(iceberg);
        final Message reject = expect(b1, '8');
        assertThat(reject.getInt(103)).isEqualTo(11);
        assertThat(reject.getString(58)).isEqualTo("MaxFloor 10 must be above 0 and below OrderQty 10");
    }

    @Test
    void shouldRefuseAReplaceWhosePeakIsNotBelowItsNewQuantityAsANewOrderIsRefused() throws Exception {
        final Message iceberg = FixOrders.limit("I1", "AAA", '1', "100", "100");
        iceberg.setString(111, "10");
        b1.send(iceberg);
        final Message ack = expect(b1, '0');
        for (final String[] qtyAndPeak : new String[][] {{"20", "20"}, {"20", "30"}}) {
            final Message replace = FixOrders.replace("I2-" + qtyAndPeak[1], "I1", "AAA", '1', qtyAndPeak[0], "100");
            replace.setString(111, qtyAndPeak[1]);
            b1.refusedAsLive(replace, ack.getString(37), '0',
                "MaxFloor " + qtyAndPeak[1] + " must be above 0 and below OrderQty " + qtyAndPeak[0], WAIT);
        }
        // the order stays as it was, under its ClOrdID
        b1.send(FixOrders.status("I1", "AAA", '1'));
        final Message status = expect(b1, 'I');
        assertThat(status.getString(38)).isEqualTo("100");
        assertThat(status.getString(111)).isEqualTo("10");
        assertThat(status.getString(11)).isEqualTo("I1");
    }

    /**
     * A MaxFloor on a replace of an order entered without one is refused (a plain order cannot become an
     * iceberg), and the Text says so: not that Side, OrdType or TimeInForce changed, which they did not.
     */
    @Test
    void shouldSayWhyAReplaceCannotGiveAPlainOrderAMaxFloor() throws Exception {
        b1.send(FixOrders.limit("P1", "AAA", '1', "100", "100"));
        final Message ack = expect(b1, '0');
        final Message replace = FixOrders.replace("P2", "P1", "AAA", '1', "100", "100");
        replace.setString(111, "20");
        b1.refusedAsLive(replace, ack.getString(37), '0',
            "MaxFloor 20 cannot be given by a replace: the order was entered without one (not an iceberg)", WAIT);
        // a change of Side on a plain order is still told as such
        final Message otherSide = FixOrders.replace("P3", "P1", "AAA", '2', "100", "100");
        b1.refusedAsLive(otherSide, ack.getString(37), '0', "Side, order type and time in force cannot be changed", WAIT);
        // an iceberg's new peak is taken
        final Message iceberg = FixOrders.limit("I1", "AAA", '1', "100", "99");
        iceberg.setString(111, "10");
        b1.send(iceberg);
        expect(b1, '0');
        final Message newPeak = FixOrders.replace("I2", "I1", "AAA", '1', "100", "99");
        newPeak.setString(111, "20");
        b1.send(newPeak);
        assertThat(expect(b1, '5').getString(111)).isEqualTo("20");
    }

    @Test
    void shouldRejectAStopWithoutAStopPrice() throws Exception {
        final Message stop = FixOrders.market("S1", "AAA", '2', "10");
        stop.setChar(40, '3');
        b1.send(stop);
        final Message reject = expect(b1, '8');
        assertThat(reject.getInt(103)).isEqualTo(11);
        assertThat(reject.getString(58)).isEqualTo("StopPx is required for OrdType 3");
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldTake() throws Exception {
        b2.send(FixOrders.limit("A1", "AAA", '2', "10", "101"));
        expect(b2, '0');
        final Message postOnly = FixOrders.limit("P1", "AAA", '1', "10", "101");
        postOnly.setString(18, "6");
        b1.send(postOnly);
        final Message reject = expect(b1, '8');
        assertThat(reject.getInt(103)).isEqualTo(11);
        assertThat(reject.getString(58)).isEqualTo("Post-only order would take liquidity");
        final Message resting = FixOrders.limit("P2", "AAA", '1', "10", "100.99");
        resting.setString(18, "6");
        b1.send(resting);
        expect(b1, '0');
    }

    @Test
    void shouldCancelAnIocWhoseMinQtyIsNotThereAndRejectMinQtyOnADayOrder() throws Exception {
        b2.send(FixOrders.limit("A1", "AAA", '2', "5", "102"));
        expect(b2, '0');
        final Message ioc = FixOrders.limit("M1", "AAA", '1', "10", "102");
        ioc.setChar(59, '3');
        ioc.setString(110, "8");
        b1.send(ioc);
        expect(b1, '0');
        final Message cancelled = expect(b1, '4');
        assertThat(cancelled.getString(14)).isEqualTo("0");
        assertThat(cancelled.getString(58)).isEqualTo("Minimum quantity not available");
        final Message day = FixOrders.limit("M2", "AAA", '1', "10", "102");
        day.setString(110, "8");
        b1.send(day);
        final Message reject = expect(b1, '8');
        assertThat(reject.getInt(103)).isEqualTo(11);
        assertThat(reject.getString(58)).isEqualTo("MinQty is only taken on TimeInForce 3 (immediate or cancel)");
    }

    @Test
    void shouldRestateTheRestingOrderWhenSelfTradePreventionDecrements() throws Exception {
        final FixTestClient cod = venue.connect("FIX.4.4", "COD1"); // firm BROKER1 too
        try {
            assertThat(cod.awaitLogon(WAIT)).isTrue();
            b1.send(FixOrders.limit("B1", "AAA", '1', "10", "100"));
            expect(b1, '0');
            final Message sell = FixOrders.limit("S1", "AAA", '2', "4", "100");
            sell.setChar(8000, 'D');
            cod.send(sell);
            expect(cod, '0');
            final Message gone = expect(cod, '4');
            assertThat(gone.getString(14)).isEqualTo("0");
            final Message restated = expect(b1, 'D');
            assertThat(restated.getInt(378)).isEqualTo(5);
            assertThat(restated.getString(38)).isEqualTo("6");
            assertThat(restated.getString(151)).isEqualTo("6");
            assertThat(restated.getChar(39)).isEqualTo('0');
            assertThat(restated.getString(58)).isEqualTo("OrderQty reduced by 4 by self-trade prevention");
            final Message unknown = FixOrders.limit("S2", "AAA", '2', "4", "100");
            unknown.setChar(8000, 'X');
            cod.send(unknown);
            final Message reject = expect(cod, '8');
            assertThat(reject.getInt(103)).isEqualTo(11);
            assertThat(reject.getString(58)).startsWith("SelfTradePrevention (8000) X is not supported");
            assertThat(cod.rejectsSent()).isEmpty();
        } finally {
            cod.close();
        }
    }

    @Test
    void shouldFillAnOpeningAuctionWithoutLiquidityIndicatorInFix44AndWithFourInFix50() throws Exception {
        final FixTestClient b4 = venue.connect("FIXT.1.1", "BROKER4");
        try {
            assertThat(b4.awaitLogon(WAIT)).isTrue();
            phase(TradingPhase.PRE_OPEN);
            final Message atTheOpen = FixOrders.limit("O1", "AAA", '1', "10", "101");
            atTheOpen.setChar(59, '2');
            b1.send(atTheOpen);
            expect(b1, '0');
            final Message leftOver = FixOrders.limit("O2", "AAA", '1', "5", "100");
            leftOver.setChar(59, '2');
            b1.send(leftOver);
            expect(b1, '0');
            b4.send(FixOrders.limit("A1", "AAA", '2', "10", "99"));
            expect(b4, '0');
            phase(TradingPhase.CONTINUOUS);
            final Message buy = expect(b1, 'F');
            assertThat(buy.isSetField(851)).isFalse();
            assertThat(buy.getChar(39)).isEqualTo('2');
            final Message sell = expect(b4, 'F');
            assertThat(sell.getChar(851)).isEqualTo('4');
            assertThat(sell.getString(31)).isEqualTo(buy.getString(31));
            final Message expired = expect(b1, 'C');
            assertThat(expired.getString(11)).isEqualTo("O2");
            assertThat(expired.getChar(39)).isEqualTo('C');
            assertThat(expired.getString(58)).isEqualTo("Auction-only order not filled in the auction");
            final Message late = FixOrders.limit("O3", "AAA", '1', "5", "100");
            late.setChar(59, '2');
            b1.send(late);
            final Message reject = expect(b1, '8');
            assertThat(reject.getInt(103)).isEqualTo(2);
            assertThat(b4.rejectsSent()).isEmpty();
        } finally {
            b4.close();
        }
    }
}
