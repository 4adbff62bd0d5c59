package exchange.fix;

import exchange.matching.CancelReason;
import exchange.matching.RejectReason;
import quickfix.Message;
import quickfix.field.MsgType;

import java.math.BigDecimal;

/**
 * Builds the exchange's outgoing FIX application messages as plain {@link Message}s by tag, in the
 * session's dialect: ExecutionReport (8), OrderCancelReject (9), OrderMassCancelReport (r). One
 * builder serves FIX 4.2, 4.4 and 5.0 SP2; QuickFIX/J fills in the header.
 *
 * <p>Also holds the mappings from the engine's reasons to FIX codes.
 */
public final class FixMessages {
    // Tags, so that the code reads like the specification.
    public static final int ACCOUNT = 1;
    public static final int AVG_PX = 6;
    public static final int CL_ORD_ID = 11;
    public static final int POSS_DUP_FLAG = 43;
    public static final int POSS_RESEND = 97;
    public static final int CUM_QTY = 14;
    public static final int EXEC_ID = 17;
    public static final int EXEC_INST = 18;
    public static final int EXEC_TRANS_TYPE = 20;
    public static final int LAST_PX = 31;
    public static final int LAST_QTY = 32;
    public static final int ORDER_ID = 37;
    public static final int ORDER_QTY = 38;
    public static final int ORD_STATUS = 39;
    public static final int ORD_TYPE = 40;
    public static final int ORIG_CL_ORD_ID = 41;
    public static final int PRICE = 44;
    public static final int SIDE = 54;
    public static final int SYMBOL = 55;
    public static final int TEXT = 58;
    public static final int TIME_IN_FORCE = 59;
    public static final int TRANSACT_TIME = 60;
    public static final int STOP_PX = 99;
    public static final int CXL_REJ_REASON = 102;
    public static final int ORD_REJ_REASON = 103;
    public static final int MIN_QTY = 110;
    public static final int MAX_FLOOR = 111;
    public static final int EXPIRE_TIME = 126;
    public static final int EXPIRE_DATE = 432;
    public static final int EXEC_TYPE = 150;
    public static final int LEAVES_QTY = 151;
    public static final int EXEC_RESTATEMENT_REASON = 378;
    public static final int CXL_REJ_RESPONSE_TO = 434;
    public static final int MASS_CANCEL_REQUEST_TYPE = 530;
    public static final int MASS_CANCEL_RESPONSE = 531;
    public static final int MASS_CANCEL_REJECT_REASON = 532;
    public static final int TOTAL_AFFECTED_ORDERS = 533;
    public static final int ORD_STATUS_REQ_ID = 790;
    public static final int COPY_MSG_INDICATOR = 797;
    public static final int LAST_LIQUIDITY_IND = 851;
    public static final int TRD_MATCH_ID = 880;
    public static final int MASS_ACTION_REPORT_ID = 1369;

    /** ExecRestatementReason (378) 4: broker option (FIX 4.2's nearest to "other"). */
    public static final int RESTATED_BROKER_OPTION = 4;
    /** ExecRestatementReason (378) 5: partial decline of OrderQty (the exchange took quantity off). */
    public static final int RESTATED_PARTIAL_DECLINE = 5;
    /** ExecRestatementReason (378) 99: other (FIX 4.4 and 5.0). */
    public static final int RESTATED_OTHER = 99;
    /** The exchange's own tag for a self-trade prevention instruction on an order (user-defined range). */
    public static final int SELF_TRADE_PREVENTION = 8000;

    /** The highest OrdRejReason (103) FIX 4.2 defines: 8, stale order. */
    private static final int FIX42_MAX_ORD_REJ_REASON = 8;
    /** The highest CxlRejReason (102) FIX 4.2 defines: 3, already pending cancel or replace. */
    private static final int FIX42_MAX_CXL_REJ_REASON = 3;

    private FixMessages() {
    }

