package exchange.risk;

import exchange.matching.Instrument;
import exchange.matching.RestingOrder;
import exchange.matching.RestingOrderVisitor;
import exchange.matching.SelfTradePrevention;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.TradingPhase;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventHandler;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random streams of orders (stops and stop-limits, icebergs, self-trade decrements among them),
 * cancels, replaces, abandoned checks, phase changes (call phases that end in an auction, halts),
 * kill-switch cancels and day ends go through the gateway and a real
 * {@link exchange.matching.MatchingEngine}, whose events feed the gateway back. After every step each
 * account's exposure must equal a simple recomputation: open = leaves x valuation price of its orders
 * resting in the engine's books or waiting to trigger, executed = the
 * sum of its fills since the last day end, nothing pending. When everything is cancelled open
 * exposure is exactly zero, and after the day ends exposure is exactly zero. jqwik prints the seed of
 * a failing stream.
 */
class ExposureProperties {
    private static final int BROKER1 = 1;
    private static final int BROKER2 = 2;
    private static final int[][] ACCOUNTS = {{BROKER1, 0}, {BROKER1, 1}, {BROKER1, 2}, {BROKER2, 0}, {BROKER2, 3}};
    private static final List<Instrument> INSTRUMENTS = List.of(
        Instrument.builder(1, "AAA").tickSize(100).referencePrice(100_0000).build(),
        Instrument.builder(2, "BBB").tickSize(500).referencePrice(20_0000).build());
    private static final String PROPERTIES = """
        exchange.risk.collarPercent = 10
        exchange.risk.maxOrderQty = 1_000
        exchange.risk.maxOrderNotional = 40_000
        exchange.risk.throttle.messagesPerSecond = 100_000
        exchange.risk.firm.1.name = BROKER1
        exchange.risk.firm.1.creditLimit = 60_000
        exchange.risk.firm.2.name = BROKER2
        exchange.risk.firm.2.creditLimit = 500_000
        exchange.risk.account.1.firm = 1
        exchange.risk.account.1.name = ACC1
        exchange.risk.account.1.creditLimit = 150_000
        exchange.risk.account.2.firm = 1
        exchange.risk.account.2.name = ACC2
        exchange.risk.account.2.creditLimit = 40_000
        exchange.risk.account.3.firm = 2
        exchange.risk.account.3.name = ACC3
        exchange.risk.account.3.creditLimit = 200_000
        """;

    @Property(tries = 300)
    void exposureMatchesARecomputationAfterEveryStepAndIsZeroOnceAllIsCancelled(
        @ForAll final long seed, @ForAll @IntRange(min = 1, max = 400) final int steps) {
        new Run(seed).play(steps);
    }

    /** One random stream and its bookkeeping. */
    private static final class Run {
        private final SplittableRandom random;
        private final RiskGateway gateway = new RiskGateway(RiskConfig.from(RiskFixture.properties(PROPERTIES)), INSTRUMENTS,
            0x0DDBA11L);
        private final RiskedExchange exchange = new RiskedExchange(gateway, INSTRUMENTS);
        private final SessionRisk[] sessions = {null, gateway.session(1, BROKER1, 0), gateway.session(2, BROKER2, 0)};
        private final Map<Long, long[]> executed = new HashMap<>(); // account key -> {notional}
        /** Orders entered: {order id, instrument, firm, account, side code, tif code, price, qty}. */
        private final List<long[]> orders = new ArrayList<>();

        Run(final long seed) {
            this.random = new SplittableRandom(seed);
            exchange.observe(new EventHandler() {
                @Override
                public void onTrade(final TradeEvent event) {
                    addFill(event.buy(), event);
                    addFill(event.sell(), event);
                }

                @Override
                public void onDayEnded(final DayEndedEvent event) {
                    executed.clear();
                }
            });
        }

        void play(final int steps) {
            for (int step = 0; step < steps; step++) {
                exchange.advance(1_000_000);
                final int kind = random.nextInt(100);
                if (kind < 55) {
                    newOrder(false);
                } else if (kind < 68) {
                    cancel();
                } else if (kind < 84) {
                    replace();
                } else if (kind < 89) {
                    newOrder(true);
                } else if (kind < 94) {
                    exchange.phase(1 + random.nextInt(INSTRUMENTS.size()), pick(TradingPhase.CONTINUOUS,
                        TradingPhase.CONTINUOUS, TradingPhase.CONTINUOUS, TradingPhase.HALTED, TradingPhase.CLOSED,
                        TradingPhase.PRE_OPEN));
                } else if (kind < 98) {
                    killFirm(1 + random.nextInt(2));
                } else {
                    exchange.endOfDayAndRestore(INSTRUMENTS);
                }
                assertExposureIsRecomputed("step " + step);
            }
            exchange.phase(Instrument.NULL_ID, TradingPhase.CONTINUOUS);
            exchange.massCancelFirm(BROKER1);
            exchange.massCancelFirm(BROKER2);
            assertExposureIsRecomputed("everything cancelled");
            for (final int[] account : ACCOUNTS) {
                assertThat(gateway.openExposure(account[0], account[1])).as("open of %s once all is cancelled", key(account))
                    .isZero();
            }
            exchange.endOfDayAndRestore(INSTRUMENTS);
            for (final int[] account : ACCOUNTS) {
                assertThat(gateway.exposure(account[0], account[1])).as("exposure of %s after the day", key(account)).isZero();
            }
        }

