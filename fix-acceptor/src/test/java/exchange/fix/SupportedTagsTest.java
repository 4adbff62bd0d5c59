package exchange.fix;

import exchange.fix.testing.TestVenue;
import exchange.matching.RejectReason;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SupportedTags} says what {@link OrderEntry} reads: every message type handled, with every
 * optional field present and each kind of order, through a real OrderEntry whose messages note each
 * body tag asked for. A tag read but not listed, or listed but never read, fails.
 */
class SupportedTagsTest {
    private static final FixSession BROKER = new FixSession(new SessionID("FIX.4.4", "EXCH", "BROKER1"), 1, "BROKER1",
        1, SessionRole.ORDER_ENTRY, "", "", false, 0, FixSession.DEFAULT_RESEND_REQUESTS_PER_MINUTE, Set.of());

    private final List<Message> answers = new ArrayList<>();
    private final OrderRegistry registry = new OrderRegistry();
    private final OrderEntry entry = new OrderEntry(writer -> 1_000 + answers.size(), new Instruments(TestVenue.INSTRUMENTS),
        new Firms(), registry, new PassingChecks(), (session, message) -> answers.add(message));

    @Test
    void shouldReadFromEachMessageExactlyTheTagsItLists() throws Exception {
        final Map<String, Set<Integer>> read = Map.of(
            "D", readNewOrders(),
            "F", read(m -> entry.cancel(BROKER, m, 0), cancel(), withOrderId(cancel())),
            "G", read(m -> entry.replace(BROKER, m, 0), replace(), withOrderId(replace()),
                withExpiry(replace(), 126, "20991231-23:59:59"), withExpiry(replace(), 432, "20991231")),
            "H", read(m -> entry.status(BROKER, m, 0), status("O1"), status("UNKNOWN"), withOrderId(status("O1")),
                withStatusReqId(status("O1"))),
            "q", read(m -> entry.massCancel(BROKER, m, 0), massCancel('7'), massCancel('1'), massCancel('4')));

        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(SupportedTags.messageTypes());
        read.forEach((type, tags) -> assertThat(tags).as("tags read from %s", type)
            .containsExactlyElementsOf(SupportedTags.read(type)));
    }

    private Set<Integer> readNewOrders() throws FieldNotFound {
        final RecordingMessage limit = order("O1", '2');
        limit.setString(44, "100");
        limit.setString(1, "ACC1");
        limit.setString(18, "6");
        limit.setString(110, "10");
        limit.setString(111, "10");
        limit.setChar(8000, 'D');
        final RecordingMessage gtd = order("O2", '2');
        gtd.setString(44, "100");
        gtd.setChar(59, '6');
        gtd.setString(126, "20991231-23:59:59");
        final RecordingMessage gtdByDate = order("O3", '2');
        gtdByDate.setString(44, "100");
        gtdByDate.setChar(59, '6');
        gtdByDate.setString(432, "20991231");
        final RecordingMessage stopLimit = order("O4", '4');
        stopLimit.setString(44, "100");
        stopLimit.setString(99, "101");
        final RecordingMessage market = order("O5", '1');
        return read(m -> entry.newOrder(BROKER, m, 0), limit, gtd, gtdByDate, stopLimit, market);
    }

    private static RecordingMessage order(final String clOrdId, final char ordType) {
        final RecordingMessage m = message("D");
        m.setString(11, clOrdId);
        m.setString(55, "AAA");
        m.setChar(54, '1');
        m.setString(38, "10");
        m.setChar(40, ordType);
        m.setChar(59, '0');
        m.setString(60, "20240102-03:04:05.678");
        m.setChar(21, '1');
        return m;
    }

    private static RecordingMessage cancel() {
        final RecordingMessage m = message("F");
        m.setString(11, "C1");
        m.setString(41, "O1");
        m.setString(55, "AAA");
        m.setChar(54, '1');
        m.setString(38, "10");
        m.setString(60, "20240102-03:04:05.678");
        return m;
    }

    private static RecordingMessage replace() {
        final RecordingMessage m = message("G");
        m.setString(11, "R1");
        m.setString(41, "O1");
        m.setString(1, "ACC1");
        m.setString(55, "AAA");
        m.setChar(54, '1');
        m.setString(38, "20");
        m.setChar(40, '4');
        m.setString(44, "100");
        m.setString(99, "101");
        m.setString(111, "10");
        m.setChar(59, '0');
        m.setString(60, "20240102-03:04:05.678");
        return m;
    }

