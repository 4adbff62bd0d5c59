package exchange.operations.reports;

import exchange.matching.Instrument;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventDecoder;
import exchange.matching.event.EventHandler;
import exchange.matching.event.TradeEvent;
import exchange.operations.day.InstrumentDay;
import exchange.operations.day.TradeRecord;
import exchange.sequencer.EventLog;
import exchange.sequencer.EventLogConsumer;
import exchange.sequencer.EventLogReader;
import exchange.sequencer.PositionStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Writes the end-of-day reports ({@link ReportFiles}): a consumer of the event log that follows the
 * trading day's trades, writing each to the day's trade file as it goes and keeping each instrument's
 * figures, and at the DayEnded puts the day's folder in place (built beside it, then moved) and starts
 * the next day.
 *
 * <p>It reads the log from the start of the trading day ({@code <positions>/reports-day.pos}, saved
 * once the folder is in place), so a restart writes the day again from its start: the same events give
 * the same files, and a report already in place for the same DayEnded is replaced by an identical one.
 * A DayEnded with no trades for a date already reported (an end of day journaled twice) leaves the
 * report alone.
 *
 * <p>One thread (an AgentRunner); {@link #lastEventSequence()} any thread. Allocates per trade (a
 * cold-path consumer).
 */
public final class ReportWriter implements Agent, EventLogConsumer, EventHandler {
    /** The position file that marks where the day began. */
    public static final String DAY_START = "reports-day";
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private final EventLogReader reader;
    private final PositionStore dayStart;
    private final Path reportsDir;
    private final Path tradesInProgress;
    private final IntFunction<String> firmNames;
    private final Map<Integer, InstrumentDay> days = new LinkedHashMap<>();
    private final EventDecoder decoder = new EventDecoder();
    private BufferedWriter trades;
    private long tradeCount;
    private long documentIndex;
    private int eventIndex;
    private volatile long lastEventSequence;

    /**
     * @param log          the event log
     * @param positionsDir where the start of the day is kept
     * @param reportsDir   where the reports go
     * @param instruments  the instruments, in the order of the statistics
     * @param firmNames    a firm's name from its id
     */
    public ReportWriter(final EventLog log, final Path positionsDir, final Path reportsDir,
                        final List<Instrument> instruments, final IntFunction<String> firmNames) {
        this.reportsDir = reportsDir;
        this.tradesInProgress = reportsDir.resolve(".trades-of-the-day.csv");
        this.firmNames = firmNames;
        instruments.stream().sorted(Comparator.comparingInt(Instrument::id))
            .forEach(i -> days.put(i.id(), new InstrumentDay(i.symbol())));
        this.dayStart = new PositionStore(positionsDir, DAY_START, false);
        this.reader = log.newReader();
        final PositionStore.Position day = dayStart.load();
        if (!day.isNone() && !reader.seekAfter(day.documentIndex(), day.commandSequence(), day.eventIndex())) {
            LOG.warn("reports: the start of the trading day is not in the event log; reading it from its start");
        }
        newDay();
    }

    private void newDay() {
        try {
            Files.createDirectories(reportsDir);
            trades = Files.newBufferedWriter(tradesInProgress, StandardCharsets.UTF_8);
            trades.write(ReportFiles.TRADES_HEADER);
            trades.write('\n');
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + tradesInProgress, e);
        }
        tradeCount = 0;
        days.values().forEach(InstrumentDay::clear);
    }

    @Override
    public void onStart() {
        reader.handOver();
    }

    @Override
    public int doWork() {
        return reader.poll(this, 64);
    }

    @Override
    public void onEvent(final long documentIndex, final long commandSequence, final int eventIndex,
                        final MutableDirectBuffer buffer, final int offset, final int length) {
        this.documentIndex = documentIndex;
        this.eventIndex = eventIndex;
        decoder.decode(buffer, offset, this);
        lastEventSequence = commandSequence;
    }

    @Override
    public void onTrade(final TradeEvent event) {
        final InstrumentDay day = days.get(event.instrumentId());
        if (day == null) {
            return;
        }
        day.add(event.price(), event.quantity());
        tradeCount++;
        try {
            trades.write(ReportFiles.tradeLine(TradeRecord.of(event, day.symbol(), firmNames)));
            trades.write('\n');
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + tradesInProgress, e);
        }
    }

    @Override
    public void onDayEnded(final DayEndedEvent event) {
        try {
            trades.close();
            final Path target = target(event);
            if (target != null) {
                publish(event, target);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the reports of trading day " + event.tradingDate(), e);
        }
        dayStart.save(documentIndex, event.commandSequence(), eventIndex);
        newDay();
    }

    /** @return the folder for this day's report, null when it must be left alone */
    private Path target(final DayEndedEvent event) {
        final String date = Integer.toString(event.tradingDate());
        for (int n = 1; n < 1000; n++) {
            final Path dir = reportsDir.resolve(n == 1 ? date : date + "-" + n);
            if (!Files.exists(dir)) {
                return dir;
            }
            final Properties existing = ReportFiles.day(dir);
            if (Long.toString(event.commandSequence()).equals(existing.getProperty("dayEndedSequence"))) {
                return dir; // this very day again (a restart): the same files again
            }
            if (tradeCount == 0) {
                LOG.info("reports: trading day {} ended again without a trade; its report stays as it is", date);
                return null;
            }
        }
        throw new IllegalStateException("a thousand reports for trading day " + date);
    }

    private void publish(final DayEndedEvent event, final Path target) throws IOException {
        final Path building = reportsDir.resolve("." + target.getFileName() + ".building");
        deleteTree(building);
        Files.createDirectories(building);
        Files.move(tradesInProgress, building.resolve(ReportFiles.TRADES));
        final StringBuilder statistics = new StringBuilder(ReportFiles.STATISTICS_HEADER).append('\n');
        days.values().forEach(d -> statistics.append(ReportFiles.statisticsLine(d.figures())).append('\n'));
        Files.writeString(building.resolve(ReportFiles.STATISTICS), statistics, StandardCharsets.UTF_8);
        Files.writeString(building.resolve(ReportFiles.DAY), "tradingDate=" + event.tradingDate()
            + "\ndayEndedSequence=" + event.commandSequence() + "\ntrades=" + tradeCount + "\n", StandardCharsets.UTF_8);
        deleteTree(target);
        Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("reports: trading day {}: {} trades, reports in {}", event.tradingDate(), tradeCount, target);
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** @return the command of the last event read; any thread */
    public long lastEventSequence() {
        return lastEventSequence;
    }

    @Override
    public void onClose() {
        try {
            trades.close();
        } catch (final IOException e) {
            LOG.warn("reports: closing {}: {}", tradesInProgress, e.toString());
        }
        reader.close();
        dayStart.close();
    }

    @Override
    public String roleName() {
        return "reports";
    }
}
