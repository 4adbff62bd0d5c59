package exchange.fix;

import exchange.matching.event.OrderEvent;
import exchange.matching.event.StatusEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import quickfix.Message;

/**
 * ExecutionReport (8) builders, one per kind of report, in the session's dialect. FIX 4.2 gets
 * ExecTransType (20) = 0, fills as ExecType 1 (partial) or 2 (fill), and status answers as
 * ExecTransType 3; FIX 4.4 and 5.0 SP2 get ExecType F and I. Every report about an iceberg echoes its
 * peak as MaxFloor (111), which all three dictionaries have in ExecutionReport.
 */
final class ExecutionReports {
    /** LastLiquidityInd (851) 4: the fill was in an auction (FIX 5.0 SP2 only). */
    static final char AUCTION = '4';

    private final Instruments instruments;

    ExecutionReports(final Instruments instruments) {
        this.instruments = instruments;
    }

    private Message common(final FixVersion version, final OrderInfo info, final long orderId, final long execId,
                           final char execType, final char ordStatus, final long timestampNs) {
        final Message m = FixMessages.of("8");
        m.setString(FixMessages.ORDER_ID, Long.toString(orderId));
        m.setString(FixMessages.CL_ORD_ID, info.clOrdId.isEmpty() ? "NONE" : info.clOrdId);
        m.setString(FixMessages.EXEC_ID, Long.toString(execId));
        if (version == FixVersion.FIX42) {
            m.setChar(FixMessages.EXEC_TRANS_TYPE, '0');
        }
        m.setChar(FixMessages.EXEC_TYPE, execType);
        m.setChar(FixMessages.ORD_STATUS, ordStatus);
        if (!info.account.isEmpty()) {
            m.setString(FixMessages.ACCOUNT, info.account);
        }
        m.setString(FixMessages.SYMBOL, instruments.symbol(info.instrument));
        if (info.side != 0) {
            m.setChar(FixMessages.SIDE, (char) info.side);
        }
        if (info.ordType != 0) {
            m.setChar(FixMessages.ORD_TYPE, (char) info.ordType);
        }
        if (info.tif != 0) {
            m.setChar(FixMessages.TIME_IN_FORCE, (char) info.tif);
        }
        if (info.price != 0 && (info.ordType == '2' || info.ordType == '4')) {
            m.setString(FixMessages.PRICE, FixDecimal.priceText(info.price));
        }
        if (info.stopPrice != 0) {
            m.setString(FixMessages.STOP_PX, FixDecimal.priceText(info.stopPrice));
        }
        if (info.displayQty != 0) {
            m.setString(FixMessages.MAX_FLOOR, Long.toString(info.displayQty));
        }
        m.setString(FixMessages.ORDER_QTY, Long.toString(info.orderQty));
        m.setString(FixMessages.CUM_QTY, Long.toString(info.cumQty));
        m.setString(FixMessages.LEAVES_QTY, Long.toString(info.leavesQty()));
        FixMessages.decimal(m, FixMessages.AVG_PX, FixDecimal.averagePrice(info.cumNotional, info.cumQty));
        FixMessages.transactTime(m, version, timestampNs);
        return m;
    }

    /** A report about one order (new, rejected, canceled, expired, replaced). */
    Message orderEvent(final FixVersion version, final OrderEvent e, final OrderInfo info, final char execType,
                       final char ordStatus, final String text) {
        final Message m = common(version, info, e.orderId(), e.execId(), execType, ordStatus, e.timestampNs());
        if (text != null && !text.isEmpty()) {
            m.setString(FixMessages.TEXT, text);
        }
        return m;
    }

    /** A fill of one side of a trade. */
    Message fill(final FixVersion version, final TradeEvent e, final TradeParty p, final OrderInfo info,
                 final char liquidity) {
        final boolean full = p.leavesQty() == 0;
        final char execType = version == FixVersion.FIX42 ? (full ? '2' : '1') : 'F';
        final Message m = common(version, info, p.orderId(), p.execId(), execType, full ? '2' : '1', e.timestampNs());
        m.setString(FixMessages.LAST_QTY, Long.toString(e.quantity()));
        m.setString(FixMessages.LAST_PX, FixDecimal.priceText(e.price()));
        // FIX 4.2 has no LastLiquidityInd; FIX 4.4's has no 4 (auction), so an auction fill goes without
        if (version == FixVersion.FIX50SP2 || (version == FixVersion.FIX44 && liquidity != AUCTION)) {
            m.setChar(FixMessages.LAST_LIQUIDITY_IND, liquidity);
        }
        if (version == FixVersion.FIX50SP2) {
            m.setString(FixMessages.TRD_MATCH_ID, Long.toString(e.matchId())); // in ExecutionReport from FIX 5.0
        }
        return m;
    }

    /** The answer to a status request: the order's state, or unknown. */
    Message status(final FixVersion version, final StatusEvent e, final OrderInfo info, final String clOrdId) {
        if (info == null) {
            return Responses.unknownOrderStatus(version, "NONE", clOrdId,
                instruments.symbol(e.instrumentId()), '1', "Unknown order");
        }
        final char ordStatus = info.ordStatus();
        final Message m = common(version, info, info.orderId, 0, version == FixVersion.FIX42 ? ordStatus : 'I',
            ordStatus, e.timestampNs());
        m.setString(FixMessages.CL_ORD_ID, clOrdId.isEmpty() ? info.clOrdId : clOrdId);
        if (version == FixVersion.FIX42) {
            m.setChar(FixMessages.EXEC_TRANS_TYPE, '3');
        }
        return m;
    }
}
