package exchange.matching;

import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.event.EventType;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static exchange.matching.command.SetKillSwitchCommand.ACTION_OFF;
import static exchange.matching.command.SetKillSwitchCommand.ACTION_ON;
import static exchange.matching.command.SetKillSwitchCommand.ACTION_RESTATE;
import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Kill switches held by the engine: journaled like orders, so they survive a restart and a day's end. */
class KillSwitchTest extends MatchingScenarioTest {
    {
        scenario = new BookScenario(EngineConfig.defaults().orderCapacity(1024).levelCapacity(256), List.of(
            Instrument.builder(1, "TEST").build(), Instrument.builder(2, "OTHER").build()));
    }

    private void population() {
        given(book()
            .bid("F1", 100_0000, 10)
            .order(sell("F1A7", 101_0000, 10).account(7))
            .order(buy("F2", 100_0000, 10).firm(2).session(3))
            .order(sell("F1X", 50_0000, 10).instrument(2)));
    }

    @Test
    void shouldCancelEveryOrderOfTheFirmWhenItsSwitchGoesOn() {
        population();
        when(s -> s.killSwitch(1, 0, ACTION_ON));
        then(events("CANCELLED F1 KILL_SWITCH", "CANCELLED F1A7 KILL_SWITCH", "CANCELLED F1X KILL_SWITCH",
            "KILL_SWITCH 1/0 on 3"), bookIs("bid 100: F2 10"));
    }

    @Test
    void shouldRejectTheFirmsNewOrdersAndReplacesButLetCancelsThroughWhileItIsOn() {
        given(book().order(buy("F1A7", 99_0000, 10).account(7)).order(buy("F1A8", 98_0000, 10).account(8)));
        when(s -> s.killSwitch(1, 7, ACTION_ON));
        then(events("CANCELLED F1A7 KILL_SWITCH", "KILL_SWITCH 1/7 on 1"), bookIs("bid 98: F1A8 10"));
        when(buy("NEW7", 100_0000, 5).account(7));
        then(events("REJECTED NEW7 KILL_SWITCH"));
        when(buy("NEW8", 100_0000, 5).account(8));
        then(events("ACCEPTED NEW8", "BOOKED NEW8 5"));
        when(s -> s.killSwitch(1, 0, ACTION_ON));
        then(events("CANCELLED NEW8 KILL_SWITCH", "CANCELLED F1A8 KILL_SWITCH", "KILL_SWITCH 1/0 on 2"));
        when(buy("NEW9", 100_0000, 5).account(9));
        then(events("REJECTED NEW9 KILL_SWITCH"));
        when(buy("F2", 100_0000, 5).firm(2));
        then(events("ACCEPTED F2", "BOOKED F2 5"));
    }

    @Test
    void shouldFailToRestoreAnOrderOfAFirmSwitchedOffBetweenTwoDays() {
        given(book().order(buy("A", 99_0000, 10)));
        when(s -> s.killSwitch(1, 0, ACTION_OFF)); // off when already off: told, nothing else
        then(events("KILL_SWITCH 1/0 off 0"));
        // A switch set while the order is off the book (between two days) is met when it is restored.
        when(s -> {
            s.endOfDay();
            s.killSwitch(1, 0, ACTION_ON);
            s.restore("A2", 77, buy("A2", 99_0000, 10).gtc(), 0, 0);
        });
        then(eventsInclude("CANCELLED A2 RESTORE_FAILED"));
    }

    @Test
    void shouldTakeOrdersAgainOnceTheSwitchIsOffWithoutBringingTheCancelledOnesBack() {
        population();
        when(s -> {
            s.killSwitch(1, 0, ACTION_ON);
            s.killSwitch(1, 0, ACTION_OFF);
        });
        then(eventsInclude("KILL_SWITCH 1/0 off 0"), bookIs("bid 100: F2 10"));
        when(buy("AGAIN", 99_0000, 1));
        then(events("ACCEPTED AGAIN", "BOOKED AGAIN 1"));
    }

