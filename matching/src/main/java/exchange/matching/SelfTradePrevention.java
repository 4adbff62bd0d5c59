package exchange.matching;

/**
 * What happens when an aggressor would trade with a resting order of the same owner (the same firm,
 * or the same account of a firm: {@link SelfTradeScope}). No trade is printed in any mode but
 * {@link #NONE}. The mode comes from the aggressor: its own instruction (NewOrder instructions bits
 * 4..6), or when that is 0, its firm's default ({@link EngineConfig#selfTradePrevention(int)}).
 *
 * <p>Applies in continuous trading only; an auction uncross prints every crossing pair.
 *
 * <p>The code is the stable wire value; never renumber. Code 0 means "the firm's default" and is
 * not a mode.
 */
public enum SelfTradePrevention {
    /** Self-trades are allowed. */
    NONE(1),
    /** The aggressor's remaining quantity is cancelled (Cancelled, SELF_TRADE); the resting order stays. */
    CANCEL_AGGRESSOR(2),
    /** The resting order is cancelled (Cancelled, SELF_TRADE) and the aggressor goes on matching. */
    CANCEL_RESTING(3),
    /** Both are cancelled (resting first); matching stops. */
    CANCEL_BOTH(4),
    /**
     * Both are decremented by the smaller leaves quantity: an order left with nothing is cancelled
     * (Cancelled, SELF_TRADE), the other is restated with that much less order quantity (Restated);
     * the aggressor goes on matching with what it has left.
     */
    DECREMENT(5);

    /** The instruction code that means "use the firm's default". */
    public static final int FIRM_DEFAULT = 0;

    private static final SelfTradePrevention[] BY_CODE = new SelfTradePrevention[8];

    static {
        for (final SelfTradePrevention m : values()) {
            BY_CODE[m.code] = m;
        }
    }

    private final int code;

    SelfTradePrevention(final int code) {
        this.code = code;
    }

    /** @return the stable wire value, 1 to 5. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire value
     * @return the mode, or {@code null} for 0 (firm default) and unknown codes
     */
    public static SelfTradePrevention fromCode(final int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
