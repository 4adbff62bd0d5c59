package exchange.matching;

/**
 * Self-trade prevention as configured, compiled for the matching loop: each firm's default mode in
 * an array indexed by firm id, and the mask that selects the owner bits that must be equal (firm, or
 * firm and account) in {@link OrderStore#owner(int)}.
 *
 * <p>Immutable after construction. Never allocates.
 */
final class SelfTradeRules {
    private static final long FIRM_BITS = 0x0000_FFFF_0000_0000L;
    private static final long FIRM_AND_ACCOUNT_BITS = 0x0000_FFFF_FFFF_FFFFL;

    private final byte[] modeByFirm = new byte[EngineConfig.MAX_FIRM_ID + 1];
    private final long ownerMask;

    SelfTradeRules(final EngineConfig config) {
        for (int firm = 0; firm <= EngineConfig.MAX_FIRM_ID; firm++) {
            modeByFirm[firm] = (byte) config.selfTradePrevention(firm).code();
        }
        ownerMask = config.selfTradeScope() == SelfTradeScope.FIRM ? FIRM_BITS : FIRM_AND_ACCOUNT_BITS;
    }

    /** @return the bits of an owner word that make two orders one owner. */
    long ownerMask() {
        return ownerMask;
    }

    /**
     * @param flags   the aggressor's flags
     * @param firmId  the aggressor's firm
     * @return its mode's code: its own instruction, or its firm's default
     */
    int modeOf(final int flags, final int firmId) {
        final int own = (OrderStore.instructions(flags) & OrderStore.STP_INSTRUCTION_MASK) >>> OrderStore.STP_INSTRUCTION_SHIFT;
        return own != SelfTradePrevention.FIRM_DEFAULT ? own : modeByFirm[firmId];
    }

    /** @return true when a mode code means orders of one owner must not trade. */
    static boolean prevents(final int mode) {
        return mode > SelfTradePrevention.NONE.code();
    }
}
