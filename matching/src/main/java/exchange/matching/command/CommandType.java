package exchange.matching.command;

/** The kinds of command the engine applies. The code is the stable wire value in the journal. */
public enum CommandType {
    NEW_ORDER(1),
    CANCEL(2),
    REPLACE(3),
    MASS_CANCEL(4),
    STATUS(5),
    REJECT_ORDER(6),
    SET_PHASE(7),
    CLOCK(8),
    END_OF_DAY(9),
    RESTORE_ORDER(10),
    SET_KILL_SWITCH(11);

    private static final CommandType[] BY_CODE = new CommandType[16];

    static {
        for (final CommandType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    CommandType(final int code) {
        this.code = code;
    }

    /** @return the stable wire value. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire value
     * @return the type, or {@code null} when unknown
     */
    public static CommandType fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
