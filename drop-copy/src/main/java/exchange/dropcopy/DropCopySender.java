package exchange.dropcopy;

import exchange.fix.FixSession;
import exchange.fix.FixSessions;
import exchange.fix.FixVersion;
import exchange.fix.Instruments;
import exchange.fix.ReportAgent;
import exchange.sequencer.EventLog;
import exchange.sequencer.PositionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageStore;
import quickfix.Session;
import quickfix.field.MsgType;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One drop-copy session's feed: a copy of every ExecutionReport of the firms it is entitled to, in
 * event order, as FIX 4.4 ExecutionReports with CopyMsgIndicator (797) = Y: new, fills, cancels,
 * replaces, expiries, rejects from the engine and from the risk gateway; not the answers to status
 * requests, which report no event. Whose order it was is in the
 * Parties block (453): the firm's name as Executing Firm (452 = 1) and the CompID of the session that
 * entered it as Client ID (452 = 3), both with PartyIDSource D; the Account (1), ClOrdID (11),
 * OrderID (37) and ExecID (17) are the original's.
 *
 * <p>Each drop-copy session has its own place in the event log ({@code drop-copy-<number>.pos}) and
 * QuickFIX/J keeps what it sends while the session is away, so a compliance desk that reconnects, or
 * an exchange that restarts, continues with no gap and no duplicate (FIX's own PossDupFlag resends
 * apart): after a kill -9 it skips the copies, up to the last one its session's store holds, of the
 * events it reads again after its saved place. With {@code DropCopyTradeCaptureReports=Y} each fill also
 * comes as a TradeCaptureReport (AE).
 */
public final class DropCopySender extends ReportAgent {
    private static final Logger LOG = LoggerFactory.getLogger(DropCopySender.class);
    /** Messages of the session's store read at a time, from its end back to the last copy it holds. */
    private static final int STORE_CHUNK = 2_000;
    /** Parties (453) members in the order of the FIX 4.4 dictionary. */
    private static final int[] PARTY_ORDER = {448, 447, 452, 0};
    /** A TradeCaptureReport's side (NoSides 552) in FIX 4.4: Side, OrderID, ClOrdID, Parties, Account. */
    private static final int[] SIDE_ORDER_44 = {54, 37, 11, 453, 1, 0};
    /**
     * The same in FIX 5.0 SP2 (TrdCapRptSideGrp), whose OrderID and ClOrdID moved to the end of the side
     * (TradeReportOrderDetail): Side, Parties, Account, OrderID, ClOrdID.
     */
    private static final int[] SIDE_ORDER_50 = {54, 453, 1, 37, 11, 0};
    /** UTCTimestamp to the second: a TransactTime's date and time, its fraction left off. */
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");
    private static final String EXECUTION_REPORT = "\u000135=8\u0001";
    private static final String TRADE_CAPTURE_REPORT = "\u000135=AE\u0001";

    private final FixSession target;
    private final FixSessions sessions;
    private final boolean tradeCaptureReports;
    /** The trading schedule's time zone: a trade's TradeDate is its date there. */
    private final ZoneId zone;
    /** The order of a TradeCaptureReport side's fields in the session's FIX version. */
    private final int[] sideOrder;
    /**
     * The ExecID of the last ExecutionReport the session's store held at start, 0 when none: the copies
     * go in ExecID order (the engine numbers executions in event order), so every copy up to it was sent
     * before the restart, however many copies the batch read again after it held.
     */
    private long lastCopied;
    /** The same for TradeCaptureReports: the last one's ExecID (each follows its fill's copy at once). */
    private long lastTradeReport;
    private long copies;

    public DropCopySender(final EventLog log, final FixSession target, final FixSessions sessions,
                          final Instruments instruments, final PositionStore position, final PositionStore dayStart,
                          final boolean tradeCaptureReports, final ZoneId zone) {
        super(log, position, dayStart, instruments, null, session -> FixVersion.of(target.sessionId()));
        this.target = target;
        this.sessions = sessions;
        this.tradeCaptureReports = tradeCaptureReports;
        this.zone = zone;
        this.sideOrder = FixVersion.of(target.sessionId()) == FixVersion.FIX50SP2 ? SIDE_ORDER_50 : SIDE_ORDER_44;
        final Session session = Session.lookupSession(target.sessionId());
        if (session != null) {
            writes().install(session);
        }
    }

