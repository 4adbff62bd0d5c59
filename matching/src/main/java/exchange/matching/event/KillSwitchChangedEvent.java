package exchange.matching.event;

/**
 * A kill switch of a firm (account 0) or of one of its accounts, as a SetKillSwitch command left it:
 * on, with the number of live orders it cancelled (one Cancelled event each, reason KILL_SWITCH, before
 * this one), or off; or restated as on at the start of a day; or refused (no room for another switch,
 * or no firm named), when it stays off. The risk gateway and operators follow it.
 *
 * <pre>
 *  24  firm id (i32)   28 account id (i32, 0 for the whole firm)
 *  32  on (u8)   33 flags (u8): bit 0 restated, bit 1 refused   34 reserved (6 bytes)
 *  40  cancelled count (i64)
 *  48  end
 * </pre>
 */
public final class KillSwitchChangedEvent extends Event {
    public static final int FIRM_OFFSET = 24;
    public static final int ACCOUNT_OFFSET = 28;
    public static final int ON_OFFSET = 32;
    public static final int FLAGS_OFFSET = 33;
    public static final int COUNT_OFFSET = 40;
    public static final int END_OFFSET = 48;

    public static final int FLAG_RESTATED = 1;
    public static final int FLAG_REFUSED = 2;

    @Override
    public EventType type() {
        return EventType.KILL_SWITCH_CHANGED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public KillSwitchChangedEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + ON_OFFSET, 0L); // on, flags and the reserved bytes
        return this;
    }

    public int firmId() {
        return buffer.getInt(offset + FIRM_OFFSET);
    }

    public KillSwitchChangedEvent firmId(final int v) {
        buffer.putInt(offset + FIRM_OFFSET, v);
        return this;
    }

    /** @return the account, 0 for the whole firm */
    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public KillSwitchChangedEvent accountId(final int v) {
        buffer.putInt(offset + ACCOUNT_OFFSET, v);
        return this;
    }

    /** @return true when the switch is on: the firm's (or account's) new orders and replaces are refused */
    public boolean on() {
        return buffer.getByte(offset + ON_OFFSET) != 0;
    }

    public KillSwitchChangedEvent on(final boolean on) {
        buffer.putByte(offset + ON_OFFSET, (byte) (on ? 1 : 0));
        return this;
    }

    public int flags() {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    public KillSwitchChangedEvent flags(final int v) {
        buffer.putByte(offset + FLAGS_OFFSET, (byte) v);
        return this;
    }

    /** @return true when this only restates a switch already on (start of day) */
    public boolean restated() {
        return (flags() & FLAG_RESTATED) != 0;
    }

    /** @return true when the command was refused and changed nothing */
    public boolean refused() {
        return (flags() & FLAG_REFUSED) != 0;
    }

    /** @return live orders the switch cancelled */
    public long cancelledCount() {
        return buffer.getLong(offset + COUNT_OFFSET);
    }

    public KillSwitchChangedEvent cancelledCount(final long v) {
        buffer.putLong(offset + COUNT_OFFSET, v);
        return this;
    }

    @Override
    protected String body() {
        return " firm=" + firmId() + " account=" + accountId() + " on=" + on() + " flags=" + flags()
            + " cancelled=" + cancelledCount();
    }
}
