package exchange.server;

import exchange.matching.HaltedOrderPolicy;
import exchange.matching.Instrument;
import exchange.matching.PostOnlyPolicy;
import exchange.sequencer.SequencerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code instruments.csv}: a header line naming the columns, then one instrument per line; blank
 * lines and lines starting with {@code #} are skipped. Prices are decimals in the currency ("0.01",
 * "190.25"), turned into 1/10,000 here.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>id</td><td>yes</td><td>engine id, 1 to 65535, never reused</td></tr>
 *   <tr><td>symbol</td><td>yes</td><td>up to 8 characters</td></tr>
 *   <tr><td>tick</td><td>yes</td><td>price increment</td></tr>
 *   <tr><td>lot</td><td>yes</td><td>quantity increment</td></tr>
 *   <tr><td>reference</td><td>yes</td><td>reference price (previous close)</td></tr>
 *   <tr><td>levels</td><td>no (4096)</td><td>most price levels per side</td></tr>
 *   <tr><td>collar_bps</td><td>no (0: none)</td><td>static price collar around the reference price, basis
 *   points (0 to 100000): a limit further away is rejected, a market order stops at its edge</td></tr>
 *   <tr><td>breaker_bps</td><td>no (0: none)</td><td>dynamic circuit breaker, basis points (0 to 100000)
 *   from the last trade: a print further away starts a volatility auction</td></tr>
 *   <tr><td>opening_window_s</td><td>no (300)</td><td>seconds after the open during which the breaker
 *   measures from the reference price</td></tr>
 *   <tr><td>volatility_auction_s</td><td>no (120)</td><td>length of a volatility auction, seconds
 *   (above 0)</td></tr>
 *   <tr><td>halted_orders</td><td>no (reject)</td><td>{@code reject} or {@code accept}: new orders while
 *   halted</td></tr>
 *   <tr><td>post_only</td><td>no (reject)</td><td>{@code reject} or {@code reprice}: a post-only order
 *   that would take</td></tr>
 * </table>
 * An empty cell takes the default.
 */
public final class InstrumentsFile {
    private InstrumentsFile() {
    }

