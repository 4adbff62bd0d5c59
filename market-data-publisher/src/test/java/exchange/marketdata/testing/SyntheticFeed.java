package exchange.marketdata.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of ITCH messages for a few stocks, as an exchange would publish them: a
 * system event, the stock directory, then adds, executions (with and without price), cancels,
 * deletes, replaces and the odd non-displayed trade, always about orders that are live, and the end
 * of the day. The same seed gives the same bytes.
 */
public final class SyntheticFeed {
    private static final String[] STOCKS = {"AAPL", "MSFT", "ZVZZT", "QQQ"};
    private static final long MID_PRICE = 1_000_000; // 100.0000
    private static final long TICK = 100;           // 0.0100

    private SyntheticFeed() {
    }

    /** {@code events} order events framed by start- and end-of-day messages. */
    public static List<byte[]> generate(final long seed, final int events) {
        final SplittableRandom random = new SplittableRandom(seed);
        final ItchMessages itch = new ItchMessages();
        final List<byte[]> messages = new ArrayList<>();
        final List<List<long[]>> live = new ArrayList<>(); // per stock: {reference, side, shares, price}
        long nextReference = 1;
        long nextMatch = 1;

        messages.add(itch.systemEvent('O'));
        for (int i = 0; i < STOCKS.length; i++) {
            messages.add(itch.stockDirectory(locate(i), STOCKS[i]));
            messages.add(itch.tradingAction(locate(i), STOCKS[i], 'T'));
            live.add(new ArrayList<>());
        }
        messages.add(itch.systemEvent('Q'));

        for (int n = 0; n < events; n++) {
            final int stock = random.nextInt(STOCKS.length);
            final int locate = locate(stock);
            final List<long[]> orders = live.get(stock);
            final int action = orders.isEmpty() ? 0 : random.nextInt(100);
            if (action < 40) {
                final boolean buy = random.nextBoolean();
                final long price = MID_PRICE + (buy ? -1 : 1) * TICK * (1 + random.nextInt(10));
                final long shares = 100L * (1 + random.nextInt(10));
                final long reference = nextReference++;
                orders.add(new long[] {reference, buy ? 'B' : 'S', shares, price});
                messages.add(random.nextInt(10) == 0 ?
                    itch.addWithMpid(locate, STOCKS[stock], reference, buy ? 'B' : 'S', shares, price, "SYNT") :
                    itch.add(locate, STOCKS[stock], reference, buy ? 'B' : 'S', shares, price));
            } else if (action < 60) {
                final long[] order = orders.get(random.nextInt(orders.size()));
                final long shares = 1 + random.nextInt((int)order[2]);
                if (action < 55) {
                    messages.add(itch.executed(locate, order[0], shares, nextMatch++));
                } else {
                    messages.add(itch.executedWithPrice(locate, order[0], shares, nextMatch++, action < 58, order[3] + TICK));
                }
                reduce(orders, order, shares);
            } else if (action < 70) {
                final long[] order = orders.get(random.nextInt(orders.size()));
                final long shares = 1 + random.nextInt((int)order[2]);
                messages.add(itch.cancel(locate, order[0], shares));
                reduce(orders, order, shares);
            } else if (action < 82) {
                final long[] order = orders.remove(random.nextInt(orders.size()));
                messages.add(itch.delete(locate, order[0]));
            } else if (action < 95) {
                final long[] order = orders.remove(random.nextInt(orders.size()));
                final long reference = nextReference++;
                final long shares = 100L * (1 + random.nextInt(10));
                final long price = order[3] + (random.nextBoolean() ? TICK : -TICK);
                messages.add(itch.replace(locate, order[0], reference, shares, price));
                orders.add(new long[] {reference, order[1], shares, price});
            } else if (action < 99) {
                messages.add(itch.trade(locate, STOCKS[stock], 100, MID_PRICE, nextMatch++));
            } else {
                messages.add(itch.crossTrade(locate, STOCKS[stock], 500, MID_PRICE, nextMatch++));
            }
        }

        messages.add(itch.systemEvent('M'));
        messages.add(itch.systemEvent('E'));
        messages.add(itch.systemEvent('C'));
        return messages;
    }

    private static int locate(final int stockIndex) {
        return stockIndex + 1;
    }

    private static void reduce(final List<long[]> orders, final long[] order, final long shares) {
        order[2] -= shares;
        if (order[2] == 0) {
            orders.remove(order);
        }
    }
}
