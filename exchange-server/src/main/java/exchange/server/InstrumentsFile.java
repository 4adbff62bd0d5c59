package exchange.server;

import exchange.matching.Instrument;

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
 * </table>
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
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        final List<Instrument> instruments = new ArrayList<>();
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
                for (final String required : List.of("id", "symbol", "tick", "lot", "reference")) {
                    if (!columns.containsKey(required)) {
                        throw new IllegalArgumentException(file + ": the header has no '" + required + "' column");
                    }
                }
                continue;
            }
            final String where = file + " line " + (n + 1) + ": ";
            try {
                final Instrument.Builder b = Instrument.builder(Integer.parseInt(cell(cells, columns, "id")),
                    cell(cells, columns, "symbol"));
                b.tickSize(price(cell(cells, columns, "tick")));
                b.lotSize(Long.parseLong(cell(cells, columns, "lot")));
                b.referencePrice(price(cell(cells, columns, "reference")));
                if (columns.containsKey("levels") && !cell(cells, columns, "levels").isEmpty()) {
                    b.maxPriceLevels(Integer.parseInt(cell(cells, columns, "levels")));
                }
                instruments.add(b.build());
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no instrument");
        }
        return instruments;
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
