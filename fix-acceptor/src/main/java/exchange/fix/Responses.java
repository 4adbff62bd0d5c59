package exchange.fix;

import exchange.matching.RejectReason;
import quickfix.FieldNotFound;
import quickfix.Message;

/**
 * The answers the acceptor sends at once, without journaling: to a cancel, replace, status or mass
 * cancel request that names nothing the session can act on, or that the throttle refuses.
 */
final class Responses {
    /** BusinessRejectReason (380) 0, other: the Text says what. */
    static final int BUSINESS_REJECT_OTHER = 0;
    /** CxlRejReason (102) 0, too late to cancel: the order has ended. */
    static final int CXL_REJ_TOO_LATE = 0;

    private Responses() {
    }

    /**
     * BusinessMessageReject (j) refusing a request that is well formed but cannot be served.
     *
     * @param refId the request's ClOrdID for BusinessRejectRefID (379), or {@code null}
     */
    static Message businessMessageReject(final Message request, final String refId, final int reason,
                                         final String text) throws FieldNotFound {
        final Message reject = FixMessages.of("j");
        reject.setInt(45, request.getHeader().getInt(34)); // RefSeqNum
        reject.setString(372, request.getHeader().getString(35)); // RefMsgType
        if (refId != null) {
            reject.setString(379, refId); // BusinessRejectRefID
        }
        reject.setInt(380, reason); // BusinessRejectReason
        reject.setString(FixMessages.TEXT, text);
        return reject;
    }

    /** OrderCancelReject (9) to a request. */
    static Message cancelReject(final FixSession session, final Message request, final long orderId,
                                final char responseTo, final RejectReason reason, final String text) throws FieldNotFound {
        return cancelReject(session, request, orderId, responseTo, '8', reason, text);
    }

    /** OrderCancelReject for a live order, with its OrdStatus as last reported. */
    static Message cancelReject(final FixSession session, final Message request, final long orderId,
                                final char responseTo, final char ordStatus, final RejectReason reason,
                                final String text) throws FieldNotFound {
        final Message m = FixMessages.of("9");
        m.setString(FixMessages.ORDER_ID, orderId > 0 ? Long.toString(orderId) : "NONE");
        m.setString(FixMessages.CL_ORD_ID, request.getString(FixMessages.CL_ORD_ID));
        m.setString(FixMessages.ORIG_CL_ORD_ID, request.getString(FixMessages.ORIG_CL_ORD_ID));
        m.setChar(FixMessages.ORD_STATUS, ordStatus);
        m.setChar(FixMessages.CXL_REJ_RESPONSE_TO, responseTo);
        m.setInt(FixMessages.CXL_REJ_REASON, FixMessages.cxlRejReason(reason, FixVersion.of(session.sessionId())));
        m.setString(FixMessages.TEXT, text);
        return m;
    }

    /**
     * OrderCancelReject to a cancel or replace of an order that has ended: CxlRejReason 0, too late, with
     * the order's final OrdStatus, as the engine's answer would be.
     */
    static Message tooLate(final FixSession session, final Message request, final long orderId, final char responseTo,
                           final char finalStatus) throws FieldNotFound {
        final Message m = cancelReject(session, request, orderId, responseTo, finalStatus, RejectReason.UNKNOWN_ORDER,
            tooLateText(finalStatus));
        m.setInt(FixMessages.CXL_REJ_REASON, CXL_REJ_TOO_LATE);
        return m;
    }

    /** @return the Text of an OrderCancelReject for an order that has ended with this OrdStatus */
    static String tooLateText(final char finalStatus) {
        return finalStatus == '2' ? "Too late to cancel: the order is filled" : "Too late to cancel: the order is no longer live";
    }

    /** ExecutionReport answering a status request for an order the session does not know. */
    static Message unknownOrderStatus(final FixSession session, final Message request, final String text)
        throws FieldNotFound {
        final Message m = unknownOrderStatus(FixVersion.of(session.sessionId()), "NONE",
            request.getString(FixMessages.CL_ORD_ID), request.getString(FixMessages.SYMBOL),
            request.getChar(FixMessages.SIDE), text);
        if (request.isSetField(FixMessages.ORD_STATUS_REQ_ID)) {
            m.setString(FixMessages.ORD_STATUS_REQ_ID, request.getString(FixMessages.ORD_STATUS_REQ_ID));
        }
        return m;
    }

    /**
     * ExecutionReport answering a status request for an unknown order: ExecType I (FIX 4.2: ExecType 8
     * with ExecTransType 3), OrdStatus 8 Rejected, OrdRejReason 5 unknown order, nothing filled.
     */
    static Message unknownOrderStatus(final FixVersion version, final String orderId, final String clOrdId,
                                      final String symbol, final char side, final String text) {
        final Message m = FixMessages.of("8");
        m.setString(FixMessages.ORDER_ID, orderId);
        m.setString(FixMessages.CL_ORD_ID, clOrdId);
        m.setString(FixMessages.EXEC_ID, "0");
        if (version == FixVersion.FIX42) {
            m.setChar(FixMessages.EXEC_TRANS_TYPE, '3');
            m.setChar(FixMessages.EXEC_TYPE, '8');
        } else {
            m.setChar(FixMessages.EXEC_TYPE, 'I');
        }
        m.setChar(FixMessages.ORD_STATUS, '8');
        m.setString(FixMessages.SYMBOL, symbol);
        m.setChar(FixMessages.SIDE, side);
        m.setInt(FixMessages.LEAVES_QTY, 0);
        m.setInt(FixMessages.CUM_QTY, 0);
        m.setInt(FixMessages.AVG_PX, 0);
        m.setInt(FixMessages.ORD_REJ_REASON, 5);
        m.setString(FixMessages.TEXT, text);
        return m;
    }

    /** OrderMassCancelReport (r) refusing a mass cancel request. */
    static Message massCancelRejected(final FixSession session, final Message request, final String text)
        throws FieldNotFound {
        final Message m = FixMessages.of("r");
        m.setString(FixMessages.CL_ORD_ID, request.getString(FixMessages.CL_ORD_ID));
        FixMessages.massCancelReportId(m, FixVersion.of(session.sessionId()), "NONE");
        m.setChar(FixMessages.MASS_CANCEL_REQUEST_TYPE, request.getChar(FixMessages.MASS_CANCEL_REQUEST_TYPE));
        m.setChar(FixMessages.MASS_CANCEL_RESPONSE, '0');
        // FIX 4.4 lists 99 (other) but types the field as one character, and dictionaries that check types
        // (QuickFIX/J's FIX44.xml) refuse the whole report: there, "other" goes as 0, the Text saying why.
        final boolean oneCharacter = FixVersion.of(session.sessionId()) == FixVersion.FIX44;
        m.setInt(FixMessages.MASS_CANCEL_REJECT_REASON, text.startsWith("MassCancelRequestType") ? 0
            : text.startsWith("Unknown symbol") ? 1 : oneCharacter ? 0 : 99);
        m.setInt(FixMessages.TOTAL_AFFECTED_ORDERS, 0);
        m.setString(FixMessages.TEXT, text);
        return m;
    }
}
