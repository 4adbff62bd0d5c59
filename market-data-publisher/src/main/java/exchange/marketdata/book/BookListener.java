package exchange.marketdata.book;

/** Told what changed as an {@link OrderBookBuilder} applies messages. Calls come on the feeding thread. */
public interface BookListener {
    /** A listener that ignores everything. */
    BookListener NONE = new BookListener() {
    };

    /** The levels of {@code book} changed (an order was added, reduced or removed). */
    default void onBookChanged(final OrderBook book) {
    }

    /** A printable trade happened in {@code book}; its last-trade fields hold it. */
    default void onTrade(final OrderBook book) {
    }

    /** A Net Order Imbalance Indicator arrived for {@code book}; {@link OrderBook#indicative()} holds it. */
    default void onIndicativeAuction(final OrderBook book) {
    }

    /**
     * An auction uncrossed in {@code book} (Cross Trade); its last-cross fields hold it, and its last-trade
     * fields too when shares crossed. Not also reported as {@link #onTrade}.
     */
    default void onCrossTrade(final OrderBook book) {
    }
}
