package exchange.operations.actions;

import exchange.matching.CancelReason;
import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.sequencer.CommandWriter;

/**
 * The commands operators' actions journal, sent by the exchange itself (session 0). Each is a
 * {@link CommandWriter} for the sequencer, which stamps sequence and time.
 *
 * <p>Stateless; allocates a flyweight per command (operators' actions, not a hot path).
 */
public final class OperatorCommands {
    private OperatorCommands() {
    }

    /** Moves one instrument to a phase. */
    public static CommandWriter setPhase(final int instrumentId, final TradingPhase phase) {
        return (buffer, offset) -> {
            final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset);
            c.init().instrumentId(instrumentId).sessionId(0).firmId(0);
            c.phase(phase);
            return c.length();
        };
    }

    /**
     * Cancels the live orders of a firm (account 0) or of one of its accounts, on one instrument or all
     * ({@link Instrument#NULL_ID}), both sides, reason OPERATOR.
     */
    public static CommandWriter massCancel(final int firmId, final int accountIdOrZeroForWholeFirm,
                                           final int instrumentIdOrNull) {
        return (buffer, offset) -> {
            final MassCancelCommand c = (MassCancelCommand) new MassCancelCommand().wrap(buffer, offset);
            c.init().instrumentId(instrumentIdOrNull).sessionId(0).firmId(firmId);
            c.scope(accountIdOrZeroForWholeFirm == 0 ? MassCancelCommand.SCOPE_FIRM : MassCancelCommand.SCOPE_ACCOUNT)
                .sideCode((byte) 0).reason(CancelReason.OPERATOR).accountId(accountIdOrZeroForWholeFirm);
            return c.length();
        };
    }
}
