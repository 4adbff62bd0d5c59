package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of orders over FIX 4.4, each answer checked field by field. */
@Timeout(60)
class OrderLifecycleTest {
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
    }

    private Message newOrderAck(final FixTestClient client, final Message order) throws Exception {
        client.send(order);
        final Message ack = client.next("8", WAIT);
        assertThat(ack.getChar(150)).as("ExecType of %s", ack).isEqualTo('0');
        return ack;
    }

    @Test
    void shouldCancelAnOrderAndEchoBothClOrdIds() throws Exception {
        final Message ack = newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.cancel("C1", "O1", "AAA", '1', "10"));
        final Message canceled = b1.next("8", WAIT);
        assertThat(canceled.getChar(150)).isEqualTo('4');
        assertThat(canceled.getChar(39)).isEqualTo('4');
        assertThat(canceled.getString(11)).isEqualTo("C1");
        assertThat(canceled.getString(41)).isEqualTo("O1");
        assertThat(canceled.getString(37)).isEqualTo(ack.getString(37));
        assertThat(canceled.getString(151)).isEqualTo("0");
    }

    @Test
    void shouldRejectACancelOfAnUnknownOrder() throws Exception {
        b1.send(FixOrders.cancel("C1", "NOPE", "AAA", '1', "10"));
        final Message reject = b1.next("9", WAIT);
        assertThat(reject.getInt(102)).isEqualTo(1);
        assertThat(reject.getChar(434)).isEqualTo('1');
        assertThat(reject.getString(41)).isEqualTo("NOPE");
    }

    @Test
    void shouldSayTooLateToCancelAFilledOrder() throws Exception {
        newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "100"));
        b2.send(FixOrders.limit("S1", "AAA", '2', "10", "100"));
        b2.next("8", WAIT);
        b2.next("8", WAIT);
        assertThat(b1.next("8", WAIT).getChar(39)).isEqualTo('2');
        b1.send(FixOrders.cancel("C1", "O1", "AAA", '1', "10"));
        final Message reject = b1.next("9", WAIT);
        assertThat(reject.getInt(102)).isZero();
        assertThat(reject.getChar(39)).isEqualTo('2');
    }

    @Test
    void shouldSayTooLateWithTheFinalStatusOfAnEndedOrderWhateverElseIsWrongWithTheRequest() throws Exception {
        final Message filled = newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "100"));
        b2.send(FixOrders.limit("S1", "AAA", '2', "10", "100"));
        b2.next("8", WAIT);
        b2.next("8", WAIT);
        assertThat(b1.next("8", WAIT).getChar(39)).isEqualTo('2');
        final Message cancelled = newOrderAck(b1, FixOrders.limit("O2", "AAA", '1', "10", "99"));
        b1.send(FixOrders.cancel("C2", "O2", "AAA", '1', "10"));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
        // requests the acceptor answers itself, before the engine: a risk limit, an unreadable quantity, a
        // ClOrdID used before; for an order that has ended, the answer is the engine's: too late
        final Message outsideTheCollar = FixOrders.replace("R1", "O1", "AAA", '1', "10", "111");
        final Message fractional = FixOrders.replace("R2", "C2", "AAA", '1', "10.5", "99");
        final Message usedClOrdId = FixOrders.cancel("O1", "C2", "AAA", '1', "10");
        final Message[] requests = {outsideTheCollar, fractional, usedClOrdId};
        final Message[] orders = {filled, cancelled, cancelled};
        final String[] texts = {"Too late to cancel: the order is filled", "Too late to cancel: the order is no longer live",
            "Too late to cancel: the order is no longer live"};
        for (int i = 0; i < requests.length; i++) {
            b1.send(requests[i]);
            final Message reject = b1.next("9", WAIT);
            assertThat(reject.getInt(102)).as("CxlRejReason of %s", reject).isZero();
            assertThat(reject.getChar(39)).isEqualTo(i == 0 ? '2' : '4');
            assertThat(reject.getString(37)).isEqualTo(orders[i].getString(37));
            assertThat(reject.getChar(434)).isEqualTo(i == 2 ? '1' : '2');
            assertThat(reject.getString(58)).isEqualTo(texts[i]);
        }
        // another firm's ended order is none of its business
        final Message byOrderId = FixOrders.cancel("X1", "O1", "AAA", '1', "10");
        byOrderId.setString(37, filled.getString(37));
        b2.send(byOrderId);
        final Message unknown = b2.next("9", WAIT);
        assertThat(unknown.getInt(102)).isEqualTo(1);
        assertThat(unknown.getChar(39)).isEqualTo('8');
        assertThat(unknown.getString(37)).isEqualTo("NONE");
    }

    @Test
    void shouldRefuseACancelOrReplaceWithASymbolNotListedWithTheLiveOrdersIdAndStatus() throws Exception {
        final Message ack = newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        final Message[] requests = {FixOrders.cancel("C1", "O1", "ZZZ", '1', "10"),
            FixOrders.replace("R1", "O1", "ZZZ", '1', "10", "98")};
        for (final Message request : requests) {
            // the order is live and stays so: OrdStatus 8 would tell the broker's system it is dead
            b1.refusedAsLive(request, ack.getString(37), '0', "Symbol ZZZ is not the order's: AAA", WAIT);
        }
        // an order the session does not have is unknown, whatever its Symbol
        b1.send(FixOrders.cancel("C2", "NOPE", "ZZZ", '1', "10"));
        final Message unknown = b1.next("9", WAIT);
        assertThat(unknown.getString(37)).isEqualTo("NONE");
        assertThat(unknown.getChar(39)).isEqualTo('8');
        assertThat(unknown.getInt(102)).isEqualTo(1);
        b1.send(FixOrders.cancel("C3", "O1", "AAA", '1', "10"));
        assertThat(b1.next("8", WAIT).getChar(150)).as("the order was left as it was").isEqualTo('4');
    }

    @Test
    void shouldReplaceAnOrderKeepingItsOrderId() throws Exception {
        final Message ack = newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.replace("R1", "O1", "AAA", '1', "20", "99.5"));
        final Message replaced = b1.next("8", WAIT);
        assertThat(replaced.getChar(150)).isEqualTo('5');
        assertThat(replaced.getChar(39)).isEqualTo('0');
        assertThat(replaced.getString(11)).isEqualTo("R1");
        assertThat(replaced.getString(41)).isEqualTo("O1");
        assertThat(replaced.getString(37)).isEqualTo(ack.getString(37));
        assertThat(replaced.getString(38)).isEqualTo("20");
        assertThat(replaced.getString(44)).isEqualTo("99.5");
        // the new ClOrdID names the order from now on
        b1.send(FixOrders.cancel("C2", "R1", "AAA", '1', "20"));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
    }

    @Test
    void shouldTakeACancelOrReplaceOnlyOfTheOrdersLatestClOrdIdOneInFlightIncluded() throws Exception {
        final Message ack = newOrderAck(b1, FixOrders.limit("A", "AAA", '1', "10", "99"));
        b1.send(FixOrders.replace("B", "A", "AAA", '1', "20", "99"));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('5');
        // A names a state of the order that no longer exists (FIX: OrigClOrdID is the previous non-rejected ClOrdID)
        final Message[] stale = {FixOrders.replace("C", "A", "AAA", '1', "30", "99"), FixOrders.cancel("C2", "A", "AAA", '1', "20")};
        for (final Message request : stale) {
            b1.refusedAsLive(request, ack.getString(37), '0', "OrigClOrdID A is not the order's latest ClOrdID: B", WAIT);
        }
        // a chain sent before the previous replace is acknowledged: each names the one before it
        b1.send(FixOrders.replace("D", "B", "AAA", '1', "40", "99"));
        b1.send(FixOrders.replace("E", "D", "AAA", '1', "50", "99"));
        b1.send(FixOrders.replace("F", "E", "AAA", '1', "60", "99"));
        for (final String[] expected : new String[][] {{"D", "B", "40"}, {"E", "D", "50"}, {"F", "E", "60"}}) {
            final Message replaced = b1.next("8", WAIT);
            assertThat(replaced.getChar(150)).as("ExecType of %s", replaced).isEqualTo('5');
            assertThat(replaced.getString(11)).isEqualTo(expected[0]);
            assertThat(replaced.getString(41)).isEqualTo(expected[1]);
            assertThat(replaced.getString(38)).isEqualTo(expected[2]);
        }
        // a replace the engine refuses leaves the order its last accepted ClOrdID, which the next request names
        b1.send(FixOrders.replace("G", "F", "AAA", '1', "60", "99.005"));
        final Message offTick = b1.next("9", WAIT);
        assertThat(offTick.getString(11)).isEqualTo("G");
        assertThat(offTick.getString(58)).contains("tick");
        b1.send(FixOrders.cancel("H", "F", "AAA", '1', "60"));
        final Message canceled = b1.next("8", WAIT);
        assertThat(canceled.getChar(150)).isEqualTo('4');
        assertThat(canceled.getString(41)).isEqualTo("F");
        // once the order has ended, any of its ClOrdIDs gets too late
        b1.send(FixOrders.cancel("I", "A", "AAA", '1', "60"));
        final Message tooLate = b1.next("9", WAIT);
        assertThat(tooLate.getInt(102)).isZero();
        assertThat(tooLate.getChar(39)).isEqualTo('4');
    }

    @Test
    void shouldRejectAReplaceToAPriceOffTheTick() throws Exception {
        newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.replace("R1", "O1", "AAA", '1', "10", "99.005"));
        final Message reject = b1.next("9", WAIT);
        assertThat(reject.getChar(434)).isEqualTo('2');
        assertThat(reject.getChar(39)).isEqualTo('0');
        assertThat(reject.getString(58)).contains("tick");
    }

    @Test
    void shouldRefuseAReplaceThatWouldChangeTheExpiryOfAGtdOrderButTakeOneThatResendsIt() throws Exception {
        final Message gtd = FixOrders.limit("G1", "AAA", '1', "10", "99");
        gtd.setChar(59, '6');
        gtd.setString(126, "20991231-23:59:59");
        final Message ack = newOrderAck(b1, gtd);
        // a replace carries every field: the same ExpireTime, or none, leaves the expiry as it is
        final Message same = FixOrders.gtdReplace("G2", "G1", "20");
        same.setString(126, "20991231-23:59:59.000");
        b1.send(same);
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('5');
        b1.send(FixOrders.gtdReplace("G3", "G2", "30"));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('5');
        final Message otherTime = FixOrders.gtdReplace("G4", "G3", "40");
        otherTime.setString(126, "20991230-12:00:00");
        final Message otherDate = FixOrders.gtdReplace("G5", "G3", "40");
        otherDate.setString(432, "20991231");
        for (final Message replace : new Message[] {otherTime, otherDate}) {
            b1.refusedAsLive(replace, ack.getString(37), '0',
                "ExpireTime and ExpireDate cannot be changed by a replace: the order expires at 20991231-23:59:59.000000", WAIT);
        }
        // nor can its TimeInForce: a replace without 59 is a Day order's
        final Message day = FixOrders.replace("G6", "G3", "AAA", '1', "40", "99");
        b1.send(day);
        final Message reject = b1.next("9", WAIT);
        assertThat(reject.getInt(102)).isEqualTo(99);
        assertThat(reject.getString(58)).isEqualTo("Side, order type and time in force cannot be changed");
        b1.send(FixOrders.status("G3", "AAA", '1'));
        final Message status = b1.next("8", WAIT);
        assertThat(status.getString(38)).isEqualTo("30");
        assertThat(status.getChar(59)).isEqualTo('6');
    }

    /**
     * ExpireDate (432) is "always expressed in terms of the local market date" (FIX 4.4): on an exchange whose
     * trading dates are Auckland's, an order good till the 31st of December lives to the end of that day in
     * Auckland, 2099-12-31T11:00Z (NZDT is UTC+13), not to the end of the UTC day, which in Auckland is 13:00 on
     * the 1st of January: half a trading day past its date.
     */
    @Test
    void shouldTakeAnExpireDateAsADateOfTheExchangesTimeZone() throws Exception {
        b1.close();
        b2.close();
        venue.close();
        venue = new TestVenue(dir.resolve("auckland"), java.time.ZoneId.of("Pacific/Auckland"));
        b1 = venue.connect("FIX.4.4", "BROKER1");
        b2 = venue.connect("FIX.4.4", "BROKER2");
        assertThat(b1.awaitLogon(WAIT)).isTrue();
        final Message gtd = FixOrders.limit("D1", "AAA", '1', "10", "99");
        gtd.setChar(59, '6');
        gtd.setString(432, "20991231");
        final Message ack = newOrderAck(b1, gtd);
        // the same date again keeps the expiry; another is refused, saying when the order expires
        final Message same = FixOrders.gtdReplace("D2", "D1", "20");
        same.setString(432, "20991231");
        b1.send(same);
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('5');
        final Message other = FixOrders.gtdReplace("D3", "D2", "30");
        other.setString(432, "20991230");
        b1.refusedAsLive(other, ack.getString(37), '0',
            "ExpireTime and ExpireDate cannot be changed by a replace: the order expires at 20991231-10:59:59.999999", WAIT);
    }

    /**
     * Between the end of a trading day and the start of the next (a night, a weekend), a GTC or GTD order is
     * off the books but alive: it comes back at the start of the next day and may trade. Asked about, it is
     * not an unknown order, whose OrdStatus 8 (Rejected) would tell the broker's system it is dead, until it
     * trades on Monday; a cancel is refused as for a closed instrument, with the order's OrderID and status.
     */
    @Test
    void shouldAnswerForAGoodTillOrderCarriedOverBetweenTwoTradingDays() throws Exception {
        final Message gtc = FixOrders.limit("C1", "AAA", '1', "10", "99");
        gtc.setChar(59, '1');
        final String orderId = newOrderAck(b1, gtc).getString(37);
        newOrderAck(b2, FixOrders.limit("S1", "AAA", '2', "4", "99")); // fills 4 of it
        assertThat(b1.next("8", WAIT).getChar(39)).isEqualTo('1');
        newOrderAck(b1, FixOrders.limit("C2", "AAA", '1', "5", "98"));
        venue.sequencer().commands().append((buffer, offset) -> {
            final exchange.matching.command.EndOfDayCommand c =
                (exchange.matching.command.EndOfDayCommand) new exchange.matching.command.EndOfDayCommand().wrap(buffer, offset);
            c.init().tradingDate(20261127);
            return c.length();
        });
        final Message expired = b1.next("8", WAIT);
        assertThat(expired.getString(11)).isEqualTo("C2");
        assertThat(expired.getChar(150)).isEqualTo('C');

        final Message status = FixOrders.status("C1", "AAA", '1');
        status.setString(790, "Q1");
        b1.send(status);
        final Message answer = b1.next("8", WAIT);
        assertThat(answer.getChar(150)).isEqualTo('I');
        assertThat(answer.getString(37)).isEqualTo(orderId);
        assertThat(answer.getChar(39)).as("OrdStatus of %s", answer).isEqualTo('1');
        assertThat(answer.getString(14)).isEqualTo("4");
        assertThat(answer.getString(151)).isEqualTo("6");
        assertThat(answer.getString(790)).isEqualTo("Q1");
        b1.refusedAsLive(FixOrders.cancel("C3", "C1", "AAA", '1', "10"), orderId, '1',
            "The trading day has ended: the order is carried over to the next one, where it may be canceled or replaced",
            WAIT);
        b1.refusedAsLive(FixOrders.replace("C4", "C1", "AAA", '1', "10", "98"), orderId, '1',
            "The trading day has ended: the order is carried over to the next one, where it may be canceled or replaced",
            WAIT);

        // the exchange restarted between the two days knows it all the same
        b1.close();
        b2.close();
        venue.close();
        venue = new TestVenue(dir);
        b1 = venue.connect("FIX.4.4", "BROKER1");
        b2 = venue.connect("FIX.4.4", "BROKER2");
        assertThat(b1.awaitLogon(WAIT)).isTrue();
        status.setString(790, "Q2");
        b1.send(status);
        final Message again = b1.next("8", WAIT);
        assertThat(again.getString(37)).isEqualTo(orderId);
        assertThat(again.getChar(39)).as("OrdStatus of %s", again).isEqualTo('1');
        assertThat(again.getString(151)).isEqualTo("6");
        b1.refusedAsLive(FixOrders.cancel("C5", "C1", "AAA", '1', "10"), orderId, '1',
            "The trading day has ended: the order is carried over to the next one, where it may be canceled or replaced",
            WAIT);
    }

    @Test
    void shouldReportTheStatusOfALiveOrderAndOfAnUnknownOne() throws Exception {
        newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.status("O1", "AAA", '1'));
        final Message status = b1.next("8", WAIT);
        assertThat(status.getChar(150)).isEqualTo('I');
        assertThat(status.getChar(39)).isEqualTo('0');
        assertThat(status.getString(151)).isEqualTo("10");
        b1.send(FixOrders.status("NOPE", "AAA", '1'));
        final Message unknown = b1.next("8", WAIT);
        assertThat(unknown.getChar(150)).isEqualTo('I');
        assertThat(unknown.getChar(39)).isEqualTo('8');
    }

    /** As with a listed Symbol that is not the order's: the order is live, and OrdStatus 8 would say it is dead. */
    @Test
    void shouldReportTheStatusOfALiveOrderAskedAboutWithASymbolNotListed() throws Exception {
        final Message ack = newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.status("O1", "ZZZ", '1'));
        final Message status = b1.next("8", WAIT);
        assertThat(status.getChar(150)).isEqualTo('I');
        assertThat(status.getChar(39)).as("%s", status).isEqualTo('0');
        assertThat(status.getString(37)).isEqualTo(ack.getString(37));
        assertThat(status.getString(55)).isEqualTo("AAA");
        assertThat(status.getString(151)).isEqualTo("10");
        // an order the session does not have is unknown, whatever its Symbol
        b1.send(FixOrders.status("NOPE", "ZZZ", '1'));
        final Message unknown = b1.next("8", WAIT);
        assertThat(unknown.getChar(39)).isEqualTo('8');
        assertThat(unknown.getString(37)).isEqualTo("NONE");
    }

    @Test
    void shouldCancelEveryOrderOfTheSessionOnAMassCancel() throws Exception {
        newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        newOrderAck(b1, FixOrders.limit("O2", "AAA", '2', "10", "105"));
        newOrderAck(b2, FixOrders.limit("X1", "AAA", '1', "10", "98"));
        b1.send(FixOrders.massCancel("M1", '7', null));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
        final Message report = b1.next("r", WAIT);
        assertThat(report.getString(11)).isEqualTo("M1");
        assertThat(report.getChar(531)).isEqualTo('7');
        assertThat(report.getInt(533)).isEqualTo(2);
        assertThat(b2.nothingWithin(Duration.ofMillis(300))).as("another firm's orders stay").isTrue();
    }

    @Test
    void shouldRefuseAMassCancelTypeItDoesNotSupport() throws Exception {
        b1.send(FixOrders.massCancel("M1", '4', null));
        final Message report = b1.next("r", WAIT);
        assertThat(report.getChar(531)).isEqualTo('0');
        assertThat(report.getString(58)).contains("not supported");
    }

    @Test
    void shouldRejectADuplicateClOrdId() throws Exception {
        newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.limit("O1", "AAA", '1', "10", "99"));
        final Message reject = b1.next("8", WAIT);
        assertThat(reject.getChar(150)).isEqualTo('8');
        assertThat(reject.getInt(103)).isEqualTo(6);
        assertThat(reject.getString(58)).contains("O1");
    }

    /**
     * A ClOrdID is the session's for the trading day: after a restart the same day it is still used (the live
     * order's, and a canceled one's), and after the day's end it is free again, but for a GTC order's.
     */
    @Test
    void shouldKeepTheDaysClOrdIdsAcrossARestartAndFreeThemAtTheEndOfTheDay() throws Exception {
        newOrderAck(b1, FixOrders.limit("L1", "AAA", '1', "10", "99"));
        newOrderAck(b1, FixOrders.limit("K1", "AAA", '1', "10", "98"));
        b1.send(FixOrders.cancel("K2", "K1", "AAA", '1', "10"));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
        final Message gtc = FixOrders.limit("G1", "AAA", '1', "10", "97");
        gtc.setChar(59, '1');
        newOrderAck(b1, gtc);
        b1.close();
        b2.close();
        venue.close();
        venue = new TestVenue(dir);
        b1 = venue.connect("FIX.4.4", "BROKER1");
        b2 = venue.connect("FIX.4.4", "BROKER2");
        assertThat(b1.awaitLogon(WAIT)).isTrue();
        for (final String used : new String[] {"L1", "K1", "K2", "G1"}) {
            b1.send(FixOrders.limit(used, "AAA", '1', "1", "90"));
            final Message reject = b1.next("8", WAIT);
            assertThat(reject.getChar(150)).as("%s after the restart", used).isEqualTo('8');
            assertThat(reject.getInt(103)).isEqualTo(6);
        }
        venue.sequencer().commands().append((buffer, offset) -> {
            final exchange.matching.command.EndOfDayCommand c =
                (exchange.matching.command.EndOfDayCommand) new exchange.matching.command.EndOfDayCommand().wrap(buffer, offset);
            c.init().tradingDate(20261127);
            return c.length();
        });
        assertThat(b1.next("8", WAIT).getChar(150)).as("L1 expires").isEqualTo('C');
        for (final String free : new String[] {"L1", "K1", "K2"}) {
            newOrderAck(b1, FixOrders.limit(free, "AAA", '1', "1", "90"));
        }
        b1.send(FixOrders.limit("G1", "AAA", '1', "1", "90"));
        assertThat(b1.next("8", WAIT).getInt(103)).as("the GTC order's ClOrdID is still its").isEqualTo(6);
    }

    @Test
    void shouldKeepTheLiveOrderUnderItsClOrdIdWhenADuplicateIsRejected() throws Exception {
        final Message ack = newOrderAck(b1, FixOrders.limit("O1", "AAA", '1', "10", "99"));
        b1.send(FixOrders.limit("O1", "AAA", '1', "20", "98"));
        assertThat(b1.next("8", WAIT).getInt(103)).isEqualTo(6);
        b1.send(FixOrders.cancel("C1", "O1", "AAA", '1', "10"));
        final Message canceled = b1.next("8", WAIT);
        assertThat(canceled.getChar(150)).isEqualTo('4');
        assertThat(canceled.getString(37)).isEqualTo(ack.getString(37));
    }

    @Test
    void shouldEchoTheSymbolAndSideOfAnOrderItCannotTake() throws Exception {
        b1.send(FixOrders.limit("O1", "ZZZ", '1', "10", "99"));
        final Message unknownSymbol = b1.next("8", WAIT);
        assertThat(unknownSymbol.getString(55)).isEqualTo("ZZZ");
        assertThat(unknownSymbol.getInt(103)).isEqualTo(1);
        b1.send(FixOrders.limit("O2", "AAA", '5', "10", "99")); // sell short
        final Message unsupportedSide = b1.next("8", WAIT);
        assertThat(unsupportedSide.getChar(150)).isEqualTo('8');
        assertThat(unsupportedSide.getChar(54)).isEqualTo('5');
    }

    @Test
    void shouldRejectAnUnknownSymbolAnUnknownAccountAndAQuantityOffTheLot() throws Exception {
        b1.send(FixOrders.limit("O1", "ZZZ", '1', "10", "99"));
        final Message unknownSymbol = b1.next("8", WAIT);
        assertThat(unknownSymbol.getChar(150)).isEqualTo('8');
        assertThat(unknownSymbol.getInt(103)).isEqualTo(1);
        final Message withAccount = FixOrders.limit("O2", "AAA", '1', "10", "99");
        withAccount.setString(1, "ACC3");
        b1.send(withAccount);
        assertThat(b1.next("8", WAIT).getInt(103)).isEqualTo(15);
        b1.send(FixOrders.limit("O3", "BBB", '1', "150", "50"));
        final Message offLot = b1.next("8", WAIT);
        assertThat(offLot.getInt(103)).isEqualTo(13);
        assertThat(offLot.getString(58)).contains("lot");
    }

    @Test
    void shouldEchoTheAccountOfAnOrder() throws Exception {
        final Message order = FixOrders.limit("O1", "AAA", '1', "10", "99");
        order.setString(1, "ACC2");
        final Message ack = newOrderAck(b1, order);
        assertThat(ack.getString(1)).isEqualTo("ACC2");
    }

    @Test
    void shouldCancelTheRestOfAMarketOrderWhenLiquidityRunsOut() throws Exception {
        newOrderAck(b2, FixOrders.limit("S1", "AAA", '2', "5", "101"));
        b1.send(FixOrders.market("M1", "AAA", '1', "8"));
        assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');
        final Message fill = b1.next("8", WAIT);
        assertThat(fill.getChar(150)).isEqualTo('F');
        assertThat(fill.getString(32)).isEqualTo("5");
        final Message rest = b1.next("8", WAIT);
        assertThat(rest.getChar(150)).isEqualTo('4');
        assertThat(rest.getString(14)).isEqualTo("5");
        assertThat(rest.getString(58)).contains("liquidity");
    }

    @Test
    void shouldAnswerAnUnsupportedMessageTypeWithABusinessMessageReject() throws Exception {
        final Message quote = new Message();
        quote.getHeader().setString(35, "R"); // QuoteRequest
        quote.setString(131, "Q1");
        final quickfix.Group group = new quickfix.Group(146, 55);
        group.setString(55, "AAA");
        quote.addGroup(group);
        b1.send(quote);
        final Message reject = b1.next("j", WAIT);
        assertThat(reject.getInt(380)).isEqualTo(3);
    }

    @Test
    void shouldIgnoreAPossibleDuplicateOfAnOrderAlreadyReceivedButTakeANewOne() throws Exception {
        newOrderAck(b1, FixOrders.limit("P1", "AAA", '1', "10", "99"));
        b1.sendAsPossibleDuplicate(FixOrders.limit("P1", "AAA", '1', "10", "99"));
        assertThat(b1.nothingWithin(Duration.ofMillis(500))).as("no answer to a PossDup already processed").isTrue();
        b1.sendAsPossibleDuplicate(FixOrders.limit("P2", "AAA", '1', "10", "99"));
        assertThat(b1.next("8", WAIT).getChar(150)).as("a PossDup never seen is an order like any other").isEqualTo('0');
        // without PossDupFlag a reused ClOrdID is a duplicate, refused with a reason
        b1.send(FixOrders.limit("P1", "AAA", '1', "10", "99"));
        final Message reject = b1.next("8", WAIT);
        assertThat(reject.getChar(150)).isEqualTo('8');
        assertThat(reject.getInt(103)).isEqualTo(6);
    }
}