    /** @return an empty application message of a type */
    public static Message of(final String msgType) {
        final Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, msgType);
        return m;
    }

    /** Sets TransactTime from an epoch nanosecond time stamp, in the session's precision. */
    public static void transactTime(final Message m, final FixVersion version, final long epochNs) {
        m.setString(TRANSACT_TIME, UtcTimestamps.format(epochNs, version != FixVersion.FIX42));
    }

    /** Sets a decimal field without trailing zeros or exponent. */
    public static void decimal(final Message m, final int tag, final BigDecimal value) {
        m.setString(tag, value.toPlainString());
    }

    /**
     * Sets OrderMassCancelReport's OrderID (37) and, in FIX 5.0 SP2, whose dictionary requires it,
     * MassActionReportID (1369): the same identifier of the request, {@code NONE} when refused.
     */
    public static void massCancelReportId(final Message m, final FixVersion version, final String id) {
        m.setString(ORDER_ID, id);
        if (version == FixVersion.FIX50SP2) {
            m.setString(MASS_ACTION_REPORT_ID, id);
        }
    }

    /** FIX OrdRejReason (103) for an engine or gateway reason. */
    public static int ordRejReason(final RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_INSTRUMENT -> 1;
            case KILL_SWITCH -> 0;
            case INSTRUMENT_CLOSED, INSTRUMENT_HALTED, TIF_NOT_ALLOWED_IN_PHASE -> 2;
            case EXCEEDS_MAX_ORDER_QUANTITY, EXCEEDS_MAX_NOTIONAL, EXCEEDS_CREDIT_LIMIT, PRICE_OUTSIDE_COLLAR,
                 PRICE_OUTSIDE_RISK_COLLAR -> 3;
            case UNKNOWN_ORDER -> 5;
            case DUPLICATE_CLORDID, DUPLICATE_ORDER_ID -> 6;
            case UNSUPPORTED_ORDER, POST_ONLY_WOULD_TAKE, INVALID_DISPLAY_QUANTITY, INVALID_MIN_QUANTITY,
                 INVALID_EXPIRE_TIME, INVALID_STOP_PRICE, INVALID_PRICE, PRICE_OFF_TICK -> 11;
            case INVALID_QUANTITY, QUANTITY_OFF_LOT -> 13;
            case UNKNOWN_ACCOUNT -> 15;
            default -> 99;
        };
    }

    /**
     * FIX OrdRejReason (103) for an engine or gateway reason, in a dialect's values: FIX 4.2 has only
     * 0 to 8, so what FIX 4.4 calls 11, 13, 15 or 99 is 0 (broker / exchange option) there, the Text
     * saying why.
     */
    public static int ordRejReason(final RejectReason reason, final FixVersion version) {
        final int code = ordRejReason(reason);
        return version == FixVersion.FIX42 && code > FIX42_MAX_ORD_REJ_REASON ? 0 : code;
    }

    /**
     * FIX CxlRejReason (102) in a dialect's values: FIX 4.2 has only 0 to 3, so what FIX 4.4 calls
     * 6 (duplicate ClOrdID) or 99 (other) is 2 (broker / exchange option) there, the Text saying why.
     */
    public static int cxlRejReason(final RejectReason reason, final FixVersion version) {
        final int code = cxlRejReason(reason);
        return version == FixVersion.FIX42 && code > FIX42_MAX_CXL_REJ_REASON ? 2 : code;
    }

    /** FIX CxlRejReason (102) for a cancel or replace refused. */
    public static int cxlRejReason(final RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_ORDER -> 1;
            case DUPLICATE_CLORDID -> 6;
            case INSTRUMENT_CLOSED, INSTRUMENT_HALTED -> 99;
            default -> 99;
        };
    }

    /** FIX ExecType (150) and OrdStatus (39) of an order that ended for a reason: 4 Canceled or C Expired. */
    public static char endedStatus(final CancelReason reason) {
        return reason.isExpiry() ? 'C' : '4';
    }

    /**
     * @return FIX OrdStatus of an order: 0 New, 1 Partially filled, 2 Filled, 4 Canceled, C Expired
     */
    public static char ordStatus(final long cumQty, final long leavesQty, final boolean ended, final char endedStatus) {
        if (leavesQty == 0 && cumQty > 0 && !ended) {
            return '2';
        }
        if (ended) {
            return cumQty > 0 && leavesQty == 0 && endedStatus == '2' ? '2' : endedStatus;
        }
        return cumQty > 0 ? '1' : '0';
    }
}
