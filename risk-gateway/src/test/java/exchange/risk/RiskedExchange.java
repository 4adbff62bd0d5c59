package exchange.risk;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.RestingOrder;
import exchange.matching.TradingPhase;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.RejectOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A real {@link MatchingEngine} behind a {@link RiskGateway}, wired as the acceptor and the sequencer
 * will wire them: a command is checked, journaled (here: given the next sequence and applied at once)
 * when it passes, or journaled as a RejectOrder when a new order fails; every event the engine writes
 * goes to the gateway's event handler, in order, and to any extra handlers (the tests' own
 * bookkeeping). Single-threaded.
 */
final class RiskedExchange {
    static final long T0 = 1_800_000_000_000_000_000L;

    private final MatchingEngine engine;
    private final RiskGateway gateway;
    private final List<EventHandler> handlers = new ArrayList<>();
    private final EventDecoder decoder = new EventDecoder();
    private final UnsafeBuffer journal = new UnsafeBuffer(new byte[1024]);
    private long sequence;
    private long nowNs = T0;
    private final List<byte[]> log = new ArrayList<>();

    RiskedExchange(final RiskGateway gateway, final List<Instrument> instruments) {
        this.gateway = gateway;
        this.handlers.add(gateway);
        this.engine = new MatchingEngine(instruments, EngineConfig.defaults().orderCapacity(1 << 14).levelCapacity(1 << 12),
            (buffer, offset, length) -> {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                log.add(copy);
                for (final EventHandler handler : handlers) {
                    decoder.decode(buffer, offset, handler);
                }
            });
    }

    static RiskedExchange standard() {
        return new RiskedExchange(RiskFixture.gateway(), RiskFixture.INSTRUMENTS);
    }

    RiskGateway gateway() {
        return gateway;
    }

    MatchingEngine engine() {
        return engine;
    }

    /** Adds a handler that sees every event after the gateway. */
    void observe(final EventHandler handler) {
        handlers.add(handler);
    }

    /** @return every event record written so far, in order */
    List<byte[]> eventLog() {
        return List.copyOf(log);
    }

    /** Hands every event written so far, in order, to a handler: the event log read from its start. */
    void replayInto(final EventHandler handler) {
        final EventDecoder replayDecoder = new EventDecoder();
        for (final byte[] record : log) {
            replayDecoder.decode(new UnsafeBuffer(record), 0, handler);
        }
    }

    /** Moves the clock on; the throttle and the sequencer stamps use it. */
    void advance(final long ns) {
        nowNs += ns;
    }

    long nowNs() {
        return nowNs;
    }

    /** @return the sequence the next journaled command gets: a new order's order id */
    long nextSequence() {
        return sequence + 1;
    }

    /**
     * Checks a new order; journals it when it passes, or a RejectOrder with the refusal's reason.
     *
     * @return the check's result; the order id is {@link #lastSequence()} either way
     */
    RiskResult enter(final SessionRisk session, final NewOrderCommand order) {
        final RiskResult result = gateway.checkNewOrder(session, order, nowNs);
        if (result.passed()) {
            journal(order);
        } else {
            journalRejected(order, result);
        }
        return result;
    }

    /** Checks a replace and journals it when it passes (a refused replace is answered by the acceptor). */
    RiskResult replace(final SessionRisk session, final ReplaceCommand replace, final int accountId,
                       final long currentPrice, final long currentQty) {
        final RiskResult result = gateway.checkReplace(session, replace, accountId, currentPrice, currentQty, nowNs);
        if (result.passed()) {
            journal(replace);
        }
        return result;
    }

    /** Checks a cancel of an order of the session's firm and journals it when it passes. */
    RiskResult cancel(final SessionRisk session, final long orderId, final int instrumentId) {
        final RiskResult result = gateway.checkCancel(session, nowNs);
        if (result.passed()) {
            final CancelCommand cancel = (CancelCommand) new CancelCommand().wrap(journal, 0);
            cancel.init();
            cancel.instrumentId(instrumentId).sessionId(session.sessionId()).firmId(session.firmId());
            cancel.orderId(orderId);
            cancel.context("CXL".getBytes());
            apply(cancel);
        }
        return result;
    }

    /** Journals the engine's kill switch command, which cancels the firm's or account's orders. */
    void killSwitchCancel(final int firmId, final int accountIdOrZero) {
        killSwitch(firmId, accountIdOrZero, true);
    }

