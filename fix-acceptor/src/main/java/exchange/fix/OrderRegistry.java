package exchange.fix;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each session's ClOrdIDs of the trading day and the orders they name: the acceptor claims a ClOrdID
 * before it journals an order (so a duplicate is refused), then records the OrderID the journal gave
 * it; a cancel or replace finds its order through OrigClOrdID. The ExecutionReport sender fills it
 * again from the event log after a restart, and empties it when the trading day ends (orders that
 * live on come back with their ClOrdIDs at start of day).
 *
 * <p>It also keeps what a cancel or replace answered at once needs of an order: a live order's state,
 * and the final OrdStatus of the day's ended orders, so that a request for one is answered too late
 * with that status, as the engine's answer would be, rather than as for an unknown order.
 *
 * <p>Of an order that a cancel or replace was taken for, it keeps the latest ClOrdID, the only one a
 * further cancel or replace may name as OrigClOrdID (FIX: the ClOrdID of the previous non-rejected
 * request): the session's thread moves it to a request's ClOrdID before it journals the request, so a
 * chain of replaces sent before their acknowledgements is taken, and the sender moves it back to the
 * order's ClOrdID as last accepted when the engine refuses that request, before it sends the reject.
 * Neither waits for the other: the event of a request always finds the request's ClOrdID there, or a
 * later one's, never an earlier one.
 *
 * <p>Thread-safe: per session a {@link ClOrdIdIndex} and a map of latest ClOrdIDs, written by that
 * session's thread and by the sender; the orders'
 * states and ended statuses written by the sender only, read by every session's thread without a lock.
 */
public final class OrderRegistry {
    /** The order id of a ClOrdID claimed but not yet journaled. */
    public static final long PENDING = -2;
    /** Returned for a ClOrdID the session has not used. */
    public static final long UNKNOWN = -1;

    /**
     * Table slots of a session's {@link ClOrdIdIndex} before it first grows, at half of which it does:
     * 2,048 ClOrdIDs, 64 KB of table and 64 KB of text once the session sends its first order. Growing
     * makes a table twice as large, into which the next writes move the old one's slots a few at a time,
     * on the session's thread, without the concurrent map's resize, whose helping and forwarded lookups used
     * to be most of the registry's cost under load.
     */
    static final int INITIAL_CLORDID_SLOTS_PER_SESSION = 1 << 12;
    /** Orders of a session with a cancel or replace taken whose latest ClOrdID the map holds before it grows. */
    static final int INITIAL_CHAINS_PER_SESSION = 1 << 12;
    /** Live orders whose state the map holds before it first grows (the engine holds up to a million). */
    static final int INITIAL_LIVE_ORDERS = 1 << 16;

    /**
     * Ended orders whose final status is kept (8 MB), as many as the sender keeps the reports' state of
     * ({@code ReportStream}'s finished orders). A request for an ended order no longer kept goes to the
     * engine, whose answer is the same.
     */
    static final int ENDED_KEPT = 1 << 20;
    private static final int ENDED_SLOT_BITS = Integer.numberOfTrailingZeros(ENDED_KEPT);
    private static final int MAX_ENDED_FIRM = 0xFFFF;

    /** Each session's ClOrdIDs by session number, made at its first; kept from day to day, emptied. */
    private final AtomicReferenceArray<ClOrdIdIndex> bySession = new AtomicReferenceArray<>(0x10000);
    private final ConcurrentHashMap<Integer, ConcurrentHashMap<Long, String>> latestBySession = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, long[]> orders = new ConcurrentHashMap<>(INITIAL_LIVE_ORDERS);
    /**
     * Ended orders, one slot per OrderID modulo {@link #ENDED_KEPT} (OrderIDs are dense command sequence
     * numbers, so a slot is taken over only by an order a million commands younger): the OrderID's
     * other bits, the firm (16 bits) and the final OrdStatus (8 bits) in one long, which a reader gets
     * whole, never half of one order and half of another. 0: empty.
     */
    private final AtomicLongArray ended = new AtomicLongArray(ENDED_KEPT);

    private ClOrdIdIndex session(final int session) {
        final ClOrdIdIndex ids = bySession.get(session);
        if (ids != null) {
            return ids;
        }
        final ClOrdIdIndex made = new ClOrdIdIndex(INITIAL_CLORDID_SLOTS_PER_SESSION);
        return bySession.compareAndSet(session, null, made) ? made : bySession.get(session);
    }

