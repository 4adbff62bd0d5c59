package exchange.matching;

/**
 * The engine's books and the stores their orders and levels live in, with the few operations that
 * put an order on a book and take it off again.
 *
 * <p>Matching thread only. Never allocates after construction.
 */
final class Books {
    /** The price of the level market orders rest at on the buy side in a call book: above every bid. */
    static final long MARKET_BID_LEVEL_PRICE = Long.MAX_VALUE;
    /** The price of the level market orders rest at on the sell side in a call book: below every offer. */
    static final long MARKET_ASK_LEVEL_PRICE = 0;

    private final OrderBook[] byId;
    private final OrderStore orders;
    private final LevelStore levels;
    private final LevelStore stopLevels;
    private final OrderExtras extras;

    Books(final Iterable<Instrument> instruments, final EngineConfig config) {
        int maxId = 0;
        for (final Instrument i : instruments) {
            maxId = Math.max(maxId, i.id());
        }
        this.byId = new OrderBook[maxId + 1];
        for (final Instrument i : instruments) {
            if (byId[i.id()] != null) {
                throw new IllegalArgumentException("duplicate instrument id " + i.id());
            }
            byId[i.id()] = new OrderBook(i);
        }
        this.orders = new OrderStore(config.orderCapacity());
        this.levels = new LevelStore(config.levelCapacity());
        this.extras = new OrderExtras(config.extrasCapacity(), config.orderCapacity());
        // Every waiting stop has extras (its stop price), so stop levels can never outnumber them.
        this.stopLevels = new LevelStore(config.extrasCapacity());
    }

    OrderStore orders() {
        return orders;
    }

    LevelStore levels() {
        return levels;
    }

    /** @return the levels of waiting stop orders, keyed by stop price */
    LevelStore stopLevels() {
        return stopLevels;
    }

    OrderExtras extras() {
        return extras;
    }

    /** @return the book, or {@code null} for an unknown id. */
    OrderBook book(final int instrumentId) {
        return instrumentId > 0 && instrumentId < byId.length ? byId[instrumentId] : null;
    }

    /** @return one more than the highest instrument id. */
    int idLimit() {
        return byId.length;
    }

    /**
     * @param sell        the order's side
     * @param limitPriced whether it has a limit price
     * @param price       its limit price
     * @return the price of the level it rests at: its limit, or the market level of its side (market
     *         orders rest only in call phases, ahead of every priced order)
     */
    static long levelPrice(final boolean sell, final boolean limitPriced, final long price) {
        if (limitPriced) {
            return price;
        }
        return sell ? MARKET_ASK_LEVEL_PRICE : MARKET_BID_LEVEL_PRICE;
    }

    /** @return true for the price of a market level */
    static boolean isMarketLevel(final long levelPrice) {
        return levelPrice == MARKET_BID_LEVEL_PRICE || levelPrice == MARKET_ASK_LEVEL_PRICE;
    }

    /**
     * @return true when an order at this price could rest: its level exists, or a new level fits
     */
    boolean hasRoomAt(final OrderBook book, final boolean sell, final long price) {
        final BookSide side = book.own(sell);
        return (!side.isFull() && !levels.isFull()) || side.find(price) != LevelStore.NULL_LEVEL;
    }

    /**
     * @param book  the order's book
     * @param sell  the order's side
     * @param price its limit price
     * @return true when an order at this price would take from the best opposite level
     */
    boolean wouldTake(final OrderBook book, final boolean sell, final long price) {
        final int contra = book.contra(sell).best();
        return contra != LevelStore.NULL_LEVEL && ContinuousMatcher.crosses(sell, price, levels.price(contra));
    }

    /**
     * @return the slot of a live order of this firm on this instrument, or {@link OrderStore#NULL_SLOT}:
     *         another firm's order is as unknown as an order that never was
     */
    int ownedOrder(final long orderId, final int firmId, final int instrumentId) {
        final int slot = orders.find(orderId);
        if (slot == OrderStore.NULL_SLOT || orders.firmId(slot) != (firmId & 0xFFFF)
            || orders.bookId(slot) != instrumentId) {
            return OrderStore.NULL_SLOT;
        }
        return slot;
    }

    /** Gives a new order its extras record (flag and entry), to be filled in by the caller. */
    void addExtras(final int slot) {
        orders.flags(slot, orders.flags(slot) | OrderStore.HAS_EXTRAS);
        extras.add(slot);
    }

    /**
     * The quantity an order shows on the book.
     *
     * @param slot a live order
     * @return its visible quantity: all its leaves, or the current peak of an iceberg
     */
    long visible(final int slot) {
        final int flags = orders.flags(slot);
        if ((flags & OrderStore.LIMIT_PRICED) == 0) {
            return 0; // a market order in a call book, or a waiting stop: nothing shown
        }
        if ((flags & OrderStore.HAS_EXTRAS) != 0) {
            if ((flags & OrderStore.WAITING_STOP) != 0) {
                return 0;
            }
            if (extras.peak(slot) > 0) {
                return extras.visible(slot);
            }
        }
        return orders.leavesQty(slot);
    }

