package exchange.operations.reports;

import exchange.operations.day.Amounts;
import exchange.operations.day.InstrumentDay;
import exchange.operations.day.TradeRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The end-of-day reports on disk: one folder per trading day under the reports folder, named by the
 * date ({@code 20261127}; a second day ended on the same date, which the trading-day driver does not journal, would get
 * {@code 20261127-2}), holding:
 * <ul>
 *   <li>{@value #TRADES}: one line per trade, in trade order: time (ISO-8601, UTC), instrument, price,
 *   quantity, buyer firm, seller firm, aggressor side (BUY or SELL; empty for an auction trade), match
 *   number;</li>
 *   <li>{@value #STATISTICS}: one line per instrument: open, high, low, close (empty when it did not
 *   trade), volume, VWAP (to 1/10,000, half-even), turnover (price x quantity summed, exact), trade
 *   count;</li>
 *   <li>{@value #DAY}: the trading date, the DayEnded's command sequence and the trade count.</li>
 * </ul>
 * Amounts are decimals with two to four decimals ({@link Amounts}).
 *
 * <p>Stateless; allocates.
 */
public final class ReportFiles {
    public static final String TRADES = "trades.csv";
    public static final String STATISTICS = "statistics.csv";
    public static final String DAY = "day.properties";
    public static final String TRADES_HEADER = "time,instrument,price,quantity,buyer_firm,seller_firm,aggressor_side,match_number";
    public static final String STATISTICS_HEADER = "instrument,open,high,low,close,volume,vwap,turnover,trades";
    /** What a report folder's name looks like. */
    public static final Pattern DAY_NAME = Pattern.compile("\\d{8}(-\\d{1,3})?");

    private ReportFiles() {
    }

    /** @return a trade as its line of {@value #TRADES} (without the line end) */
    public static String tradeLine(final TradeRecord t) {
        return Instant.ofEpochSecond(0, t.timeNs()) + "," + t.symbol() + "," + Amounts.text(t.price())
            + "," + t.quantity() + "," + t.buyerFirm() + "," + t.sellerFirm() + ","
            + (t.aggressor() == null ? "" : t.aggressor().name()) + "," + t.matchId();
    }

    /** @return an instrument's figures as its line of {@value #STATISTICS} */
    public static String statisticsLine(final InstrumentDay.Figures f) {
        return f.symbol() + "," + text(f.open()) + "," + text(f.high()) + "," + text(f.low()) + "," + text(f.close())
            + "," + f.volume() + "," + text(f.vwap()) + "," + text(f.turnover()) + "," + f.trades();
    }

    private static String text(final BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** @return the folders of the days reported, oldest first */
    public static List<String> days(final Path reportsDir) {
        final List<String> days = new ArrayList<>();
        if (!Files.isDirectory(reportsDir)) {
            return days;
        }
        try (Stream<Path> entries = Files.list(reportsDir)) {
            entries.filter(p -> DAY_NAME.matcher(p.getFileName().toString()).matches() && Files.exists(p.resolve(DAY)))
                .map(p -> p.getFileName().toString()).sorted().forEach(days::add);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + reportsDir, e);
        }
        return days;
    }

    /** @return a day folder's {@value #DAY} */
    public static Properties day(final Path dayDir) {
        final Properties p = new Properties();
        try (var in = Files.newBufferedReader(dayDir.resolve(DAY), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + dayDir.resolve(DAY), e);
        }
        return p;
    }
}
