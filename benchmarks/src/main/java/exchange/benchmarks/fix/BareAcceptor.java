package exchange.benchmarks.fix;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;
import quickfix.field.converter.UtcTimestampConverter;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of {@code bin/bench fix}: QuickFIX/J alone, set up as the exchange sets up its
 * acceptor (a {@link ThreadedSocketAcceptor}, a thread per session, the same session settings, the same
 * {@link FileStoreFactory} and {@link SLF4JLogFactory}), answering each NewOrderSingle on the session's
 * own thread with exactly one ExecutionReport (ExecType 0 New), and each OrderCancelRequest with one
 * (ExecType 4 Canceled), and doing nothing else: no order book, no journal, no risk. What it costs is
 * the FIX engine's share of the exchange's cost.
 */
final class BareAcceptor implements Application, AutoCloseable {
    private final ThreadedSocketAcceptor acceptor;
    private final AtomicLong ids = new AtomicLong();

    BareAcceptor(final SessionSettings settings) {
        try {
            acceptor = new ThreadedSocketAcceptor(this, new FileStoreFactory(settings), settings,
                new SLF4JLogFactory(settings), new DefaultMessageFactory());
            acceptor.start();
        } catch (final ConfigError e) {
            throw new IllegalStateException("bare acceptor: " + e.getMessage(), e);
        }
    }

    /** @return the port it listens on */
    int port() {
        for (final org.apache.mina.core.service.IoAcceptor io : acceptor.getEndpoints()) {
            for (final SocketAddress a : io.getLocalAddresses()) {
                return ((InetSocketAddress) a).getPort();
            }
        }
        throw new IllegalStateException("the bare acceptor listens nowhere");
    }

    @Override
    public void fromApp(final Message order, final SessionID sessionId) throws FieldNotFound, UnsupportedMessageType {
        final String type = order.getHeader().getString(MsgType.FIELD);
        if (MsgType.ORDER_CANCEL_REQUEST.equals(type)) {
            cancelled(order, sessionId);
            return;
        }
        if (!MsgType.ORDER_SINGLE.equals(type)) {
            throw new UnsupportedMessageType();
        }
        final long id = ids.incrementAndGet();
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        report.setString(37, Long.toString(id)); // OrderID
        report.setString(11, order.getString(11)); // ClOrdID
        report.setString(17, Long.toString(id)); // ExecID
        report.setChar(150, '0'); // ExecType New
        report.setChar(39, '0'); // OrdStatus New
        report.setString(55, order.getString(55));
        report.setChar(54, order.getChar(54));
        report.setChar(40, order.getChar(40));
        report.setString(44, order.getString(44));
        report.setString(38, order.getString(38));
        report.setString(151, order.getString(38)); // LeavesQty
        report.setInt(14, 0); // CumQty
        report.setInt(6, 0); // AvgPx
        send(report, sessionId);
    }

    /** An OrderCancelRequest: one ExecutionReport, ExecType 4 Canceled, of the order it names. */
    private void cancelled(final Message cancel, final SessionID sessionId) throws FieldNotFound {
        final long id = ids.incrementAndGet();
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        report.setString(37, cancel.getString(41)); // OrderID: this acceptor keeps no orders
        report.setString(11, cancel.getString(11)); // ClOrdID
        report.setString(41, cancel.getString(41)); // OrigClOrdID
        report.setString(17, Long.toString(id)); // ExecID
        report.setChar(150, '4'); // ExecType Canceled
        report.setChar(39, '4'); // OrdStatus Canceled
        report.setString(55, cancel.getString(55));
        report.setChar(54, cancel.getChar(54));
        report.setString(38, cancel.getString(38));
        report.setInt(151, 0); // LeavesQty
        report.setInt(14, 0); // CumQty
        report.setInt(6, 0); // AvgPx
        send(report, sessionId);
    }

    private static void send(final Message report, final SessionID sessionId) {
        report.setString(60, UtcTimestampConverter.convert(LocalDateTime.now(ZoneOffset.UTC),
            quickfix.UtcTimestampPrecision.MICROS));
        final Session session = Session.lookupSession(sessionId);
        if (session != null) {
            session.send(report);
        }
    }

    @Override
    public void onCreate(final SessionID sessionId) {
    }

    @Override
    public void onLogon(final SessionID sessionId) {
    }

    @Override
    public void onLogout(final SessionID sessionId) {
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
    }

    @Override
    public void close() {
        acceptor.stop(false);
    }
}
