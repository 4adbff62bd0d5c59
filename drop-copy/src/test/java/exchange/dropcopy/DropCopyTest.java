package exchange.dropcopy;


import exchange.fix.Instruments;
import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import exchange.matching.command.EndOfDayCommand;
import exchange.sequencer.PositionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Group;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

@Timeout(90)
class DropCopyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The ClOrdID of each broker's last order in the load test. */
    private static final String LAST = "LAST";
    private static final DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    @TempDir
    Path dir;

    private static DropCopy dropCopy(final TestVenue venue) {
        return dropCopy(venue, ZoneOffset.UTC);
    }

    private static DropCopy dropCopy(final TestVenue venue, final ZoneId zone) {
        return DropCopy.start(venue.sequencer().eventLog(), venue.gateway().sessions(),
            new Instruments(TestVenue.INSTRUMENTS), venue.settings(), venue.dataDir(), zone);
    }

    private static String party(final Message m, final int role) throws Exception {
        for (final Group g : m.getGroups(453)) {
            if (g.getInt(452) == role) {
                return g.getString(448);
            }
        }
        return null;
    }

    private static List<Message> take(final FixTestClient client, final int n) throws Exception {
        final List<Message> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(client.next(WAIT));
        }
        return messages;
    }

    @Test
    void shouldCopyEveryExecutionOfBothBrokersInOrderWithWhoseOrderItWas() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2");
             FixTestClient all = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(b1.awaitLogon(WAIT) && b2.awaitLogon(WAIT) && all.awaitLogon(WAIT)).isTrue();
            final Message order = FixOrders.limit("B1", "AAA", '1', "10", "100");
            order.setString(1, "ACC1");
            b1.send(order);
            final Message b1Ack = b1.next("8", WAIT);
            b2.send(FixOrders.limit("S1", "AAA", '2', "4", "100"));
            b2.next("8", WAIT);
            final Message b2Fill = b2.next("8", WAIT);
            b1.send(FixOrders.cancel("C1", "B1", "AAA", '1', "10"));
            b1.next("8", WAIT);
            final Message b1Cancel = b1.next("8", WAIT);

            final List<Message> copies = take(all, 5);
            assertThat(copies).allSatisfy(m -> assertThat(m.getBoolean(797)).isTrue());
            assertThat(copies.get(0).getString(17)).isEqualTo(b1Ack.getString(17));
            assertThat(copies.get(0).getString(11)).isEqualTo("B1");
            assertThat(copies.get(0).getString(1)).isEqualTo("ACC1");
            assertThat(party(copies.get(0), 1)).isEqualTo("BROKER1");
            assertThat(party(copies.get(0), 3)).isEqualTo("BROKER1");
            assertThat(copies.get(1).getChar(150)).isEqualTo('0'); // S1 new
            assertThat(party(copies.get(1), 1)).isEqualTo("BROKER2");
            assertThat(copies.get(2).getChar(150)).isEqualTo('F'); // the trade, aggressor side first
            assertThat(copies.get(2).getString(17)).isEqualTo(b2Fill.getString(17));
            assertThat(copies.get(3).getChar(150)).isEqualTo('F');
            assertThat(copies.get(4).getString(17)).isEqualTo(b1Cancel.getString(17));
            assertThat(copies.get(4).getString(41)).isEqualTo("B1");
            // an answer to a status request is no execution: not copied
            b1.send(FixOrders.status("B1", "AAA", '1'));
            assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('I');
            assertThat(all.nothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /**
     * A feed that cannot start (here its saved place is past the end of the event log, as a data folder
     * put together from two backups would have it) stops the start with a sentence, leaving no thread
     * behind, instead of an exchange that says it is ready with a dead compliance feed.
     */
    @Test
    void shouldRefuseToStartWhenAFeedCannotStart() throws Exception {
        try (TestVenue venue = new TestVenue(dir)) {
            new PositionStore(venue.dataDir().resolve("positions"), "drop-copy-6", false).save(1L << 40, 1_000_000, 0);
            assertThatThrownBy(() -> dropCopy(venue))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("drop-copy-6")
                .hasMessageContaining("its saved place is not in the event log");
            final long deadline = System.nanoTime() + WAIT.toNanos();
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().contains("drop-copy"))) {
                assertThat(System.nanoTime()).as("the drop copy's thread ended").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    @Test
    void shouldCopyAnIcebergsPeakAsMaxFloor() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient all = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(b1.awaitLogon(WAIT) && all.awaitLogon(WAIT)).isTrue();
            final Message iceberg = FixOrders.limit("I1", "AAA", '1', "100", "100");
            iceberg.setString(111, "10");
            b1.send(iceberg);
            b1.next("8", WAIT);
            final Message newPeak = FixOrders.replace("I2", "I1", "AAA", '1', "100", "100");
            newPeak.setString(111, "20");
            b1.send(newPeak);
            assertThat(b1.next("8", WAIT).getString(111)).isEqualTo("20");

            final List<Message> copies = take(all, 2);
            assertThat(copies.get(0).getChar(150)).isEqualTo('0');
            assertThat(copies.get(0).getString(111)).isEqualTo("10");
            assertThat(copies.get(1).getChar(150)).isEqualTo('5');
            assertThat(copies.get(1).getString(111)).isEqualTo("20");
            assertThat(all.rejectsSent()).isEmpty();
        }
    }

    @Test
    void shouldCopyAStopTriggerAndASelfTradeRestatementOfAFix50Session() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient b4 = venue.connect("FIXT.1.1", "BROKER4");
             FixTestClient all = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(b1.awaitLogon(WAIT) && b4.awaitLogon(WAIT) && all.awaitLogon(WAIT)).isTrue();
            final Message stop = FixOrders.market("ST", "AAA", '2', "10");
            stop.setChar(40, '3');
            stop.setString(99, "99");
            b4.send(stop); // BROKER4 is FIX 5.0 SP2, firm BROKER2: its trigger is ExecType L
            b4.next("8", WAIT);
            b1.send(FixOrders.limit("BID", "AAA", '1', "5", "99"));
            b1.next("8", WAIT);
            b4.send(FixOrders.limit("HIT", "AAA", '2', "1", "99"));
            final List<Message> own = take(b4, 4); // HIT new, HIT fill, ST triggered, ST fill
            assertThat(own.get(2).getChar(150)).isEqualTo('L');

            final List<Message> copies = take(all, 8); // ST new, BID new, HIT new, 2 fills, trigger, 2 fills
            final Message trigger = copies.get(5);
            assertThat(trigger.getString(17)).isEqualTo(own.get(2).getString(17));
            // the copy is FIX 4.4, whatever the order's session: the trigger as a restatement
            assertThat(trigger.getChar(150)).isEqualTo('D');
            assertThat(trigger.getInt(378)).isEqualTo(99);
            assertThat(trigger.getString(58)).isEqualTo("Stop triggered at 99");
            assertThat(party(trigger, 3)).isEqualTo("BROKER4");

            // self-trade prevention: BROKER1 sells into its own bid with decrement
            b1.send(FixOrders.limit("BID2", "AAA", '1', "5", "98"));
            final Message sell = FixOrders.limit("S1", "AAA", '2', "2", "98");
            sell.setChar(8000, 'D');
            b1.send(sell);
            // the stop's cancel, BID2 new, S1 new, BID2 restated, S1 canceled
            final Message restated = take(all, 5).stream().filter(m -> {
                try {
                    return m.getChar(150) == 'D';
                } catch (final quickfix.FieldNotFound e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            assertThat(restated.getInt(378)).isEqualTo(5);
            assertThat(restated.getBoolean(797)).isTrue();
            assertThat(b1.rejectsSent()).isEmpty();
            assertThat(all.rejectsSent()).isEmpty();
        }
    }

    /** BROKER2 offers 4 AAA at 100 (S1) and BROKER1 buys them (B1). @return BROKER1's fill */
    private static Message b1Buys4FromB2(final FixTestClient b1, final FixTestClient b2) throws Exception {
        b2.send(FixOrders.limit("S1", "AAA", '2', "4", "100"));
        b2.next("8", WAIT);
        b1.send(FixOrders.limit("B1", "AAA", '1', "4", "100"));
        b1.next("8", WAIT);
        return b1.next("8", WAIT);
    }

    @Test
    void shouldCopyOnlyTheEntitledFirmAndAddTradeCaptureReports() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2");
             FixTestClient one = venue.connect("FIX.4.4", "DROPB1")) {
            assertThat(b1.awaitLogon(WAIT) && b2.awaitLogon(WAIT) && one.awaitLogon(WAIT)).isTrue();
            final Message fill = b1Buys4FromB2(b1, b2);
            final Message newCopy = one.next("8", WAIT);
            assertThat(newCopy.getString(11)).isEqualTo("B1");
            final Message fillCopy = one.next("8", WAIT);
            assertThat(fillCopy.getString(17)).isEqualTo(fill.getString(17));
            final Message tcr = one.next("AE", WAIT);
            assertThat(tcr.getString(17)).isEqualTo(fill.getString(17));
            assertThat(tcr.getString(32)).isEqualTo("4");
            assertThat(one.nothingWithin(Duration.ofMillis(300))).as("BROKER2's reports are not copied").isTrue();
        }
    }

    /**
     * A FIX 5.0 SP2 drop copy's TradeCaptureReport follows FIX 5.0 SP2's dictionary, which a strict engine
     * checks: in its side group (TrdCapRptSideGrp) the Parties and the Account come before the OrderID and
     * ClOrdID (TradeReportOrderDetail), not after them as in FIX 4.4.
     */
    @Test
    void shouldSendAFix50DropCopyATradeCaptureReportValidInFix50() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2");
             FixTestClient fix50 = venue.connect("FIXT.1.1", "DROP50")) {
            assertThat(b1.awaitLogon(WAIT) && b2.awaitLogon(WAIT) && fix50.awaitLogon(WAIT)).isTrue();
            final Message order = FixOrders.limit("B1", "AAA", '1', "4", "100");
            order.setString(1, "ACC1");
            b2.send(FixOrders.limit("S1", "AAA", '2', "4", "100"));
            b2.next("8", WAIT);
            b1.send(order);
            b1.next("8", WAIT);
            final Message fill = b1.next("8", WAIT);
            assertThat(fix50.next("8", WAIT).getString(11)).isEqualTo("B1");
            assertThat(fix50.next("8", WAIT).getString(17)).isEqualTo(fill.getString(17));
            final Message tcr = fix50.next("AE", WAIT);
            assertThat(tcr.getString(17)).isEqualTo(fill.getString(17));
            final Group side = tcr.getGroups(552).get(0);
            assertThat(side.getString(37)).isEqualTo(fill.getString(37));
            assertThat(side.getString(11)).isEqualTo("B1");
            assertThat(side.getString(1)).isEqualTo("ACC1");
            assertThat(side.getGroups(453).get(0).getString(448)).isEqualTo("BROKER1");
            assertThat(fix50.rejectsSent()).isEmpty();
        }
    }

    /**
     * TradeDate (75) is the date of the trade where it took place ("expressed in local time at place of
     * trade", FIX 4.4): the exchange's schedule zone, not UTC. The zone is picked so that its date differs
     * from UTC's now: UTC-12 before noon UTC, UTC+14 after.
     */
    @Test
    void shouldDateATradeCaptureReportInTheExchangesTimeZone() throws Exception {
        final ZoneId zone = ZoneOffset.ofHours(OffsetDateTime.now(ZoneOffset.UTC).getHour() < 12 ? -12 : 14);
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue, zone);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2");
             FixTestClient one = venue.connect("FIX.4.4", "DROPB1")) {
            assertThat(b1.awaitLogon(WAIT) && b2.awaitLogon(WAIT) && one.awaitLogon(WAIT)).isTrue();
            final Message fill = b1Buys4FromB2(b1, b2);
            one.next("8", WAIT); // the copy of B1's acknowledgement
            assertThat(one.next("8", WAIT).getString(17)).isEqualTo(fill.getString(17));
            final Message tcr = one.next("AE", WAIT);
            assertThat(tcr.getString(17)).isEqualTo(fill.getString(17));
            final LocalDateTime transactTime = LocalDateTime.parse(fill.getString(60).substring(0, 17), UTC_TIMESTAMP);
            final String localDate = transactTime.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate()
                .format(DateTimeFormatter.BASIC_ISO_DATE);
            // so it is, but within seconds of noon or midnight UTC, when the test proves nothing
            assumeThat(localDate).as("the zone's date is not UTC's").isNotEqualTo(fill.getString(60).substring(0, 8));
            assertThat(tcr.getString(75)).isEqualTo(localDate);
        }
    }

    @Test
    void shouldNotLetADropCopySessionTrade() throws Exception {
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient all = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(all.awaitLogon(WAIT)).isTrue();
            all.send(FixOrders.limit("X", "AAA", '1', "1", "100"));
            final Message reject = all.next("j", WAIT);
            assertThat(reject.getString(58)).contains("drop-copy");
            assertThat(reject.getString(372)).isEqualTo("D");
            assertThat(reject.getString(379)).isEqualTo("X");
            // FIX: 6 Not authorized (4, Application not available, would tell the client to try again later)
            assertThat(reject.getInt(380)).isEqualTo(6);

            final Message quoteRequest = new Message(); // a message the exchange takes from nobody
            quoteRequest.getHeader().setString(35, "R");
            quoteRequest.setString(131, "Q1");
            final Group related = new Group(146, 55);
            related.setString(55, "AAA");
            quoteRequest.addGroup(related);
            all.send(quoteRequest);
            final Message unsupported = all.next("j", WAIT);
            assertThat(unsupported.getString(372)).isEqualTo("R");
            assertThat(unsupported.getInt(380)).as("the answer an order-entry session gets").isEqualTo(3);
        }
    }

    @Test
    void shouldDeliverExactlyTheMissedCopiesAfterADisconnectAndAnExchangeRestart() throws Exception {
        final List<String> expected = new ArrayList<>();
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            final FixTestClient copies = venue.connect("FIX.4.4", "DROPALL");
            assertThat(b1.awaitLogon(WAIT) && copies.awaitLogon(WAIT)).isTrue();
            for (int i = 0; i < 5; i++) {
                b1.send(FixOrders.limit("A" + i, "AAA", '1', "1", "90"));
                expected.add(b1.next("8", WAIT).getString(17));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(copies.next("8", WAIT).getString(17)).isEqualTo(expected.get(i));
            }
            copies.close();
            for (int i = 5; i < 10; i++) {
                b1.send(FixOrders.limit("A" + i, "AAA", '1', "1", "90"));
                expected.add(b1.next("8", WAIT).getString(17));
            }
        }
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            for (int i = 10; i < 13; i++) {
                b1.send(FixOrders.limit("A" + i, "AAA", '1', "1", "90"));
                expected.add(b1.next("8", WAIT).getString(17));
            }
            final FixTestClient copies = venue.connect("FIX.4.4", "DROPALL");
            final List<String> received = new ArrayList<>();
            for (int i = 5; i < 13; i++) {
                received.add(copies.next("8", WAIT).getString(17));
            }
            assertThat(received).containsExactlyElementsOf(expected.subList(5, 13));
            assertThat(copies.nothingWithin(Duration.ofMillis(500))).as("no duplicate").isTrue();
            copies.close();
        }
    }

    /**
     * A kill -9 after the drop copy handed QuickFIX/J the copies of a large batch of events but before it
     * saved its place: on restart it reads those events again and must skip every copy its session's store
     * already has, however many the batch held. A mass cancel of 2,100 orders is one command, whose 2,100
     * cancels the drop copy reads in one batch. The crash is made by putting back the place files the drop
     * copy had saved before the mass cancel: what a kill -9 between QuickFIX/J's store and the save of the
     * place leaves on disk.
     */
    @Test
    void shouldNotCopyTwiceALargeBatchSentJustBeforeAKill9() throws Exception {
        final int orders = 2_100;
        final Path positions = dir.resolve("data").resolve("positions");
        final Path saved = dir.resolve("saved-positions");
        final List<String> names = List.of("drop-copy-6.pos", "drop-copy-6-day.pos");
        final java.util.Set<String> received = new java.util.HashSet<>();
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient copies = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(b1.awaitLogon(WAIT) && copies.awaitLogon(WAIT)).isTrue();
            for (int i = 0; i < orders; i++) {
                b1.send(FixOrders.limit("K" + i, "AAA", '1', "1", "90"));
            }
            for (int i = 0; i < orders; i++) {
                assertThat(copies.next("8", WAIT).getChar(150)).isEqualTo('0');
            }
            java.nio.file.Files.createDirectories(saved);
            for (final String name : names) {
                java.nio.file.Files.copy(positions.resolve(name), saved.resolve(name));
            }
            b1.send(FixOrders.massCancel("MC", '7', null));
            for (int i = 0; i < orders; i++) {
                final Message cancel = copies.next("8", WAIT);
                assertThat(cancel.getChar(150)).isEqualTo('4');
                received.add(cancel.getString(17));
            }
        }
        for (final String name : names) {
            java.nio.file.Files.copy(saved.resolve(name), positions.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient copies = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(copies.awaitLogon(WAIT)).isTrue();
            assertThat(copies.nothingWithin(Duration.ofSeconds(1))).as("a copy sent before the crash, again").isTrue();
        }
        assertThat(received).hasSize(orders);
    }

    @Test
    void shouldStartADropCopySessionAddedToARunningExchangeWithTheCurrentTradingDay() throws Exception {
        final List<String> today = new ArrayList<>();
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            for (int i = 0; i < 3; i++) {
                b1.send(FixOrders.limit("Y" + i, "AAA", '1', "1", "90"));
                assertThat(b1.next("8", WAIT).getString(11)).isEqualTo("Y" + i);
            }
            venue.sequencer().commands().append((buffer, offset) -> {
                final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(buffer, offset);
                c.init().tradingDate(20261126);
                return c.length();
            });
            for (int i = 0; i < 3; i++) {
                assertThat(b1.next("8", WAIT).getChar(150)).as("yesterday's Day orders expire").isEqualTo('C');
            }
            for (int i = 0; i < 2; i++) {
                b1.send(FixOrders.limit("T" + i, "AAA", '1', "1", "90"));
                today.add(b1.next("8", WAIT).getString(17));
            }
            // the drop copy starts only now, as when a compliance session is added to a running exchange
            try (DropCopy ignored = dropCopy(venue)) {
                final FixTestClient copies = venue.connect("FIX.4.4", "DROPALL");
                assertThat(copies.awaitLogon(WAIT)).isTrue();
                assertThat(List.of(copies.next("8", WAIT).getString(17), copies.next("8", WAIT).getString(17)))
                    .as("the copies of the current trading day, not of the day before")
                    .containsExactlyElementsOf(today);
                assertThat(copies.nothingWithin(Duration.ofMillis(500))).isTrue();
                copies.close();
            }
        }
    }

    /**
     * Every ExecutionReport of a burst from two brokers has exactly one copy. The copies are compared once
     * the exchange has processed every order (each broker's last order, which crosses nothing, is
     * answered) and both sides have stopped growing: a slow host cannot end the wait early, and nothing
     * received is dropped on the way.
     */
    @Test
    void shouldSendOneCopyForEveryExecutionReportUnderLoad() throws Exception {
        final int orders = 4_000;
        try (TestVenue venue = new TestVenue(dir);
             DropCopy ignored = dropCopy(venue);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1");
             FixTestClient b2 = venue.connect("FIX.4.4", "BROKER2");
             FixTestClient all = venue.connect("FIX.4.4", "DROPALL")) {
            assertThat(b1.awaitLogon(WAIT) && b2.awaitLogon(WAIT) && all.awaitLogon(WAIT)).isTrue();
            final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
            for (int i = 0; i < orders; i++) {
                final FixTestClient who = i % 2 == 0 ? b1 : b2;
                final char side = random.nextBoolean() ? '1' : '2';
                final String price = Integer.toString(98 + random.nextInt(5));
                who.send(FixOrders.limit("L" + i, "AAA", side, Integer.toString(1 + random.nextInt(20)), price));
                if (i % 7 == 3) {
                    who.send(FixOrders.cancel("C" + i, "L" + (i - 2), "AAA", side, "1"));
                }
            }
            // the last order of each: below every sell, so it rests, and its New says the engine has the rest
            b1.send(FixOrders.limit(LAST, "AAA", '1', "1", "90"));
            b2.send(FixOrders.limit(LAST, "AAA", '1', "1", "90"));
            final java.util.Set<String> brokers = new java.util.HashSet<>();
            final java.util.Set<String> copies = new java.util.HashSet<>();
            final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            boolean last1 = false;
            boolean last2 = false;
            int quietRounds = 0;
            while (System.nanoTime() < deadline && quietRounds < 5) {
                final int before = brokers.size() + copies.size();
                last1 |= drain(b1, brokers);
                last2 |= drain(b2, brokers);
                drain(all, copies);
                final boolean settled = last1 && last2 && brokers.size() + copies.size() == before
                    && brokers.equals(copies);
                quietRounds = settled ? quietRounds + 1 : 0;
                Thread.sleep(100);
            }
            assertThat(last1 && last2).as("both brokers' last orders answered").isTrue();
            assertThat(brokers.size()).as("reports to brokers").isGreaterThan(orders);
            final java.util.Set<String> missing = new java.util.TreeSet<>(brokers);
            missing.removeAll(copies);
            final java.util.Set<String> extra = new java.util.TreeSet<>(copies);
            extra.removeAll(brokers);
            assertThat(missing).as("ExecIDs reported to a broker and not copied").isEmpty();
            assertThat(extra).as("ExecIDs copied and not reported to a broker").isEmpty();
        }
    }

    /**
     * Takes every message waiting on the client, adding each ExecutionReport's ExecID.
     *
     * @return one of them was the New of the order {@link #LAST}
     */
    private static boolean drain(final FixTestClient client, final java.util.Set<String> execIds) throws Exception {
        boolean last = false;
        while (client.pending() > 0) {
            final Message m = client.next(WAIT);
            if ("8".equals(m.getHeader().getString(35))) {
                if (!execIds.add(m.getString(17))) {
                    throw new AssertionError("ExecID " + m.getString(17) + " received twice by " + client.sessionId());
                }
                last |= LAST.equals(m.getString(11)) && m.getChar(150) == '0';
            }
        }
        return last;
    }
}
