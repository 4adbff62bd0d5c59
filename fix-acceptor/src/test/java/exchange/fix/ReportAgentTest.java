package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import exchange.sequencer.PositionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A report agent's durable place in the event log, with the real log of a venue. */
@Timeout(90)
class ReportAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How far back the senders look in a session's QuickFIX/J store for what they sent before a crash. */
    private static final int DEDUPE_WINDOW = 2_000;

    @TempDir
    Path dir;

    /**
     * After a kill -9 an agent reads again the events after its saved place, and its sender skips the
     * messages that its sessions' stores show were sent: those must all be within the last
     * {@value #DEDUPE_WINDOW} messages of a store, or they go out twice. So the place is saved often enough,
     * whatever a batch holds: here one document of 2,100 cancels (a mass cancel), read in one batch.
     */
    @Test
    void shouldSaveItsPlaceBeforeHandingOutMoreMessagesThanTheSendersLookBackOver() throws Exception {
        final int orders = 2_100;
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            for (int i = 0; i < orders; i++) {
                b1.send(FixOrders.limit("K" + i, "AAA", '1', "1", "90"));
            }
            b1.send(FixOrders.massCancel("MC", '7', null));
            for (int i = 0; i < 2 * orders; i++) {
                b1.next("8", WAIT);
            }
            b1.next("r", WAIT);

            final Path positions = dir.resolve("agent");
            try (PositionStore saved = new PositionStore(positions, "agent", false)) {
                final int[] sinceSave = new int[2]; // [0] messages since the place last changed, [1] the most
                final PositionStore.Position[] last = {PositionStore.Position.NONE};
                final ReportAgent agent = new ReportAgent(venue.sequencer().eventLog(),
                    new PositionStore(positions, "agent", false), new PositionStore(positions, "agent-day", false),
                    new Instruments(TestVenue.INSTRUMENTS), null, session -> FixVersion.FIX44) {
                    @Override
                    protected void loadSent() {
                    }

                    @Override
                    public void report(final int session, final Message message, final String dedupeKey) {
                        final PositionStore.Position place = saved.load();
                        if (!place.equals(last[0])) {
                            last[0] = place;
                            sinceSave[0] = 0;
                        }
                        sinceSave[1] = Math.max(sinceSave[1], ++sinceSave[0]);
                    }

                    @Override
                    public String roleName() {
                        return "agent";
                    }
                };
                agent.onStart(); // reads the whole log, as a sender catching up after a restart does
                agent.onClose();
                assertThat(sinceSave[1]).as("messages handed out with the place unsaved").isPositive()
                    .isLessThan(DEDUPE_WINDOW);
            }
        }
    }

    /**
     * An ended order's info is made over for a new order once a later ended order takes its slot: nothing of
     * the old order (an iceberg's MaxFloor, a cancel's OrigClOrdID, its quantities) may show in the new
     * order's reports. A stream keeping 4 ended orders, so that every slot is taken over many times.
     */
    @Test
    void shouldReportEachOrderAsItsOwnWhenItsStateIsKeptInAnEndedOrdersPlace() throws Exception {
        final int orders = 12;
        final List<Message> sent = new ArrayList<>();
        try (TestVenue venue = new TestVenue(dir);
             FixTestClient b1 = venue.connect("FIX.4.4", "BROKER1")) {
            assertThat(b1.awaitLogon(WAIT)).isTrue();
            for (int i = 0; i < orders; i++) {
                final Message order = FixOrders.limit("N" + i, "AAA", '1', Integer.toString(100 + i), "90");
                if (i % 3 == 0) {
                    order.setInt(111, 10); // an iceberg: MaxFloor
                }
                b1.send(order);
                assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('0');
                b1.send(FixOrders.cancel("C" + i, "N" + i, "AAA", '1', Integer.toString(100 + i)));
                assertThat(b1.next("8", WAIT).getChar(150)).isEqualTo('4');
            }
            final Path positions = dir.resolve("agent");
            final ReportAgent agent = new ReportAgent(venue.sequencer().eventLog(),
                new PositionStore(positions, "agent", false), new PositionStore(positions, "agent-day", false),
                new Instruments(TestVenue.INSTRUMENTS), null, session -> FixVersion.FIX44, 4) {
                @Override
                protected void loadSent() {
                }

                @Override
                public void report(final int session, final Message message, final String dedupeKey) {
                    sent.add(message);
                }

                @Override
                public String roleName() {
                    return "agent";
                }
            };
            agent.onStart();
            agent.onClose();
        }
        assertThat(sent).hasSize(2 * orders);
        for (int i = 0; i < orders; i++) {
            final Message ack = sent.get(2 * i);
            final Message cancelled = sent.get(2 * i + 1);
            assertThat(ack.getString(11)).isEqualTo("N" + i);
            assertThat(ack.isSetField(41)).as("OrigClOrdID on the ack of N%d", i).isFalse();
            assertThat(ack.getString(38)).isEqualTo(Integer.toString(100 + i));
            assertThat(ack.getString(151)).isEqualTo(Integer.toString(100 + i));
            assertThat(ack.isSetField(111)).as("MaxFloor on the ack of N%d", i).isEqualTo(i % 3 == 0);
            assertThat(cancelled.getString(11)).isEqualTo("C" + i);
            assertThat(cancelled.getString(41)).isEqualTo("N" + i);
            assertThat(cancelled.getString(38)).isEqualTo(Integer.toString(100 + i));
            assertThat(cancelled.getString(151)).isEqualTo("0");
            assertThat(cancelled.isSetField(111)).as("MaxFloor on the cancel of N%d", i).isEqualTo(i % 3 == 0);
        }
    }
}
