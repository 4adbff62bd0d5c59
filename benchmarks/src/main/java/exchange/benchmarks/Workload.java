package exchange.benchmarks;

/**
 * A generated command stream, held as parallel primitive arrays so that ten million commands fit in
 * a few hundred megabytes and can be turned into any engine's own command format outside the timed
 * region. Command i has sequence i + 1; a new order's id is its sequence.
 */
public final class Workload {
    public static final byte NEW_LIMIT = 1;
    public static final byte NEW_MARKET = 2;
    public static final byte NEW_IOC = 3;
    public static final byte CANCEL = 4;
    /** Replace to a new price, same quantity: loses time priority. */
    public static final byte MOVE = 5;
    /** Replace to a lower quantity, same price: keeps time priority. */
    public static final byte REDUCE = 6;
    /** mix-B: a stop (price 0) or stop-limit order, Day. */
    public static final byte NEW_STOP = 7;
    /** mix-B: a Day limit order showing only part of its quantity. */
    public static final byte NEW_ICEBERG = 8;
    /** mix-B: a Day limit order that must not take liquidity. */
    public static final byte NEW_POST_ONLY = 9;
    public static final byte BUY = 0;
    public static final byte SELL = 1;

    final byte[] kind;
    final byte[] side;
    final long[] orderId;
    final long[] price;
    /** New orders: quantity. REDUCE: the new total order quantity. */
    final long[] qty;
    /** REDUCE: by how much the remaining quantity goes down (exchange-core's reduce size). */
    final int[] reduceBy;
    final int[] firm;
    /** mix-B only (null for mix-A): stop prices of NEW_STOP, display quantities of NEW_ICEBERG. */
    final long[] stopPrice;
    final long[] display;
    private int size;

    Workload(final int capacity) {
        this(capacity, false);
    }

    /**
     * @param marketStructure whether the stream has stops and icebergs (mix-B)
     */
    Workload(final int capacity, final boolean marketStructure) {
        kind = new byte[capacity];
        side = new byte[capacity];
        orderId = new long[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        reduceBy = new int[capacity];
        firm = new int[capacity];
        stopPrice = marketStructure ? new long[capacity] : null;
        display = marketStructure ? new long[capacity] : null;
    }

    int add(final byte kind, final byte side, final long orderId, final long price, final long qty, final int firm) {
        final int i = size++;
        this.kind[i] = kind;
        this.side[i] = side;
        this.orderId[i] = orderId;
        this.price[i] = price;
        this.qty[i] = qty;
        this.reduceBy[i] = 0;
        this.firm[i] = firm;
        return i;
    }

    /** @return number of commands */
    public int size() {
        return size;
    }

    /** @return the share of commands of a kind, in percent, for reports */
    public double percent(final byte k) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (kind[i] == k) {
                n++;
            }
        }
        return 100.0 * n / size;
    }
}
