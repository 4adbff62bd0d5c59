package exchange.sequencer;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.RejectReason;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.Event;
import exchange.matching.event.EventType;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.OrderType;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class TradingDayTest {
    static final List<Instrument> INSTRUMENTS = List.of(Instrument.builder(1, "AAA").build());

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2026-11-27T07:00:00Z");

    private static TradingSchedule schedule() {
        final Properties p = new Properties();
        p.setProperty(TradingSchedule.START_OF_DAY, "08:00");
        p.setProperty(TradingSchedule.OPEN, "09:00");
        p.setProperty(TradingSchedule.CLOSE, "17:00");
        p.setProperty(TradingSchedule.END_OF_DAY, "17:05");
        p.setProperty(TradingSchedule.CLOCK_INTERVAL_MS, "60000");
        return TradingSchedule.fromProperties(p);
    }

    private SequencerConfig config() {
        return SequencerConfig.builder(dir).idleStrategy("sleep").snapshotInterval(0)
            .engine(EngineConfig.defaults().orderCapacity(1024).levelCapacity(256)).build();
    }

    private static CommandWriter order(final Side side, final long price, final long qty, final int firm,
                                       final TimeInForce tif, final long expireNs, final String clOrdId) {
        return (buffer, offset) -> {
            final NewOrderCommand c = (NewOrderCommand) new NewOrderCommand().wrap(buffer, offset);
            c.init().instrumentId(1).sessionId(firm).firmId(firm);
            c.side(side).orderType(OrderType.LIMIT).timeInForce(tif).price(price).quantity(qty).expireTimeNs(expireNs)
                .context(clOrdId.getBytes());
            return c.length();
        };
    }

    /** Waits until the event log holds an event matching the predicate. */
    private static Event await(final Sequencer sequencer, final Predicate<Event> what) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (final EventLogCollector.Logged e : EventLogCollector.readAll(sequencer.eventLog())) {
                if (what.test(e.event())) {
                    return e.event();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("event never came");
    }

    /** Waits until the GTC recorder, on the trading-day thread, has taken the restored orders out of the store. */
    private static void awaitStoreEmpty(final TradingDay day) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (day.store().size() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Waits until the GTC recorder has saved a trading day's orders. */
    private static void awaitSaved(final TradingDay day, final int tradingDate) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (day.store().savedDate() != tradingDate && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(day.store().savedDate()).isEqualTo(tradingDate);
    }

    /** Waits until a command is journaled after the given sequence. */
    private static void awaitJournaledAfter(final Sequencer sequencer, final long sequence) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sequencer.commands().lastSequence() <= sequence && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sequencer.commands().lastSequence()).isGreaterThan(sequence);
    }

    private static Predicate<Event> phase(final exchange.matching.TradingPhase phase) {
        return e -> e.type() == EventType.PHASE_CHANGED && ((PhaseChangedEvent) e).phase() == phase;
    }

    /** A replace of instrument 1's GTC limit order of 50 (session 2, firm 2) that only changes its peak. */
    private static CommandWriter newPeak(final long orderId, final Side side, final long price, final long peak) {
        return (buffer, offset) -> {
            final exchange.matching.command.ReplaceCommand r =
                (exchange.matching.command.ReplaceCommand) new exchange.matching.command.ReplaceCommand().wrap(buffer, offset);
            r.init().instrumentId(1).sessionId(2).firmId(2);
            r.orderId(orderId);
            r.side(side).orderType(OrderType.LIMIT).timeInForce(TimeInForce.GTC);
            r.quantity(50).price(price).displayQuantity(peak);
            return r.length();
        };
    }

    @Test
    void shouldCarryGoodTillOrdersOverARestartIntoTheNextDayWithTheirPriorityAndExpireDayOrders() throws Exception {
        final long gtcFirst;
        final long gtcSecond;
        final long gtdLate;
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            gtcFirst = sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.GTC, 0, "gtc-1"));
            sequencer.commands().append(order(Side.BUY, 100_0000, 7, 2, TimeInForce.DAY, 0, "day-1"));
            gtcSecond = sequencer.commands().append(order(Side.BUY, 100_0000, 20, 2, TimeInForce.GTC, 0, "gtc-2"));
            gtdLate = sequencer.commands().append(order(Side.SELL, 105_0000, 5, 1, TimeInForce.GTD,
                TestClock.toNanos("2026-11-28T10:00:00Z"), "gtd-1"));
            final long gtdTonight = sequencer.commands().append(order(Side.SELL, 106_0000, 5, 1, TimeInForce.GTD,
                TestClock.toNanos("2026-11-27T20:00:00Z"), "gtd-tonight"));
            sequencer.commands().append(order(Side.SELL, 107_0000, 5, 1, TimeInForce.GTD,
                TestClock.toNanos("2026-11-28T08:15:00Z"), "gtd-early"));
            clock.set("2026-11-27T17:06:00Z");
            final Event ended = await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            // the GTD order expiring tonight, before the next day starts at 08:00, expires with the day (its owner
            // told now, not when the next day starts, which may be after a weekend)
            final Event gtdExpired = await(sequencer, e -> e.type() == EventType.CANCELLED
                && ((OrderEvent) e).orderId() == gtdTonight);
            assertThat(((CancelledEvent) gtdExpired).reason()).isEqualTo(exchange.matching.CancelReason.GTD_EXPIRED);
            assertThat(gtdExpired.commandSequence()).isEqualTo(ended.commandSequence());
            assertThat(((exchange.matching.event.DayEndedEvent) ended).expiredCount()).isEqualTo(2);
            assertThat(((exchange.matching.event.DayEndedEvent) ended).carriedCount()).isEqualTo(4);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (day.store().savedDate() != 20261127 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(day.store().savedDate()).isEqualTo(20261127);
            assertThat(day.store().size()).isEqualTo(4);
        }

        clock.set("2026-11-28T08:30:00Z");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            await(sequencer, e -> e.type() == EventType.RESTORED && ((OrderEvent) e).orderId() == gtdLate);
            // the GTD order that expired before the exchange started again comes back and expires at once
            final Event expired = await(sequencer, e -> e.type() == EventType.CANCELLED
                && ((CancelledEvent) e).reason() == exchange.matching.CancelReason.GTD_EXPIRED
                && ((OrderEvent) e).orderId() == gtdLate + 2);
            assertThat(new String(((CancelledEvent) expired).contextBytes())).isEmpty();
            clock.set("2026-11-28T09:30:00Z");
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z"));
            awaitStoreEmpty(day);
            assertThat(day.store().size()).as("restored orders leave the store").isZero();
            final long sell = sequencer.commands().append(order(Side.SELL, 100_0000, 25, 3, TimeInForce.IOC, 0, "s"));
            final Event first = await(sequencer, e -> e.type() == EventType.TRADE && e.commandSequence() == sell);
            assertThat(((TradeEvent) first).buy().orderId()).as("the older GTC order first").isEqualTo(gtcFirst);
            assertThat(((TradeEvent) first).quantity()).isEqualTo(10);
            final List<EventLogCollector.Logged> all = EventLogCollector.readAll(sequencer.eventLog());
            final List<Long> restored = all.stream().filter(e -> e.event().type() == EventType.RESTORED)
                .map(e -> ((OrderEvent) e.event()).orderId()).toList();
            assertThat(restored).containsExactly(gtcFirst, gtcSecond, gtdLate, gtdLate + 2);
            final List<String> contexts = all.stream().filter(e -> e.event().type() == EventType.RESTORED)
                .map(e -> new String(e.event().contextBytes())).toList();
            assertThat(contexts).containsExactly("gtc-1", "gtc-2", "gtd-1", "gtd-early");
        }

        // A restart later the same day restores nothing again.
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            assertThat(day.store().size()).isZero();
            final long marker = sequencer.commands().append(order(Side.BUY, 90_0000, 1, 1, TimeInForce.DAY, 0, "m"));
            await(sequencer, e -> e.commandSequence() == marker);
            final long restores = EventLogCollector.readAll(sequencer.eventLog()).stream()
                .filter(e -> e.event().type() == EventType.RESTORED).count();
            assertThat(restores).isEqualTo(4);
        }
    }

    @Test
    void shouldCarryGoodTillOrdersIntoTheNextDayWithoutARestart() throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            final long gtc = sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.GTC, 0, "gtc"));
            clock.set("2026-11-27T17:06:00Z");
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            clock.set("2026-11-28T09:30:00Z");
            await(sequencer, e -> e.type() == EventType.RESTORED && ((OrderEvent) e).orderId() == gtc);
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z")
                && ((PhaseChangedEvent) e).phase() == exchange.matching.TradingPhase.CONTINUOUS);
            final long sell = sequencer.commands().append(order(Side.SELL, 100_0000, 4, 3, TimeInForce.IOC, 0, "s"));
            final Event trade = await(sequencer, e -> e.type() == EventType.TRADE && e.commandSequence() == sell);
            assertThat(((TradeEvent) trade).buy().orderId()).isEqualTo(gtc);
            awaitStoreEmpty(day);
            assertThat(day.store().size()).isZero();
        }
    }

    @Test
    void shouldEndADayLeftOpenBeforeStartingTheNext() throws Exception {
        final long gtc;
        final long dayOrder;
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay ignored = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            gtc = sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.GTC, 0, "gtc"));
            dayOrder = sequencer.commands().append(order(Side.BUY, 99_0000, 10, 1, TimeInForce.DAY, 0, "day"));
            await(sequencer, e -> e.commandSequence() == dayOrder);
        }
        clock.set("2026-11-28T08:30:00Z"); // the exchange was down at the end of the 27th
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay ignored = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            final Event expired = await(sequencer, e -> e.type() == EventType.CANCELLED && ((OrderEvent) e).orderId() == dayOrder);
            assertThat(((CancelledEvent) expired).reason()).isEqualTo(exchange.matching.CancelReason.END_OF_DAY);
            await(sequencer, e -> e.type() == EventType.RESTORED && ((OrderEvent) e).orderId() == gtc);
        }
    }

    /**
     * Between two days the GTC store alone holds the good-till orders. When it no longer holds the day that
     * ended (its folder deleted, or a damaged store set aside), they cannot come back: the start stops and
     * says so, rather than the next day never starting while the driver waits for the store (a warning a
     * millisecond) or starting without them.
     */
    @Test
    void shouldRefuseToStartBetweenDaysWhenTheGtcStoreNoLongerHoldsTheDayThatEnded() throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.GTC, 0, "gtc"));
            clock.set("2026-11-27T17:06:00Z");
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            awaitSaved(day, 20261127);
        }
        final Path gtc = dir.resolve("gtc");
        try (var files = Files.walk(gtc)) {
            for (final Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }

        clock.set("2026-11-28T08:30:00Z");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock)) {
            final long journaled = sequencer.commands().lastSequence();
            assertThatThrownBy(() -> TradingDay.start(sequencer, schedule(), 1024, clock).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the GTC store " + gtc + " does not hold the good-till orders of trading day "
                    + "20261127, which has ended (it holds none)")
                .hasMessageContaining("put back the store")
                .hasMessageContaining("delete " + dir.resolve("trading-day.state"));
            assertThat(sequencer.commands().lastSequence()).as("nothing journaled").isEqualTo(journaled);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().equals("trading-day"));
    }

    /**
     * Restarted after a day boundary it slept through, the exchange must be in the new day before anyone can
     * trade: TradingDay.start returns once the old day has ended (its Day orders expired) and the new one has
     * started (its GTC orders back, in the schedule's phase). Otherwise the first orders after the start
     * (the FIX sessions open right after it) race the driver's thread: they could trade with the old day's Day
     * orders, or take the place of the GTC orders not yet restored.
     */
    @Test
    void shouldBeInTheNewDayWhenStartedAfterADayBoundaryItMissed() throws Exception {
        final long dayOrder;
        final long gtc;
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay ignored = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            dayOrder = sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.DAY, 0, "day"));
            gtc = sequencer.commands().append(order(Side.BUY, 99_0000, 10, 1, TimeInForce.GTC, 0, "gtc"));
            await(sequencer, e -> e.commandSequence() == gtc);
        }
        clock.set("2026-11-30T09:30:00Z"); // down over the weekend
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            final long sell = sequencer.commands().append(order(Side.SELL, 99_0000, 15, 3, TimeInForce.IOC, 0, "s"));
            final Event first = await(sequencer, e -> e.commandSequence() == sell && e.type() != EventType.ACCEPTED);
            assertThat(first.type()).as("the first event of the sell after the start: %s", first).isEqualTo(EventType.TRADE);
            assertThat(((TradeEvent) first).buy().orderId()).as("not the old day's Day order").isEqualTo(gtc);
            assertThat(((TradeEvent) first).quantity()).isEqualTo(10);
            final List<EventLogCollector.Logged> all = EventLogCollector.readAll(sequencer.eventLog());
            assertThat(all.stream().filter(e -> e.event().type() == EventType.CANCELLED
                && ((OrderEvent) e.event()).orderId() == dayOrder).map(EventLogCollector.Logged::commandSequence).toList())
                .as("the Day order expired before the sell").hasSize(1).allMatch(seq -> seq < sell);
            assertThat(day.tradingDate()).isEqualTo(20261130);
            assertThat(day.phase()).isEqualTo(exchange.matching.TradingPhase.CONTINUOUS);
        }
    }

    /**
     * The driver journals EndOfDay and then writes down that the day has ended. A crash between the two
     * leaves the state file saying the day is open; here the crash comes once the EndOfDay has been matched
     * and the GTC orders saved.
     */
    @Test
    void shouldNotEndADayAgainAfterACrashBetweenItsEndOfDayAndTheDriverNotingIt() throws Exception {
        final long gtc;
        final Path stateFile = dir.resolve("trading-day.state");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay ignored = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            gtc = sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.GTC, 0, "gtc"));
            await(sequencer, e -> e.commandSequence() == gtc);
        }
        final byte[] dayOpen = Files.readAllBytes(stateFile); // what the driver last wrote before the end of day
        clock.set("2026-11-27T17:06:00Z");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            awaitSaved(day, 20261127);
            assertThat(day.store().size()).isEqualTo(1);
        }
        Files.write(stateFile, dayOpen); // the crash: the driver never wrote that the day had ended

        clock.set("2026-11-28T09:30:00Z");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z")
                && ((PhaseChangedEvent) e).phase() == exchange.matching.TradingPhase.CONTINUOUS);
            assertThat(day.tradingDate()).isEqualTo(20261128);
            final long sell = sequencer.commands().append(order(Side.SELL, 100_0000, 4, 3, TimeInForce.IOC, 0, "s"));
            final Event trade = await(sequencer, e -> e.type() == EventType.TRADE && e.commandSequence() == sell);
            assertThat(((TradeEvent) trade).buy().orderId()).as("the GTC order came back").isEqualTo(gtc);
            final List<EventLogCollector.Logged> all = EventLogCollector.readAll(sequencer.eventLog());
            assertThat(all.stream().filter(e -> e.event().type() == EventType.DAY_ENDED)
                .map(e -> ((exchange.matching.event.DayEndedEvent) e.event()).tradingDate()).toList())
                .as("one end of day for the 27th").containsExactly(20261127);
            assertThat(all.stream().filter(e -> e.event().type() == EventType.RESTORED)
                .map(e -> ((OrderEvent) e.event()).orderId()).toList()).containsExactly(gtc);
            awaitStoreEmpty(day);
        }
    }

    /**
     * The same crash, right after the EndOfDay was journaled (an operator ended the day early), before the
     * matching thread applied it; the exchange comes back the same day.
     */
    @Test
    void shouldKnowADayEndedEarlyWasEndedWhenACrashCameRightAfterItsEndOfDayWasJournaled() throws Exception {
        final long gtc;
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay ignored = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            gtc = sequencer.commands().append(order(Side.BUY, 100_0000, 10, 1, TimeInForce.GTC, 0, "gtc"));
            await(sequencer, e -> e.commandSequence() == gtc);
        }
        // What the driver journals to end the day on request, and then the crash, before anything matched it
        // or the driver wrote that the day had ended.
        clock.set("2026-11-27T10:00:00Z");
        try (CommandJournal journal = CommandJournal.open(config().journalDir(), config().durability(), clock)) {
            journal.append((buffer, offset) -> {
                final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset);
                c.init().instrumentId(Instrument.NULL_ID);
                c.phase(exchange.matching.TradingPhase.CLOSED).scheduled(true);
                return c.length();
            });
            journal.append((buffer, offset) -> {
                final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(buffer, offset);
                c.init().tradingDate(20261127);
                return c.length();
            });
        }

        clock.set("2026-11-27T10:30:00Z");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            assertThatThrownBy(() -> day.requestEndOfDay().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trading day is open (trading day 20261127 has ended)");
            assertThat(day.isDayOpen()).isFalse();
            assertThat(day.phase()).isEqualTo(exchange.matching.TradingPhase.CLOSED);
            assertThat(day.store().savedDate()).isEqualTo(20261127);
            assertThat(day.store().size()).isEqualTo(1);
            // the scheduled end of day passes without ending the day again
            final long before = sequencer.commands().lastSequence();
            clock.set("2026-11-27T17:06:00Z");
            awaitJournaledAfter(sequencer, before); // the driver's Clock command: it has ticked at 17:06
            assertThat(sequencer.awaitApplied(10, TimeUnit.SECONDS)).isTrue();
            // the next day starts as scheduled
            clock.set("2026-11-28T09:30:00Z");
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z")
                && ((PhaseChangedEvent) e).phase() == exchange.matching.TradingPhase.CONTINUOUS);
            final List<EventLogCollector.Logged> all = EventLogCollector.readAll(sequencer.eventLog());
            assertThat(all.stream().filter(e -> e.event().type() == EventType.DAY_ENDED)
                .map(e -> ((exchange.matching.event.DayEndedEvent) e.event()).tradingDate()).toList())
                .as("one end of day for the 27th").containsExactly(20261127);
            assertThat(all.stream().filter(e -> e.event().type() == EventType.PHASE_CHANGED
                    && e.event().timestampNs() < TestClock.toNanos("2026-11-28T00:00:00Z"))
                .map(e -> ((PhaseChangedEvent) e.event()).phase()).toList())
                .as("the ended day was not opened again").containsExactly(exchange.matching.TradingPhase.CLOSED,
                    exchange.matching.TradingPhase.CONTINUOUS, exchange.matching.TradingPhase.CLOSED);
            assertThat(all.stream().filter(e -> e.event().type() == EventType.RESTORED)
                .map(e -> ((OrderEvent) e.event()).orderId()).toList()).containsExactly(gtc);
            assertThat(day.isDayOpen()).isTrue();
            assertThat(day.tradingDate()).isEqualTo(20261128);
        }
    }

    @Test
    void shouldEndTheDayOnRequestAndStartTheNextAtItsScheduledTime() throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            assertThat(day.phase()).isEqualTo(exchange.matching.TradingPhase.CONTINUOUS);
            assertThat(day.isDayOpen()).isTrue();
            assertThat(day.tradingDate()).isEqualTo(20261127);
            final long dayOrder = sequencer.commands().append(order(Side.BUY, 99_0000, 10, 1, TimeInForce.DAY, 0, "day"));

            final long endOfDay = day.requestEndOfDay().get(10, TimeUnit.SECONDS);

            final Event ended = await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            assertThat(ended.commandSequence()).isEqualTo(endOfDay).isGreaterThan(dayOrder);
            assertThat(((exchange.matching.event.DayEndedEvent) ended).tradingDate()).isEqualTo(20261127);
            assertThat(day.isDayOpen()).isFalse();
            assertThat(day.phase()).isEqualTo(exchange.matching.TradingPhase.CLOSED);
            // the schedule does not open the ended day again...
            clock.set("2026-11-27T10:30:00Z");
            final long marker = sequencer.commands().append(order(Side.BUY, 99_0000, 1, 1, TimeInForce.DAY, 0, "late"));
            await(sequencer, e -> e.commandSequence() == marker);
            assertThat(EventLogCollector.readAll(sequencer.eventLog()).stream()
                .filter(e -> e.event().type() == EventType.DAY_ENDED).count()).isEqualTo(1);
            assertThat(day.phase()).isEqualTo(exchange.matching.TradingPhase.CLOSED);
            // ...and a second request is refused
            assertThatThrownBy(() -> day.requestEndOfDay().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trading day is open (trading day 20261127 has ended)");
            // the next day starts as scheduled
            clock.set("2026-11-28T09:30:00Z");
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z")
                && ((PhaseChangedEvent) e).phase() == exchange.matching.TradingPhase.CONTINUOUS);
            assertThat(day.isDayOpen()).isTrue();
        }
    }

    @Test
    void shouldLeaveAnInstrumentAnOperatorHaltedHaltedAndRestateKillSwitchesWhenTheNextDayStarts() throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            sequencer.commands().append((buffer, offset) -> {
                final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, offset);
                c.init().instrumentId(1);
                c.phase(exchange.matching.TradingPhase.HALTED);
                return c.length();
            });
            sequencer.commands().append((buffer, offset) -> {
                final SetKillSwitchCommand c = (SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, offset);
                c.init().firmId(2);
                c.action(SetKillSwitchCommand.ACTION_ON);
                return c.length();
            });
            await(sequencer, phase(exchange.matching.TradingPhase.HALTED));
            clock.set("2026-11-27T17:06:00Z"); // close and end of day
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            clock.set("2026-11-28T09:30:00Z"); // the next day opens
            await(sequencer, e -> e.type() == EventType.KILL_SWITCH_CHANGED && ((KillSwitchChangedEvent) e).restated());
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((day.tradingDate() != 20261128 || day.phase() != exchange.matching.TradingPhase.CONTINUOUS)
                && System.nanoTime() < deadline) {
                Thread.sleep(5); // the schedule has opened the day (for every instrument but the halted one)
            }
            assertThat(day.phase()).isEqualTo(exchange.matching.TradingPhase.CONTINUOUS);
            final long marker = sequencer.commands().append(order(Side.BUY, 99_0000, 1, 1, TimeInForce.DAY, 0, "m"));
            final Event refused = await(sequencer, e -> e.commandSequence() == marker);
            assertThat(((RejectedEvent) refused).reason()).isEqualTo(RejectReason.INSTRUMENT_HALTED);
            final List<EventLogCollector.Logged> all = EventLogCollector.readAll(sequencer.eventLog());
            assertThat(all.stream().filter(e -> e.event().type() == EventType.PHASE_CHANGED)
                .map(e -> ((PhaseChangedEvent) e.event()).phase()).toList())
                .as("the schedule never moved the halted instrument")
                .containsExactly(exchange.matching.TradingPhase.CLOSED, exchange.matching.TradingPhase.CONTINUOUS,
                    exchange.matching.TradingPhase.HALTED);
            final int dayEnded = indexOf(all, EventType.DAY_ENDED);
            final int restated = indexOf(all, EventType.KILL_SWITCH_CHANGED, dayEnded + 1);
            final KillSwitchChangedEvent k = (KillSwitchChangedEvent) all.get(restated).event();
            assertThat(k.firmId()).isEqualTo(2);
            assertThat(k.on()).isTrue();
            assertThat(k.restated()).as("told again in the new day, for consumers that read from its start").isTrue();
        }
    }

    private static int indexOf(final List<EventLogCollector.Logged> all, final EventType type) {
        return indexOf(all, type, 0);
    }

    private static int indexOf(final List<EventLogCollector.Logged> all, final EventType type, final int from) {
        for (int i = from; i < all.size(); i++) {
            if (all.get(i).event().type() == type) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " from event " + from);
    }

    private static CommandWriter order(final Side side, final long price, final long qty, final int firm,
                                       final TimeInForce tif, final String clOrdId,
                                       final java.util.function.Consumer<NewOrderCommand> more) {
        return (buffer, offset) -> {
            final int length = order(side, price, qty, firm, tif, 0, clOrdId).write(buffer, offset);
            more.accept((NewOrderCommand) new NewOrderCommand().wrap(buffer, offset));
            return length;
        };
    }

    @Test
    void shouldCarryAGoodTillStopAndAnIcebergIntoTheNextDay() throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            final long stop = sequencer.commands().append(order(Side.SELL, 0, 10, 1, TimeInForce.GTC, "stop",
                c -> c.orderType(OrderType.STOP).stopPrice(95_0000)));
            final long iceberg = sequencer.commands().append(order(Side.BUY, 100_0000, 50, 2, TimeInForce.GTC, "ice",
                c -> c.displayQuantity(10)));
            await(sequencer, e -> e.commandSequence() == iceberg);
            // a new peak (a replace that loses priority) is what comes back
            final long replace = sequencer.commands().append(newPeak(iceberg, Side.BUY, 100_0000, 20));
            await(sequencer, e -> e.type() == EventType.BOOKED && e.commandSequence() == replace);
            clock.set("2026-11-27T17:06:00Z");
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            clock.set("2026-11-28T09:30:00Z");
            final Event stopBack = await(sequencer, e -> e.type() == EventType.RESTORED && ((OrderEvent) e).orderId() == stop);
            assertThat(((OrderEvent) stopBack).stopPrice()).isEqualTo(95_0000);
            assertThat(((OrderEvent) stopBack).orderType()).isEqualTo(OrderType.STOP);
            final Event icebergBack = await(sequencer,
                e -> e.type() == EventType.RESTORED && ((OrderEvent) e).orderId() == iceberg);
            assertThat(((exchange.matching.event.RestoredEvent) icebergBack).displayQty()).isEqualTo(20);
            assertThat(((exchange.matching.event.RestoredEvent) icebergBack).visibleQty()).isEqualTo(20);
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z")
                && ((PhaseChangedEvent) e).phase() == exchange.matching.TradingPhase.CONTINUOUS);
            // the iceberg trades in full; a print at 95 then triggers the stop that came back waiting
            sequencer.commands().append(order(Side.SELL, 100_0000, 50, 3, TimeInForce.IOC, 0, "s1"));
            sequencer.commands().append(order(Side.BUY, 95_0000, 5, 4, TimeInForce.DAY, 0, "b1"));
            sequencer.commands().append(order(Side.SELL, 95_0000, 1, 3, TimeInForce.IOC, 0, "s2"));
            await(sequencer, e -> e.type() == EventType.TRIGGERED && ((OrderEvent) e).orderId() == stop);
            awaitStoreEmpty(day);
            assertThat(day.store().size()).isZero();
        }
    }

    @Test
    void shouldCarryTheShowingOfAnIcebergWhosePeakAReplaceRaisedToItsWholeQuantity() throws Exception {
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            final long iceberg = sequencer.commands().append(order(Side.SELL, 101_0000, 50, 2, TimeInForce.GTC, "ice",
                c -> c.displayQuantity(10)));
            // a peak of 60 for 50: the whole order shows from now on
            final long replace = sequencer.commands().append(newPeak(iceberg, Side.SELL, 101_0000, 60));
            final Event booked = await(sequencer, e -> e.type() == EventType.BOOKED && e.commandSequence() == replace);
            assertThat(((exchange.matching.event.BookedEvent) booked).visibleQty()).isEqualTo(50);
            clock.set("2026-11-27T17:06:00Z");
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            clock.set("2026-11-28T09:30:00Z");
            final Event back = await(sequencer, e -> e.type() == EventType.RESTORED && ((OrderEvent) e).orderId() == iceberg);
            assertThat(((exchange.matching.event.RestoredEvent) back).visibleQty()).as("shown as yesterday").isEqualTo(50);
            awaitStoreEmpty(day);
        }
    }

    @Test
    void shouldKeepTheLevelOrderOfGoodTillOrdersThatTookTheirPlacesInOneCommand() throws Exception {
        final long aggressor;
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            sequencer.commands().append(order(Side.SELL, 101_0000, 5, 3, TimeInForce.DAY, 0, "ask"));
            final long stop = sequencer.commands().append(order(Side.BUY, 101_0000, 10, 1, TimeInForce.GTC, "stop",
                c -> c.orderType(OrderType.STOP_LIMIT).stopPrice(101_0000)));
            // takes the ask, books its rest at 101, and only then the stop-limit it triggered books behind it:
            // both take their places in the same command, the aggressor (the higher order id) first
            aggressor = sequencer.commands().append(order(Side.BUY, 101_0000, 15, 2, TimeInForce.GTC, 0, "agg"));
            final Event stopBooked = await(sequencer, e -> e.type() == EventType.BOOKED && ((exchange.matching.event.BookedEvent) e).orderId() == stop);
            assertThat(stopBooked.commandSequence()).isEqualTo(aggressor);
            clock.set("2026-11-27T17:06:00Z");
            await(sequencer, e -> e.type() == EventType.DAY_ENDED);
            clock.set("2026-11-28T09:30:00Z");
            await(sequencer, e -> e.type() == EventType.PHASE_CHANGED && e.timestampNs() > TestClock.toNanos("2026-11-28T09:00:00Z")
                && ((PhaseChangedEvent) e).phase() == exchange.matching.TradingPhase.CONTINUOUS);
            final long sell = sequencer.commands().append(order(Side.SELL, 101_0000, 10, 3, TimeInForce.IOC, 0, "s"));
            final Event trade = await(sequencer, e -> e.type() == EventType.TRADE && e.commandSequence() == sell);
            assertThat(((TradeEvent) trade).buy().orderId()).as("the order that was first at 101 yesterday").isEqualTo(aggressor);
            awaitStoreEmpty(day);
        }
    }

    @Test
    void shouldUncrossTheOpeningAuctionWhenTheSchedulesPreOpenEnds() throws Exception {
        final Properties p = new Properties();
        p.setProperty(TradingSchedule.START_OF_DAY, "08:00");
        p.setProperty(TradingSchedule.PRE_OPEN, "08:30");
        p.setProperty(TradingSchedule.OPEN, "09:00");
        p.setProperty(TradingSchedule.PRE_CLOSE, "16:50");
        p.setProperty(TradingSchedule.CLOSE, "17:00");
        p.setProperty(TradingSchedule.END_OF_DAY, "17:05");
        try (Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay ignored = TradingDay.start(sequencer, TradingSchedule.fromProperties(p), 1024, clock)) {
            clock.set("2026-11-27T08:45:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.PRE_OPEN));
            sequencer.commands().append(order(Side.BUY, 101_0000, 10, 1, TimeInForce.DAY, 0, "b"));
            final long sell = sequencer.commands().append(order(Side.SELL, 99_0000, 6, 2, TimeInForce.DAY, 0, "s"));
            await(sequencer, e -> e.type() == EventType.AUCTION_INDICATIVE && e.commandSequence() == sell);
            clock.set("2026-11-27T09:00:01Z");
            final Event cross = await(sequencer, e -> e.type() == EventType.AUCTION_UNCROSSED);
            assertThat(((exchange.matching.event.AuctionUncrossedEvent) cross).quantity()).isEqualTo(6);
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            clock.set("2026-11-27T16:55:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.PRE_CLOSE));
            clock.set("2026-11-27T17:01:00Z");
            final Event closing = await(sequencer, e -> e.type() == EventType.AUCTION_UNCROSSED
                && ((exchange.matching.event.AuctionUncrossedEvent) e).phase() == exchange.matching.TradingPhase.PRE_CLOSE);
            assertThat(((exchange.matching.event.AuctionUncrossedEvent) closing).quantity()).as("nothing left to cross")
                .isZero();
        }
    }

    /**
     * A tick that fails after journaling part of a day's start: here a bug has put a record in the GTC store
     * that the journal refuses, after the day's CLOSED phase and kill-switch restatement are journaled. Agrona's
     * runner would call the tick again at once, and each call would journal those two again (and any good-till
     * order restored before the bad one), thousands a second, with an ERROR and its stack trace each time. The
     * thread stops instead, once, saying the exchange needs attention.
     */
    @Test
    void shouldStopLoudlyAtAFailureRatherThanJournalTheSameCommandsAgain() throws Exception {
        try (LogCapture log = LogCapture.of(TradingDay.class);
             Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            awaitJournaledAfter(sequencer, 0); // the first clock tick, before the day's start
            final long beforeStart = sequencer.commands().lastSequence();
            day.store().saveAll(20261126, List.of(new GtcStore.Saved(1, 1, new byte[4])));

            clock.set("2026-11-27T08:30:00Z");
            awaitJournaledAfter(sequencer, beforeStart + 1); // the day's CLOSED phase and kill-switch restatement
            // the thread has failed once it has said so twice (the trading day's ERROR, then the runner's): a slow
            // host may take longer than any fixed pause to get there
            awaitErrorLines(log, 2);
            Thread.sleep(300); // a thread that went on would journal them again within this

            assertThat(sequencer.commands().lastSequence()).as("commands journaled by the day's start")
                .isEqualTo(beforeStart + 2);
            assertThat(day.failure()).as("the failure that stopped the thread")
                .hasMessage("command record of 4 bytes");
            assertThat(log.at(ch.qos.logback.classic.Level.ERROR)).as("ERROR lines")
                .hasSize(2)
                .first().satisfies(e -> assertThat(e.getFormattedMessage())
                    .startsWith("the trading-day thread stopped: the exchange needs attention"));
            assertThatThrownBy(() -> day.requestEndOfDay().get(10, TimeUnit.SECONDS))
                .hasMessageContaining("the trading-day thread has stopped");
        }
    }

    /**
     * An operator's end of day that fails on the trading-day thread (here the state file cannot be written: a
     * folder stands where its temporary file goes) is answered with the failure, not left waiting for ever.
     */
    @Test
    void shouldAnswerAnEndOfDayRequestWithTheFailureThatStoppedTheThread() throws Exception {
        try (LogCapture log = LogCapture.of(TradingDay.class);
             Sequencer sequencer = Sequencer.start(config(), INSTRUMENTS, clock);
             TradingDay day = TradingDay.start(sequencer, schedule(), 1024, clock)) {
            clock.set("2026-11-27T09:30:00Z");
            await(sequencer, phase(exchange.matching.TradingPhase.CONTINUOUS));
            Files.createDirectories(dir.resolve("trading-day.state.tmp"));

            assertThatThrownBy(() -> day.requestEndOfDay().get(10, TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.ExecutionException.class)
                .hasRootCauseInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot write " + dir.resolve("trading-day.state"));
            // the request is answered first, then the thread says why it stopped
            awaitErrorLines(log, 2);
            assertThat(log.at(ch.qos.logback.classic.Level.ERROR)).as("ERROR lines").hasSize(2);
        }
    }

    /** Waits up to 10 s until the trading day has logged {@code lines} ERROR lines (or more). */
    private static void awaitErrorLines(final LogCapture log, final int lines) {
        Await.until(() -> log.at(ch.qos.logback.classic.Level.ERROR).size() >= lines, Duration.ofSeconds(10),
            () -> lines + " ERROR lines");
    }
}