    private ConcurrentHashMap<Long, String> latest(final int session) {
        final ConcurrentHashMap<Long, String> ids = latestBySession.get(session);
        return ids != null ? ids
            : latestBySession.computeIfAbsent(session, s -> new ConcurrentHashMap<>(INITIAL_CHAINS_PER_SESSION));
    }

    /**
     * @return the ClOrdID a cancel or replace of the session's order must name as OrigClOrdID: that of the
     *         latest cancel or replace of it the session sent and the engine did not refuse, taken or
     *         still on its way; {@code null} when none was taken, the order's own ClOrdID being then the
     *         only one that names it
     */
    public String latestClOrdId(final int session, final long orderId) {
        return latest(session).get(orderId);
    }

    /**
     * A cancel or replace of an order is about to be journaled: its ClOrdID is the order's latest.
     * Session's thread, before the journal, so that the sender finds it when the request's event comes.
     *
     * @return the order's latest ClOrdID before, {@code null} when none, for {@link #requestNotSent}
     */
    public String requestSent(final int session, final long orderId, final String clOrdId) {
        return latest(session).put(orderId, clOrdId);
    }

    /** The request could not be journaled: the order's latest ClOrdID is again the one before. Session's thread. */
    public void requestNotSent(final int session, final long orderId, final String clOrdId, final String before) {
        if (before == null) {
            latest(session).remove(orderId, clOrdId);
        } else {
            latest(session).replace(orderId, clOrdId, before);
        }
    }

    /**
     * The engine refused a cancel or replace of a live order: if the request is still the order's latest
     * (no later one was sent), the order's latest ClOrdID is again its ClOrdID as last accepted. Sender
     * only, before it sends the reject, so that the broker's next request, naming that ClOrdID, is taken.
     *
     * @param current the order's ClOrdID as last accepted
     */
    public void requestRefused(final int session, final long orderId, final String clOrdId, final String current) {
        latest(session).replace(orderId, clOrdId, current);
    }

    /**
     * The engine replaced an order. While running, the session's thread has made the replace's ClOrdID, or
     * a later one, the order's latest already; in the follow-up after a restart this rebuilds it.
     *
     * @param previous the order's ClOrdID before the replace
     */
    public void replaced(final int session, final long orderId, final String previous, final String clOrdId) {
        final ConcurrentHashMap<Long, String> ids = latest(session);
        if (ids.putIfAbsent(orderId, clOrdId) != null) {
            ids.replace(orderId, previous, clOrdId);
        }
    }

    /**
     * An order ended: its latest ClOrdID is no longer needed (a request for it is answered too late,
     * whichever of its ClOrdIDs it names), and is forgotten, so that only live orders keep one. Sender only.
     */
    public void chainEnded(final int session, final long orderId) {
        final ConcurrentHashMap<Long, String> ids = latestBySession.get(session);
        if (ids != null) {
            ids.remove(orderId);
        }
    }

    /**
     * Claims a ClOrdID for a new order.
     *
     * @return false when the session has already used it today
     */
    public boolean claim(final int session, final String clOrdId) {
        return session(session).putIfAbsent(clOrdId, PENDING);
    }

    /**
     * Records the order a ClOrdID names (after journaling, or when the event log says so). The sender
     * records every accepted order again, almost always finding the acceptor's entry already there: a
     * read then, not a write, which would lock the entry's bin against the session's own thread.
     */
    public void record(final int session, final String clOrdId, final long orderId) {
        final ClOrdIdIndex ids = session(session);
        if (ids.get(clOrdId) != orderId) {
            ids.put(clOrdId, orderId);
        }
    }

    /** Gives a claimed ClOrdID back (the order never reached the journal). */
    public void release(final int session, final String clOrdId) {
        session(session).removeIf(clOrdId, PENDING);
    }

    /** @return true when the session has used this ClOrdID today (claimed, journaled or from the event log) */
    public boolean isUsed(final int session, final String clOrdId) {
        return session(session).get(clOrdId) != ClOrdIdIndex.ABSENT;
    }

    /**
     * @return the order a ClOrdID of this session names, {@link #UNKNOWN} when none
     */
    public long orderId(final int session, final String clOrdId) {
        final long id = session(session).get(clOrdId);
        return id == ClOrdIdIndex.ABSENT || id == PENDING ? UNKNOWN : id;
    }

