package exchange.matching;

import exchange.matching.event.AuctionIndicativeEvent;
import exchange.matching.event.PhaseChangedEvent;

/**
 * Moves books between trading phases, runs the auction that ends a call, and keeps the indicative
 * auction of every book in a call phase published.
 *
 * <p>A call phase (pre-open, pre-close, volatility auction) that ends in continuous trading or in
 * closed uncrosses the book first; so does a halted or closed book that goes to continuous trading
 * (orders may have collected crossed). After an uncross, auction-only orders that did not fill
 * expire, and, when continuous trading starts, so do market orders that did not (they never rest in
 * continuous trading). Then the phase changes (PhaseChanged), and in continuous trading the auction
 * price triggers the stops it reaches. A volatility auction started by the circuit breaker keeps the
 * prices the aggressor printed before the trip: the stops they reached trigger all the same, and join
 * the auction.
 *
 * <p>Matching thread only. Never allocates.
 */
final class TradingPhases {
    private final Books books;
    private final OrderStore orders;
    private final LevelStore levels;
    private final EventWriter events;
    private final Auction auction;
    private final OrderFlow flow;
    private int callBooks;
    private long nextVolatilityEndNs = Long.MAX_VALUE;
    private long nowNs;

    TradingPhases(final Books books, final EventWriter events, final Auction auction, final OrderFlow flow) {
        this.books = books;
        this.orders = books.orders();
        this.levels = books.levels();
        this.events = events;
        this.auction = auction;
        this.flow = flow;
    }

    /** @param nowNs engine time, for the volatility auctions that start and the opening window */
    void now(final long nowNs) {
        this.nowNs = nowNs;
    }

    /** @return when the earliest volatility auction ends, {@link Long#MAX_VALUE} when none runs */
    long nextVolatilityEndNs() {
        return nextVolatilityEndNs;
    }

