package exchange.matching;

/** Buy or sell. The code is FIX Side(54). */
public enum Side {
    BUY((byte) '1'),
    SELL((byte) '2');

    private final byte code;

    Side(final byte code) {
        this.code = code;
    }

    /** @return FIX Side(54) character. */
    public byte code() {
        return code;
    }

    /** @return the other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * @param code FIX Side(54) character
     * @return the side, or {@code null} when the code is neither '1' nor '2'
     */
    public static Side fromCode(final byte code) {
        return code == '1' ? BUY : code == '2' ? SELL : null;
    }
}
