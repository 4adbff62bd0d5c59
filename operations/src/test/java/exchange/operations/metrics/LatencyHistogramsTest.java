package exchange.operations.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramsTest {
    @Test
    void shouldKeepPercentilesOfEverythingRecordedSinceStartAcrossReads() {
        final LatencyHistograms h = new LatencyHistograms();
        for (int i = 1; i <= 500; i++) {
            h.record(LatencyStage.FIX_IN_TO_JOURNAL, i * 1_000L);
        }
        final LatencyHistograms.Summary first = h.summaries()[LatencyStage.FIX_IN_TO_JOURNAL.ordinal()];
        for (int i = 501; i <= 1000; i++) {
            h.record(LatencyStage.FIX_IN_TO_JOURNAL, i * 1_000L);
        }

        final LatencyHistograms.Summary all = h.summaries()[LatencyStage.FIX_IN_TO_JOURNAL.ordinal()];

        assertThat(first.count()).isEqualTo(500);
        assertThat(all.count()).isEqualTo(1000);
        assertThat(all.sumNs()).isEqualTo(500_500_000L);
        // three significant digits
        assertThat((double) all.p50Ns()).isCloseTo(500_000, within(500.0));
        assertThat((double) all.p99Ns()).isCloseTo(990_000, within(1_000.0));
        assertThat((double) all.maxNs()).isCloseTo(1_000_000, within(1_000.0));
        assertThat(h.summaries()[LatencyStage.EVENT_TO_REPORT.ordinal()].count()).isZero();
    }

    @Test
    void shouldCountANegativeLatencyAsZeroAndAHugeOneAsTheLongestKept() {
        final LatencyHistograms h = new LatencyHistograms();
        h.record(LatencyStage.JOURNAL_TO_EVENT, -5);
        h.record(LatencyStage.JOURNAL_TO_EVENT, Long.MAX_VALUE);

        final LatencyHistograms.Summary s = h.summaries()[LatencyStage.JOURNAL_TO_EVENT.ordinal()];

        assertThat(s.count()).isEqualTo(2);
        assertThat(s.p50Ns()).isZero();
        assertThat((double) s.maxNs()).isCloseTo(LatencyHistograms.HIGHEST_NS, within(LatencyHistograms.HIGHEST_NS / 500.0));
    }
}