    /**
     * Ends the volatility auctions whose time has come, ascending instrument id: each uncrosses and
     * trading resumes (PhaseChanged, reason: volatility auction end).
     *
     * @param upToNs end those that end at or before this time (at most the engine's time)
     */
    void endVolatilityAuctions(final long upToNs) {
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book != null && book.phase() == TradingPhase.VOLATILITY_AUCTION && book.volatilityEndNs() <= upToNs) {
                change(book, TradingPhase.CONTINUOUS, PhaseChangedEvent.REASON_VOLATILITY_AUCTION_END);
            }
        }
        nextVolatilityEndNs = Long.MAX_VALUE;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book != null && book.phase() == TradingPhase.VOLATILITY_AUCTION) {
                nextVolatilityEndNs = Math.min(nextVolatilityEndNs, book.volatilityEndNs());
            }
        }
    }

    /**
     * Moves a book to a phase; nothing happens when it is in that phase already. A volatility auction
     * lasts its instrument's configured time; continuous trading that starts from pre-open or closed
     * (the open) starts the circuit breaker's opening window.
     *
     * @param reason the PhaseChanged reason
     */
    void change(final OrderBook book, final TradingPhase to, final int reason) {
        final TradingPhase from = book.phase();
        if (from == to) {
            return;
        }
        final boolean toContinuous = to == TradingPhase.CONTINUOUS;
        if (toContinuous || (to == TradingPhase.CLOSED && from.isCall())) {
            uncross(book, from, toContinuous);
        }
        if (from.isCall()) {
            callBooks--;
        }
        if (to.isCall()) {
            callBooks++;
            book.resetIndicative();
        }
        book.phase(to);
        if (to == TradingPhase.VOLATILITY_AUCTION) {
            book.volatilityEndNs(nowNs + book.instrument().volatilityAuctionNs());
            nextVolatilityEndNs = Math.min(nextVolatilityEndNs, book.volatilityEndNs());
        }
        if (toContinuous && (from == TradingPhase.PRE_OPEN || from == TradingPhase.CLOSED)) {
            book.breakerWindowEndNs(nowNs + book.instrument().circuitBreakerOpeningWindowNs());
        }
        events.phaseChanged(book.id(), to, from, reason);
        if (toContinuous) {
            flow.triggerStops(book);
        } else if (reason != PhaseChangedEvent.REASON_CIRCUIT_BREAKER) {
            book.clearPrints(); // a closing auction's price triggers nothing
        }
        // The breaker keeps the prints of the continuous trades before the trip: the stops they reached
        // trigger after the command, and wait in the volatility auction as the orders they became.
    }

    private void uncross(final OrderBook book, final TradingPhase from, final boolean toContinuous) {
        final boolean crossed = auction.compute(book, book.auctionReferencePrice());
        if (crossed) {
            auction.execute(book);
            book.referencePrice(auction.price());
            book.recordPrint(auction.price());
        }
        if (from.isCall() || crossed) {
            events.auctionUncrossed(book.id(), auction.price(), auction.volume(), crossType(from), from);
        }
        if (book.mayHoldAuctionOnly()) {
            expireAfterAuction(book, book.bids(), toContinuous, Integer.MAX_VALUE);
            expireAfterAuction(book, book.asks(), toContinuous, Integer.MAX_VALUE);
            book.auctionOnlyExpired();
        } else if (toContinuous) {
            // market orders rest only at the market level, each side's best
            expireAfterAuction(book, book.bids(), true, 1);
            expireAfterAuction(book, book.asks(), true, 1);
        }
    }

    /**
     * Auction-only orders expire after an auction; market orders cannot go on into continuous trading.
     *
     * @param maxDepth how many levels from the best to look at
     */
    private void expireAfterAuction(final OrderBook book, final BookSide side, final boolean toContinuous,
                                    final int maxDepth) {
        int depth = 0;
        while (depth < side.size() && depth < maxDepth) {
            final int level = side.levelAt(depth);
            final int before = side.size();
            int slot = levels.head(level);
            while (slot != OrderStore.NULL_SLOT) {
                final int next = orders.next(slot);
                final int flags = orders.flags(slot);
                final TimeInForce tif = OrderStore.tif(flags);
                final CancelReason reason = tif == TimeInForce.AT_THE_OPEN || tif == TimeInForce.AT_THE_CLOSE
                    ? CancelReason.AUCTION_ONLY_UNFILLED
                    : toContinuous && (flags & OrderStore.LIMIT_PRICED) == 0 ? CancelReason.NO_LIQUIDITY : null;
                if (reason != null) {
                    books.unbook(book, slot);
                    events.cancelled(slot, reason, null, 0, 0);
                    books.release(slot);
                }
                slot = next;
            }
            if (side.size() == before) {
                depth++;
            }
        }
    }

    /** @return the ITCH cross type of the auction that ends a phase */
    static byte crossType(final TradingPhase phase) {
        return switch (phase) {
            case PRE_CLOSE -> AuctionIndicativeEvent.CROSS_CLOSING;
            case VOLATILITY_AUCTION, HALTED -> AuctionIndicativeEvent.CROSS_HALT_OR_VOLATILITY;
            default -> AuctionIndicativeEvent.CROSS_OPENING;
        };
    }

    /** @return true when some book is in a call phase: only then are indicative auctions kept */
    boolean hasCallBooks() {
        return callBooks != 0;
    }

    /**
     * Publishes the indicative auction of every book in a call phase whose resting orders changed,
     * when it differs from the last one published; books in ascending instrument id. Called at the
     * end of every command.
     */
    void publishIndicatives() {
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book == null || !book.phase().isCall() || !book.hasChanged()) {
                continue;
            }
            book.clearChanged();
            final long reference = book.auctionReferencePrice();
            final boolean crossed = auction.compute(book, reference);
            final long price = crossed ? auction.price() : 0;
            final long imbalance = crossed ? auction.imbalance() : 0;
            final byte side = auction.imbalanceSide();
            if (book.indicativeDiffers(price, auction.volume(), imbalance, side)) {
                events.auctionIndicative(id, price, auction.volume(), imbalance, side, crossType(book.phase()),
                    book.phase(), reference);
                book.indicativePublished(price, auction.volume(), imbalance, side);
            }
        }
    }

    /** Counts the books in a call phase and finds the next volatility auction end, after a snapshot set phases directly. */
    void recount() {
        callBooks = 0;
        nextVolatilityEndNs = Long.MAX_VALUE;
        for (int id = 1; id < books.idLimit(); id++) {
            final OrderBook book = books.book(id);
            if (book != null && book.phase().isCall()) {
                callBooks++;
            }
            if (book != null && book.phase() == TradingPhase.VOLATILITY_AUCTION) {
                nextVolatilityEndNs = Math.min(nextVolatilityEndNs, book.volatilityEndNs());
            }
        }
    }
}