    /**
     * Finds the last copy the session's store holds, reading back from its end (past heartbeats and the
     * like) to the first ExecutionReport: what the drop copy handed QuickFIX/J after the place it saved
     * last, just before a crash, is every copy up to that one.
     */
    @Override
    protected void loadSent() {
        lastCopied = 0;
        lastTradeReport = 0;
        final Session session = Session.lookupSession(target.sessionId());
        if (session == null) {
            return;
        }
        final MessageStore store = session.getStore();
        boolean tradeReportAfterIt = false;
        try {
            final List<String> messages = new ArrayList<>();
            for (int end = store.getNextSenderMsgSeqNum() - 1; end >= 1 && lastCopied == 0; end -= STORE_CHUNK) {
                messages.clear();
                store.get(Math.max(1, end - STORE_CHUNK + 1), end, messages);
                for (int i = messages.size() - 1; i >= 0 && lastCopied == 0; i--) {
                    final String raw = messages.get(i);
                    if (raw.contains(TRADE_CAPTURE_REPORT)) {
                        tradeReportAfterIt = true;
                    } else if (raw.contains(EXECUTION_REPORT)) {
                        lastCopied = execId(raw);
                    }
                }
            }
        } catch (final IOException e) {
            LOG.warn("cannot read the message store of drop copy {}: {}", target.sessionId(), e.toString());
        }
        // no TradeCaptureReport after the last copy: the last copy's own, if it is owed one, was not sent
        lastTradeReport = tradeReportAfterIt ? lastCopied : Math.max(0, lastCopied - 1);
        if (lastCopied > 0) {
            LOG.info("{}: the last copy its store holds is of ExecID {}", roleName(), lastCopied);
        }
    }

    /** @return the ExecID (17) of an ExecutionReport as stored, 0 when it has none */
    private static long execId(final String raw) {
        final Message m = new Message();
        try {
            m.fromString(raw, null, false);
            return m.isSetField(17) ? Long.parseLong(m.getString(17)) : 0;
        } catch (final InvalidMessage | FieldNotFound | NumberFormatException e) {
            return 0; // not one of ours
        }
    }

    @Override
    public void report(final int session, final Message message, final String dedupeKey) {
        try {
            if (!"8".equals(message.getHeader().getString(MsgType.FIELD))) {
                return; // cancel rejects and mass cancel reports are not executions
            }
            if (isStatusAnswer(message)) {
                return; // nor is the answer to a status request: it reports nothing new (and its ExecID is 0)
            }
            final FixSession owner = sessions.byNumber(session);
            if (owner == null || !target.entitledTo(owner.firmName())) {
                return;
            }
            final long execId = Long.parseLong(message.getString(17));
            message.setBoolean(797, true);
            parties(message, owner);
            if (execId > lastCopied) {
                sessions.send(target, message);
                copies++;
            }
            if (tradeCaptureReports && message.isSetField(32) && execId > lastTradeReport) {
                sessions.send(target, tradeCaptureReport(message, owner, stream.matchId(), zone, sideOrder));
            }
        } catch (final FieldNotFound e) {
            throw new IllegalStateException("an ExecutionReport without " + e.field, e);
        }
    }

    private static boolean isStatusAnswer(final Message message) throws FieldNotFound {
        return message.getChar(150) == 'I' || message.isSetField(20) && message.getChar(20) == '3';
    }

    private static void parties(final Message message, final FixSession owner) {
        final Group firm = new Group(453, 448, PARTY_ORDER);
        firm.setString(448, owner.firmName());
        firm.setChar(447, 'D');
        firm.setInt(452, 1);
        message.addGroup(firm);
        final Group compId = new Group(453, 448, PARTY_ORDER);
        compId.setString(448, owner.sessionId().getTargetCompID());
        compId.setChar(447, 'D');
        compId.setInt(452, 3);
        message.addGroup(compId);
    }

    /** A TradeCaptureReport (AE) of one side's fill, copied from its ExecutionReport. */
    private static Message tradeCaptureReport(final Message er, final FixSession owner, final long matchId,
        final ZoneId zone, final int[] sideOrder) throws FieldNotFound {
        final Message ae = new Message();
        ae.getHeader().setString(MsgType.FIELD, "AE");
        ae.setString(571, er.getString(17)); // TradeReportID
        ae.setString(17, er.getString(17));
        ae.setString(880, Long.toString(matchId)); // TrdMatchID
        ae.setBoolean(570, false); // PreviouslyReported
        ae.setBoolean(797, true);
        ae.setString(55, er.getString(55));
        ae.setString(32, er.getString(32));
        ae.setString(31, er.getString(31));
        ae.setString(75, tradeDate(er.getString(60), zone));
        ae.setString(60, er.getString(60));
        final Group side = new Group(552, 54, sideOrder);
        side.setChar(54, er.getChar(54));
        side.setString(37, er.getString(37));
        side.setString(11, er.getString(11));
        if (er.isSetField(1)) {
            side.setString(1, er.getString(1));
        }
        final Group party = new Group(453, 448, PARTY_ORDER);
        party.setString(448, owner.firmName());
        party.setChar(447, 'D');
        party.setInt(452, 1);
        side.addGroup(party);
        ae.addGroup(side);
        return ae;
    }

    /**
     * TradeDate (75): FIX 4.4 has it "in local time at place of trade", the date of the trade in the
     * exchange's time zone, which is not the date of its UTC TransactTime for a trade late or early in
     * the day away from UTC.
     */
    static String tradeDate(final String utcTransactTime, final ZoneId zone) {
        final LocalDateTime utc = LocalDateTime.parse(utcTransactTime.substring(0, 17), UTC_SECONDS);
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate()
            .format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** @return copies sent since start */
    public long copies() {
        return copies;
    }

    @Override
    public String roleName() {
        return "drop-copy-" + target.number();
    }
}
