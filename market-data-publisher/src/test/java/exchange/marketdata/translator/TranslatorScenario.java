package exchange.marketdata.translator;

import exchange.marketdata.testing.ItchText;
import exchange.matching.Instrument;
import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.testing.BookScenario;
import exchange.matching.testing.OrderSpec;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real engine ({@link BookScenario}, instrument TEST with id 1) whose events go through an
 * {@link ItchTranslator}; a test does something to the engine and reads the ITCH messages it caused as
 * {@link ItchText} lines. Events the engine cannot make yet (auctions, iceberg executions) are fed in
 * directly with {@link #feed(Event)}.
 */
final class TranslatorScenario {
    static final Instrument TEST = Instrument.builder(BookScenario.INSTRUMENT, "TEST").tickSize(100).lotSize(1)
        .referencePrice(100_0000).build();
    /** Midnight (UTC) of the scenario's day, 2026-11-27. */
    static final long MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli() * 1_000_000L;

    final BookScenario engine = BookScenario.standard();
    final List<byte[]> messages = new ArrayList<>();
    final ItchTranslator translator = new ItchTranslator(List.of(TEST), 1 << 12, (buffer, offset, length) -> {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        messages.add(copy);
    });
    private final EventDecoder decoder = new EventDecoder();
    private int eventsFed;
    private int mark;

    TranslatorScenario() {
        translator.startSession(MIDNIGHT, engine.now());
        mark = messages.size();
    }

    /** Enters orders and forgets what they published. */
    TranslatorScenario given(final OrderSpec... orders) {
        for (final OrderSpec order : orders) {
            engine.enter(order);
        }
        translateNewEvents();
        mark = messages.size();
        return this;
    }

    /** Does something to the engine and translates its events. */
    List<String> when(final Consumer<BookScenario> action) {
        mark = messages.size();
        action.accept(engine);
        translateNewEvents();
        return published();
    }

    List<String> when(final OrderSpec order) {
        return when(s -> s.enter(order));
    }

    /** Hands the translator one event that did not come from the engine. */
    List<String> feed(final Event event) {
        mark = messages.size();
        decoder.decode(event.buffer(), event.offset(), translator);
        return published();
    }

    /** Runs anything against the translator and returns what it published. */
    List<String> direct(final Consumer<ItchTranslator> action) {
        mark = messages.size();
        action.accept(translator);
        return published();
    }

    List<String> published() {
        return ItchText.of(messages.subList(mark, messages.size()));
    }

    List<String> all() {
        return ItchText.of(messages);
    }

    private void translateNewEvents() {
        final List<byte[]> records = engine.recorded().since(eventsFed);
        for (final byte[] record : records) {
            decoder.decode(new UnsafeBuffer(record), 0, translator);
        }
        eventsFed += records.size();
    }
}
