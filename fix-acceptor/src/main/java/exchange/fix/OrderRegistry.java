package exchange.fix;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Each session's ClOrdIDs of the trading day and the orders they name: the acceptor claims a ClOrdID
 * before it journals an order (so a duplicate is refused), then records the OrderID the journal gave
 * it; a cancel or replace finds its order through OrigClOrdID. The ExecutionReport sender fills it
 * again from the event log after a restart, and empties it when the trading day ends (orders that
 * live on come back with their ClOrdIDs at start of day).
 *
 * <p>Thread-safe: one map per session, written by that session's thread and by the sender.
 */
public final class OrderRegistry {
    /** The order id of a ClOrdID claimed but not yet journaled. */
    public static final long PENDING = -2;
    /** Returned for a ClOrdID the session has not used. */
    public static final long UNKNOWN = -1;

    /**
     * ClOrdIDs a session's map holds before it first grows. The maps start empty every trading day and
     * grow all day; each growth copies the whole table, with the session's thread helping, and a lookup
     * that meets a bin being moved searches the new table: under load that was most of the registry's
     * cost. 65,536 ClOrdIDs cost a session 512 KB of table once it sends its first order.
     */
    static final int INITIAL_CLORDIDS_PER_SESSION = 1 << 16;
    /** Live orders whose state the map holds before it first grows (the engine holds up to a million). */
    static final int INITIAL_LIVE_ORDERS = 1 << 16;

    private final ConcurrentHashMap<Integer, ConcurrentHashMap<String, Long>> bySession = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, long[]> orders = new ConcurrentHashMap<>(INITIAL_LIVE_ORDERS);

    private ConcurrentHashMap<String, Long> session(final int session) {
        final ConcurrentHashMap<String, Long> ids = bySession.get(session);
        return ids != null ? ids
            : bySession.computeIfAbsent(session, s -> new ConcurrentHashMap<>(INITIAL_CLORDIDS_PER_SESSION));
    }

    /**
     * Claims a ClOrdID for a new order.
     *
     * @return false when the session has already used it today
     */
    public boolean claim(final int session, final String clOrdId) {
        return session(session).putIfAbsent(clOrdId, PENDING) == null;
    }

    /**
     * Records the order a ClOrdID names (after journaling, or when the event log says so). The sender
     * records every accepted order again, almost always finding the acceptor's entry already there: a
     * read then, not a write, which would lock the entry's bin against the session's own thread.
     */
    public void record(final int session, final String clOrdId, final long orderId) {
        final ConcurrentHashMap<String, Long> ids = session(session);
        final Long known = ids.get(clOrdId);
        if (known == null || known != orderId) {
            ids.put(clOrdId, orderId);
        }
    }

    /** Gives a claimed ClOrdID back (the order never reached the journal). */
    public void release(final int session, final String clOrdId) {
        session(session).remove(clOrdId, PENDING);
    }

    /** @return true when the session has used this ClOrdID today (claimed, journaled or from the event log) */
    public boolean isUsed(final int session, final String clOrdId) {
        return session(session).containsKey(clOrdId);
    }

    /**
     * @return the order a ClOrdID of this session names, {@link #UNKNOWN} when none
     */
    public long orderId(final int session, final String clOrdId) {
        final Long id = session(session).get(clOrdId);
        return id == null || id == PENDING ? UNKNOWN : id;
    }

    /**
     * Records what a replace's risk check needs of a live order (from the event log).
     *
     * @param orderId   the order
     * @param accountId its account
     * @param price     its limit price
     * @param orderQty  its order quantity
     * @param cumQty    its executed quantity
     */
    public void orderState(final long orderId, final int accountId, final long price, final long orderQty,
                           final long cumQty) {
        orders.put(orderId, new long[] {accountId, price, orderQty, cumQty});
    }

    /**
     * @return the OrdStatus(39) of a live order as last reported (0 new, 1 partially filled), or 8 when
     *         the order is not live or not known
     */
    public char ordStatus(final long orderId) {
        final long[] state = orders.get(orderId);
        return state == null ? '8' : state[3] > 0 ? '1' : '0';
    }

    /** Forgets a finished order's state. */
    public void orderEnded(final long orderId) {
        orders.remove(orderId);
    }

    /**
     * @return {account id, price, order qty, cum qty} of a live order as last reported, or {@code null}
     */
    public long[] orderState(final long orderId) {
        return orders.get(orderId);
    }

    /** Forgets every ClOrdID: a new trading day. */
    public void newDay() {
        bySession.clear();
        orders.clear();
    }

    /** @return ClOrdIDs known for a session */
    public int size(final int session) {
        return session(session).size();
    }
}
