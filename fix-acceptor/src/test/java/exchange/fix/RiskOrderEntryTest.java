package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk gateway behind real FIX sessions: each limit answered with the right reject and reason, the
 * session kept, exposure followed from the event log (fills, cancels, restarts).
 */
@Timeout(90)
class RiskOrderEntryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long UNITS = 10_000; // prices and amounts are kept in 1/10,000

    @TempDir
    Path dir;

    private static Properties risk(final String... keyValues) {
        final Properties p = TestVenue.riskSettings();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static FixTestClient logon(final TestVenue venue, final String broker) throws InterruptedException {
        final FixTestClient client = venue.connect("FIX.4.4", broker);
        assertThat(client.awaitLogon(WAIT)).isTrue();
        return client;
    }

    private static Message answer(final FixTestClient client, final Message request) throws Exception {
        client.send(request);
        return client.next("8", WAIT);
    }

    private static void assertRejected(final Message report, final int ordRejReason, final String text) throws Exception {
        assertThat(report.getChar(150)).as("ExecType of %s", report).isEqualTo('8');
        assertThat(report.getChar(39)).isEqualTo('8');
        assertThat(report.getInt(103)).as("OrdRejReason of %s", report).isEqualTo(ordRejReason);
        assertThat(report.getString(58)).contains(text);
    }

    private static void await(final LongSupplier value, final long expected) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (value.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(value.getAsLong()).isEqualTo(expected);
    }

    private static Message withAccount(final Message order, final String account) {
        order.setString(1, account);
        return order;
    }

    @Test
    void shouldRejectOrdersOverTheQuantityNotionalAndCollarLimitsWithReasons() throws Exception {
        try (TestVenue venue = new TestVenue(dir, risk("exchange.risk.maxOrderQty", "1000",
                "exchange.risk.maxOrderNotional", "50000"));
             FixTestClient b1 = logon(venue, "BROKER1")) {
            assertRejected(answer(b1, FixOrders.limit("Q1", "AAA", '1', "1001", "100")), 3,
                "Order quantity 1,001 exceeds the maximum order quantity 1,000 for AAA");
            assertRejected(answer(b1, FixOrders.limit("N1", "AAA", '1', "600", "100")), 3,
                "exceeds the maximum order notional 50,000");
            assertRejected(answer(b1, FixOrders.limit("C1", "AAA", '1', "10", "111")), 3,
                "Price 111.00 is outside the risk collar 90.00 to 110.00 (10% around the reference price 100.00) for AAA");
            assertRejected(answer(b1, FixOrders.limit("T1", "AAA", '1', "10", "100.001")), 11,
                "is not a multiple of the tick size");
            // the session is still up and takes an order within the limits
            assertThat(answer(b1, FixOrders.limit("OK", "AAA", '1', "10", "110")).getChar(150)).isEqualTo('0');
            // a refused ClOrdID is used up, as with any other reject
            assertRejected(answer(b1, FixOrders.limit("Q1", "AAA", '1', "10", "100")), 6, "already used");
        }
    }

    @Test
    void shouldSayWhatIsWrongWithAReplacesQuantityOrPriceThatCannotBeTaken() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = logon(venue, "BROKER1")) {
            assertThat(answer(b1, FixOrders.limit("A", "AAA", '1', "10", "100")).getChar(150)).isEqualTo('0');
            final String[][] wrong = {
                {"100000000000000000000", "100", "OrderQty 100000000000000000000 is out of range"},
                {"10.5", "100", "OrderQty 10.5 must be a whole number"},
                {"10", "1000000000000000", "Price 1000000000000000 is out of range"},
                {"10", "100.00001", "Price 100.00001 has more than four decimals"},
            };
            for (int i = 0; i < wrong.length; i++) {
                b1.send(FixOrders.replace("R" + i, "A", "AAA", '1', wrong[i][0], wrong[i][1]));
                final Message refused = b1.next("9", WAIT);
                assertThat(refused.getInt(102)).isEqualTo(99);
                assertThat(refused.getChar(39)).isEqualTo('0');
                assertThat(refused.getString(58)).isEqualTo(wrong[i][2]);
            }
        }
    }

    @Test
    void shouldHoldAnAccountToItsCreditAcrossOrdersFillsCancelsAndARestart() throws Exception {
        final Properties settings = risk("exchange.risk.account.1.creditLimit", "10000");
        final LongSupplier acc1;
        try (TestVenue venue = new TestVenue(dir, settings);
             FixTestClient b1 = logon(venue, "BROKER1");
             FixTestClient b2 = logon(venue, "BROKER2")) {
            acc1 = () -> venue.risk().exposure(1, 1);
            assertThat(answer(b1, withAccount(FixOrders.limit("A", "AAA", '1', "60", "100"), "ACC1")).getChar(150))
                .isEqualTo('0');
            assertRejected(answer(b1, withAccount(FixOrders.limit("B", "AAA", '1', "50", "100"), "ACC1")), 3,
                "Credit limit 10,000.00 of account ACC1 of BROKER1 exceeded: exposure 6,000.00 plus this order's 5,000.00");
            // another account of the firm has its own credit
            assertThat(answer(b1, withAccount(FixOrders.limit("C", "AAA", '1', "50", "100"), "ACC2")).getChar(150))
                .isEqualTo('0');
            // growing the order past the limit is refused; the order stays as it was
            b1.send(withAccount(FixOrders.replace("R1", "A", "AAA", '1', "110", "100"), "ACC1"));
            final Message refused = b1.next("9", WAIT);
            assertThat(refused.getChar(434)).isEqualTo('2');
            assertThat(refused.getChar(39)).isEqualTo('0');
            assertThat(refused.getString(58)).contains("Credit limit 10,000.00");

            // a fill turns open exposure into executed notional: it stays for the day
            assertThat(answer(b2, FixOrders.limit("S", "AAA", '2', "60", "100")).getChar(150)).isEqualTo('0');
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('F');
            await(acc1, 6_000 * UNITS);
            assertRejected(answer(b1, withAccount(FixOrders.limit("D", "AAA", '1', "50", "100"), "ACC1")), 3,
                "Credit limit 10,000.00");
            // a cancel gives back what the order held
            assertThat(answer(b1, withAccount(FixOrders.limit("E", "AAA", '1', "40", "99"), "ACC1")).getChar(150))
                .isEqualTo('0');
            await(acc1, (6_000 + 3_960) * UNITS);
            assertThat(answer(b1, FixOrders.cancel("E2", "E", "AAA", '1', "40")).getChar(150)).isEqualTo('4');
            await(acc1, 6_000 * UNITS);
        }
        // a restarted exchange knows the day's exposure again from the event log
        try (TestVenue venue = new TestVenue(dir, settings);
             FixTestClient b1 = logon(venue, "BROKER1")) {
            assertThat(venue.risk().exposure(1, 1)).isEqualTo(6_000 * UNITS);
            assertThat(venue.risk().exposure(1, 2)).isEqualTo(5_000 * UNITS);
            assertRejected(answer(b1, withAccount(FixOrders.limit("F", "AAA", '1', "50", "100"), "ACC1")), 3,
                "Credit limit 10,000.00");
            assertThat(answer(b1, withAccount(FixOrders.limit("G", "AAA", '1', "40", "100"), "ACC1")).getChar(150))
                .isEqualTo('0');
        }
    }

    @Test
    void shouldHaveTheCreditOfACancelOrAFillFollowedBeforeTheBrokerHearsOfIt() throws Exception {
        // An order that takes the account's whole credit, cancelled: a broker who sends the next one as soon as
        // it hears of the cancel must find the credit free, every time, not once a consumer has caught up.
        try (TestVenue venue = new TestVenue(dir, risk("exchange.risk.account.1.creditLimit", "10000"));
             FixTestClient b1 = logon(venue, "BROKER1");
             FixTestClient b2 = logon(venue, "BROKER2")) {
            for (int i = 0; i < 50; i++) {
                final Message ack = answer(b1, withAccount(FixOrders.limit("O" + i, "AAA", '1', "100", "100"), "ACC1"));
                assertThat(ack.getChar(150)).as("order %d: %s", i, ack).isEqualTo('0');
                assertThat(answer(b1, FixOrders.cancel("X" + i, "O" + i, "AAA", '1', "100")).getChar(150)).isEqualTo('4');
                assertThat(venue.risk().exposure(1, 1)).as("exposure when the broker hears of cancel %d", i).isZero();
            }
            // a fill: the executed notional is counted when the buyer hears of it (it stays for the day)
            assertThat(answer(b1, withAccount(FixOrders.limit("F", "AAA", '1', "30", "100"), "ACC1")).getChar(150))
                .isEqualTo('0');
            assertThat(answer(b2, FixOrders.limit("S", "AAA", '2', "30", "100")).getChar(150)).isEqualTo('0');
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('F');
            assertThat(venue.risk().exposure(1, 1)).isEqualTo(3_000 * UNITS);
        }
    }

    @Test
    void shouldThrottleASessionWithoutDisconnectingIt() throws Exception {
        try (TestVenue venue = new TestVenue(dir, risk("exchange.risk.throttle.messagesPerSecond", "5"));
             FixTestClient b1 = logon(venue, "BROKER1");
             FixTestClient b2 = logon(venue, "BROKER2")) {
            for (int i = 0; i < 10; i++) {
                b1.send(FixOrders.limit("O" + i, "AAA", '1', "1", "100"));
            }
            int accepted = 0;
            int throttled = 0;
            for (int i = 0; i < 10; i++) {
                final Message report = b1.next("8", WAIT);
                if (report.getChar(150) == '0') {
                    accepted++;
                } else {
                    assertRejected(report, 99, "exceeds the session limit of 5/s");
                    throttled++;
                }
            }
            // at most 5 in any second: the burst cannot have spanned more than two windows
            assertThat(accepted).isBetween(5, 10 - throttled);
            assertThat(throttled).isPositive();
            assertThat(venue.risk().throttleRejects(1)).isEqualTo(throttled);
            // a status request over the limit is refused as a request, not answered as if the order were unknown
            b1.send(FixOrders.status("O0", "AAA", '1'));
            final Message refused = b1.next("j", WAIT);
            assertThat(refused.getInt(380)).isZero();
            assertThat(refused.getString(372)).isEqualTo("H");
            assertThat(refused.getString(58)).contains("exceeds the session limit of 5/s");
            // so is a mass cancel, with a MassCancelRejectReason the client's FIX 4.4 dictionary takes
            b1.send(FixOrders.massCancel("M1", '7', null));
            final Message massCancel = b1.next("r", WAIT);
            assertThat(massCancel.getChar(531)).isEqualTo('0');
            assertThat(massCancel.getString(58)).contains("exceeds the session limit of 5/s");
            assertThat(b1.rejectsSent()).as("what the client's FIX 4.4 dictionary refused").isEmpty();
            // another session has its own window
            assertThat(answer(b2, FixOrders.limit("X", "AAA", '1', "1", "100")).getChar(150)).isEqualTo('0');
            Thread.sleep(1_100);
            assertThat(b1.isLoggedOn()).isTrue();
            assertThat(answer(b1, FixOrders.limit("LATER", "AAA", '1', "1", "100")).getChar(150)).isEqualTo('0');
        }
    }

    @Test
    void shouldMeasureTheThrottlesSecondUnmovedByAWallClockSetBack() throws Exception {
        // The throttle counts a session's messages in the last second that passed. A wall clock set back (an
        // NTP step, an operator correcting the time) must not refuse every message of a busy session, as over
        // its rate, until the clock is back where it was.
        final EpochNanoClock system = new SystemEpochNanoClock();
        final AtomicLong setBackNs = new AtomicLong();
        try (TestVenue venue = new TestVenue(dir, risk("exchange.risk.throttle.messagesPerSecond", "5"),
                () -> system.nanoTime() - setBackNs.get());
             FixTestClient b1 = logon(venue, "BROKER1")) {
            for (int i = 0; i < 5; i++) {
                assertThat(answer(b1, FixOrders.limit("O" + i, "AAA", '1', "1", "100")).getChar(150)).isEqualTo('0');
            }
            setBackNs.set(Duration.ofMinutes(1).toNanos());
            Thread.sleep(1_100); // a second passes
            final Message later = answer(b1, FixOrders.limit("LATER", "AAA", '1', "1", "100"));
            assertThat(later.getChar(150)).as("a second after the last 5 orders: %s", later).isEqualTo('0');
            assertThat(venue.risk().throttleRejects(1)).isZero();
        }
    }

    @Test
    void shouldThrottleOrdersTheAcceptorRefusesForThemselvesToo() throws Exception {
        // A runaway client that sends the same ClOrdID again and again, or a symbol that is not listed, sends
        // messages all the same: each would be journaled, answered and drop-copied. The throttle counts them
        // and refuses those over the rate, as it does any other order.
        try (TestVenue venue = new TestVenue(dir, risk("exchange.risk.throttle.messagesPerSecond", "5"));
             FixTestClient b1 = logon(venue, "BROKER1")) {
            for (int i = 0; i < 10; i++) {
                b1.send(FixOrders.limit("SAME", "AAA", '1', "1", "100"));
            }
            int throttled = 0;
            for (int i = 0; i < 10; i++) {
                final Message report = b1.next("8", WAIT);
                assertThat(report.getChar(150)).as("report %d: %s", i, report).isIn('0', '8');
                if (report.getChar(150) == '8' && report.getInt(103) == 99) {
                    assertRejected(report, 99, "exceeds the session limit of 5/s");
                    throttled++;
                }
            }
            assertThat(throttled).as("duplicate ClOrdIDs over the rate refused by the throttle").isPositive();
            assertThat(venue.risk().throttleRejects(1)).isEqualTo(throttled);
            // an unlisted symbol is answered as such, over the rate or not: its report echoes the broker's Symbol
            final Message unlisted = answer(b1, FixOrders.limit("Z", "ZZZ", '1', "1", "100"));
            assertRejected(unlisted, 1, "Unknown symbol ZZZ");
            assertThat(unlisted.getString(55)).isEqualTo("ZZZ");
        }
    }

    @Test
    void shouldThrottleReplacesTheAcceptorRefusesForThemselvesAsItDoesCancels() throws Exception {
        // A cancel of an unknown order counts against the rate and is refused over it; a replace is a message
        // of the session just the same, whatever is wrong with it.
        try (TestVenue venue = new TestVenue(dir, risk("exchange.risk.throttle.messagesPerSecond", "5"));
             FixTestClient b1 = logon(venue, "BROKER1")) {
            for (int i = 0; i < 10; i++) {
                b1.send(FixOrders.replace("R" + i, "NONE", "AAA", '1', "10", "100"));
            }
            int throttled = 0;
            for (int i = 0; i < 10; i++) {
                final Message refused = b1.next("9", WAIT);
                assertThat(refused.getInt(102)).as("CxlRejReason of %s", refused).isIn(1, 99);
                if (refused.getInt(102) == 99) {
                    assertThat(refused.getString(58)).contains("exceeds the session limit of 5/s");
                    throttled++;
                } else {
                    assertThat(refused.getString(58)).isEqualTo("Unknown order NONE");
                }
            }
            assertThat(throttled).as("replaces over the rate refused by the throttle").isPositive();
            assertThat(venue.risk().throttleRejects(1)).isEqualTo(throttled);
        }
    }

    @Test
    void shouldBlockNewOrdersButNotCancelsWhileAKillSwitchIsOn() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = logon(venue, "BROKER1");
             FixTestClient b2 = logon(venue, "BROKER2")) {
            assertThat(answer(b1, FixOrders.limit("A", "AAA", '1', "10", "100")).getChar(150)).isEqualTo('0');
            venue.risk().killSwitch(1, 0, true);
            assertRejected(answer(b1, FixOrders.limit("B", "AAA", '1', "10", "100")), 0,
                "Kill switch is on for firm BROKER1");
            b1.send(FixOrders.replace("R", "A", "AAA", '1', "20", "100"));
            assertThat(b1.next("9", WAIT).getString(58)).contains("Kill switch");
            // another firm trades on
            assertThat(answer(b2, FixOrders.limit("X", "AAA", '1', "10", "100")).getChar(150)).isEqualTo('0');
            assertThat(answer(b1, FixOrders.cancel("C", "A", "AAA", '1', "10")).getChar(150)).isEqualTo('4');
            venue.risk().killSwitch(1, 0, false);
            assertThat(answer(b1, FixOrders.limit("D", "AAA", '1', "10", "100")).getChar(150)).isEqualTo('0');
        }
    }

    @Test
    void shouldRefuseAnAccountTheFirmDoesNotHave() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = logon(venue, "BROKER1");
             FixTestClient b2 = logon(venue, "BROKER2")) {
            assertRejected(answer(b1, withAccount(FixOrders.limit("A", "AAA", '1', "10", "100"), "ACC3")), 15,
                "Account ACC3 is not an account of BROKER1");
            // BROKER2 sends unlisted accounts to its default account
            assertThat(answer(b2, withAccount(FixOrders.limit("B", "AAA", '1', "10", "100"), "ANY")).getChar(150))
                .isEqualTo('0');
            await(() -> venue.risk().exposure(2, 0), 1_000 * UNITS);
        }
    }
}
