package exchange.fix;

/**
 * Who the firms are and which accounts each has: the acceptor resolves a session's firm and an
 * order's Account (FIX tag 1) through it, and names accounts back in ExecutionReports. The exchange
 * server backs it with the risk configuration.
 *
 * <p>Thread-safe.
 */
public interface FirmDirectory {
    /** Returned for an unknown firm or account. */
    int UNKNOWN = -1;

    /**
     * @param name a firm's name, as in the session configuration
     * @return its id (1 or more), or {@link #UNKNOWN}
     */
    int firmId(String name);

    /**
     * @param firmId  the order's firm
     * @param account the order's Account text; empty when the order has none
     * @return the engine account id (0 for the firm's default account), or {@link #UNKNOWN} when the
     *         firm does not accept this account
     */
    int accountId(int firmId, String account);
}
