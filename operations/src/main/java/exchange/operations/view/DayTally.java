package exchange.operations.view;

import exchange.matching.CancelReason;
import exchange.matching.Instrument;
import exchange.matching.RejectReason;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventHandler;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.event.MassCancelledEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.TradeEvent;
import exchange.operations.day.InstrumentDay;
import exchange.operations.day.TradeRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The day's figures from the event log, beside the books: each instrument's trading figures and last
 * trades, the last trades overall, orders accepted, rejects and cancels by reason, and what operators'
 * commands did ({@link CommandOutcomes}). A DayEnded starts them again.
 *
 * <p>The view's thread only. Allocates per trade (a cold-path consumer).
 */
final class DayTally implements EventHandler {
    private final Map<Integer, InstrumentDay> days = new TreeMap<>();
    private final Map<Integer, Deque<TradeRecord>> tradesByInstrument = new TreeMap<>();
    private final Deque<TradeRecord> trades = new ArrayDeque<>();
    private final Map<Integer, String> symbols = new TreeMap<>();
    private final IntFunction<String> firmNames;
    private final CommandOutcomes outcomes;
    private final int tradesKept;
    private final Map<Long, MarketSnapshot.KillSwitch> killSwitches = new TreeMap<>(); // by firm << 32 | account
    private final IntFunction<String> accountNames;
    private final long[] rejects = new long[256];
    private final long[] cancels = new long[256];
    private long accepted;
    private long tradeCount;

    DayTally(final List<Instrument> instruments, final IntFunction<String> firmNames,
             final IntFunction<String> accountNames, final CommandOutcomes outcomes, final int tradesKept) {
        this.firmNames = firmNames;
        this.accountNames = accountNames;
        this.outcomes = outcomes;
        this.tradesKept = tradesKept;
        for (final Instrument i : instruments) {
            symbols.put(i.id(), i.symbol());
            days.put(i.id(), new InstrumentDay(i.symbol()));
            tradesByInstrument.put(i.id(), new ArrayDeque<>());
        }
    }

    @Override
    public void onAccepted(final AcceptedEvent event) {
        accepted++;
    }

    @Override
    public void onRejected(final RejectedEvent event) {
        final RejectReason reason = event.reason();
        rejects[reason == null ? 0 : reason.code() & 0xFF]++;
    }

    @Override
    public void onCancelled(final CancelledEvent event) {
        final CancelReason reason = event.reason();
        cancels[reason == null ? 0 : reason.code() & 0xFF]++;
    }

    @Override
    public void onTrade(final TradeEvent event) {
        tradeCount++;
        final InstrumentDay day = days.get(event.instrumentId());
        if (day == null) {
            return;
        }
        day.add(event.price(), event.quantity());
        final TradeRecord trade = TradeRecord.of(event, day.symbol(), firmNames);
        keep(trades, trade);
        keep(tradesByInstrument.get(event.instrumentId()), trade);
    }

    private void keep(final Deque<TradeRecord> list, final TradeRecord trade) {
        list.addFirst(trade);
        while (list.size() > tradesKept) {
            list.removeLast();
        }
    }

    @Override
    public void onMassCancelled(final MassCancelledEvent event) {
        outcomes.cancelled(event.commandSequence(), event.cancelledCount());
    }

    /** The engine's kill switches outlive the day: they are not cleared at its end. */
    @Override
    public void onKillSwitchChanged(final KillSwitchChangedEvent event) {
        outcomes.cancelled(event.commandSequence(), event.cancelledCount());
        if (event.refused()) {
            outcomes.refused(event.commandSequence());
            return;
        }
        killSwitch(event.firmId(), event.accountId(), event.on());
    }

    void killSwitch(final int firmId, final int accountId, final boolean on) {
        final long key = ((long) firmId << 32) | (accountId & 0xFFFFFFFFL);
        if (on) {
            killSwitches.put(key, new MarketSnapshot.KillSwitch(firmNames.apply(firmId), firmId,
                accountId == 0 ? null : accountNames.apply(accountId), accountId));
        } else {
            killSwitches.remove(key);
        }
    }

    List<MarketSnapshot.KillSwitch> killSwitches() {
        return List.copyOf(killSwitches.values());
    }

    @Override
    public void onDayEnded(final DayEndedEvent event) {
        outcomes.dayEnded(event.commandSequence(), event.tradingDate(), event.expiredCount(), event.carriedCount());
        days.values().forEach(InstrumentDay::clear);
        tradesByInstrument.values().forEach(Deque::clear);
        trades.clear();
        Arrays.fill(rejects, 0);
        Arrays.fill(cancels, 0);
        accepted = 0;
        tradeCount = 0;
    }

    InstrumentDay.Figures figures(final int instrumentId) {
        return days.get(instrumentId).figures();
    }

    List<TradeRecord> trades(final int instrumentId) {
        return List.copyOf(tradesByInstrument.get(instrumentId));
    }

    List<TradeRecord> trades() {
        return List.copyOf(trades);
    }

    MarketSnapshot.Counters counters() {
        final Map<String, Long> rejectsByReason = new LinkedHashMap<>();
        for (final RejectReason r : RejectReason.values()) {
            if (rejects[r.code() & 0xFF] != 0) {
                rejectsByReason.put(r.name(), rejects[r.code() & 0xFF]);
            }
        }
        final Map<String, Long> cancelsByReason = new LinkedHashMap<>();
        for (final CancelReason r : CancelReason.values()) {
            if (cancels[r.code() & 0xFF] != 0) {
                cancelsByReason.put(r.name(), cancels[r.code() & 0xFF]);
            }
        }
        return new MarketSnapshot.Counters(accepted, tradeCount, rejectsByReason, cancelsByReason);
    }

    /** @return the instruments' ids, ascending */
    List<Integer> instrumentIds() {
        return new ArrayList<>(symbols.keySet());
    }

    String symbol(final int instrumentId) {
        return symbols.get(instrumentId);
    }
}