    @Test
    void shouldRestateTheSwitchesThatAreOnInFirmThenAccountOrder() {
        when(s -> {
            s.killSwitch(3, 0, ACTION_ON);
            s.killSwitch(1, 9, ACTION_ON);
            s.killSwitch(1, 2, ACTION_ON);
            s.killSwitch(2, 0, ACTION_ON);
            s.killSwitch(2, 0, ACTION_OFF);
            scenario.mark();
            s.killSwitch(0, 0, ACTION_RESTATE);
        });
        then(events("KILL_SWITCH 1/2 on 0", "KILL_SWITCH 1/9 on 0", "KILL_SWITCH 3/0 on 0"),
            each(EventType.KILL_SWITCH_CHANGED, (KillSwitchChangedEvent e) -> assertThat(e.restated()).isTrue()));
    }

    @Test
    void shouldRefuseACommandThatNamesNoFirmOrNoKnownAction() {
        when(s -> s.killSwitch(0, 0, ACTION_ON));
        then(events("KILL_SWITCH 0/0 off 0"),
            each(EventType.KILL_SWITCH_CHANGED, (KillSwitchChangedEvent e) -> assertThat(e.refused()).isTrue()));
        when(s -> s.killSwitch(1, 0, (byte) 9));
        then(events("KILL_SWITCH 1/0 off 0"));
        when(buy("STILL", 99_0000, 1));
        then(events("ACCEPTED STILL", "BOOKED STILL 1"));
    }

    @Test
    void shouldLeaveAHaltedInstrumentHaltedWhenTheScheduleMovesEveryInstrument() {
        when(s -> {
            s.phase(2, TradingPhase.HALTED);
            s.phase(0, TradingPhase.CLOSED, true);
            s.phase(0, TradingPhase.CONTINUOUS, true);
        });
        assertThat(scenario.engine().phase(1)).isEqualTo(TradingPhase.CONTINUOUS);
        assertThat(scenario.engine().phase(2)).as("the schedule does not lift a halt").isEqualTo(TradingPhase.HALTED);
        when(s -> s.phase(0, TradingPhase.CLOSED));
        assertThat(scenario.engine().phase(2)).as("a change that is not the schedule's moves it").isEqualTo(TradingPhase.CLOSED);
    }

    @Test
    void shouldKeepItsSwitchesInASnapshot() {
        when(s -> {
            s.killSwitch(1, 7, ACTION_ON);
            s.killSwitch(2, 0, ACTION_ON);
        });
        final BookScenario copy = new BookScenario(EngineConfig.defaults().orderCapacity(1024).levelCapacity(256),
            List.of(Instrument.builder(1, "TEST").build(), Instrument.builder(2, "OTHER").build()));
        final ExpandableArrayBuffer records = new ExpandableArrayBuffer();
        final int[] length = {0};
        scenario.engine().writeSnapshot((buffer, offset, len) -> {
            records.putBytes(length[0], buffer, offset, len);
            length[0] += len;
        });
        copy.engine().loadSnapshot(records, 0, length[0]);
        copy.mark();
        copy.killSwitch(0, 0, ACTION_RESTATE);
        assertThat(copy.eventsSinceMark()).extracting(e -> ((KillSwitchChangedEvent) e).firmId() + "/"
            + ((KillSwitchChangedEvent) e).accountId()).containsExactly("1/7", "2/0");
        copy.mark();
        copy.enter(buy("NO", 99_0000, 1).firm(2));
        assertThat(copy.eventsSinceMark()).hasSize(1).first().extracting(e -> e.type()).isEqualTo(EventType.REJECTED);
    }

    @Test
    void shouldNameItsActionAndAccountInItsText() {
        final SetKillSwitchCommand c = new SetKillSwitchCommand();
        c.wrap(new UnsafeBuffer(new byte[64]), 0);
        c.init().firmId(4);
        c.action(ACTION_ON).accountId(5);
        assertThat(c.toString()).contains("firm=4", "action=1", "account=5");
    }
}
