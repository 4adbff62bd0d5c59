package exchange.matching;

import exchange.matching.command.RestoreOrderCommand;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes an engine's state as snapshot records ({@link SnapshotRecords}) and loads them back into a
 * fresh engine. Cold path: allocates, and takes time proportional to the number of orders; matching
 * thread only.
 */
final class EngineSnapshot {
    /** Puts one order of a snapshot back; the engine's restore. */
    @FunctionalInterface
    interface Restorer {
        /** @return the restored order's slot, or {@link OrderStore#NULL_SLOT} when it cannot be */
        int restore(RestoreOrderCommand order);
    }

    /** The engine's own counters and clock, as a snapshot header holds them. */
    static final class Header {
        long lastOrderId;
        long nowNs;
        long lastCommandSequence;
    }

    private final Books books;
    private final OrderStore orders;
    private final OrderExtras extras;
    private final EventWriter events;
    private final GtdExpiries gtdExpiries;
    private final KillSwitches killSwitches;

    EngineSnapshot(final Books books, final EventWriter events, final GtdExpiries gtdExpiries,
                   final KillSwitches killSwitches) {
        this.books = books;
        this.orders = books.orders();
        this.extras = books.extras();
        this.events = events;
        this.gtdExpiries = gtdExpiries;
        this.killSwitches = killSwitches;
    }

