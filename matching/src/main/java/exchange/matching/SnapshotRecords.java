package exchange.matching;

import exchange.matching.command.CommandType;

/**
 * The records of an engine snapshot, in this order: one header; per book, its record, one
 * {@link exchange.matching.command.RestoreOrderCommand} per resting order (buy side then sell side,
 * best price first, in time priority; a stop that has triggered carries the TRIGGERED flag), then one
 * per waiting stop (buy stops then sell stops, in trigger order); each order with extras followed by
 * an order state record of what a restore cannot know (an iceberg's current visible quantity, a
 * waiting stop's priority); then one record per kill switch that is on; then one end record. Every
 * record starts with its length (u16) and type (u8), like commands and events.
 *
 * <pre>
 * header (type 200)                       book (type 201)
 *   4  format version (i32)                 4  instrument id (i32)
 *   8  next exec id (i64)                   8  phase (u8)  9 indicative published (u8)
 *  16  next match id (i64)                     10 published imbalance side (u8)  11..15 reserved
 *  24  last order id (i64)                 16  last trade price (i64)
 *  32  engine time (i64, ns)               24  reference price (i64)
 *  40  last command sequence (i64)         32  published indicative price (i64)
 *  48  book count (i32), 52 reserved        40  published paired qty (i64)
 *  56  end                                  48  published imbalance qty (i64)
 *                                           56  circuit breaker opening window end (i64, ns)
 *                                           64  volatility auction end (i64, ns)
 *                                           72  end
 * end (type 202)
 *   8  order count (i64)
 *  16  end
 *
 * order state (type 204), after its order
 *   8  order id (i64)
 *  16  visible qty (i64; iceberg)
 *  24  stop priority sequence (i64; waiting stop)
 *  32  end
 *
 * kill switch (type 203)
 *   4  firm id (i32)   8 account id (i32)   12 reserved   16 end
 * </pre>
 *
 * <p>Format versions: 1, books and plain orders (and kill switches); 2, icebergs, stops, order state
 * records, and each book's reference price, last published indicative auction and circuit breaker
 * clocks.
 */
final class SnapshotRecords {
    static final int VERSION = 2;

    static final int HEADER_TYPE = 200;
    static final int HEADER_VERSION = 4;
    static final int HEADER_NEXT_EXEC_ID = 8;
    static final int HEADER_NEXT_MATCH_ID = 16;
    static final int HEADER_LAST_ORDER_ID = 24;
    static final int HEADER_NOW = 32;
    static final int HEADER_LAST_SEQUENCE = 40;
    static final int HEADER_BOOKS = 48;
    static final int HEADER_LENGTH = 56;

    static final int BOOK_TYPE = 201;
    static final int BOOK_INSTRUMENT = 4;
    static final int BOOK_PHASE = 8;
    static final int BOOK_INDICATIVE_PUBLISHED = 9;
    static final int BOOK_IMBALANCE_SIDE = 10;
    static final int BOOK_LAST_TRADE = 16;
    static final int BOOK_REFERENCE_PRICE = 24;
    static final int BOOK_INDICATIVE_PRICE = 32;
    static final int BOOK_PAIRED_QTY = 40;
    static final int BOOK_IMBALANCE_QTY = 48;
    static final int BOOK_BREAKER_WINDOW_END = 56;
    static final int BOOK_VOLATILITY_END = 64;
    static final int BOOK_LENGTH = 72;

    static final int END_TYPE = 202;
    static final int END_ORDERS = 8;
    static final int END_LENGTH = 16;

    static final int KILL_SWITCH_TYPE = 203;
    static final int KILL_SWITCH_FIRM = 4;
    static final int KILL_SWITCH_ACCOUNT = 8;
    static final int KILL_SWITCH_LENGTH = 16;

    static final int ORDER_TYPE = CommandType.RESTORE_ORDER.code();

    static final int ORDER_STATE_TYPE = 204;
    static final int ORDER_STATE_ORDER_ID = 8;
    static final int ORDER_STATE_VISIBLE = 16;
    static final int ORDER_STATE_STOP_SEQUENCE = 24;
    static final int ORDER_STATE_LENGTH = 32;

    private SnapshotRecords() {
    }
}
