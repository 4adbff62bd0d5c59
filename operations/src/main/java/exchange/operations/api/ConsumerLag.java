package exchange.operations.api;

import exchange.sequencer.EventLog;
import exchange.sequencer.PositionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * How far each consumer of the event log is behind: the command of the last event it has dealt with,
 * against the command of the log's last event. Consumers that keep a durable place are found by their
 * position files ({@code <data>/positions/<name>.pos}; the {@code -day} files, which mark where a
 * trading day began, are not consumers); those that live in memory are given by name.
 *
 * <p>Any thread; reads small files and the log's last document, allocates (a cold path).
 */
public final class ConsumerLag {
    /** One consumer: the command of its last event and how many commands it is behind the log's end. */
    public record Row(String name, long commandSequence, long lag) {
    }

    /** The log's end and every consumer. */
    public record Figures(long eventLogEnd, List<Row> consumers) {
    }

    private final EventLog log;
    private final Path positionsDir;
    private final Map<String, LongSupplier> inMemory;

    public ConsumerLag(final EventLog log, final Path positionsDir, final Map<String, LongSupplier> inMemory) {
        this.log = log;
        this.positionsDir = positionsDir;
        this.inMemory = Map.copyOf(inMemory);
    }

    /** @return the figures now, consumers by name */
    public Figures figures() {
        final long end = log.lastEntry().commandSequence();
        final Map<String, Long> positions = new TreeMap<>();
        inMemory.forEach((name, position) -> positions.put(name, position.getAsLong()));
        if (Files.isDirectory(positionsDir)) {
            try (Stream<Path> files = Files.list(positionsDir)) {
                for (final Path f : (Iterable<Path>) files::iterator) {
                    final String file = f.getFileName().toString();
                    if (!file.endsWith(".pos") || file.endsWith("-day.pos")) {
                        continue;
                    }
                    final String name = file.substring(0, file.length() - ".pos".length());
                    try (PositionStore store = new PositionStore(positionsDir, name, false)) {
                        positions.putIfAbsent(name, store.load().commandSequence());
                    }
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot list " + positionsDir, e);
            }
        }
        final List<Row> rows = new ArrayList<>();
        positions.forEach((name, sequence) -> rows.add(new Row(name, sequence, Math.max(0, end - sequence))));
        return new Figures(end, List.copyOf(rows));
    }
}
