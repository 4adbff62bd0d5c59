package exchange.matching;

import exchange.matching.event.BookedEvent;
import exchange.matching.event.TradeEvent;

/**
 * Price-time matching of one aggressor against the other side of its book: best price first, and
 * within a price, first come first served. Every fill trades at the resting order's price.
 *
 * <p>A resting iceberg trades only its displayed peak; when the peak is used up, a fresh one shows at
 * the back of the level (Booked, refresh), so a large aggressor meets it again only after the orders
 * queued behind it; alone at its price, it trades on into its reserve at once. Self-trade prevention is applied here, order by order, with the aggressor's mode:
 * a resting order of the same owner is never traded with (see {@link SelfTradePrevention}).
 *
 * <p>Matching thread only. Never allocates.
 */
final class ContinuousMatcher {
    /** The aggressor matched until filled, or until its limit or the end of the book. */
    static final int MATCHED = 0;
    /** Self-trade prevention cancelled the aggressor; its slot is already released. */
    static final int AGGRESSOR_CANCELLED = 1;
    /** The next trade would have printed outside the circuit breaker's band: not printed. */
    static final int BREAKER_TRIPPED = 2;

    private final Books books;
    private final OrderStore orders;
    private final LevelStore levels;
    private final EventWriter events;
    private final OrderExtras extras;
    private final SelfTradeRules selfTrade;

    ContinuousMatcher(final Books books, final EventWriter events, final SelfTradeRules selfTrade) {
        this.books = books;
        this.orders = books.orders();
        this.levels = books.levels();
        this.extras = books.extras();
        this.events = events;
        this.selfTrade = selfTrade;
    }

    /**
     * @param slot an order
     * @return the worst price it may trade at: its limit; for a market order the edge of the price
     *         collar, or the extreme without one
     */
    long limitOf(final OrderBook book, final int slot) {
        final int flags = orders.flags(slot);
        if ((flags & OrderStore.LIMIT_PRICED) != 0) {
            return orders.price(slot);
        }
        return (flags & OrderStore.SIDE_SELL) != 0 ? book.collarLow() : book.collarHigh();
    }

    /**
     * How much an aggressor could fill at once, looking no further than it needs: the other side's
     * quantity at prices within its limit and the circuit breaker's band (so a fill-or-kill never
     * trips the breaker), in priority order. With self-trade prevention, an order of
     * the same owner is skipped when the mode cancels resting orders, and ends the count otherwise
     * (matching would stop or shrink the aggressor there).
     *
     * @param slot   the aggressor
     * @param limit  from {@link #limitOf}
     * @param wanted stop counting once this much is found
     * @return the quantity found, at most a little more than {@code wanted}
     */
    long fillable(final OrderBook book, final int slot, final long limit, final long wanted) {
        final boolean sell = orders.isSell(slot);
        final BookSide contra = book.contra(sell);
        final int mode = selfTrade.modeOf(orders.flags(slot), orders.firmId(slot));
        final boolean prevent = SelfTradeRules.prevents(mode);
        final long mask = selfTrade.ownerMask();
        final long owner = orders.owner(slot) & mask;
        long available = 0;
        for (int depth = 0; depth < contra.size() && available < wanted; depth++) {
            final int level = contra.levelAt(depth);
            final long price = levels.price(level);
            if (!crosses(sell, limit, price) || price < book.bandLow() || price > book.bandHigh()) {
                break;
            }
            if (!prevent) {
                available += levels.qty(level);
                continue;
            }
            for (int resting = levels.head(level); resting != OrderStore.NULL_SLOT; resting = orders.next(resting)) {
                if ((orders.owner(resting) & mask) == owner) {
                    if (mode == SelfTradePrevention.CANCEL_RESTING.code()) {
                        continue;
                    }
                    return available;
                }
                available += orders.leavesQty(resting);
            }
        }
        return available;
    }

    static boolean crosses(final boolean sell, final long limit, final long restingPrice) {
        return sell ? restingPrice >= limit : restingPrice <= limit;
    }

    /**
     * Trades the aggressor against the other side until it is filled, or the best resting price is
     * beyond its limit, or a trade would print outside the circuit breaker's band (set by
     * {@link OrderBook#updateBand}). Filled resting orders leave the book; emptied levels are dropped.
     *
     * @param book  the aggressor's book
     * @param slot  the aggressor, not on the book
     * @param limit from {@link #limitOf}
     * @return {@link #MATCHED}; {@link #AGGRESSOR_CANCELLED} when self-trade prevention ended it;
     *         {@link #BREAKER_TRIPPED} when the band stopped it
     */
    int match(final OrderBook book, final int slot, final long limit) {
        final boolean sell = orders.isSell(slot);
        final BookSide contra = book.contra(sell);
        final byte aggressorSide = sell ? Side.SELL.code() : Side.BUY.code();
        final int mode = selfTrade.modeOf(orders.flags(slot), orders.firmId(slot));
        final boolean prevent = SelfTradeRules.prevents(mode);
        final long mask = selfTrade.ownerMask();
        final long owner = prevent ? orders.owner(slot) & mask : 0;
        long leaves = orders.leavesQty(slot);
        while (leaves > 0) {
            final int level = contra.best();
            if (level == LevelStore.NULL_LEVEL) {
                break;
            }
            final long price = levels.price(level);
            if (!crosses(sell, limit, price)) {
                break;
            }
            if (price < book.bandLow() || price > book.bandHigh()) {
                return BREAKER_TRIPPED;
            }
            boolean traded = false;
            int resting = levels.head(level);
            while (resting != OrderStore.NULL_SLOT && leaves > 0) {
                final int next = orders.next(resting);
                // The common fill comes first in the code: the JIT inlines call sites in code order
                // within a budget, and the plain trade is the one that must not miss out.
                final boolean selfTrade = prevent && (orders.owner(resting) & mask) == owner;
                if (!selfTrade && (orders.flags(resting) & OrderStore.HAS_EXTRAS) == 0) {
                    traded = true;
                    final long qty = Math.min(leaves, orders.leavesQty(resting));
                    orders.fill(slot, qty, price);
                    orders.fill(resting, qty, price);
                    levels.addQty(level, -qty);
                    leaves -= qty;
                    final long restingLeaves = orders.leavesQty(resting);
                    events.trade(book.id(), sell ? resting : slot, sell ? slot : resting, price, qty, aggressorSide, 0,
                        sell ? restingLeaves : 0, sell ? 0 : restingLeaves);
                    if (restingLeaves == 0) {
                        levels.remove(level, orders, resting);
                        books.release(resting);
                    }
                } else if (!selfTrade) {
                    traded = true;
                    leaves -= fillWithExtras(book, level, slot, resting, leaves, price, aggressorSide);
                } else {
                    if (preventSelfTrade(mode, level, slot, resting, leaves)) {
                        endLevel(book, contra, level, price, traded);
                        return AGGRESSOR_CANCELLED;
                    }
                    leaves = orders.leavesQty(slot);
                }
                resting = next;
            }
            endLevel(book, contra, level, price, traded);
        }
        return MATCHED;
    }

