package exchange.fix.testing;

import quickfix.Message;
import quickfix.field.MsgType;
import quickfix.field.converter.UtcTimestampConverter;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Builds broker messages by tag, for any FIX version, the way a broker's code would. */
public final class FixOrders {
    private FixOrders() {
    }

    private static Message of(final String type) {
        final Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, type);
        return m;
    }

    private static String now() {
        return UtcTimestampConverter.convert(LocalDateTime.now(ZoneOffset.UTC), quickfix.UtcTimestampPrecision.MILLIS);
    }

    /** NewOrderSingle, limit, Day. Add or change fields with {@code setString}. */
    public static Message limit(final String clOrdId, final String symbol, final char side, final String qty,
                                final String price) {
        final Message m = of("D");
        m.setString(11, clOrdId);
        m.setChar(21, '1');
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setString(60, now());
        m.setString(38, qty);
        m.setChar(40, '2');
        m.setString(44, price);
        m.setChar(59, '0');
        return m;
    }

    /** NewOrderSingle, market. */
    public static Message market(final String clOrdId, final String symbol, final char side, final String qty) {
        final Message m = of("D");
        m.setString(11, clOrdId);
        m.setChar(21, '1');
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setString(60, now());
        m.setString(38, qty);
        m.setChar(40, '1');
        return m;
    }

    /** OrderCancelRequest. */
    public static Message cancel(final String clOrdId, final String origClOrdId, final String symbol, final char side,
                                 final String qty) {
        final Message m = of("F");
        m.setString(11, clOrdId);
        m.setString(41, origClOrdId);
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setString(60, now());
        m.setString(38, qty);
        return m;
    }

    /** OrderCancelReplaceRequest of a limit Day order. */
    public static Message replace(final String clOrdId, final String origClOrdId, final String symbol, final char side,
                                  final String qty, final String price) {
        final Message m = of("G");
        m.setString(11, clOrdId);
        m.setString(41, origClOrdId);
        m.setChar(21, '1');
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setString(60, now());
        m.setString(38, qty);
        m.setChar(40, '2');
        m.setString(44, price);
        m.setChar(59, '0');
        return m;
    }

    /** OrderCancelReplaceRequest of a GTD buy of AAA at 99 (the expiry, ExpireTime or ExpireDate, is the caller's). */
    public static Message gtdReplace(final String clOrdId, final String origClOrdId, final String qty) {
        final Message m = replace(clOrdId, origClOrdId, "AAA", '1', qty, "99");
        m.setChar(59, '6');
        return m;
    }

    /** OrderStatusRequest. */
    public static Message status(final String clOrdId, final String symbol, final char side) {
        final Message m = of("H");
        m.setString(11, clOrdId);
        m.setString(55, symbol);
        m.setChar(54, side);
        return m;
    }

    /** OrderMassCancelRequest: type 7 all orders, 1 one symbol. */
    public static Message massCancel(final String clOrdId, final char type, final String symbol) {
        final Message m = of("q");
        m.setString(11, clOrdId);
        m.setChar(530, type);
        if (symbol != null) {
            m.setString(55, symbol);
        }
        m.setString(60, now());
        return m;
    }
}
