package exchange.matching.testing;

import exchange.matching.event.Event;
import exchange.matching.event.EventType;
import exchange.matching.event.TradeEvent;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base class for scenario tests that read as a specification:
 * <pre>
 *   given(book().ask("A1", 101_0000, 100).ask("A2", 101_0000, 50));
 *   when(buy("B1", 101_0000, 120));
 *   then(trades("A1 100@101", "A2 20@101"), bookIs("ask 101: A2 30"));
 * </pre>
 * {@code given} builds the book and forgets its events; {@code then} checks the events of the last
 * {@code when} and the book as it is now.
 */
public abstract class MatchingScenarioTest {
    protected BookScenario scenario = BookScenario.standard();

    /** A check on the scenario after {@code when}. */
    @FunctionalInterface
    public interface Expectation extends Consumer<BookScenario> {
    }

    protected void given(final BookBuilder book) {
        for (final OrderSpec spec : book.orders) {
            scenario.enter(spec);
        }
        scenario.mark();
    }

    /** Builds the starting state with any actions (phases, orders), then forgets its events. */
    protected void given(final Consumer<BookScenario> actions) {
        actions.accept(scenario);
        scenario.mark();
    }

    protected void when(final OrderSpec order) {
        scenario.mark();
        scenario.enter(order);
    }

    /** Runs any action on the scenario as the step under test. */
    protected void when(final Consumer<BookScenario> action) {
        scenario.mark();
        action.accept(scenario);
    }

    protected void then(final Expectation... expectations) {
        for (final Expectation e : expectations) {
            e.accept(scenario);
        }
    }

    /** The trades of the last step, in order, as {@code "A1 100@101"} (resting label, qty, price). */
    protected static Expectation trades(final String... expected) {
        return s -> assertThat(s.eventsSinceMark().stream()
            .filter(e -> e.type() == EventType.TRADE)
            .map(e -> EventText.tradeText((TradeEvent) e, s::label))
            .toList()).as("trades").containsExactly(expected);
    }

    /** No trade in the last step. */
    protected static Expectation noTrades() {
        return trades();
    }

    /** The whole book of the default instrument, bids then asks, best first. */
    protected static Expectation bookIs(final String... lines) {
        return s -> assertThat(s.book(BookScenario.INSTRUMENT)).as("book").containsExactly(lines);
    }

    /** The waiting stops of the default instrument, buy stops then sell stops, in trigger order. */
    protected static Expectation stopsAre(final String... lines) {
        return s -> assertThat(s.stops(BookScenario.INSTRUMENT)).as("waiting stops").containsExactly(lines);
    }

    /** Every event of the last step, in order, as {@link EventText} lines. */
    protected static Expectation events(final String... expected) {
        return s -> assertThat(eventLines(s)).as("events").containsExactly(expected);
    }

    /** These event lines appear in the last step, in this relative order. */
    protected static Expectation eventsInclude(final String... expected) {
        return s -> assertThat(eventLines(s)).as("events").containsSubsequence(expected);
    }

    /** A custom check on the last step's events of one type. */
    @SuppressWarnings("unchecked")
    protected static <T extends Event> Expectation each(final EventType type, final Consumer<T> check) {
        return s -> s.eventsSinceMark().stream().filter(e -> e.type() == type).forEach(e -> check.accept((T) e));
    }

    /** The last event of a type in the last step. */
    @SuppressWarnings("unchecked")
    protected <T extends Event> T last(final EventType type) {
        final List<Event> events = scenario.eventsSinceMark().stream().filter(e -> e.type() == type).toList();
        assertThat(events).as("events of type " + type).isNotEmpty();
        return (T) events.get(events.size() - 1);
    }

    private static List<String> eventLines(final BookScenario s) {
        return s.eventsSinceMark().stream().map(e -> EventText.of(e, s::label)).toList();
    }
}
