package exchange.risk;

import exchange.matching.CancelReason;
import exchange.matching.Instrument;
import exchange.matching.command.MassCancelCommand;
import org.agrona.MutableDirectBuffer;

/**
 * Builds the command that cancels what a kill switch blocks: a mass cancel of every live order of the
 * firm (scope FIRM) or of one of its accounts (scope ACCOUNT), on every instrument and both sides, with
 * reason KILL_SWITCH, sent by the exchange itself (session 0). The caller turns the switch on with
 * {@link RiskGateway#killSwitch} first, so that nothing new slips in behind the cancel, then journals
 * this command; the sequencer stamps its sequence and time.
 *
 * <p>Stateless. Allocates one flyweight per call (an operator action, not a hot path).
 */
public final class KillSwitchCommand {
    private KillSwitchCommand() {
    }

    /**
     * @param buffer                      where to write the record
     * @param offset                      of its first byte
     * @param firmId                      the firm
     * @param accountIdOrZeroForWholeFirm one of its accounts, or 0 for all of them
     * @return the record's length
     */
    public static int write(final MutableDirectBuffer buffer, final int offset, final int firmId,
                            final int accountIdOrZeroForWholeFirm) {
        final MassCancelCommand command = (MassCancelCommand) new MassCancelCommand().wrap(buffer, offset);
        command.init();
        command.instrumentId(Instrument.NULL_ID).sessionId(0).firmId(firmId);
        command.scope(accountIdOrZeroForWholeFirm == 0 ? MassCancelCommand.SCOPE_FIRM : MassCancelCommand.SCOPE_ACCOUNT)
            .sideCode((byte) 0)
            .reason(CancelReason.KILL_SWITCH)
            .accountId(accountIdOrZeroForWholeFirm);
        return command.length();
    }
}
