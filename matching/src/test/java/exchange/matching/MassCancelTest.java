package exchange.matching;

import exchange.matching.command.MassCancelCommand;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.MatchingScenarioTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static exchange.matching.testing.BookBuilder.book;
import static exchange.matching.testing.OrderSpec.buy;
import static exchange.matching.testing.OrderSpec.sell;

class MassCancelTest extends MatchingScenarioTest {
    {
        scenario = new BookScenario(EngineConfig.defaults().orderCapacity(1024).levelCapacity(256), List.of(
            Instrument.builder(1, "TEST").build(), Instrument.builder(2, "OTHER").build()));
    }

    private void population() {
        given(book()
            .bid("F1S1", 100_0000, 10)
            .order(buy("F1S2", 99_0000, 10).session(2))
            .order(sell("F1S1A", 101_0000, 10).account(7))
            .order(buy("F2", 100_0000, 10).firm(2).session(3))
            .order(sell("F1X", 50_0000, 10).instrument(2)));
    }

    @Test
    void shouldCancelEveryOrderOfAFirmOnEveryInstrumentBuySideFirst() {
        population();
        when(s -> s.massCancel(MassCancelCommand.SCOPE_FIRM, 1, 1, 0, 0, (byte) 0, CancelReason.MASS_CANCEL));
        then(events("CANCELLED F1S1 MASS_CANCEL", "CANCELLED F1S2 MASS_CANCEL", "CANCELLED F1S1A MASS_CANCEL",
            "CANCELLED F1X MASS_CANCEL", "MASS_CANCELLED 4"), bookIs("bid 100: F2 10"));
    }

    @Test
    void shouldCancelOnlyTheSessionsOrdersOnDisconnect() {
        population();
        when(s -> s.massCancel(MassCancelCommand.SCOPE_SESSION, 1, 1, 0, 0, (byte) 0, CancelReason.DISCONNECT));
        then(events("CANCELLED F1S1 DISCONNECT", "CANCELLED F1S1A DISCONNECT", "CANCELLED F1X DISCONNECT",
            "MASS_CANCELLED 3"), bookIs("bid 100: F2 10", "bid 99: F1S2 10"));
    }

    @Test
    void shouldLimitAMassCancelToOneInstrumentAndSide() {
        population();
        when(s -> s.massCancel(MassCancelCommand.SCOPE_FIRM, 1, 1, 0, 1, Side.BUY.code(), CancelReason.MASS_CANCEL));
        then(events("CANCELLED F1S1 MASS_CANCEL", "CANCELLED F1S2 MASS_CANCEL", "MASS_CANCELLED 2"),
            bookIs("bid 100: F2 10", "ask 101: F1S1A 10"));
    }

    @Test
    void shouldCancelOneAccountOfAFirm() {
        population();
        when(s -> s.massCancel(MassCancelCommand.SCOPE_ACCOUNT, 1, 1, 7, 0, (byte) 0, CancelReason.KILL_SWITCH));
        then(events("CANCELLED F1S1A KILL_SWITCH", "MASS_CANCELLED 1"));
    }

    @Test
    void shouldReportZeroWhenThereIsNothingToCancel() {
        population();
        when(s -> s.massCancel(MassCancelCommand.SCOPE_FIRM, 9, 9, 0, 0, (byte) 0, CancelReason.MASS_CANCEL));
        then(events("MASS_CANCELLED 0"));
    }
}