    /** Journals the engine's kill switch command, on or off. */
    void killSwitch(final int firmId, final int accountIdOrZero, final boolean on) {
        KillSwitchCommand.write(journal, 0, firmId, accountIdOrZero, on);
        apply((SetKillSwitchCommand) new SetKillSwitchCommand().wrap(journal, 0));
    }

    void massCancelFirm(final int firmId) {
        final MassCancelCommand command = (MassCancelCommand) new MassCancelCommand().wrap(journal, 0);
        command.init();
        command.instrumentId(Instrument.NULL_ID).sessionId(0).firmId(firmId);
        command.scope(MassCancelCommand.SCOPE_FIRM);
        apply(command);
    }

    void phase(final int instrumentId, final TradingPhase phase) {
        final SetPhaseCommand command = (SetPhaseCommand) new SetPhaseCommand().wrap(journal, 0);
        command.init();
        command.instrumentId(instrumentId);
        command.phase(phase);
        apply(command);
    }

    /**
     * Ends the day and, as the GTC store would, restores the GTC orders that were resting, in priority,
     * then the waiting GTC stops.
     *
     * @return the number of orders restored
     */
    int endOfDayAndRestore(final List<Instrument> instruments) {
        final List<byte[]> carried = new ArrayList<>();
        for (final Instrument instrument : instruments) {
            engine.forEachRestingOrder(instrument.id(), order -> {
                if (order.timeInForce().survivesEndOfDay()) {
                    carried.add(restoreCommand(order, order.orderType().isStop() ? RestoreOrderCommand.TRIGGERED : 0));
                }
            });
        }
        for (final Instrument instrument : instruments) {
            engine.forEachWaitingStop(instrument.id(), order -> {
                if (order.timeInForce().survivesEndOfDay()) {
                    carried.add(restoreCommand(order, 0));
                }
            });
        }
        final EndOfDayCommand endOfDay = (EndOfDayCommand) new EndOfDayCommand().wrap(journal, 0);
        endOfDay.init();
        endOfDay.tradingDate(20_261_127);
        apply(endOfDay);
        for (final byte[] record : carried) {
            journal.putBytes(0, record);
            apply((RestoreOrderCommand) new RestoreOrderCommand().wrap(journal, 0));
        }
        return carried.size();
    }

    private static byte[] restoreCommand(final RestingOrder order, final int flags) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final RestoreOrderCommand restore = (RestoreOrderCommand) new RestoreOrderCommand().wrap(buffer, 0);
        restore.init();
        restore.instrumentId(order.instrumentId()).sessionId(order.sessionId()).firmId(order.firmId());
        restore.orderId(order.orderId()).accountId(order.accountId()).side(order.side()).orderType(order.orderType())
            .timeInForce(order.timeInForce()).price(order.price()).orderQty(order.orderQty()).cumQty(order.cumQty())
            .cumNotional(order.cumNotional());
        restore.stopPrice(order.stopPrice()).displayQty(order.displayQty()).flags(flags);
        final byte[] record = new byte[restore.length()];
        buffer.getBytes(0, record);
        return record;
    }

    /** @return the sequence of the last journaled command */
    long lastSequence() {
        return sequence;
    }

    /** Journals a command as it is in its own buffer (a passed check's stamp included). */
    void journal(final Command command) {
        journal.putBytes(0, command.buffer(), command.offset(), command.length());
        final Command copy = command instanceof NewOrderCommand ? new NewOrderCommand() : new ReplaceCommand();
        copy.wrap(journal, 0);
        apply(copy);
    }

    /** Journals a refused new order as the acceptor does: a RejectOrder with the refusal's reason. */
    void journalRejected(final NewOrderCommand order, final RiskResult result) {
        journal.putBytes(0, order.buffer(), order.offset(), order.length());
        journal.putByte(Command.TYPE_OFFSET, (byte) CommandType.REJECT_ORDER.code());
        final RejectOrderCommand reject = (RejectOrderCommand) new RejectOrderCommand().wrap(journal, 0);
        reject.reason(result.reason());
        apply(reject);
    }

    private void apply(final Command command) {
        command.sequence(++sequence).timestampNs(nowNs);
        engine.onCommand(command.buffer(), command.offset());
    }
}
