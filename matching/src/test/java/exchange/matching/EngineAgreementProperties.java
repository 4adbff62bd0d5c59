package exchange.matching;

import exchange.matching.event.BookedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.Event;
import exchange.matching.event.OrderEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import exchange.matching.testing.CommandStream;
import exchange.matching.testing.RecordedEvents;
import exchange.matching.testing.ReferenceBook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of random command streams through the engine and through the obviously correct
 * {@link ReferenceBook}: the two must write the same events, byte for byte, and the engine's book
 * must keep its invariants after every command. jqwik prints the seed of a failing stream.
 */
class EngineAgreementProperties {
    private static final List<Instrument> INSTRUMENTS = CommandStream.instruments();

    @Property(tries = 1500)
    void engineAndReferenceWriteTheSameEvents(@ForAll final long seed, @ForAll @IntRange(min = 1, max = 300) final int length,
                                              @ForAll final boolean tight, @ForAll final boolean accountScope) {
        final EngineConfig sized = tight
            ? EngineConfig.defaults().orderCapacity(24).levelCapacity(10).extrasCapacity(8).gtdCapacity(3)
            : EngineConfig.defaults().orderCapacity(4096).levelCapacity(512).extrasCapacity(64);
        final EngineConfig config = CommandStream.withFirms(sized)
            .selfTradeScope(accountScope ? SelfTradeScope.ACCOUNT : SelfTradeScope.FIRM);
        final RecordedEvents engineEvents = new RecordedEvents();
        final RecordedEvents referenceEvents = new RecordedEvents();
        final MatchingEngine engine = new MatchingEngine(INSTRUMENTS, config, engineEvents);
        final ReferenceBook reference = new ReferenceBook(INSTRUMENTS, config, referenceEvents);
        final Ledger ledger = new Ledger();

        for (final byte[] command : CommandStream.generate(seed, length)) {
            final int before = engineEvents.size();
            engine.onCommand(new UnsafeBuffer(command), 0);
            reference.apply(new UnsafeBuffer(command.clone()), 0);
            if (!engineEvents.sameAs(referenceEvents)) {
                fail("engine and reference disagree after " + CommandStream.describe(command) + "\nengine:\n"
                    + describe(engineEvents.eventsSince(before)) + "\nreference:\n"
                    + describe(referenceEvents.eventsSince(before)));
            }
            ledger.apply(engineEvents.eventsSince(before));
            BookInvariants.check(engine, ledger::priorityOf);
            ledger.checkBalanced();
        }
    }

    private static String describe(final List<Event> events) {
        return events.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Follows every order through its events: cum qty + leaves qty + cancelled qty = order qty, and
     * bought equals sold.
     */
    static final class Ledger {
        private final Map<Long, long[]> orders = new HashMap<>(); // {order qty, cum, cancelled}
        private final Map<Long, Long> priority = new HashMap<>(); // order id -> when last booked, in booking order
        private long bookings;
        private long bought;
        private long sold;

        void apply(final List<Event> events) {
            for (final Event e : events) {
                switch (e.type()) {
                    case ACCEPTED -> orders.put(((OrderEvent) e).orderId(), new long[] {((OrderEvent) e).orderQty(), 0, 0});
                    case BOOKED -> priority.put(((BookedEvent) e).orderId(), ++bookings);
                    case DAY_ENDED -> orders.clear(); // the books are empty: what is left is carried over
                    case RESTORED -> {
                        final OrderEvent r = (OrderEvent) e;
                        orders.put(r.orderId(), new long[] {r.orderQty(), r.cumQty(), 0});
                        priority.put(r.orderId(), ++bookings);
                    }
                    case TRADE -> {
                        final TradeEvent t = (TradeEvent) e;
                        fill(t.buy(), t.quantity());
                        fill(t.sell(), t.quantity());
                        bought += t.quantity();
                        sold += t.quantity();
                    }
                    case CANCELLED -> {
                        final CancelledEvent c = (CancelledEvent) e;
                        if (c.reason() == CancelReason.RESTORE_FAILED) {
                            break;
                        }
                        final long[] o = orders.get(c.orderId());
                        o[2] += c.cancelledQty();
                        check(c.orderId(), o, 0);
                        assertThat(o[0]).as("order qty of %d", c.orderId()).isEqualTo(c.orderQty());
                        orders.remove(c.orderId());
                    }
                    case RESTATED -> {
                        final RestatedEvent r = (RestatedEvent) e;
                        final long[] o = orders.get(r.orderId());
                        o[0] -= r.restatedQty();
                        assertThat(o[0]).as("order qty of %d", r.orderId()).isEqualTo(r.orderQty());
                        check(r.orderId(), o, r.leavesQty());
                    }
                    case REPLACED -> {
                        final ReplacedEvent r = (ReplacedEvent) e;
                        final long[] o = orders.get(r.orderId());
                        assertThat(r.cumQty()).isEqualTo(o[1]);
                        o[0] = r.orderQty();
                        if (r.orderQty() <= r.cumQty()) {
                            // Replaced to at or below the filled quantity: done, nothing left, no more fills.
                            assertThat(r.leavesQty()).isZero();
                            orders.remove(r.orderId());
                        } else {
                            check(r.orderId(), o, r.leavesQty());
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private void fill(final TradeParty party, final long qty) {
            final long[] o = orders.get(party.orderId());
            o[1] += qty;
            assertThat(party.cumQty()).as("cum qty of %d", party.orderId()).isEqualTo(o[1]);
            check(party.orderId(), o, party.leavesQty());
            if (party.leavesQty() == 0) {
                orders.remove(party.orderId());
            }
        }

        private static void check(final long orderId, final long[] o, final long leaves) {
            assertThat(o[1] + leaves + o[2]).as("cum + leaves + cancelled of order %d", orderId).isEqualTo(o[0]);
        }

        long priorityOf(final long orderId) {
            final Long p = priority.get(orderId);
            assertThat(p).as("order %d on the book was booked", orderId).isNotNull();
            return p;
        }

        void checkBalanced() {
            assertThat(bought).as("bought = sold").isEqualTo(sold);
        }
    }

    /** Orders the ledger still follows, for debugging. */
    List<Long> open(final Ledger ledger) {
        return new ArrayList<>(ledger.orders.keySet());
    }
}
