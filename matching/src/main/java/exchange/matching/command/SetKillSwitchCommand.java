package exchange.matching.command;

/**
 * Turns a kill switch on or off, for a whole firm (account 0) or one of its accounts; the firm is the
 * header's. Sent by the exchange itself (session 0), on an operator's request. A third action restates
 * every switch that is on, so that consumers reading the event log from the start of a trading day
 * learn them (the trading-day driver journals it when a day starts); it names no firm.
 *
 * <pre>
 *  32  action (u8: 1 on, 2 off, 3 restate)
 *  33  reserved (3 bytes)
 *  36  account id (i32; 0 for the whole firm)
 *  40  end
 * </pre>
 */
public final class SetKillSwitchCommand extends Command {
    public static final int ACTION_OFFSET = 32;
    public static final int ACCOUNT_OFFSET = 36;
    public static final int LENGTH = 40;

    public static final byte ACTION_ON = 1;
    public static final byte ACTION_OFF = 2;
    public static final byte ACTION_RESTATE = 3;

    @Override
    public CommandType type() {
        return CommandType.SET_KILL_SWITCH;
    }

    @Override
    public SetKillSwitchCommand init() {
        header(type().code(), LENGTH);
        buffer.setMemory(offset + 3, LENGTH - 3, (byte) 0);
        return this;
    }

    /** @return {@link #ACTION_ON}, {@link #ACTION_OFF} or {@link #ACTION_RESTATE} (anything else is refused) */
    public byte action() {
        return buffer.getByte(offset + ACTION_OFFSET);
    }

    public SetKillSwitchCommand action(final byte action) {
        buffer.putByte(offset + ACTION_OFFSET, action);
        return this;
    }

    /** @return the account, 0 for the whole firm */
    public int accountId() {
        return buffer.getInt(offset + ACCOUNT_OFFSET);
    }

    public SetKillSwitchCommand accountId(final int accountId) {
        buffer.putInt(offset + ACCOUNT_OFFSET, accountId);
        return this;
    }

    @Override
    protected String body() {
        return " action=" + action() + " account=" + accountId();
    }
}
