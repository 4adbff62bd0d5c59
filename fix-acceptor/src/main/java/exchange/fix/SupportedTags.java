package exchange.fix;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body tags the exchange reads from each application message a broker may send, by MsgType:
 * NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G), OrderStatusRequest (H)
 * and OrderMassCancelRequest (q). Any other tag the data dictionary lets through is accepted and
 * ignored.
 *
 * <p>This is the list {@code docs/FIX-SPEC.md} documents, message by message. It is kept true both
 * ways by tests: {@code SupportedTagsTest} watches {@link OrderEntry} read messages and fails when it
 * reads a tag not listed here or never reads one that is; the conformance tests fail when the
 * document's tables and this list disagree.
 */
public final class SupportedTags {
    private static final Map<String, Set<Integer>> READ = Map.of(
        "D", tags(FixMessages.ACCOUNT, FixMessages.CL_ORD_ID, FixMessages.EXEC_INST, FixMessages.ORDER_QTY,
            FixMessages.ORD_TYPE, FixMessages.PRICE, FixMessages.SIDE, FixMessages.SYMBOL, FixMessages.TIME_IN_FORCE,
            FixMessages.STOP_PX, FixMessages.MIN_QTY, FixMessages.MAX_FLOOR, FixMessages.EXPIRE_TIME,
            FixMessages.EXPIRE_DATE, FixMessages.SELF_TRADE_PREVENTION),
        "F", tags(FixMessages.CL_ORD_ID, FixMessages.ORDER_ID, FixMessages.ORIG_CL_ORD_ID, FixMessages.SYMBOL),
        "G", tags(FixMessages.ACCOUNT, FixMessages.CL_ORD_ID, FixMessages.ORDER_ID, FixMessages.ORDER_QTY,
            FixMessages.ORD_TYPE, FixMessages.ORIG_CL_ORD_ID, FixMessages.PRICE, FixMessages.SIDE, FixMessages.SYMBOL,
            FixMessages.TIME_IN_FORCE, FixMessages.STOP_PX, FixMessages.MAX_FLOOR, FixMessages.EXPIRE_TIME,
            FixMessages.EXPIRE_DATE),
        "H", tags(FixMessages.CL_ORD_ID, FixMessages.ORDER_ID, FixMessages.SIDE, FixMessages.SYMBOL,
            FixMessages.ORD_STATUS_REQ_ID),
        "q", tags(FixMessages.CL_ORD_ID, FixMessages.SIDE, FixMessages.SYMBOL, FixMessages.MASS_CANCEL_REQUEST_TYPE));

    private SupportedTags() {
    }

    private static Set<Integer> tags(final Integer... tags) {
        return Set.copyOf(Arrays.asList(tags));
    }

    /** @return the MsgTypes of the application messages the exchange takes from brokers, in order */
    public static Set<String> messageTypes() {
        return new TreeSet<>(READ.keySet());
    }

    /**
     * @param msgType an application MsgType
     * @return the body tags the exchange reads from it, in order; empty for a type it does not take
     */
    public static Set<Integer> read(final String msgType) {
        return new TreeSet<>(READ.getOrDefault(msgType, Set.of()));
    }
}