    private static RecordingMessage status(final String clOrdId) {
        final RecordingMessage m = message("H");
        m.setString(11, clOrdId);
        m.setString(55, "AAA");
        m.setChar(54, '1');
        return m;
    }

    private static RecordingMessage withStatusReqId(final RecordingMessage m) {
        m.setString(790, "REQ1");
        return m;
    }

    private static RecordingMessage massCancel(final char type) {
        final RecordingMessage m = message("q");
        m.setString(11, "M" + type);
        m.setChar(530, type);
        m.setString(55, "AAA");
        m.setChar(54, '1');
        m.setString(60, "20240102-03:04:05.678");
        return m;
    }

    /**
     * A replace of a GTD iceberg (its state as the event log would have left it) with an ExpireTime or
     * ExpireDate: an iceberg, so that its MaxFloor is taken and the checks go on to the expiry.
     */
    private RecordingMessage withExpiry(final RecordingMessage m, final int tag, final String value) {
        registry.orderState(registry.orderId(BROKER.number(), "O1"), 1, BROKER.firmId(), 1, 100_0000, 10, 0,
            4_102_444_799_000_000_000L, 5);
        m.setString(11, "R" + tag);
        m.setChar(40, '2');
        m.removeField(99);
        m.setChar(59, '6');
        m.setString(tag, value);
        return m;
    }

    private static RecordingMessage withOrderId(final RecordingMessage m) {
        m.setString(37, "1000");
        return m;
    }

    private static RecordingMessage message(final String type) {
        final RecordingMessage m = new RecordingMessage();
        m.getHeader().setString(35, type);
        m.getHeader().setInt(34, 2);
        return m;
    }

    @FunctionalInterface
    private interface Handler {
        void handle(Message m) throws FieldNotFound;
    }

    private Set<Integer> read(final Handler handler, final RecordingMessage... messages) throws FieldNotFound {
        final Set<Integer> tags = new TreeSet<>();
        for (final RecordingMessage m : messages) {
            // an order O1 for the requests to find, entered afresh each time
            entry.newOrder(BROKER, order("O1-" + answers.size(), '2'), 0);
            m.read.clear();
            handler.handle(m);
            tags.addAll(m.read);
        }
        return tags;
    }

    /** A message that notes every body tag asked for, present or not. */
    private static final class RecordingMessage extends Message {
        final Set<Integer> read = new TreeSet<>();

        @Override
        public boolean isSetField(final int field) {
            read.add(field);
            return super.isSetField(field);
        }

        @Override
        public String getString(final int field) throws FieldNotFound {
            read.add(field);
            return super.getString(field);
        }

        @Override
        public char getChar(final int field) throws FieldNotFound {
            read.add(field);
            return super.getChar(field);
        }

        @Override
        public int getInt(final int field) throws FieldNotFound {
            read.add(field);
            return super.getInt(field);
        }

        @Override
        public BigDecimal getDecimal(final int field) throws FieldNotFound {
            read.add(field);
            return super.getDecimal(field);
        }

        @Override
        public double getDouble(final int field) throws FieldNotFound {
            read.add(field);
            return super.getDouble(field);
        }

        @Override
        public boolean getBoolean(final int field) throws FieldNotFound {
            read.add(field);
            return super.getBoolean(field);
        }
    }

    private static final class Firms implements FirmDirectory {
        @Override
        public int firmId(final String name) {
            return 1;
        }

        @Override
        public int accountId(final int firmId, final String account) {
            return account.isEmpty() ? 0 : 1;
        }
    }

    private static final class PassingChecks implements PreTradeChecks {
        @Override
        public Result newOrder(final FixSession session, final NewOrderCommand order, final long nowNs) {
            return Result.PASSED;
        }

        @Override
        public Result replace(final FixSession session, final ReplaceCommand replace, final int accountId,
                              final long currentPrice, final long currentQty) {
            return Result.PASSED;
        }

        @Override
        public Result cancel(final FixSession session, final long nowNs) {
            return Result.PASSED;
        }

        @Override
        public Result other(final FixSession session, final long nowNs) {
            return new Result(RejectReason.NONE, "");
        }

        @Override
        public void notJournaled(final DirectBuffer buffer, final int contextStart, final int contextLength) {
        }
    }
}
