package exchange.matching;

import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.BookedEvent;
import exchange.matching.event.TradeEvent;

/**
 * The single-price auction of a call book: where it would uncross, and the uncross itself.
 *
 * <p>The uncrossing price is, among the candidate prices (every limit price in the book, and the
 * auction reference price), the one that
 * <ol>
 *   <li>maximises the executable volume: min(buy quantity at or above it, sell quantity at or below
 *       it), market orders counting at every price;</li>
 *   <li>then minimises the imbalance: |buy quantity - sell quantity| at that price;</li>
 *   <li>then is nearest the auction reference price (the last trade price, else the instrument's
 *       reference price); with two equally near, the higher.</li>
 * </ol>
 * This is the ladder of the Euronext Trading Manual (§3.1, uncrossing: maximum execution, minimum
 * surplus, closest to the reference price). With only market orders crossing, the price is the
 * reference price. Icebergs count with their whole quantity.
 *
 * <p>At the uncross every crossing order trades at that one price, buy and sell orders each in
 * price-time priority (market orders first): orders priced through the auction price fill in full,
 * at most one order per side fills in part. Trades carry the auction flag and no aggressor.
 *
 * <p>Matching thread only. Never allocates after construction; looks only at the levels where the
 * book crosses (the whole of a side only when the other has market orders).
 */
final class Auction {
    private final OrderStore orders;
    private final LevelStore levels;
    private final OrderExtras extras;
    private final Books books;
    private final EventWriter events;
    private final long[] bidPrices;
    private final long[] bidQtys;
    private final long[] askPrices;
    private final long[] askQtys;

    private long price;
    private long volume;
    private long buyQty;
    private long sellQty;

    /**
     * @param maxPriceLevels most price levels of any instrument's side
     */
    Auction(final Books books, final EventWriter events, final int maxPriceLevels) {
        this.books = books;
        this.orders = books.orders();
        this.levels = books.levels();
        this.extras = books.extras();
        this.events = events;
        this.bidPrices = new long[maxPriceLevels];
        this.bidQtys = new long[maxPriceLevels];
        this.askPrices = new long[maxPriceLevels];
        this.askQtys = new long[maxPriceLevels];
    }

    /** @return the price of the last {@link #compute}, 0 when nothing crosses */
    long price() {
        return price;
    }

    /** @return the executable volume at that price */
    long volume() {
        return volume;
    }

    /** @return |buy quantity - sell quantity| at that price */
    long imbalance() {
        return Math.abs(buyQty - sellQty);
    }

    /** @return 'B', 'S' or 'N' for the heavier side at that price, 'O' when nothing crosses */
    byte imbalanceSide() {
        if (volume == 0) {
            return AuctionIndicativeEvent.NO_CROSS;
        }
        return buyQty > sellQty ? AuctionIndicativeEvent.IMBALANCE_BUY
            : sellQty > buyQty ? AuctionIndicativeEvent.IMBALANCE_SELL : AuctionIndicativeEvent.IMBALANCE_NONE;
    }

    /**
     * Finds where the book would uncross now.
     *
     * @param referencePrice the auction reference price, 0 when unknown
     * @return true when orders cross (a positive volume)
     */
    boolean compute(final OrderBook book, final long referencePrice) {
        price = 0;
        volume = 0;
        buyQty = 0;
        sellQty = 0;
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        final long marketBuys = marketQty(bids);
        final long marketSells = marketQty(asks);
        final int firstBid = marketBuys > 0 ? 1 : 0;
        final int firstAsk = marketSells > 0 ? 1 : 0;
        final boolean anyBuy = marketBuys > 0 || bids.size() > firstBid;
        final boolean anySell = marketSells > 0 || asks.size() > firstAsk;
        if (!anyBuy || !anySell) {
            return false;
        }
        // Volume needs a buy at or above the price and a sell at or below it: below the best offer
        // only market sells trade, above the best bid only market buys.
        final long low = marketSells > 0 || asks.size() == firstAsk ? Long.MIN_VALUE : levels.price(asks.levelAt(firstAsk));
        final long high = marketBuys > 0 || bids.size() == firstBid ? Long.MAX_VALUE : levels.price(bids.levelAt(firstBid));
        int bidCount = 0;
        for (int depth = firstBid; depth < bids.size(); depth++) {
            final int level = bids.levelAt(depth);
            if (levels.price(level) < low) {
                break;
            }
            bidPrices[bidCount] = levels.price(level);
            bidQtys[bidCount] = levels.qty(level);
            bidCount++;
        }
        int askCount = 0;
        for (int depth = firstAsk; depth < asks.size(); depth++) {
            final int level = asks.levelAt(depth);
            if (levels.price(level) > high) {
                break;
            }
            askPrices[askCount] = levels.price(level);
            askQtys[askCount] = levels.qty(level);
            askCount++;
        }
        // Candidates in ascending price: bids from their end, asks from their start, and the reference.
        long buys = marketBuys;
        for (int i = 0; i < bidCount; i++) {
            buys += bidQtys[i];
        }
        long sells = marketSells;
        int bid = bidCount - 1;
        int ask = 0;
        boolean referencePending = referencePrice > 0;
        while (bid >= 0 || ask < askCount || referencePending) {
            long candidate = Long.MAX_VALUE;
            if (bid >= 0) {
                candidate = bidPrices[bid];
            }
            if (ask < askCount && askPrices[ask] < candidate) {
                candidate = askPrices[ask];
            }
            if (referencePending && referencePrice <= candidate) {
                candidate = referencePrice;
                referencePending = false;
            }
            // buys: everything priced at or above the candidate; sells: at or below it
            while (ask < askCount && askPrices[ask] <= candidate) {
                sells += askQtys[ask];
                ask++;
            }
            consider(candidate, buys, sells, referencePrice);
            while (bid >= 0 && bidPrices[bid] <= candidate) {
                buys -= bidQtys[bid];
                bid--;
            }
        }
        return volume > 0;
    }

