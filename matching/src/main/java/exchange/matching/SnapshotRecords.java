package exchange.matching;

import exchange.matching.command.CommandType;

/**
 * The records of an engine snapshot, in this order: one header, one record per book, one
 * {@link exchange.matching.command.RestoreOrderCommand} per resting order (book by book, buy side
 * then sell side, best price first, in time priority), one record per kill switch that is on (a
 * snapshot without them, from before they existed, has none on), one end record. Every record starts
 * with its length (u16) and type (u8), like commands and events.
 *
 * <pre>
 * header (type 200)                       book (type 201)
 *   4  format version (i32)                 4  instrument id (i32)
 *   8  next exec id (i64)                   8  phase (u8), 9..15 reserved
 *  16  next match id (i64)                 16  last trade price (i64)
 *  24  last order id (i64)                 24  end
 *  32  engine time (i64, ns)
 *  40  last command sequence (i64)        end (type 202)
 *  48  book count (i32), 52 reserved         4  order count (i64 at 8)
 *  56  end                                  16  end
 *
 * kill switch (type 203)
 *   4  firm id (i32)   8 account id (i32)   12 reserved   16 end
 * </pre>
 */
final class SnapshotRecords {
    static final int VERSION = 1;

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
    static final int BOOK_LAST_TRADE = 16;
    static final int BOOK_LENGTH = 24;

    static final int END_TYPE = 202;
    static final int END_ORDERS = 8;
    static final int END_LENGTH = 16;

    static final int KILL_SWITCH_TYPE = 203;
    static final int KILL_SWITCH_FIRM = 4;
    static final int KILL_SWITCH_ACCOUNT = 8;
    static final int KILL_SWITCH_LENGTH = 16;

    static final int ORDER_TYPE = CommandType.RESTORE_ORDER.code();

    private SnapshotRecords() {
    }
}