    /**
     * A fill against a resting order with extras: an iceberg trades its displayed peak, and when that
     * is used up shows a fresh one at the back of its level (Booked, refresh). When it is the only
     * order at its price it would be next again at once, so the aggressor trades on into its hidden
     * reserve in the same execution (flagged: part of it was never displayed), and it refreshes after.
     * A triggered stop-limit trades like any order.
     *
     * @return the quantity filled
     */
    private long fillWithExtras(final OrderBook book, final int level, final int slot, final int resting,
                                final long leaves, final long price, final byte aggressorSide) {
        final int at = extras.find(resting);
        final long peak = extras.peakAt(at);
        final long shown = peak > 0 ? extras.visibleAt(at) : orders.leavesQty(resting);
        final long available = peak > 0 && levels.count(level) == 1 ? orders.leavesQty(resting) : shown;
        final long qty = Math.min(leaves, available);
        orders.fill(slot, qty, price);
        orders.fill(resting, qty, price);
        levels.addQty(level, -qty);
        final long restingLeaves = orders.leavesQty(resting);
        final long restingVisible = peak > 0 ? Math.max(0, shown - qty) : restingLeaves;
        if (peak > 0) {
            extras.visibleAt(at, restingVisible);
        }
        final int flags = qty > shown ? TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED : 0;
        final boolean sell = aggressorSide == Side.SELL.code();
        events.trade(book.id(), sell ? resting : slot, sell ? slot : resting, price, qty, aggressorSide, flags,
            sell ? restingVisible : 0, sell ? 0 : restingVisible);
        if (restingLeaves == 0) {
            levels.remove(level, orders, resting);
            books.release(resting);
        } else if (restingVisible == 0) {
            final long fresh = Math.min(peak, restingLeaves);
            extras.visibleAt(at, fresh);
            levels.remove(level, orders, resting);
            levels.append(level, orders, resting);
            events.booked(resting, fresh, BookedEvent.REASON_REFRESH);
        }
        return qty;
    }

    private void endLevel(final OrderBook book, final BookSide contra, final int level, final long price,
                          final boolean traded) {
        if (levels.count(level) == 0) {
            contra.removeBest();
            levels.free(level);
        }
        if (traded) {
            book.lastTradePrice(price);
            book.recordPrint(price);
        }
    }

    /**
     * Applies a self-trade prevention mode to the aggressor and one resting order of the same owner.
     *
     * @return true when the aggressor is gone (cancelled and released)
     */
    private boolean preventSelfTrade(final int mode, final int level, final int slot, final int resting,
                                     final long leaves) {
        if (mode == SelfTradePrevention.CANCEL_AGGRESSOR.code()) {
            cancelAggressor(slot);
            return true;
        }
        if (mode == SelfTradePrevention.CANCEL_RESTING.code()) {
            cancelResting(level, resting);
            return false;
        }
        if (mode == SelfTradePrevention.CANCEL_BOTH.code()) {
            cancelResting(level, resting);
            cancelAggressor(slot);
            return true;
        }
        // DECREMENT: both lose the smaller quantity; whichever is left with nothing is cancelled.
        final long qty = Math.min(leaves, orders.leavesQty(resting));
        if (orders.leavesQty(resting) == qty) {
            cancelResting(level, resting);
        } else {
            orders.reduceQty(resting, qty);
            levels.addQty(level, -qty);
            books.clampVisible(resting);
            events.restated(resting, qty, books.visible(resting), CancelReason.SELF_TRADE);
        }
        if (leaves == qty) {
            cancelAggressor(slot);
            return true;
        }
        orders.reduceQty(slot, qty);
        events.restated(slot, qty, 0, CancelReason.SELF_TRADE);
        return false;
    }

    private void cancelResting(final int level, final int resting) {
        levels.addQty(level, -orders.leavesQty(resting));
        levels.remove(level, orders, resting);
        events.cancelled(resting, CancelReason.SELF_TRADE, null, 0, 0);
        books.release(resting);
    }

    private void cancelAggressor(final int slot) {
        events.cancelled(slot, CancelReason.SELF_TRADE, null, 0, 0);
        books.release(slot);
    }
}
