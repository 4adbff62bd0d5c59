package exchange.marketdata.service;

import exchange.matching.TradingPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionNamesAndResumePointTest {
    @TempDir
    Path folder;

    @Test
    void shouldNameASessionByDateShardAndLetterInTenCharacters() {
        assertThat(SessionNames.name(20261127, 1, 0)).isEqualTo("261127S01A");
        assertThat(SessionNames.name(20261127, 42, 1)).isEqualTo("261127S42B");
        assertThat(SessionNames.tradingDate("261127S42B")).isEqualTo(20261127);
        assertThat(SessionNames.indexInDay("261127S42B")).isEqualTo(1);
        assertThatThrownBy(() -> SessionNames.name(20261127, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionNames.name(20261127, 1, 26)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTakeTheTradingDateAndMidnightInTheSchedulesTimeZone() {
        final long lateEvening = nanos("2026-11-27T23:30:00Z");
        final ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        assertThat(SessionNames.tradingDate(lateEvening, ZoneOffset.UTC)).isEqualTo(20261127);
        assertThat(SessionNames.tradingDate(lateEvening, tokyo)).as("08:30 the next morning in Tokyo").isEqualTo(20261128);
        assertThat(SessionNames.midnightEpochNs(20261128, tokyo)).isEqualTo(nanos("2026-11-27T15:00:00Z"));
    }

    @Test
    void shouldSaveAndLoadTheResumePointAtomically() {
        final Path file = folder.resolve("md").resolve("market-data.resume");
        assertThat(ResumePoint.load(file)).isEqualTo(ResumePoint.START);

        final ResumePoint point = new ResumePoint(0x1234_5678L, 42, 3, "261127S01A",
            Map.of(1, TradingPhase.CLOSED, 2, TradingPhase.HALTED));
        point.save(file);

        assertThat(ResumePoint.load(file)).isEqualTo(point);
        assertThat(file.resolveSibling("market-data.resume.tmp")).doesNotExist();
    }

    @Test
    void shouldRefuseADamagedResumePointRatherThanStartOver() throws Exception {
        final Path file = folder.resolve("market-data.resume");
        Files.writeString(file, "documentIndex=12\ncommandSequence=oops\n");

        assertThatThrownBy(() -> ResumePoint.load(file)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("damaged");
    }

    private static long nanos(final String instant) {
        final Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
