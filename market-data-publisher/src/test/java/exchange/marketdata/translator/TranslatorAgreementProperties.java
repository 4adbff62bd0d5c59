package exchange.marketdata.translator;

import exchange.marketdata.book.OrderBookBuilder;
import exchange.marketdata.itch.ItchMessageDispatcher;
import exchange.marketdata.testing.EngineBooks;
import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.matching.MatchingEngine;
import exchange.matching.event.EventDecoder;
import exchange.matching.testing.CommandStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed tells the engine's books, order for order: random command streams of every kind (new
 * orders of every type, stops, icebergs, post-only and self-trade instructions among them, cancels,
 * replaces keeping and losing priority, mass cancels, kill switches, phase changes with auctions and
 * circuit breakers, restored orders, ends of day) go through an engine whose events go through the translator, whose
 * messages go into a book builder. After every command the rebuilt books equal the engine's (every
 * level, every displayed order, in queue order), no message names an order the feed does not show, and
 * no replace is left waiting.
 */
class TranslatorAgreementProperties {
    /** The stream's own instruments (collars, circuit breakers, post-only repricing, halts that take orders). */
    static final List<Instrument> INSTRUMENTS = CommandStream.instruments();
    static final long MIDNIGHT = 1_795_737_600_000_000_000L; // 2026-11-27T00:00Z; the streams start at 09:00

    @Property(tries = 40)
    void theFeedsBooksEqualTheEnginesAfterEveryCommand(@ForAll final long seed) {
        checkEveryCommand(seed);
    }

    @Test
    void shouldCompareBooksOfSomeDepthAndSeveralSessions() {
        final Feed feed = checkEveryCommand(27_003L);
        assertThat(feed.deepest).as("most orders in one book").isGreaterThanOrEqualTo(10);
        assertThat(feed.sessions).as("sessions (the streams end the day now and then)").isGreaterThanOrEqualTo(2);
        // the market-structure messages were part of it
        for (final char type : new char[] {'I', 'Q', 'X', 'P', 'U', 'C'}) {
            assertThat(feed.messagesOfType[type]).as("ITCH messages of type %s", type).isPositive();
        }
    }

    /** Runs a stream, comparing the books after every command; returns the feed, for its figures. */
    private static Feed checkEveryCommand(final long seed) {
        final Feed feed = new Feed();
        final List<byte[]> commands = CommandStream.generate(seed, 2_000);
        for (int i = 0; i < commands.size(); i++) {
            feed.engine.onCommand(new UnsafeBuffer(commands.get(i)), 0);
            assertThat(feed.translator.hasPendingReplace()).as("a replace left waiting after command %d", i + 1).isFalse();
            for (final Instrument instrument : INSTRUMENTS) {
                final List<String> engineBook = EngineBooks.ofEngine(feed.engine, instrument.id());
                feed.deepest = Math.max(feed.deepest, engineBook.size());
                assertThat(EngineBooks.ofFeed(feed.books, instrument.id()))
                    .as("%s after command %d: %s", instrument.symbol(), i + 1, CommandStream.describe(commands.get(i)))
                    .isEqualTo(engineBook);
            }
            assertThat(feed.books.unknownOrderMessages()).as("messages about orders never shown").isZero();
        }
        assertThat(feed.translator.unpublishedOrders() + feed.translator.unpublishedPrints()).isZero();
        return feed;
    }

    /** Engine, translator and a book builder, wired as the service does, sessions included. */
    static final class Feed {
        final ItchTranslator translator;
        final MatchingEngine engine;
        OrderBookBuilder books = new OrderBookBuilder();
        private ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(books);
        int sessions;
        int deepest;
        final long[] messagesOfType = new long[128];

        Feed() {
            translator = new ItchTranslator(INSTRUMENTS, 1 << 14,
                (buffer, offset, length) -> {
                    messagesOfType[buffer.getByte(offset) & 0x7F]++;
                    dispatcher.dispatch(buffer, offset, length);
                });
            final EventDecoder decoder = new EventDecoder();
            engine = new MatchingEngine(INSTRUMENTS,
                CommandStream.withFirms(EngineConfig.defaults().orderCapacity(1 << 14).levelCapacity(1 << 10)),
                (buffer, offset, length) -> {
                    if (!translator.isSessionOpen()) {
                        books = new OrderBookBuilder(); // a new session: subscribers start new books
                        dispatcher = new ItchMessageDispatcher(books);
                        translator.startSession(MIDNIGHT, buffer.getLong(offset + exchange.matching.event.Event.TIMESTAMP_OFFSET));
                        sessions++;
                    }
                    decoder.decode(buffer, offset, translator);
                });
        }
    }
}