    /** Index in a live order's {@link #orderState(int, long) state}: its account id. */
    public static final int ACCOUNT = 0;
    /** Index in a live order's state: its limit price. */
    public static final int PRICE = 1;
    /** Index in a live order's state: its order quantity. */
    public static final int ORDER_QTY = 2;
    /** Index in a live order's state: its executed quantity. */
    public static final int CUM_QTY = 3;
    /** Index in a live order's state: its firm. */
    public static final int FIRM = 4;
    /** Index in a live order's state: a GTD order's expire time (ns since the epoch, UTC); 0 for others. */
    public static final int EXPIRE_TIME = 5;
    /** Index in a live order's state: its instrument's id. */
    public static final int INSTRUMENT = 6;
    /** Index in a live order's state: an iceberg's peak (MaxFloor), 0 for an order shown whole. */
    public static final int DISPLAY_QTY = 7;

    /**
     * Records what a replace's checks need of a live order (from the event log).
     *
     * @param orderId      the order
     * @param instrumentId its instrument
     * @param firmId       its firm
     * @param accountId    its account
     * @param price        its limit price
     * @param orderQty     its order quantity
     * @param cumQty       its executed quantity
     * @param expireTimeNs a GTD order's expire time, 0 for an order of another time in force
     * @param displayQty   an iceberg's peak, 0 for an order shown whole
     */
    public void orderState(final long orderId, final int instrumentId, final int firmId, final int accountId,
                           final long price, final long orderQty, final long cumQty, final long expireTimeNs,
                           final long displayQty) {
        orders.put(orderId, new long[] {accountId, price, orderQty, cumQty, firmId, expireTimeNs, instrumentId,
            displayQty});
    }

    /**
     * @param firmId the asking session's firm: another firm's order is unknown to it
     * @return the OrdStatus(39) of an order of the firm as last reported: 0 new or 1 partially filled
     *         while live, its final status once ended (2 filled, 4 canceled, C expired, 8 rejected); 8
     *         when the order is not known
     */
    public char ordStatus(final int firmId, final long orderId) {
        final long[] state = orderState(firmId, orderId);
        if (state != null) {
            return state[CUM_QTY] > 0 ? '1' : '0';
        }
        final char status = endedStatus(firmId, orderId);
        return status == 0 ? '8' : status;
    }

    /**
     * An order ended: keeps its final status and forgets its live state. Sender only, once the report
     * that ended it was sent, so that no answer about the order overtakes that report.
     *
     * @param ordStatus its final OrdStatus: 2 filled, 4 canceled, C expired, 8 rejected
     */
    public void orderEnded(final long orderId, final int firmId, final char ordStatus) {
        if (orderId > 0 && firmId >= 0 && firmId <= MAX_ENDED_FIRM) {
            ended.setRelease(slot(orderId), (orderId >>> ENDED_SLOT_BITS) << 24 | (long) firmId << 8 | ordStatus);
        }
        orders.remove(orderId);
    }

    /**
     * @param firmId the asking session's firm: another firm's order is unknown to it
     * @return the final OrdStatus of an order of the firm that ended today (2, 4, C or 8), 0 when the
     *         order is live, unknown, another firm's, or ended too long ago to be kept
     */
    public char endedStatus(final int firmId, final long orderId) {
        if (orderId <= 0) {
            return 0;
        }
        final long entry = ended.getAcquire(slot(orderId));
        return entry != 0 && entry >>> 24 == orderId >>> ENDED_SLOT_BITS && (int) (entry >>> 8 & MAX_ENDED_FIRM) == firmId
            ? (char) (entry & 0xFF) : 0;
    }

    private static int slot(final long orderId) {
        return (int) (orderId & (ENDED_KEPT - 1));
    }

    /**
     * @param firmId the asking session's firm: another firm's order is none of its business
     * @return a live order of the firm's state as last reported, indexed by {@link #ACCOUNT},
     *         {@link #PRICE}, {@link #ORDER_QTY}, {@link #CUM_QTY}, {@link #FIRM}, {@link #EXPIRE_TIME} and
     *         {@link #INSTRUMENT}; or {@code null}
     */
    public long[] orderState(final int firmId, final long orderId) {
        final long[] state = orders.get(orderId);
        return state != null && state[FIRM] == firmId ? state : null;
    }

    /** Forgets every ClOrdID and every order: a new trading day. Sender only. */
    public void newDay() {
        for (int i = 0; i < bySession.length(); i++) {
            final ClOrdIdIndex ids = bySession.get(i);
            if (ids != null) {
                ids.clear();
            }
        }
        latestBySession.clear();
        orders.clear();
        for (int i = 0; i < ENDED_KEPT; i++) {
            ended.setRelease(i, 0);
        }
    }

    /** @return ClOrdIDs known for a session */
    public int size(final int session) {
        return session(session).size();
    }
}
