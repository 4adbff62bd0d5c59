package exchange.matching.command;

import exchange.matching.TradingPhase;

/**
 * Moves one instrument (or every instrument, with {@link exchange.matching.Instrument#NULL_ID}) to a
 * trading phase: from the schedule, an operator or the exchange's own price protection. A scheduled
 * change (the trading day's timetable) leaves a halted instrument halted: only a change of that
 * instrument alone, an operator's, lifts a halt.
 *
 * <pre>
 *  32  phase (u8, TradingPhase code)
 *  33  flags (u8): bit 0 scheduled
 *  34  reserved (6 bytes)
 *  40  end
 * </pre>
 */
public final class SetPhaseCommand extends Command {
    public static final int PHASE_OFFSET = 32;
    public static final int FLAGS_OFFSET = 33;
    public static final int FLAG_SCHEDULED = 1;
    public static final int LENGTH = 40;

    @Override
    public CommandType type() {
        return CommandType.SET_PHASE;
    }

    @Override
    public SetPhaseCommand init() {
        header(type().code(), LENGTH);
        buffer.setMemory(offset + 3, LENGTH - 3, (byte) 0);
        return this;
    }

    /** @return the phase, or {@code null} for an unknown code */
    public TradingPhase phase() {
        return TradingPhase.fromCode(buffer.getByte(offset + PHASE_OFFSET));
    }

    public SetPhaseCommand phase(final TradingPhase phase) {
        buffer.putByte(offset + PHASE_OFFSET, phase.code());
        return this;
    }

    /** @return true for a change from the schedule, which leaves halted instruments halted */
    public boolean scheduled() {
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_SCHEDULED) != 0;
    }

    public SetPhaseCommand scheduled(final boolean scheduled) {
        buffer.putByte(offset + FLAGS_OFFSET, (byte) (scheduled ? FLAG_SCHEDULED : 0));
        return this;
    }

    @Override
    protected String body() {
        return " phase=" + phase() + (scheduled() ? " scheduled" : "");
    }
}
