package exchange.marketdata.subscriber;

/**
 * Test hook: decides which multicast packets a subscriber throws away as if the network had lost them.
 * Applies to the multicast feed only, not to retransmissions. Called on the subscriber's thread.
 */
@FunctionalInterface
public interface PacketDropPolicy {
    /** Keeps every packet. */
    PacketDropPolicy NONE = packetNumber -> false;

    /**
     * @param packetNumber 1 for the first multicast packet the subscriber received, then one more each.
     * @return true to drop it.
     */
    boolean drop(long packetNumber);

    /** Drops packet n, 2n, 3n... */
    static PacketDropPolicy everyNth(final int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        return packetNumber -> packetNumber % n == 0;
    }
}