    private long marketQty(final BookSide side) {
        if (side.isEmpty() || !Books.isMarketLevel(levels.price(side.best()))) {
            return 0;
        }
        return levels.qty(side.best());
    }

    private void consider(final long candidate, final long buys, final long sells, final long referencePrice) {
        final long executable = Math.min(buys, sells);
        if (executable == 0 || executable < volume) {
            return;
        }
        if (executable == volume) {
            final long imbalance = Math.abs(buys - sells);
            final long current = Math.abs(buyQty - sellQty);
            if (imbalance > current) {
                return;
            }
            if (imbalance == current) {
                final long distance = Math.abs(candidate - referencePrice);
                final long currentDistance = Math.abs(price - referencePrice);
                if (distance > currentDistance || (distance == currentDistance && candidate < price)) {
                    return;
                }
            }
        }
        price = candidate;
        volume = executable;
        buyQty = buys;
        sellQty = sells;
    }

    /**
     * Executes the uncross found by the last {@link #compute}: every crossing order trades at its
     * price, in price-time priority, until its volume is done. An iceberg left with nothing shown
     * shows a fresh peak at the back of its level.
     */
    void execute(final OrderBook book) {
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        long remaining = volume;
        while (remaining > 0) {
            final int bidLevel = bids.best();
            final int askLevel = asks.best();
            if (levels.price(bidLevel) < price || levels.price(askLevel) > price) {
                throw new IllegalStateException("auction of book " + book.id() + " ran out of crossing orders");
            }
            final int buy = levels.head(bidLevel);
            final int sell = levels.head(askLevel);
            final long qty = Math.min(remaining, Math.min(orders.leavesQty(buy), orders.leavesQty(sell)));
            int flags = TradeEvent.FLAG_AUCTION;
            final long buyShown = books.visible(buy);
            final long sellShown = books.visible(sell);
            if (fillFromHidden(buy, qty) | fillFromHidden(sell, qty)) {
                flags |= TradeEvent.FLAG_PASSIVE_NOT_DISPLAYED;
            }
            orders.fill(buy, qty, price);
            orders.fill(sell, qty, price);
            levels.addQty(bidLevel, -qty);
            levels.addQty(askLevel, -qty);
            remaining -= qty;
            events.trade(book.id(), buy, sell, price, qty, (byte) 0, flags, shownAfter(buy, buyShown, qty),
                shownAfter(sell, sellShown, qty));
            finishFill(bids, bidLevel, buy);
            finishFill(asks, askLevel, sell);
        }
        refreshIfUsedUp(bids);
        refreshIfUsedUp(asks);
        book.lastTradePrice(price);
        book.changed();
    }

    /**
     * An iceberg trades its whole quantity in an auction: its displayed part first, then its reserve.
     *
     * @return true when part of the fill came from quantity never displayed
     */
    private boolean fillFromHidden(final int slot, final long qty) {
        if (!books.isIceberg(slot)) {
            return false;
        }
        final long shown = extras.visible(slot);
        extras.visible(slot, Math.max(0, shown - qty));
        return qty > shown;
    }

    private long shownAfter(final int slot, final long shownBefore, final long qty) {
        if (books.isIceberg(slot)) {
            return extras.visible(slot);
        }
        return shownBefore == 0 ? 0 : orders.leavesQty(slot);
    }

    private void finishFill(final BookSide side, final int level, final int slot) {
        if (orders.leavesQty(slot) > 0) {
            return;
        }
        levels.remove(level, orders, slot);
        books.release(slot);
        if (levels.count(level) == 0) {
            side.removeBest();
            levels.free(level);
        }
    }

    private void refreshIfUsedUp(final BookSide side) {
        if (side.isEmpty()) {
            return;
        }
        final int level = side.best();
        final int slot = levels.head(level);
        if (books.isIceberg(slot) && extras.visible(slot) == 0) {
            books.refreshVisible(slot);
            levels.remove(level, orders, slot);
            levels.append(level, orders, slot);
            events.booked(slot, extras.visible(slot), BookedEvent.REASON_REFRESH);
        }
    }
}
