package exchange.benchmarks.fix;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MsgType;
import quickfix.field.converter.UtcTimestampConverter;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One broker session of the load: the orders it sends and what it makes of the ExecutionReports that
 * come back.
 *
 * <p>Order {@code i} of a session has ClOrdID {@code i} and is a Day limit order of {@value #ORDER_QTY} on
 * the session's symbol, a buy when {@code i} is even and a sell when it is odd, priced as the
 * {@link OrderFlow} says; its cancel, if any, has ClOrdID {@code C<i>}.
 *
 * <p>Threads: orders are sent by the load's thread, and by the session's QuickFIX/J thread, which
 * receives the reports (and sends the cancels, and in a burst the next orders).
 */
final class LoadSession {
    static final String ORDER_QTY = "10";
    /** New-cancel orders are priced this many ticks away from the reference price, so that none trades. */
    static final int TICKS_AWAY = 10;
    private static final char CANCEL_PREFIX = 'C';

    final SessionID id;
    private final OrderFlow flow;
    private final String symbol;
    private final String buyPrice;
    private final String sellPrice;
    /** The next order index to send: shared by the load's thread and, in a burst, the receiving thread. */
    private final AtomicLong next = new AtomicLong();
    private volatile Session session;
    private volatile Round round;

    /**
     * @param referencePrice the symbol's reference price, in 1/10,000
     * @param tick           its tick size, in 1/10,000
     */
    LoadSession(final SessionID id, final OrderFlow flow, final String symbol, final long referencePrice,
                final long tick) {
        this.id = id;
        this.flow = flow;
        this.symbol = symbol;
        final long away = flow == OrderFlow.NEW_CANCEL ? TICKS_AWAY * tick : 0;
        this.buyPrice = price(referencePrice - away);
        this.sellPrice = price(referencePrice + away);
    }

    private static String price(final long units) {
        return BigDecimal.valueOf(units, 4).stripTrailingZeros().toPlainString();
    }

    void connected(final Session session) {
        this.session = session;
    }

    boolean isLoggedOn() {
        final Session s = session;
        return s != null && s.isLoggedOn();
    }

    /** @return the index the next round starts at: after every order of the rounds before (ClOrdIDs are used once a day) */
    long nextIndex() {
        final Round r = round;
        return Math.max(next.get(), r == null ? 0 : r.end);
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
        final boolean buy = (index & 1) == 0;
        final Message order = message(MsgType.ORDER_SINGLE, Long.toString(index), buy);
        order.setChar(40, '2'); // limit
        order.setString(44, buy ? buyPrice : sellPrice);
        order.setChar(59, '0'); // Day
        send(r, order);
    }

    private void cancel(final Round r, final long index) {
        final Message cancel = message(MsgType.ORDER_CANCEL_REQUEST, CANCEL_PREFIX + Long.toString(index), (index & 1) == 0);
        cancel.setString(41, Long.toString(index)); // OrigClOrdID
        send(r, cancel);
    }

    private Message message(final String type, final String clOrdId, final boolean buy) {
        final Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, type);
        m.setString(11, clOrdId);
        m.setString(55, symbol);
        m.setChar(54, buy ? '1' : '2');
        m.setString(60, UtcTimestampConverter.convert(LocalDateTime.now(ZoneOffset.UTC),
            quickfix.UtcTimestampPrecision.MILLIS));
        m.setString(38, ORDER_QTY);
        return m;
    }

    private void send(final Round r, final Message m) {
        if (!session.send(m)) {
            r.fail(id + ": could not send " + m.toString().replace('\u0001', '|') + " (logged out?)");
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
            final String clOrdId = message.getString(11);
            final long index = Long.parseLong(clOrdId.charAt(0) == CANCEL_PREFIX ? clOrdId.substring(1) : clOrdId);
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
                    if (flow == OrderFlow.NEW_CANCEL) {
                        cancel(r, index);
                    }
                    if (r.sendOnAck) {
                        sendNext();
                    }
                }
                case 'F' -> r.fills++;
                case '4' -> r.cancels++;
                case '8' -> {
                    r.fail(id + ": order " + index + " rejected: " + (message.isSetField(58) ? message.getString(58) : "?"));
                    return;
                }
                default -> r.otherReports++;
            }
        } catch (final FieldNotFound | RuntimeException e) {
            r.fail(id + ": unreadable report " + message.toString().replace('\u0001', '|') + ": " + e);
            return;
        }
        final long n = r.reports + 1;
        r.reports = n;
        if (n == r.expectedReports()) {
            r.complete(nowNs);
        }
    }
}