    /**
     * @param file the CSV file
     * @return the instruments, in file order
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static List<Instrument> read(final Path file) {
        return read(file, Integer.MAX_VALUE);
    }

    /**
     * @param file           the CSV file
     * @param engineLevels   the engine's price levels of all books together ({@code exchange.engine.levels}): a side
     *                       can never hold more, and its table is allocated at the size asked for, so a larger
     *                       {@code levels} is refused here rather than ending the start in an OutOfMemoryError
     * @return the instruments, in file order
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static List<Instrument> read(final Path file, final int engineLevels) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        final List<Instrument> instruments = new ArrayList<>();
        // ids and symbols seen, with their line: the engine and the FIX gateway would refuse a second one
        // only once the sequencer has started, without saying where it is
        final Map<Integer, Integer> idLines = new HashMap<>();
        final Map<String, Integer> symbolLines = new HashMap<>();
        Map<String, Integer> columns = null;
        for (int n = 0; n < lines.size(); n++) {
            final String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String[] cells = line.split(",", -1);
            if (columns == null) {
                columns = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    columns.put(cells[i].trim().toLowerCase(Locale.ROOT), i);
                }
                for (final String name : columns.keySet()) {
                    if (!COLUMNS.contains(name)) {
                        throw new IllegalArgumentException(file + ": unknown column '" + name + "' (known: "
                            + String.join(", ", COLUMNS) + ")");
                    }
                }
                for (final String required : List.of("id", "symbol", "tick", "lot", "reference")) {
                    if (!columns.containsKey(required)) {
                        throw new IllegalArgumentException(file + ": the header has no '" + required + "' column");
                    }
                }
                continue;
            }
            final String where = file + " line " + (n + 1) + ": ";
            try {
                if (cells.length > columns.size()) {
                    throw new IllegalArgumentException(cells.length + " values for the header's " + columns.size()
                        + " columns");
                }
                final Instrument.Builder b = Instrument.builder(whole(cell(cells, columns, "id"), "id"),
                    cell(cells, columns, "symbol"));
                b.tickSize(price(cell(cells, columns, "tick")));
                b.lotSize(whole(cell(cells, columns, "lot"), "lot"));
                b.referencePrice(price(cell(cells, columns, "reference")));
                if (has(cells, columns, "levels")) {
                    b.maxPriceLevels(whole(cell(cells, columns, "levels"), "levels"));
                }
                if (has(cells, columns, "collar_bps")) {
                    b.priceCollarBps(whole(cell(cells, columns, "collar_bps"), "collar_bps"));
                }
                if (has(cells, columns, "breaker_bps")) {
                    b.circuitBreakerBps(whole(cell(cells, columns, "breaker_bps"), "breaker_bps"));
                }
                if (has(cells, columns, "opening_window_s")) {
                    b.circuitBreakerOpeningWindowNs(seconds(cell(cells, columns, "opening_window_s"), "opening_window_s"));
                }
                if (has(cells, columns, "volatility_auction_s")) {
                    b.volatilityAuctionNs(seconds(cell(cells, columns, "volatility_auction_s"), "volatility_auction_s"));
                }
                if (has(cells, columns, "halted_orders")) {
                    b.haltedOrderPolicy(choice(HaltedOrderPolicy.class, cell(cells, columns, "halted_orders"),
                        "halted_orders", "reject or accept"));
                }
                if (has(cells, columns, "post_only")) {
                    b.postOnlyPolicy(choice(PostOnlyPolicy.class, cell(cells, columns, "post_only"), "post_only",
                        "reject or reprice"));
                }
                final Instrument instrument = b.build();
                if (instrument.maxPriceLevels() > engineLevels) {
                    throw new IllegalArgumentException(instrument.symbol() + ": levels " + instrument.maxPriceLevels()
                        + " is more than " + SequencerConfig.LEVEL_CAPACITY + " (" + engineLevels
                        + "), the price levels of all books together");
                }
                final Integer idLine = idLines.putIfAbsent(instrument.id(), n + 1);
                if (idLine != null) {
                    throw new IllegalArgumentException("id " + instrument.id() + " is already used on line " + idLine
                        + " (ids are unique and never reused)");
                }
                final Integer symbolLine = symbolLines.putIfAbsent(instrument.symbol(), n + 1);
                if (symbolLine != null) {
                    throw new IllegalArgumentException("symbol " + instrument.symbol() + " is already used on line "
                        + symbolLine);
                }
                instruments.add(instrument);
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no instrument");
        }
        return instruments;
    }

    /** The column names this file knows; any other is refused, so that a misspelt one is not ignored. */
    private static final List<String> COLUMNS = List.of("id", "symbol", "tick", "lot", "reference", "levels",
        "collar_bps", "breaker_bps", "opening_window_s", "volatility_auction_s", "halted_orders", "post_only");

    private static boolean has(final String[] cells, final Map<String, Integer> columns, final String name) {
        return columns.containsKey(name) && !cell(cells, columns, name).isEmpty();
    }

    private static int whole(final String value, final String column) {
        try {
            return Integer.parseInt(value);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number: '" + value + "'");
        }
    }

    private static long seconds(final String value, final String column) {
        try {
            return new BigDecimal(value).movePointRight(9).longValueExact();
        } catch (final ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a number of seconds: '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E choice(final Class<E> type, final String value, final String column,
                                                final String allowed) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " must be " + allowed + ": '" + value + "'");
        }
    }

    private static String cell(final String[] cells, final Map<String, Integer> columns, final String name) {
        final int i = columns.get(name);
        if (i >= cells.length) {
            throw new IllegalArgumentException("no value for " + name);
        }
        return cells[i].trim();
    }

    private static long price(final String value) {
        try {
            return new BigDecimal(value).movePointRight(4).longValueExact();
        } catch (final ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a price with at most four decimals");
        }
    }
}
