package exchange.benchmarks.fix;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MsgType;
import quickfix.field.converter.UtcTimestampConverter;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One broker session of the load: the orders it sends and what it makes of the ExecutionReports that
 * come back.
 *
 * <p>The workload: order {@code i} of a session (ClOrdID {@code i}) is a Day limit order on the session's
 * symbol at its reference price, a buy when {@code i} is even and a sell when it is odd, all of the same
 * quantity. All orders on a symbol share one price, so an order either rests or trades in full against
 * the oldest resting order of the other side: every order is owed exactly one acknowledgement (ExecType 0)
 * and one fill (ExecType F), and the book never holds more orders than are in flight.
 *
 * <p>Threads: orders are sent by the load's thread, and during a burst also by the session's QuickFIX/J
 * thread, which receives the reports.
 */
final class LoadSession {
    static final String ORDER_QTY = "10";

    final SessionID id;
    private final String symbol;
    private final String price;
    /** The next order index to send: shared by the load's thread and, in a burst, the receiving thread. */
    private final AtomicLong next = new AtomicLong();
    private volatile Session session;
    private volatile Round round;

    LoadSession(final SessionID id, final String symbol, final String price) {
        this.id = id;
        this.symbol = symbol;
        this.price = price;
    }

    void connected(final Session session) {
        this.session = session;
    }

    boolean isLoggedOn() {
        final Session s = session;
        return s != null && s.isLoggedOn();
    }

    /** @return the index the next round starts at */
    long nextIndex() {
        return next.get();
    }

    /** Starts a round: from here on the reports count for it. Load's thread, between rounds. */
    void start(final Round r) {
        next.set(r.first);
        round = r;
    }

    Round round() {
        return round;
    }

    /** Sends the next order of the round, unless all are sent. Any thread. */
    void sendNext() {
        final Round r = round;
        final long index = next.getAndIncrement();
        if (index < r.end) {
            send(r, index);
        }
    }

    /** Sends order {@code index}. */
    void send(final Round r, final long index) {
        final Message order = new Message();
        order.getHeader().setString(MsgType.FIELD, MsgType.ORDER_SINGLE);
        order.setString(11, Long.toString(index)); // ClOrdID
        order.setString(55, symbol);
        order.setChar(54, (index & 1) == 0 ? '1' : '2');
        order.setString(60, UtcTimestampConverter.convert(LocalDateTime.now(ZoneOffset.UTC),
            quickfix.UtcTimestampPrecision.MILLIS));
        order.setString(38, ORDER_QTY);
        order.setChar(40, '2'); // limit
        order.setString(44, price);
        order.setChar(59, '0'); // Day
        if (!session.send(order)) {
            r.fail(id + ": order " + index + " could not be sent (session logged out?)");
        }
    }

    /** An application message from the acceptor. Receiving thread. */
    void received(final Message message, final long nowNs) {
        final Round r = round;
        try {
            final String type = message.getHeader().getString(MsgType.FIELD);
            if (!MsgType.EXECUTION_REPORT.equals(type)) {
                r.fail(id + ": unexpected message " + message.toString().replace('\u0001', '|'));
                return;
            }
            final long index = Long.parseLong(message.getString(11));
            if (index < r.first || index >= r.end) {
                r.fail(id + ": report for order " + index + ", not of this round: "
                    + message.toString().replace('\u0001', '|'));
                return;
            }
            switch (message.getChar(150)) {
                case '0' -> {
                    r.acks++;
                    if (r.latency != null) {
                        r.latency.recordValue(Math.min(Round.LONGEST_NS, Math.max(0, nowNs - r.dueNs(index))));
                    }
                    if (r.sendOnAck) {
                        sendNext();
                    }
                }
                case 'F' -> r.fills++;
                case '8' -> {
                    r.fail(id + ": order " + index + " rejected: " + (message.isSetField(58) ? message.getString(58) : "?"));
                    return;
                }
                default -> r.otherReports++;
            }
        } catch (final FieldNotFound | NumberFormatException e) {
            r.fail(id + ": unreadable report " + message.toString().replace('\u0001', '|'));
            return;
        }
        final long n = r.reports + 1;
        r.reports = n;
        if (n == r.expectedReports()) {
            r.complete(nowNs);
        }
    }
}