        private void newOrder(final boolean abandon) {
            final int firm = 1 + random.nextInt(2);
            final int instrument = 1 + random.nextInt(INSTRUMENTS.size());
            final long reference = INSTRUMENTS.get(instrument - 1).referencePrice();
            final long tick = INSTRUMENTS.get(instrument - 1).tickSize();
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final TimeInForce tif = pick(TimeInForce.DAY, TimeInForce.DAY, TimeInForce.DAY, TimeInForce.GTC,
                TimeInForce.IOC, TimeInForce.FOK);
            final int account = random.nextInt(30) == 0 ? 99 : accountOf(firm);
            final var builder = (side == Side.BUY ? TestOrders.buy(1 + random.nextInt(400)) : TestOrders.sell(1 + random.nextInt(400)))
                .on(instrument).firm(firm).session(firm).account(account).tif(tif);
            final int kind = random.nextInt(20);
            if (kind < 2) {
                builder.market();
            } else if (kind < 4) {
                builder.market().stop(price(reference, tick)); // a stop: valued as a market order
            } else {
                builder.at(price(reference, tick));
                if (kind < 6) {
                    builder.stop(price(reference, tick));
                } else if (kind < 8) {
                    builder.display(1 + random.nextInt(20));
                }
            }
            if (random.nextInt(4) == 0) {
                builder.selfTrade(SelfTradePrevention.DECREMENT.code());
            }
            final NewOrderCommand order = builder.build();
            final RiskResult result = gateway.checkNewOrder(sessions[firm], order, exchange.nowNs());
            if (result.passed()) {
                final long reserved = RiskStamp.reserved(order.buffer(), order.contextStart(), order.contextLength());
                assertThat(reserved == 0 || gateway.exposure(firm, account) <= gateway.creditLimit(firm, account))
                    .as("a reservation never takes exposure above the limit").isTrue();
            }
            if (result.passed() && abandon) {
                gateway.releaseReservation(order.buffer(), order.contextStart(), order.contextLength());
            } else if (result.passed()) {
                exchange.journal(order);
                orders.add(new long[] {exchange.lastSequence(), instrument, firm, account, side.code(), tif.code(),
                    order.price(), order.quantity()});
            } else {
                exchange.journalRejected(order, result);
            }
        }

        private void cancel() {
            if (orders.isEmpty()) {
                return;
            }
            final long[] order = orders.get(random.nextInt(orders.size()));
            exchange.cancel(sessions[(int) order[2]], order[0], (int) order[1]);
        }

        private void replace() {
            if (orders.isEmpty()) {
                return;
            }
            final long[] order = orders.get(random.nextInt(orders.size()));
            final int instrument = (int) order[1];
            final long price = price(INSTRUMENTS.get(instrument - 1).referencePrice(), INSTRUMENTS.get(instrument - 1).tickSize());
            final long qty = 1 + random.nextInt(400);
            final Side side = Side.fromCode((byte) order[4]);
            final ReplaceCommand replace = TestOrders.replace(order[0]).to(qty, price).on(instrument).firm((int) order[2])
                .session((int) order[2]).side(random.nextInt(20) == 0 ? side.opposite() : side)
                .tif(TimeInForce.fromCode((byte) order[5])).build();
            final boolean known = random.nextInt(5) != 0;
            final RiskResult result = exchange.replace(sessions[(int) order[2]], replace, (int) order[3],
                known ? order[6] : 0, known ? order[7] : 0);
            if (result.passed()) {
                order[6] = price;
                order[7] = qty;
            }
        }

        private void killFirm(final int firm) {
            gateway.killSwitch(firm, 0, true);
            exchange.killSwitchCancel(firm, 0);
            gateway.killSwitch(firm, 0, false);
        }

        private void assertExposureIsRecomputed(final String when) {
            final Map<Long, Long> open = new HashMap<>();
            for (final Instrument instrument : INSTRUMENTS) {
                final RestingOrderVisitor add = order -> open.merge(key(order.firmId(), order.accountId()),
                    order.leavesQty() * valuation(instrument, order), Long::sum);
                exchange.engine().forEachRestingOrder(instrument.id(), add);
                exchange.engine().forEachWaitingStop(instrument.id(), add);
            }
            for (final int[] account : ACCOUNTS) {
                final long key = key(account[0], account[1]);
                final long expectedOpen = open.getOrDefault(key, 0L);
                final long expectedExecuted = executed.containsKey(key) ? executed.get(key)[0] : 0;
                assertThat(gateway.openExposure(account[0], account[1])).as("%s: open of %s", when, key(account))
                    .isEqualTo(expectedOpen);
                assertThat(gateway.executedNotional(account[0], account[1])).as("%s: executed of %s", when, key(account))
                    .isEqualTo(expectedExecuted);
                assertThat(gateway.exposure(account[0], account[1])).as("%s: exposure of %s", when, key(account))
                    .isEqualTo(expectedOpen + expectedExecuted);
            }
        }

        private void addFill(final TradeParty party, final TradeEvent trade) {
            executed.computeIfAbsent(key(party.firmId(), party.accountId()), k -> new long[1])[0] +=
                trade.quantity() * trade.price();
        }

        /** Limit price, or for orders without one, the 10% collar's upper bound. */
        private static long valuation(final Instrument instrument, final RestingOrder order) {
            return order.orderType().hasLimitPrice() ? order.price() : instrument.referencePrice() * 11 / 10;
        }

        private long price(final long reference, final long tick) {
            final long ticks = reference / tick;
            return (ticks + random.nextLong(-ticks / 9, ticks / 9 + 1)) * tick;
        }

        private int accountOf(final int firm) {
            return firm == BROKER1 ? random.nextInt(3) : random.nextBoolean() ? 0 : 3;
        }

        @SafeVarargs
        private <T> T pick(final T... values) {
            return values[random.nextInt(values.length)];
        }

        private static long key(final int firm, final int account) {
            return ((long) firm << 32) | account;
        }

        private static String key(final int[] account) {
            return "firm " + account[0] + " account " + account[1];
        }
    }
}
