package exchange.sequencer;

import exchange.sequencer.crash.CrashRound;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at a random moment, then restart: nothing acknowledged is lost, nothing published twice,
 * the books equal a replay. A handful of rounds here; {@code bin/soak crash --rounds N} runs more.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}, kill after {1} ms, snapshots every {2}")
    @CsvSource({"101, 300, 0", "102, 700, 5000", "103, 1200, 20000", "104, 50, 5000"})
    @Timeout(180)
    void shouldLoseNothingAcknowledgedAndPublishNothingTwiceWhenKilled(final long seed, final long killAfterMillis,
                                                                       final long snapshotInterval) throws Exception {
        final CrashRound.Outcome outcome = CrashRound.run(dir.resolve("data"), seed, 200_000, killAfterMillis,
            snapshotInterval);
        assertThat(outcome.events()).isGreaterThan(outcome.totalCommands());
        System.out.println("crash round: " + outcome);
    }
}
