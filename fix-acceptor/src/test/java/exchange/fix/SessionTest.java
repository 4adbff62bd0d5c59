package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import exchange.sequencer.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Logons, dialects, disconnects and restarts, over real TCP with QuickFIX/J initiators. */
@Timeout(90)
class SessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAWrongPasswordWithALogoutThatSaysWhy() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient intruder = FixTestClient.start(new FixTestClient.Options("FIX.4.4", "BROKER1", "EXCH",
                 venue.port(), "broker1", "guess", null))) {
            assertThat(intruder.nextLogoutText(WAIT)).isEqualTo("Invalid username or password");
            assertThat(intruder.isLoggedOn()).isFalse();
        }
    }

    @Test
    void shouldNotLetAnUnknownCompIdLogOn() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient stranger = FixTestClient.start(new FixTestClient.Options("FIX.4.4", "NOBODY", "EXCH",
                 venue.port(), null, null, null))) {
            assertThat(stranger.awaitLogon(Duration.ofSeconds(2))).isFalse();
        }
    }

    @Test
    void shouldSpeakFix42WithExecTransTypeAndFillExecTypes() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b3 = venue.connect("FIX.4.2", "BROKER3");
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2")) {
            assertThat(b3.awaitLogon(WAIT)).isTrue();
            assertThat(b2.awaitLogon(WAIT)).isTrue();
            b3.send(FixOrders.limit("O1", "AAA", '1', "10", "100"));
            final Message ack = b3.next("8", WAIT);
            assertThat(ack.getChar(20)).isEqualTo('0');
            assertThat(ack.getChar(150)).isEqualTo('0');
            b2.send(FixOrders.limit("S1", "AAA", '2', "4", "100"));
            final Message fill = b3.next("8", WAIT);
            assertThat(fill.getChar(150)).as("FIX 4.2 partial fill").isEqualTo('1');
            assertThat(fill.getChar(39)).isEqualTo('1');
            assertThat(fill.isSetField(880)).isFalse();
            // reasons FIX 4.2 does not have become 0 (order) and 2 (cancel), broker / exchange option
            b3.send(FixOrders.limit("O2", "AAA", '1', "10", "100.005"));
            assertThat(b3.next("8", WAIT).getInt(103)).isZero();
            b3.send(FixOrders.replace("R1", "O1", "AAA", '1', "10", "100.005"));
            assertThat(b3.next("9", WAIT).getInt(102)).isEqualTo(2);
        }
    }

    @Test
    void shouldSpeakFix50Sp2OverFixt11() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b4 = venue.connect("FIXT.1.1", "BROKER4");
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(b4.awaitLogon(WAIT)).isTrue();
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            b4.send(FixOrders.limit("O1", "AAA", '2', "10", "100"));
            assertThat(b4.next("8", WAIT).getChar(150)).isEqualTo('0');
            b1.send(FixOrders.limit("B1", "AAA", '1', "10", "100"));
            final Message fill = b4.next("8", WAIT);
            assertThat(fill.getChar(150)).isEqualTo('F');
            assertThat(fill.getChar(39)).isEqualTo('2');
            assertThat(fill.getHeader().getString(8)).isEqualTo("FIXT.1.1");
            assertThat(fill.getString(880)).as("TrdMatchID, in the ExecutionReport from FIX 5.0").isNotEmpty();
            // FIX 5.0 SP2's OrderMassCancelReport requires MassActionReportID (1369), done or refused
            b4.send(FixOrders.massCancel("M1", '7', null));
            final Message done = b4.next("r", WAIT);
            assertThat(done.getChar(531)).isEqualTo('7');
            assertThat(done.getString(1369)).isEqualTo(done.getString(37));
            b4.send(FixOrders.massCancel("M2", '4', null));
            final Message refused = b4.next("r", WAIT);
            assertThat(refused.getChar(531)).isEqualTo('0');
            assertThat(refused.getString(1369)).isEqualTo("NONE");
            assertThat(b4.rejectsSent()).as("what the client's FIX 5.0 SP2 dictionary refused").isEmpty();
        }
    }

    @Test
    void shouldCancelTheOrdersOfASessionThatDisconnectsWhenConfiguredTo() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2")) {
            final FixTestClient cod = venue.connect("FIX.4.4", "COD1");
            assertThat(cod.awaitLogon(WAIT)).isTrue();
            assertThat(b2.awaitLogon(WAIT)).isTrue();
            cod.send(FixOrders.limit("O1", "AAA", '1', "10", "100"));
            assertThat(cod.next("8", WAIT).getChar(150)).isEqualTo('0');
            assertThat(venue.risk().exposure(1, 0)).as("the order's exposure").isPositive();
            cod.close();
            // the cancel on disconnect has been applied once the risk gateway, which follows the event log, has
            // released the order's exposure: a fixed pause was too short on a slow host, and the sell then traded
            Await.until(() -> venue.risk().exposure(1, 0) == 0, WAIT, () -> "the order's exposure released");
            assertThat(venue.risk().exposure(1, 0)).as("the order's exposure, after the disconnect").isZero();
            // the order is gone: a sell at its price rests instead of trading
            b2.send(FixOrders.limit("S1", "AAA", '2', "10", "100"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');
            assertThat(b2.nothingWithin(Duration.ofMillis(500))).isTrue();
            // and when it comes back, the cancel arrives by resend
            final FixTestClient back = venue.connect("FIX.4.4", "COD1");
            final Message canceled = back.next("8", WAIT);
            assertThat(canceled.getChar(150)).isEqualTo('4');
            assertThat(canceled.getString(58)).contains("disconnect");
            back.close();
        }
    }

    @Test
    void shouldDeliverReportsMissedWhileOfflineByResend() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2")) {
            final FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            assertThat(b2.awaitLogon(WAIT)).isTrue();
            b1.send(FixOrders.limit("O1", "AAA", '1', "10", "100"));
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');
            b1.close();
            b2.send(FixOrders.limit("S1", "AAA", '2', "10", "100"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('F');
            final FixTestClient again = venue.connect("FIX.4.4", "BROKER1");
            final Message fill = again.next("8", WAIT);
            assertThat(fill.getChar(150)).isEqualTo('F');
            assertThat(fill.getString(11)).isEqualTo("O1");
            assertThat(fill.getHeader().getBoolean(43)).as("PossDupFlag").isTrue();
            again.close();
        }
    }

    @Test
    void shouldCountOpenConnectionsForThoseWhoWaitForASessionToBeGone() throws Exception {
        try (TestVenue venue = new TestVenue(dir)) {
            assertThat(venue.gateway().openConnections()).isZero();
            final FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            assertThat(venue.gateway().openConnections()).isEqualTo(1);
            b1.close();
            final long deadline = System.nanoTime() + WAIT.toNanos();
            while (venue.gateway().openConnections() != 0 || venue.gateway().queuedEvents() != 0) {
                assertThat(System.nanoTime()).as("connection still counted").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void shouldKeepSequenceNumbersAndDeliverMissedReportsAcrossAnExchangeRestart() throws Exception {
        final FixTestClient b1;
        int lastSeq;
        try (TestVenue venue = new TestVenue(dir)) {
            b1 = venue.connect("FIX.4.4", "BROKER1");
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            b1.send(FixOrders.limit("O1", "AAA", '1', "10", "100"));
            lastSeq = b1.next("8", WAIT).getHeader().getInt(34);
            b1.close();
        }
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2")) {
            assertThat(b2.awaitLogon(WAIT)).isTrue();
            b2.send(FixOrders.limit("S1", "AAA", '2', "4", "100"));
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('0');
            assertThat(b2.next("8", WAIT).getChar(150)).isEqualTo('F');
            final FixTestClient back = venue.connect("FIX.4.4", "BROKER1");
            final Message fill = back.next("8", WAIT);
            assertThat(fill.getChar(150)).isEqualTo('F');
            assertThat(fill.getHeader().getInt(34)).as("sequence continues").isGreaterThan(lastSeq);
            // the order survived the restart and is still known by its ClOrdID
            back.send(FixOrders.cancel("C1", "O1", "AAA", '1', "10"));
            final Message canceled = back.next("8", WAIT);
            assertThat(canceled.getChar(150)).isEqualTo('4');
            assertThat(canceled.getString(14)).isEqualTo("4");
            back.close();
        }
    }

    @Test
    void shouldKnowAReplacedOrderByTheReplacesClOrdIdAcrossAnExchangeRestart() throws Exception {
        try (TestVenue venue = new TestVenue(dir)) {
            final FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            b1.send(FixOrders.limit("O1", "AAA", '1', "10", "100"));
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');
            b1.send(FixOrders.replace("R1", "O1", "AAA", '1', "20", "100"));
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('5');
            b1.close();
        }
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            // the replace's ClOrdID names the order from then on, after a restart too
            b1.send(FixOrders.cancel("C1", "R1", "AAA", '1', "20"));
            final Message canceled = b1.next("8", WAIT);
            assertThat(canceled.getChar(150)).as("%s", canceled).isEqualTo('4');
            assertThat(canceled.getString(41)).isEqualTo("R1");
            // and it is used: a new order cannot take it
            b1.send(FixOrders.limit("R1", "AAA", '1', "10", "100"));
            assertThat(b1.next("8", WAIT).getInt(103)).isEqualTo(6);
        }
    }
}
