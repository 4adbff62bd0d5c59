package exchange.marketdata.book;

import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.testing.SyntheticFeed;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the book builder after every message of random synthetic feeds: each level holds the
 * sum of its live orders and their count, its queue holds exactly those orders, levels are strictly
 * best-first, no level is empty.
 */
class OrderBookInvariantsTest {
    @Property(tries = 50)
    void levelsAlwaysEqualTheirLiveOrders(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int events) {
        final OrderBookBuilder builder = new OrderBookBuilder(BookListener.NONE, 8);
        final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(builder);

        for (final byte[] message : SyntheticFeed.generate(seed, events)) {
            dispatcher.dispatch(new UnsafeBuffer(message), 0, message.length);
            assertInvariants(builder);
        }
        assertThat(builder.unknownOrderMessages()).isZero();
    }

    private static void assertInvariants(final OrderBookBuilder builder) {
        final Map<String, long[]> fromOrders = new HashMap<>();
        final OrderTable orders = builder.orders();
        orders.forEachSlot(slot -> {
            assertThat(orders.shares(slot)).isPositive();
            final long[] level = fromOrders.computeIfAbsent(
                key(orders.locate(slot), orders.isBuy(slot), orders.price(slot)), k -> new long[2]);
            level[0] += orders.shares(slot);
            level[1]++;
        });
        int levels = 0;
        for (final OrderBook book : builder.books()) {
            for (final PriceLevels side : new PriceLevels[] {book.bids(), book.asks()}) {
                for (int i = 0; i < side.size(); i++) {
                    final long[] expected = fromOrders.get(key(book.stockLocate(), side.isBids(), side.price(i)));
                    assertThat(expected).as("level %d of %s", i, book.stock()).isNotNull();
                    assertThat(side.shares(i)).isEqualTo(expected[0]);
                    assertThat((long)side.orderCount(i)).isEqualTo(expected[1]);
                    assertQueueHoldsTheLevel(orders, side, i);
                    if (i > 0) {
                        assertThat(side.isBids() ? side.price(i) < side.price(i - 1) : side.price(i) > side.price(i - 1))
                            .as("best first").isTrue();
                    }
                    levels++;
                }
            }
        }
        assertThat(levels).isEqualTo(fromOrders.size());
    }

    private static void assertQueueHoldsTheLevel(final OrderTable orders, final PriceLevels side, final int level) {
        long shares = 0;
        int count = 0;
        int previous = OrderTable.NOT_FOUND;
        for (int slot = side.headSlot(level); slot != OrderTable.NOT_FOUND; slot = orders.next(slot)) {
            assertThat(orders.previous(slot)).as("back link").isEqualTo(previous);
            assertThat(orders.price(slot)).isEqualTo(side.price(level));
            assertThat(orders.isBuy(slot)).isEqualTo(side.isBids());
            shares += orders.shares(slot);
            count++;
            previous = slot;
        }
        assertThat(shares).as("shares queued at level %d", level).isEqualTo(side.shares(level));
        assertThat(count).as("orders queued at level %d", level).isEqualTo(side.orderCount(level));
    }

    private static String key(final int locate, final boolean buy, final long price) {
        return locate + (buy ? "B" : "S") + price;
    }
}
