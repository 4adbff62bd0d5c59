package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.SenderGate;
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

/**
 * Requests a broker sends right after a NewOrderSingle, before the order's acknowledgement has come
 * back ("pipelined", as fast brokers send them): each is about a live order of the session and must
 * be answered about it, as it would be once the acknowledgement was in. The ExecutionReport sender is
 * held while they arrive, so that they reach the exchange before the acknowledgement every time.
 */
@Timeout(60)
class PipelinedRequestTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final SenderGate gate = new SenderGate();
    private TestVenue venue;
    private FixTestClient b1;
    private FixTestClient b2;

    @BeforeEach
    void start() throws Exception {
        final java.util.Properties risk = TestVenue.riskSettings();
        risk.setProperty("exchange.risk.account.1.creditLimit", "10000"); // ACC1
        venue = new TestVenue(dir, risk, gate);
        b1 = venue.connect("FIX.4.4", "BROKER1");
        b2 = venue.connect("FIX.4.4", "BROKER2");
        assertThat(b1.awaitLogon(WAIT)).isTrue();
        assertThat(b2.awaitLogon(WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        gate.release();
        b1.close();
        b2.close();
        venue.close();
    }

    /**
     * Sends the messages on BROKER1 while the sender is held on another firm's order's acknowledgement,
     * waits until the exchange has handled them all, then lets the sender go on.
     */
    private void pipelined(final Message... messages) throws Exception {
        gate.hold();
        b2.send(FixOrders.limit("X" + gate.handled(), "BBB", '1', "100", "49"));
        assertThat(gate.awaitHeld(WAIT)).as("the sender stopped").isTrue();
        final int handled = gate.handled();
        for (final Message m : messages) {
            b1.send(m);
        }
        assertThat(gate.awaitHandled(handled + messages.length, WAIT)).as("every request handled").isTrue();
        gate.release();
        assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');
    }

    private Message ack() throws Exception {
        final Message ack = b1.next(WAIT);
        assertThat(ack.getHeader().getString(35)).as("the order's acknowledgement first: %s", ack).isEqualTo("8");
        assertThat(ack.getChar(150)).as("ExecType of %s", ack).isEqualTo('0');
        return ack;
    }

    private void refusedAsLive(final Message ack, final char responseTo, final String text) throws Exception {
        b1.nextRefusedAsLive(ack.getString(37), '0', responseTo, text, WAIT);
    }

    @Test
    void shouldRefuseACancelOrReplaceWithASymbolNotListedAsForAnAcknowledgedOrder() throws Exception {
        pipelined(FixOrders.limit("A", "AAA", '1', "10", "99"),
            FixOrders.cancel("C1", "A", "ZZZ", '1', "10"),
            FixOrders.replace("R1", "A", "ZZZ", '1', "20", "98"));
        final Message ack = ack();
        refusedAsLive(ack, '1', "Symbol ZZZ is not the order's: AAA");
        refusedAsLive(ack, '2', "Symbol ZZZ is not the order's: AAA");
        // the order is as it was, and A still names it
        b1.send(FixOrders.cancel("C2", "A", "AAA", '1', "10"));
        final Message canceled = b1.next("8", WAIT);
        assertThat(canceled.getChar(150)).isEqualTo('4');
        assertThat(canceled.getString(38)).isEqualTo("10");
    }

    @Test
    void shouldRefuseAReplaceThatWouldChangeTheExpiryOfAGtdOrderAsForAnAcknowledgedOrder() throws Exception {
        final Message gtd = FixOrders.limit("G1", "AAA", '1', "10", "99");
        gtd.setChar(59, '6');
        gtd.setString(126, "20991231-23:59:59");
        final Message otherTime = FixOrders.gtdReplace("G2", "G1", "20");
        otherTime.setString(126, "20991230-12:00:00");
        final Message otherDate = FixOrders.gtdReplace("G3", "G1", "20");
        otherDate.setString(432, "20991231");
        final Message same = FixOrders.gtdReplace("G4", "G1", "30");
        same.setString(126, "20991231-23:59:59.000");
        pipelined(gtd, otherTime, otherDate, same);
        final Message ack = ack();
        final String text = "ExpireTime and ExpireDate cannot be changed by a replace: the order expires at "
            + "20991231-23:59:59.000000";
        refusedAsLive(ack, '2', text);
        refusedAsLive(ack, '2', text);
        // the same expiry again is taken; the refused requests left G1 the order's latest ClOrdID
        final Message replaced = b1.next("8", WAIT);
        assertThat(replaced.getChar(150)).as("%s", replaced).isEqualTo('5');
        assertThat(replaced.getString(11)).isEqualTo("G4");
        assertThat(replaced.getString(41)).isEqualTo("G1");
        assertThat(replaced.getString(38)).isEqualTo("30");
    }

    @Test
    void shouldRefuseAReplaceToAnotherAccountAsForAnAcknowledgedOrder() throws Exception {
        final Message order = FixOrders.limit("A", "AAA", '1', "10", "99");
        order.setString(1, "ACC1");
        final Message otherAccount = FixOrders.replace("B", "A", "AAA", '1', "20", "99");
        otherAccount.setString(1, "ACC2");
        final Message sameAccount = FixOrders.replace("C", "A", "AAA", '1', "30", "99");
        sameAccount.setString(1, "ACC1");
        pipelined(order, otherAccount, sameAccount);
        final Message ack = ack();
        refusedAsLive(ack, '2', "Account ACC2 is not the order's: an order cannot move to another account");
        final Message replaced = b1.next("8", WAIT);
        assertThat(replaced.getChar(150)).as("%s", replaced).isEqualTo('5');
        assertThat(replaced.getString(11)).isEqualTo("C");
        assertThat(replaced.getString(1)).isEqualTo("ACC1");
        assertThat(replaced.getString(38)).isEqualTo("30");
    }

    /** As with a listed Symbol that is not the order's: the request goes to the order's book. */
    @Test
    void shouldReportTheStatusOfAnOrderAskedAboutWithASymbolNotListedBeforeItsAck() throws Exception {
        pipelined(FixOrders.limit("A", "AAA", '1', "10", "99"), FixOrders.status("A", "ZZZ", '1'));
        final Message ack = ack();
        final Message status = b1.next("8", WAIT);
        assertThat(status.getChar(150)).as("%s", status).isEqualTo('I');
        assertThat(status.getChar(39)).as("%s", status).isEqualTo('0');
        assertThat(status.getString(37)).isEqualTo(ack.getString(37));
        assertThat(status.getString(55)).isEqualTo("AAA");
        assertThat(status.getString(151)).isEqualTo("10");
    }

    /**
     * Refused at the gateway before the acknowledgement, each is answered after it, with the order's
     * OrderID and OrdStatus, not at once with OrdStatus 8, which would say the order is dead.
     */
    @Test
    void shouldRefuseARequestNamingAnOlderClOrdIdOrWithWrongValuesAsForAnAcknowledgedOrder() throws Exception {
        final Message badFloor = FixOrders.replace("D", "B", "AAA", '1', "20", "99");
        badFloor.setString(111, "20");
        pipelined(FixOrders.limit("A", "AAA", '1', "10", "99"),
            FixOrders.replace("B", "A", "AAA", '1', "20", "99"),
            FixOrders.cancel("C", "A", "AAA", '1', "10"),
            badFloor);
        final Message ack = ack();
        final Message replaced = b1.next("8", WAIT);
        assertThat(replaced.getChar(150)).as("%s", replaced).isEqualTo('5');
        refusedAsLive(ack, '1', "OrigClOrdID A is not the order's latest ClOrdID: B");
        refusedAsLive(ack, '2', "MaxFloor 20 must be above 0 and below OrderQty 20");
        // B is still the order's latest ClOrdID
        b1.send(FixOrders.cancel("E", "B", "AAA", '1', "20"));
        final Message canceled = b1.next("8", WAIT);
        assertThat(canceled.getChar(150)).as("%s", canceled).isEqualTo('4');
        assertThat(canceled.getString(41)).isEqualTo("B");
    }

    @Test
    void shouldTakeAChainOfReplacesThatARefusedRequestInTheMiddleLeavesAsItWas() throws Exception {
        pipelined(FixOrders.limit("A", "AAA", '1', "10", "99"),
            FixOrders.replace("B", "A", "AAA", '1', "20", "99"),
            FixOrders.replace("C", "B", "ZZZ", '1', "30", "99"),
            FixOrders.replace("D", "B", "AAA", '1', "40", "99"),
            FixOrders.status("D", "AAA", '1'));
        final Message ack = ack();
        assertThat(b1.next("8", WAIT).getString(11)).isEqualTo("B");
        refusedAsLive(ack, '2', "Symbol ZZZ is not the order's: AAA");
        final Message replaced = b1.next("8", WAIT);
        assertThat(replaced.getChar(150)).as("%s", replaced).isEqualTo('5');
        assertThat(replaced.getString(11)).isEqualTo("D");
        assertThat(replaced.getString(41)).isEqualTo("B");
        final Message status = b1.next("8", WAIT);
        assertThat(status.getChar(150)).as("%s", status).isEqualTo('I');
        assertThat(status.getString(38)).isEqualTo("40");
    }

    @Test
    void shouldCancelAnOrderAMassCancelFollowsAtOnceAndCountIt() throws Exception {
        pipelined(FixOrders.limit("A", "AAA", '1', "10", "99"), FixOrders.massCancel("M", '7', null));
        ack();
        final Message canceled = b1.next("8", WAIT);
        assertThat(canceled.getChar(150)).as("%s", canceled).isEqualTo('4');
        final Message report = b1.next("r", WAIT);
        assertThat(report.getInt(533)).isEqualTo(1);
    }

    /** The engine rejects the order: a request sent behind it is too late, with the order's OrdStatus 8. */
    @Test
    void shouldSayTooLateToARequestForAnOrderTheEngineRejected() throws Exception {
        final Message offTick = FixOrders.limit("A", "AAA", '1', "10", "99.001");
        pipelined(offTick, FixOrders.cancel("C", "A", "ZZZ", '1', "10"));
        final Message rejected = b1.next("8", WAIT);
        assertThat(rejected.getChar(150)).as("%s", rejected).isEqualTo('8');
        final Message tooLate = b1.next("9", WAIT);
        assertThat(tooLate.getInt(102)).as("%s", tooLate).isZero();
        assertThat(tooLate.getChar(39)).isEqualTo('8');
        assertThat(tooLate.getString(37)).isEqualTo(rejected.getString(37));
    }

    /**
     * A ClOrdID used before is refused at once (it cannot be journaled): before the acknowledgement, with
     * the order's OrderID and OrdStatus A, pending new, not 8, which would say the new order was rejected.
     */
    @Test
    void shouldRefuseADuplicateClOrdIdBeforeTheAckWithTheOrderPendingNew() throws Exception {
        pipelined(FixOrders.limit("A", "AAA", '1', "10", "99"), FixOrders.cancel("A", "A", "AAA", '1', "10"));
        final Message reject = b1.next("9", WAIT);
        assertThat(reject.getInt(102)).as("%s", reject).isEqualTo(6);
        assertThat(reject.getChar(39)).as("%s", reject).isEqualTo('A');
        final Message ack = b1.next("8", WAIT);
        assertThat(ack.getChar(150)).as("%s", ack).isEqualTo('0');
        assertThat(reject.getString(37)).isEqualTo(ack.getString(37));
    }

    /** A replace need not repeat the Account: the order's account's credit holds it, not the default account's. */
    @Test
    void shouldHoldAReplaceWithoutAccountToTheCreditOfTheOrdersAccount() throws Exception {
        final Message order = FixOrders.limit("A", "AAA", '1', "50", "99");
        order.setString(1, "ACC1");
        pipelined(order, FixOrders.replace("B", "A", "AAA", '1', "200", "99"));
        final Message ack = ack();
        final Message reject = b1.next("9", WAIT);
        assertThat(reject.getString(37)).as("%s", reject).isEqualTo(ack.getString(37));
        assertThat(reject.getChar(39)).as("%s", reject).isEqualTo('0');
        assertThat(reject.getString(58)).as("%s", reject)
            .startsWith("Credit limit 10,000.00 of account ACC1 of BROKER1 exceeded");
        b1.send(FixOrders.status("A", "AAA", '1'));
        assertThat(b1.next("8", WAIT).getString(38)).isEqualTo("50");
        // from the order as sent: shrinking it is never refused for credit (9,900 of 10,000 taken)
        final Message second = FixOrders.limit("C", "AAA", '1', "50", "99");
        second.setString(1, "ACC1");
        pipelined(second, FixOrders.replace("D", "C", "AAA", '1', "20", "99"));
        ack();
        final Message replaced = b1.next("8", WAIT);
        assertThat(replaced.getChar(150)).as("%s", replaced).isEqualTo('5');
        assertThat(replaced.getString(38)).isEqualTo("20");
    }
}
