package exchange.matching.event;

import exchange.matching.TradingPhase;

/**
 * An instrument changed trading phase. Market data publishes it (ITCH Stock Trading Action, System
 * Event); operators see it.
 *
 * <pre>
 *  24  phase (u8)   25 previous phase (u8)   26 reason (u8): 0 a SetPhase command, 1 the circuit
 *      breaker, 2 the end of a volatility auction   27 reserved (5 bytes)
 *  32  end
 * </pre>
 */
public final class PhaseChangedEvent extends Event {
    public static final int PHASE_OFFSET = 24;
    public static final int PREVIOUS_PHASE_OFFSET = 25;
    public static final int REASON_OFFSET = 26;

    /** Reason: a SetPhase command (schedule or operator). */
    public static final int REASON_COMMAND = 0;
    /** Reason: a trade would have printed beyond the circuit breaker; a volatility auction starts. */
    public static final int REASON_CIRCUIT_BREAKER = 1;
    /** Reason: a volatility auction's time ran out; it uncrossed and trading resumes. */
    public static final int REASON_VOLATILITY_AUCTION_END = 2;
    public static final int END_OFFSET = 32;

    @Override
    public EventType type() {
        return EventType.PHASE_CHANGED;
    }

    @Override
    protected int endOffset() {
        return END_OFFSET;
    }

    @Override
    public PhaseChangedEvent init(final int instrumentId, final long commandSequence, final long timestampNs) {
        super.init(instrumentId, commandSequence, timestampNs);
        buffer.putLong(offset + PHASE_OFFSET, 0L);
        return this;
    }

    public TradingPhase phase() {
        return TradingPhase.fromCode(buffer.getByte(offset + PHASE_OFFSET));
    }

    public PhaseChangedEvent phase(final TradingPhase phase) {
        buffer.putByte(offset + PHASE_OFFSET, phase.code());
        return this;
    }

    public TradingPhase previousPhase() {
        return TradingPhase.fromCode(buffer.getByte(offset + PREVIOUS_PHASE_OFFSET));
    }

    public PhaseChangedEvent previousPhase(final TradingPhase phase) {
        buffer.putByte(offset + PREVIOUS_PHASE_OFFSET, phase.code());
        return this;
    }

    public int reason() {
        return buffer.getByte(offset + REASON_OFFSET) & 0xFF;
    }

    public PhaseChangedEvent reason(final int v) {
        buffer.putByte(offset + REASON_OFFSET, (byte) v);
        return this;
    }

    @Override
    protected String body() {
        return " " + previousPhase() + "->" + phase() + " reason=" + reason();
    }
}
