package exchange.risk;

import exchange.matching.Instrument;
import exchange.matching.command.SetKillSwitchCommand;
import org.agrona.MutableDirectBuffer;

/**
 * Builds the engine's kill switch command for a firm or one of its accounts, sent by the exchange itself
 * (session 0): on, the engine cancels every live order of the firm (or account) with reason KILL_SWITCH
 * and refuses its new orders and replaces; off, it takes them again. Journaled like any command, the
 * switch survives a restart, and the gateway learns it from the event log (KillSwitchChanged). A caller
 * that wants the gateway to refuse at once, before the event comes back, also calls
 * {@link RiskGateway#killSwitch}.
 *
 * <p>Stateless. Allocates one flyweight per call (an operator action, not a hot path).
 */
public final class KillSwitchCommand {
    private KillSwitchCommand() {
    }

    /**
     * Writes the command that turns a switch on.
     *
     * @param buffer                      where to write the record
     * @param offset                      of its first byte
     * @param firmId                      the firm
     * @param accountIdOrZeroForWholeFirm one of its accounts, or 0 for all of them
     * @return the record's length
     */
    public static int write(final MutableDirectBuffer buffer, final int offset, final int firmId,
                            final int accountIdOrZeroForWholeFirm) {
        return write(buffer, offset, firmId, accountIdOrZeroForWholeFirm, true);
    }

    /**
     * Writes the command that turns a switch on or off.
     *
     * @return the record's length
     */
    public static int write(final MutableDirectBuffer buffer, final int offset, final int firmId,
                            final int accountIdOrZeroForWholeFirm, final boolean on) {
        final SetKillSwitchCommand command = (SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, offset);
        command.init().instrumentId(Instrument.NULL_ID).sessionId(0).firmId(firmId);
        command.action(on ? SetKillSwitchCommand.ACTION_ON : SetKillSwitchCommand.ACTION_OFF)
            .accountId(accountIdOrZeroForWholeFirm);
        return command.length();
    }
}