    /** @return true for an iceberg: an order with a display peak. */
    boolean isIceberg(final int slot) {
        return (orders.flags(slot) & OrderStore.HAS_EXTRAS) != 0 && extras.peak(slot) > 0;
    }

    /** An iceberg lost leaves without a fill: it shows no more than it has left. */
    void clampVisible(final int slot) {
        if (isIceberg(slot)) {
            extras.visible(slot, Math.min(extras.visible(slot), orders.leavesQty(slot)));
        }
    }

    /** An iceberg shows a fresh peak: its display quantity, or all it has left when that is less. */
    void refreshVisible(final int slot) {
        extras.visible(slot, Math.min(extras.peak(slot), orders.leavesQty(slot)));
    }

    /**
     * Puts an order at the back of its price level, creating the level if needed; an iceberg shows a
     * fresh peak. The caller has checked {@link #hasRoomAt}.
     *
     * @param book the order's book
     * @param slot the order, not on any level
     */
    void rest(final OrderBook book, final int slot) {
        final int flags = orders.flags(slot);
        final boolean sell = (flags & OrderStore.SIDE_SELL) != 0;
        final long price = levelPrice(sell, (flags & OrderStore.LIMIT_PRICED) != 0, orders.price(slot));
        final BookSide side = book.own(sell);
        final int position = side.search(price);
        final int level;
        if (position >= 0) {
            level = side.levelAtPosition(position);
        } else {
            level = levels.allocate(price);
            side.insertAt(-position - 1, price, level);
        }
        levels.append(level, orders, slot);
        levels.addQty(level, orders.leavesQty(slot));
        if (isIceberg(slot)) {
            refreshVisible(slot);
        }
        book.changed();
    }

    /**
     * Takes a resting order off its level, dropping the level when it empties.
     *
     * @param book the order's book
     * @param slot the order, on a level
     */
    void unbook(final OrderBook book, final int slot) {
        final int level = orders.level(slot);
        levels.remove(level, orders, slot);
        levels.addQty(level, -orders.leavesQty(slot));
        if (levels.count(level) == 0) {
            book.own(orders.isSell(slot)).remove(levels.price(level));
            levels.free(level);
        }
        book.changed();
    }

    /** @return true when a stop could wait at this stop price: its level exists, or a new one fits */
    boolean hasRoomForStop(final OrderBook book, final boolean sell, final long stopPrice) {
        final BookSide side = book.stops(sell);
        return !side.isFull() || side.find(stopPrice) != LevelStore.NULL_LEVEL;
    }

    /**
     * Files a stop order at the back of the waiting stops at its stop price, and marks it waiting. The
     * caller has checked {@link #hasRoomForStop}.
     *
     * @param sequence its stop priority: stops triggered together activate in this order
     */
    void waitStop(final OrderBook book, final int slot, final long sequence) {
        orders.flags(slot, orders.flags(slot) | OrderStore.WAITING_STOP);
        orders.stopSequence(slot, sequence);
        final long stopPrice = extras.stopPrice(slot);
        final BookSide side = book.stops(orders.isSell(slot));
        final int position = side.search(stopPrice);
        final int level;
        if (position >= 0) {
            level = side.levelAtPosition(position);
        } else {
            level = stopLevels.allocate(stopPrice);
            side.insertAt(-position - 1, stopPrice, level);
        }
        stopLevels.append(level, orders, slot);
        stopLevels.addQty(level, orders.leavesQty(slot));
    }

    /** Takes a waiting stop off its stop level; it is still marked waiting. */
    void unwaitStop(final OrderBook book, final int slot) {
        final int level = orders.level(slot);
        stopLevels.remove(level, orders, slot);
        stopLevels.addQty(level, -orders.leavesQty(slot));
        if (stopLevels.count(level) == 0) {
            book.stops(orders.isSell(slot)).remove(stopLevels.price(level));
            stopLevels.free(level);
        }
    }

    /** Takes a live order off its level or its stop level, whichever it is on. */
    void takeOff(final OrderBook book, final int slot) {
        if ((orders.flags(slot) & OrderStore.WAITING_STOP) != 0) {
            unwaitStop(book, slot);
        } else {
            unbook(book, slot);
        }
    }

    /**
     * Forgets an order that is on no level: frees its extras and its slot.
     *
     * @param slot the order
     */
    void release(final int slot) {
        if ((orders.flags(slot) & OrderStore.HAS_EXTRAS) != 0) {
            extras.remove(slot);
        }
        orders.free(slot);
    }
}
