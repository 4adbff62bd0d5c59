package exchange.sequencer.crash;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrashRoundTest {
    @Test
    void shouldCountOnlyWholeAcknowledgementLinesNotOneTheKillCutShort() {
        final List<String> lines = List.of("STARTED 0", CrashRound.ackLine(7), CrashRound.ackLine(1157),
            // the kill cut "A 1158 ." after "A 115": order 115 was never acknowledged
            CrashRound.ackLine(1158).substring(0, 5));
        assertThat(CrashRound.acknowledged(lines)).containsExactlyInAnyOrder(7L, 1157L);
    }
}