    /**
     * Writes the header, then per book its record and its resting orders in priority order, then the
     * kill switches that are on, then the end record.
     */
    void write(final SnapshotWriter out, final Header header) {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[512]);
        final Long2LongHashMap expiries = new Long2LongHashMap(0);
        for (int i = 0; i < gtdExpiries.size(); i++) {
            expiries.put(gtdExpiries.orderIdAt(i), gtdExpiries.timeAt(i));
        }
        int bookCount = 0;
        for (int id = 1; id < books.idLimit(); id++) {
            if (books.book(id) != null) {
                bookCount++;
            }
        }
        start(record, SnapshotRecords.HEADER_TYPE, SnapshotRecords.HEADER_LENGTH);
        record.putInt(SnapshotRecords.HEADER_VERSION, SnapshotRecords.VERSION);
        record.putLong(SnapshotRecords.HEADER_NEXT_EXEC_ID, events.nextExecId());
        record.putLong(SnapshotRecords.HEADER_NEXT_MATCH_ID, events.nextMatchId());
        record.putLong(SnapshotRecords.HEADER_LAST_ORDER_ID, header.lastOrderId);
        record.putLong(SnapshotRecords.HEADER_NOW, header.nowNs);
        record.putLong(SnapshotRecords.HEADER_LAST_SEQUENCE, header.lastCommandSequence);
        record.putInt(SnapshotRecords.HEADER_BOOKS, bookCount);
        out.write(record, 0, SnapshotRecords.HEADER_LENGTH);
        long orderCount = 0;
        final RestoreOrderCommand order = new RestoreOrderCommand();
        order.wrap(record, 0);
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null) {
                continue;
            }
            start(record, SnapshotRecords.BOOK_TYPE, SnapshotRecords.BOOK_LENGTH);
            record.putInt(SnapshotRecords.BOOK_INSTRUMENT, id);
            record.putByte(SnapshotRecords.BOOK_PHASE, book.phase().code());
            record.putByte(SnapshotRecords.BOOK_INDICATIVE_PUBLISHED, (byte) (book.indicativePublished() ? 1 : 0));
            record.putByte(SnapshotRecords.BOOK_IMBALANCE_SIDE, book.publishedImbalanceSide());
            record.putLong(SnapshotRecords.BOOK_LAST_TRADE, book.lastTradePrice());
            record.putLong(SnapshotRecords.BOOK_REFERENCE_PRICE, book.referencePrice());
            record.putLong(SnapshotRecords.BOOK_INDICATIVE_PRICE, book.publishedPrice());
            record.putLong(SnapshotRecords.BOOK_PAIRED_QTY, book.publishedPairedQty());
            record.putLong(SnapshotRecords.BOOK_IMBALANCE_QTY, book.publishedImbalanceQty());
            record.putLong(SnapshotRecords.BOOK_BREAKER_WINDOW_END, book.breakerWindowEndNs());
            record.putLong(SnapshotRecords.BOOK_VOLATILITY_END, book.volatilityEndNs());
            out.write(record, 0, SnapshotRecords.BOOK_LENGTH);
            for (final BookSide side : book.sides()) {
                orderCount += writeOrders(out, record, order, book, side, books.levels(), expiries);
            }
            for (final BookSide side : book.stopSides()) {
                orderCount += writeOrders(out, record, order, book, side, books.stopLevels(), expiries);
            }
        }
        for (int i = 0; i < killSwitches.size(); i++) {
            start(record, SnapshotRecords.KILL_SWITCH_TYPE, SnapshotRecords.KILL_SWITCH_LENGTH);
            record.putInt(SnapshotRecords.KILL_SWITCH_FIRM, killSwitches.firmAt(i));
            record.putInt(SnapshotRecords.KILL_SWITCH_ACCOUNT, killSwitches.accountAt(i));
            out.write(record, 0, SnapshotRecords.KILL_SWITCH_LENGTH);
        }
        start(record, SnapshotRecords.END_TYPE, SnapshotRecords.END_LENGTH);
        record.putLong(SnapshotRecords.END_ORDERS, orderCount);
        out.write(record, 0, SnapshotRecords.END_LENGTH);
    }

    private long writeOrders(final SnapshotWriter out, final UnsafeBuffer record, final RestoreOrderCommand order,
                             final OrderBook book, final BookSide side, final LevelStore levels,
                             final Long2LongHashMap expiries) {
        long count = 0;
        for (int depth = 0; depth < side.size(); depth++) {
            for (int slot = levels.head(side.levelAt(depth)); slot != OrderStore.NULL_SLOT; slot = orders.next(slot)) {
                writeOrder(order, book, slot, expiries);
                out.write(record, 0, order.length());
                count++;
                final int flags = orders.flags(slot);
                if ((flags & OrderStore.HAS_EXTRAS) != 0) {
                    start(record, SnapshotRecords.ORDER_STATE_TYPE, SnapshotRecords.ORDER_STATE_LENGTH);
                    record.putLong(SnapshotRecords.ORDER_STATE_ORDER_ID, orders.orderId(slot));
                    record.putLong(SnapshotRecords.ORDER_STATE_VISIBLE, books.visible(slot));
                    record.putLong(SnapshotRecords.ORDER_STATE_STOP_SEQUENCE,
                        (flags & OrderStore.WAITING_STOP) != 0 ? orders.stopSequence(slot) : 0);
                    out.write(record, 0, SnapshotRecords.ORDER_STATE_LENGTH);
                }
            }
        }
        return count;
    }

    private static void start(final UnsafeBuffer record, final int type, final int length) {
        record.setMemory(0, length, (byte) 0);
        record.putShort(0, (short) length);
        record.putByte(2, (byte) type);
    }

    private void writeOrder(final RestoreOrderCommand order, final OrderBook book, final int slot,
                            final Long2LongHashMap expiries) {
        final int flags = orders.flags(slot);
        order.init();
        order.instrumentId(book.id()).sessionId(orders.sessionId(slot)).firmId(orders.firmId(slot));
        order.orderId(orders.orderId(slot))
            .accountId(orders.accountId(slot))
            .side(orders.isSell(slot) ? Side.SELL : Side.BUY)
            .orderType(OrderStore.type(flags))
            .timeInForce(OrderStore.tif(flags))
            .instructions(OrderStore.instructions(flags))
            .price(orders.price(slot))
            .orderQty(orders.orderQty(slot))
            .cumQty(orders.cumQty(slot))
            .cumNotional((flags & OrderStore.WAITING_STOP) != 0 ? 0 : orders.cumNotional(slot))
            .stopPrice((flags & OrderStore.HAS_EXTRAS) != 0 ? extras.stopPrice(slot) : 0)
            .flags(OrderStore.type(flags).isStop() && (flags & OrderStore.WAITING_STOP) == 0
                ? RestoreOrderCommand.TRIGGERED : 0)
            .displayQty(books.isIceberg(slot) ? extras.peak(slot) : 0)
            .expireTimeNs(expiries.get(orders.orderId(slot)));
    }

    /**
     * Loads snapshot records into a fresh engine's books and stores.
     *
     * @param restorer puts each order back
     * @return the engine's counters and clock from the header
     * @throws IllegalStateException when the snapshot is incomplete, of another version or about other
     *         instruments
     */
    Header load(final DirectBuffer buffer, final int offset, final int length, final Restorer restorer) {
        final UnsafeBuffer records = new UnsafeBuffer(buffer, offset, length);
        final RestoreOrderCommand order = new RestoreOrderCommand();
        final Header header = new Header();
        int at = 0;
        boolean ended = false;
        while (at < length && !ended) {
            final int recordLength = records.getShort(at) & 0xFFFF;
            final int type = records.getByte(at + 2) & 0xFF;
            if (recordLength < 3 || at + recordLength > length) {
                throw new IllegalStateException("truncated snapshot record at byte " + at);
            }
            switch (type) {
                case SnapshotRecords.HEADER_TYPE -> {
                    final int version = records.getInt(at + SnapshotRecords.HEADER_VERSION);
                    if (version != SnapshotRecords.VERSION) {
                        throw new IllegalStateException("snapshot format " + version + ", expected " + SnapshotRecords.VERSION);
                    }
                    events.counters(records.getLong(at + SnapshotRecords.HEADER_NEXT_EXEC_ID),
                        records.getLong(at + SnapshotRecords.HEADER_NEXT_MATCH_ID));
                    header.lastOrderId = records.getLong(at + SnapshotRecords.HEADER_LAST_ORDER_ID);
                    header.nowNs = records.getLong(at + SnapshotRecords.HEADER_NOW);
                    header.lastCommandSequence = records.getLong(at + SnapshotRecords.HEADER_LAST_SEQUENCE);
                }
                case SnapshotRecords.BOOK_TYPE -> {
                    final int id = records.getInt(at + SnapshotRecords.BOOK_INSTRUMENT);
                    final OrderBook book = books.book(id);
                    if (book == null) {
                        throw new IllegalStateException("snapshot has instrument " + id + ", which is not configured");
                    }
                    book.phase(TradingPhase.fromCode(records.getByte(at + SnapshotRecords.BOOK_PHASE)));
                    book.lastTradePrice(records.getLong(at + SnapshotRecords.BOOK_LAST_TRADE));
                    book.referencePrice(records.getLong(at + SnapshotRecords.BOOK_REFERENCE_PRICE));
                    book.breakerWindowEndNs(records.getLong(at + SnapshotRecords.BOOK_BREAKER_WINDOW_END));
                    book.volatilityEndNs(records.getLong(at + SnapshotRecords.BOOK_VOLATILITY_END));
                    if (records.getByte(at + SnapshotRecords.BOOK_INDICATIVE_PUBLISHED) != 0) {
                        book.indicativePublished(records.getLong(at + SnapshotRecords.BOOK_INDICATIVE_PRICE),
                            records.getLong(at + SnapshotRecords.BOOK_PAIRED_QTY),
                            records.getLong(at + SnapshotRecords.BOOK_IMBALANCE_QTY),
                            records.getByte(at + SnapshotRecords.BOOK_IMBALANCE_SIDE));
                    }
                }
                case SnapshotRecords.ORDER_STATE_TYPE -> {
                    final int slot = orders.find(records.getLong(at + SnapshotRecords.ORDER_STATE_ORDER_ID));
                    if (slot == OrderStore.NULL_SLOT) {
                        throw new IllegalStateException("snapshot has state for an order it did not list, at byte " + at);
                    }
                    if (books.isIceberg(slot)) {
                        extras.visible(slot, records.getLong(at + SnapshotRecords.ORDER_STATE_VISIBLE));
                    }
                    if ((orders.flags(slot) & OrderStore.WAITING_STOP) != 0) {
                        orders.stopSequence(slot, records.getLong(at + SnapshotRecords.ORDER_STATE_STOP_SEQUENCE));
                    }
                }
                case SnapshotRecords.KILL_SWITCH_TYPE -> {
                    if (!killSwitches.add(records.getInt(at + SnapshotRecords.KILL_SWITCH_FIRM),
                        records.getInt(at + SnapshotRecords.KILL_SWITCH_ACCOUNT))) {
                        throw new IllegalStateException("snapshot has more kill switches than the engine holds");
                    }
                }
                case SnapshotRecords.END_TYPE -> {
                    ended = true;
                    final long expected = records.getLong(at + SnapshotRecords.END_ORDERS);
                    if (expected != orders.size()) {
                        throw new IllegalStateException("snapshot lists " + expected + " orders, loaded " + orders.size());
                    }
                }
                default -> {
                    if (type != SnapshotRecords.ORDER_TYPE) {
                        throw new IllegalStateException("unknown snapshot record type " + type + " at byte " + at);
                    }
                    order.wrap(records, at);
                    if (restorer.restore(order) == OrderStore.NULL_SLOT) {
                        throw new IllegalStateException("snapshot order cannot be restored: " + order);
                    }
                }
            }
            at += recordLength;
        }
        if (!ended) {
            throw new IllegalStateException("snapshot has no end record");
        }
        for (int id = 1; id < books.idLimit(); id++) {
            if (books.book(id) != null) {
                books.book(id).clearChanged(); // as after any command: its indicative is published
            }
        }
        return header;
    }
}
