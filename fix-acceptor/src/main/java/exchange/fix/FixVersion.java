package exchange.fix;

import quickfix.SessionID;

/**
 * The FIX dialect of a session, for the few places where messages differ: FIX 4.2 has ExecTransType
 * and reports fills as ExecType 1 and 2 and status as ExecTransType 3; FIX 4.4 and FIX 5.0 SP2 (over
 * FIXT.1.1) use ExecType F and I; FIX 4.2 has no mass cancel.
 */
public enum FixVersion {
    FIX42,
    FIX44,
    FIX50SP2;

    /** @return the version of a session */
    public static FixVersion of(final SessionID session) {
        return switch (session.getBeginString()) {
            case "FIX.4.2" -> FIX42;
            case "FIX.4.4" -> FIX44;
            case "FIXT.1.1" -> FIX50SP2;
            default -> throw new IllegalArgumentException("unsupported FIX version " + session.getBeginString());
        };
    }
}
