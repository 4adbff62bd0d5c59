package exchange.marketdata;

import exchange.marketdata.book.BookListener;
import exchange.marketdata.book.IndicativeAuction;
import exchange.marketdata.book.OrderBook;
import exchange.marketdata.book.PriceLevels;
import exchange.marketdata.book.Prices;
import exchange.marketdata.subscriber.ItchSequencedDispatcher;
import org.agrona.collections.Int2ObjectHashMap;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Prints, for md-listen, every trade, every indicative auction (NOII), every cross and every change of the
 * top {@code depth} levels of a book, with the feed sequence number of the message that caused it. A book
 * change that leaves the top levels as they were prints nothing. Subscriber thread only.
 */
final class BookPrinter implements BookListener {
    private static final int FIELDS_PER_LEVEL = 6;

    private final PrintStream out;
    private final int depth;
    private LongSupplier sequenceNumber = () -> 0;
    private final Int2ObjectHashMap<long[]> lastPrinted = new Int2ObjectHashMap<>();

    BookPrinter(final PrintStream out, final int depth) {
        this.out = out;
        this.depth = depth;
    }

    /** Where the sequence number of the message being applied comes from. */
    void sequenceFrom(final ItchSequencedDispatcher dispatcher) {
        this.sequenceNumber = dispatcher::sequenceNumber;
    }

    @Override
    public void onTrade(final OrderBook book) {
        out.printf("seq=%d %s TRADE %d@%s match=%d%n", sequenceNumber.getAsLong(), book.stock(),
            book.lastTradeShares(), Prices.format(book.lastTradePrice()), book.lastMatchNumber());
    }

    @Override
    public void onIndicativeAuction(final OrderBook book) {
        final IndicativeAuction auction = book.indicative();
        out.printf("seq=%d %s AUCTION indicative %s paired %d imbalance %d %c type %c%n", sequenceNumber.getAsLong(),
            book.stock(), Prices.format(auction.currentReferencePrice()), auction.pairedShares(),
            auction.imbalanceShares(), auction.imbalanceDirection(), auction.crossType());
    }

    @Override
    public void onCrossTrade(final OrderBook book) {
        out.printf("seq=%d %s CROSS %d@%s match=%d type %c%n", sequenceNumber.getAsLong(), book.stock(),
            book.lastCrossShares(), Prices.format(book.lastCrossPrice()), book.lastCrossMatchNumber(),
            book.lastCrossType());
    }

    @Override
    public void onBookChanged(final OrderBook book) {
        long[] previous = lastPrinted.get(book.stockLocate());
        if (previous == null) {
            previous = new long[depth * FIELDS_PER_LEVEL];
            lastPrinted.put(book.stockLocate(), previous);
        }
        if (!captureTop(book, previous)) {
            return;
        }
        final StringBuilder line = new StringBuilder("seq=").append(sequenceNumber.getAsLong()).append(' ').append(book.stock());
        for (int level = 0; level < depth; level++) {
            if (depth > 1) {
                line.append("\n  L").append(level + 1);
            }
            line.append(" bid ");
            appendLevel(line, book.bids(), level);
            line.append(" | ask ");
            appendLevel(line, book.asks(), level);
        }
        out.println(line);
    }

    /** Copies the top levels into {@code snapshot}; true if they differ from what it held. */
    private boolean captureTop(final OrderBook book, final long[] snapshot) {
        boolean changed = false;
        for (int level = 0; level < depth; level++) {
            final int at = level * FIELDS_PER_LEVEL;
            changed |= capture(book.bids(), level, snapshot, at);
            changed |= capture(book.asks(), level, snapshot, at + FIELDS_PER_LEVEL / 2);
        }
        return changed;
    }

    private static boolean capture(final PriceLevels side, final int level, final long[] snapshot, final int at) {
        final boolean present = level < side.size();
        final long price = present ? side.price(level) : -1;
        final long shares = present ? side.shares(level) : 0;
        final long orders = present ? side.orderCount(level) : 0;
        final boolean changed = snapshot[at] != price || snapshot[at + 1] != shares || snapshot[at + 2] != orders;
        snapshot[at] = price;
        snapshot[at + 1] = shares;
        snapshot[at + 2] = orders;
        return changed;
    }

    private static void appendLevel(final StringBuilder line, final PriceLevels side, final int level) {
        if (level >= side.size()) {
            line.append('-');
        } else {
            line.append(side.shares(level)).append('@').append(Prices.format(side.price(level)))
                .append(" (").append(side.orderCount(level)).append(')');
        }
    }
}
