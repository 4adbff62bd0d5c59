package exchange.operations.reports;

import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.EndOfDayCommand;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import exchange.sequencer.TestClock;
import exchange.sequencer.TestCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A scripted day of trading gives the expected trade report and statistics, to the cent. */
@Timeout(60)
class ReportWriterTest {
    static final List<Instrument> INSTRUMENTS = List.of(
        Instrument.builder(1, "AAA").tickSize(25).referencePrice(100_0000).build(),
        Instrument.builder(2, "BBB").tickSize(1).referencePrice(50_0000).build(),
        Instrument.builder(3, "CCC").tickSize(100).referencePrice(10_0000).build());
    static final Map<Integer, String> FIRMS = Map.of(1, "BROKER1", 2, "BROKER2", 3, "BROKER3");

    static final String TRADES = """
        time,instrument,price,quantity,buyer_firm,seller_firm,aggressor_side,match_number
        2026-11-27T14:31:00.000001Z,AAA,100.00,30,BROKER1,BROKER2,SELL,1
        2026-11-27T14:32:00.000001Z,AAA,100.00,50,BROKER1,BROKER3,SELL,2
        2026-11-27T14:34:00.000001Z,AAA,100.75,25,BROKER2,BROKER3,BUY,3
        2026-11-27T15:01:00.000001Z,BBB,50.3301,7,BROKER2,BROKER1,BUY,4
        """;
    // AAA: 30 x 100 + 50 x 100 + 25 x 100.75 = 10518.75 over 105 = 100.178571... -> 100.1786
    // BBB: 7 x 50.3301 = 352.3107
    static final String STATISTICS = """
        instrument,open,high,low,close,volume,vwap,turnover,trades
        AAA,100.00,100.75,100.00,100.75,105,100.1786,10518.75,3
        BBB,50.3301,50.3301,50.3301,50.3301,7,50.3301,352.3107,1
        CCC,,,,,0,,0.00,0
        """;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2026-11-27T14:00:00Z");
    private Sequencer sequencer;

    @BeforeEach
    void start() {
        sequencer = Sequencer.start(SequencerConfig.builder(dir.resolve("data")).idleStrategy("sleep")
            .snapshotInterval(0).engine(EngineConfig.defaults().orderCapacity(1024).levelCapacity(256)).build(),
            INSTRUMENTS, clock);
    }

    @AfterEach
    void stop() {
        sequencer.close();
    }

    private ReportWriter writer() {
        return new ReportWriter(sequencer.eventLog(), dir.resolve("data").resolve("positions"), dir.resolve("reports"),
            INSTRUMENTS, FIRMS::get);
    }

    private long at(final String time, final int instrument, final Side side, final long price, final long qty,
                    final int firm) {
        clock.set(time);
        return sequencer.commands().append(TestCommands.limit(instrument, side, price, qty, firm, TimeInForce.DAY));
    }

    private long endOfDay(final String time) {
        clock.set(time);
        return sequencer.commands().append((buffer, offset) -> {
            final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(buffer, offset);
            c.init().tradingDate(20261127);
            return c.length();
        });
    }

    private void scriptedDay() {
        final long buy = at("2026-11-27T14:30:00Z", 1, Side.BUY, 100_0000, 100, 1);
        at("2026-11-27T14:31:00Z", 1, Side.SELL, 100_0000, 30, 2);            // 30 @ 100.00
        at("2026-11-27T14:32:00Z", 1, Side.SELL, 99_5000, 50, 3);             // 50 @ 100.00, the bid's price
        at("2026-11-27T14:33:00Z", 1, Side.SELL, 100_7500, 25, 3);
        at("2026-11-27T14:34:00Z", 1, Side.BUY, 101_0000, 40, 2);             // 25 @ 100.75, 15 rest
        at("2026-11-27T15:00:00Z", 2, Side.SELL, 50_3301, 10, 1);
        at("2026-11-27T15:01:00Z", 2, Side.BUY, 50_3301, 7, 2);               // 7 @ 50.3301
        clock.set("2026-11-27T15:30:00Z");
        sequencer.commands().append(TestCommands.cancel(1, buy, 1));
        at("2026-11-27T15:31:00Z", 3, Side.BUY, 9_0000, 5, 3);                // never trades
    }

    /** Drives the writer on this thread until it has read every event of the command. */
    private static void runUntil(final ReportWriter writer, final long sequence) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (writer.lastEventSequence() < sequence && System.nanoTime() < deadline) {
            if (writer.doWork() == 0) {
                Thread.sleep(1);
            }
        }
        assertThat(writer.lastEventSequence()).isGreaterThanOrEqualTo(sequence);
    }

    @Test
    void shouldWriteTheDaysTradesAndStatisticsToTheCentAtEndOfDay() throws Exception {
        final ReportWriter writer = writer();
        try {
            writer.onStart();
            scriptedDay();
            assertThat(ReportFiles.days(dir.resolve("reports"))).as("nothing before the day ends").isEmpty();
            final long end = endOfDay("2026-11-27T17:00:00Z");
            runUntil(writer, end);

            final Path day = dir.resolve("reports").resolve("20261127");
            assertThat(ReportFiles.days(dir.resolve("reports"))).containsExactly("20261127");
            assertThat(Files.readString(day.resolve(ReportFiles.TRADES))).isEqualTo(TRADES);
            assertThat(Files.readString(day.resolve(ReportFiles.STATISTICS))).isEqualTo(STATISTICS);
            assertThat(ReportFiles.day(day)).containsEntry("tradingDate", "20261127").containsEntry("trades", "4")
                .containsEntry("dayEndedSequence", Long.toString(end));
        } finally {
            writer.onClose();
        }
    }

    @Test
    void shouldWriteTheSameReportAgainAfterARestartAndLeaveItAloneForADayEndedTwice() throws Exception {
        scriptedDay();
        final long end = endOfDay("2026-11-27T17:00:00Z");
        final long again = endOfDay("2026-11-27T17:01:00Z"); // the driver journaled it again after a crash
        ReportWriter writer = writer();
        try {
            writer.onStart();
            runUntil(writer, again);
        } finally {
            writer.onClose();
        }
        final Path day = dir.resolve("reports").resolve("20261127");
        assertThat(ReportFiles.days(dir.resolve("reports"))).containsExactly("20261127");
        assertThat(ReportFiles.day(day)).containsEntry("dayEndedSequence", Long.toString(end));

        // A crash before the day's start was saved: the whole day is read and written again, the same.
        Files.delete(dir.resolve("data").resolve("positions").resolve(ReportWriter.DAY_START + ".pos"));
        writer = writer();
        try {
            writer.onStart();
            runUntil(writer, again);
        } finally {
            writer.onClose();
        }
        assertThat(ReportFiles.days(dir.resolve("reports"))).containsExactly("20261127");
        assertThat(Files.readString(day.resolve(ReportFiles.TRADES))).isEqualTo(TRADES);
        assertThat(Files.readString(day.resolve(ReportFiles.STATISTICS))).isEqualTo(STATISTICS);

        // The next day starts empty.
        final long next = at("2026-11-28T10:00:00Z", 1, Side.BUY, 100_0000, 1, 1);
        writer = writer();
        try {
            writer.onStart();
            runUntil(writer, next);
        } finally {
            writer.onClose();
        }
        assertThat(Files.readString(dir.resolve("reports").resolve(".trades-of-the-day.csv")))
            .isEqualTo(ReportFiles.TRADES_HEADER + "\n");
    }
}
