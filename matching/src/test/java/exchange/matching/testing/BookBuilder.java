package exchange.matching.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A starting book for a scenario, written as the orders that build it, in time order:
 * {@code book().ask("A1", 101_0000, 100).bid("B1", 100_0000, 50)}. Each is a Day limit order of firm 1
 * unless given as a full {@link OrderSpec}.
 */
public final class BookBuilder {
    final List<OrderSpec> orders = new ArrayList<>();

    public static BookBuilder book() {
        return new BookBuilder();
    }

    public BookBuilder bid(final String label, final long price, final long qty) {
        return order(OrderSpec.buy(label, price, qty));
    }

    public BookBuilder ask(final String label, final long price, final long qty) {
        return order(OrderSpec.sell(label, price, qty));
    }

    public BookBuilder order(final OrderSpec spec) {
        orders.add(spec);
        return this;
    }
}
