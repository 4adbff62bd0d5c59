package exchange.matching.testing;

import exchange.matching.CancelReason;
import exchange.matching.EngineConfig;
import exchange.matching.HaltedOrderPolicy;
import exchange.matching.Instrument;
import exchange.matching.PostOnlyPolicy;
import exchange.matching.SelfTradePrevention;
import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.CancelCommand;
import exchange.matching.command.ClockCommand;
import exchange.matching.command.Command;
import exchange.matching.command.CommandType;
import exchange.matching.command.MassCancelCommand;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.RejectOrderCommand;
import exchange.matching.RejectReason;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.command.StatusCommand;
import exchange.matching.command.EndOfDayCommand;
import exchange.matching.command.RestoreOrderCommand;
import exchange.matching.command.SetKillSwitchCommand;
import exchange.matching.command.SetPhaseCommand;
import exchange.matching.TradingPhase;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random, reproducible streams of encoded commands for property tests: new orders of every type and
 * time in force around a mid price (many crossing), stops near it, icebergs, post-only orders, MinQty
 * and self-trade prevention instructions; cancels and replaces of earlier orders (some already gone,
 * some of another firm); status requests, mass cancels, gateway rejects, clock ticks that expire GTD
 * orders, phase changes, end of day and restores of every restorable kind. Every command is a complete record with its sequence and time stamp.
 */
public final class CommandStream {
    /** Instruments the stream uses: ids 1 and 2 (see {@link #instruments()}); id 3 is unknown. */
    public static final int INSTRUMENTS = 2;
    private static final long MID = 100_0000;
    private static final long TICK = 100;

    private CommandStream() {
    }

    /**
     * The instruments the stream is made for, tick 0.01 (100) and lot 1. AAA: reference price 100, a
     * price collar of 4 ticks and a circuit breaker of 2 ticks either side (so both bite often), post-only
     * takers repriced, halted orders taken. BBB: no reference price (its collar bites only once an
     * auction has traded), a circuit breaker of 3 ticks, 6 price levels a side, halted orders refused.
     */
    public static List<Instrument> instruments() {
        return List.of(
            Instrument.builder(1, "AAA").tickSize(100).referencePrice(MID).priceCollarBps(4).circuitBreakerBps(2)
                .circuitBreakerOpeningWindowNs(20_000_000_000L).volatilityAuctionNs(30_000_000_000L)
                .postOnlyPolicy(PostOnlyPolicy.REPRICE).haltedOrderPolicy(HaltedOrderPolicy.ACCEPT).build(),
            Instrument.builder(2, "BBB").tickSize(100).maxPriceLevels(6).priceCollarBps(5).circuitBreakerBps(3)
                .build());
    }

    /**
     * @return sizes for long streams, with self-trade prevention on for two of the three firms
     *         (firm 1 cancels resting orders, firm 2 decrements, firm 3 names its own mode or none)
     */
    public static EngineConfig config() {
        return withFirms(EngineConfig.defaults().orderCapacity(1 << 17).levelCapacity(1 << 12));
    }

    /** @return the stream's firms' self-trade prevention on top of any sizes */
    public static EngineConfig withFirms(final EngineConfig sized) {
        return sized.firmSelfTradePrevention(1, SelfTradePrevention.CANCEL_RESTING)
            .firmSelfTradePrevention(2, SelfTradePrevention.DECREMENT);
    }

    /**
     * @param seed   the random seed: the same seed gives the same stream
     * @param length number of commands
     * @return the encoded commands, in order
     */
    public static List<byte[]> generate(final long seed, final int length) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<byte[]> commands = new ArrayList<>(length);
        final List<long[]> orders = new ArrayList<>(); // {order id, instrument, side code, firm, type code}
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        long now = BookScenario.T0;
        long[] switchOff = null; // {firm, account, sequence}: a kill switch goes off again soon, so that trading goes on
        for (long sequence = 1; sequence <= length; sequence++) {
            now += random.nextInt(1_000_000);
            final int kind = random.nextInt(100);
            final Command command;
            if (switchOff != null && sequence >= switchOff[2]) {
                final SetKillSwitchCommand c = (SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, 0);
                c.init();
                c.action(SetKillSwitchCommand.ACTION_OFF).accountId((int) switchOff[1]).firmId((int) switchOff[0]);
                switchOff = null;
                command = c;
            } else if (kind < 55 || orders.isEmpty()) {
                final NewOrderCommand c = (NewOrderCommand) new NewOrderCommand().wrap(buffer, 0);
                newOrder(c.init(), random, now);
                orders.add(new long[] {sequence, c.instrumentId(), c.sideCode(), c.firmId(),
                    c.buffer().getByte(NewOrderCommand.ORD_TYPE_OFFSET)});
                command = c;
            } else if (kind < 70) {
                final CancelCommand c = (CancelCommand) new CancelCommand().wrap(buffer, 0);
                c.init();
                final long[] target = target(orders, random);
                c.orderId(target[0]).instrumentId((int) target[1]);
                c.firmId(random.nextInt(10) == 0 ? 1 + random.nextInt(3) : (int) target[3]).sessionId(1);
                c.context(("C" + sequence).getBytes());
                command = c;
            } else if (kind < 82) {
                final ReplaceCommand c = (ReplaceCommand) new ReplaceCommand().wrap(buffer, 0);
                c.init();
                final long[] target = target(orders, random);
                c.orderId(target[0]).instrumentId((int) target[1]);
                c.firmId(random.nextInt(10) == 0 ? 1 + random.nextInt(3) : (int) target[3]).sessionId(1);
                final OrderType type = random.nextInt(20) == 0 || OrderType.fromCode((byte) target[4]) == null
                    ? OrderType.LIMIT : OrderType.fromCode((byte) target[4]);
                c.price(price(random)).quantity(quantity(random))
                    .side(random.nextInt(20) == 0 ? Side.fromCode((byte) target[2]).opposite() : Side.fromCode((byte) target[2]))
                    .orderType(type).timeInForce(TimeInForce.DAY);
                if (type.isStop()) {
                    c.stopPrice(stopPrice(random));
                }
                if (random.nextInt(4) == 0) {
                    c.timeInForce(TimeInForce.GTC);
                }
                if (random.nextInt(6) == 0) {
                    c.displayQuantity(random.nextInt(10) == 0 ? -1 : 1 + random.nextInt(20));
                }
                c.context(("R" + sequence).getBytes());
                command = c;
            } else if (kind < 86) {
                final StatusCommand c = (StatusCommand) new StatusCommand().wrap(buffer, 0);
                c.init();
                final long[] target = target(orders, random);
                c.orderId(target[0]).instrumentId((int) target[1]);
                c.firmId(1 + random.nextInt(3)).sessionId(1);
                command = c;
            } else if (kind < 88) {
                final MassCancelCommand c = (MassCancelCommand) new MassCancelCommand().wrap(buffer, 0);
                c.init();
                final int firm = 1 + random.nextInt(3);
                c.scope(1 + random.nextInt(3)).sideCode(new byte[] {0, Side.BUY.code(), Side.SELL.code()}[random.nextInt(3)])
                    .reason(CancelReason.MASS_CANCEL).accountId(random.nextInt(3));
                c.instrumentId(random.nextInt(INSTRUMENTS + 1)).firmId(firm).sessionId(firm * 10 + random.nextInt(2));
                c.context(("M" + sequence).getBytes());
                command = c;
            } else if (kind < 89 && random.nextInt(4) == 0) {
                command = special(buffer, random, orders, sequence, now);
                if (command instanceof SetKillSwitchCommand k && k.action() == SetKillSwitchCommand.ACTION_ON
                    && switchOff == null) {
                    switchOff = new long[] {k.firmId(), k.accountId(), sequence + 20 + random.nextInt(200)};
                }
            } else if (kind < 90) {
                final RejectOrderCommand c = (RejectOrderCommand) new RejectOrderCommand().wrap(buffer, 0);
                newOrder(c.init(), random, now);
                c.reason(RejectReason.EXCEEDS_CREDIT_LIMIT);
                command = c;
            } else if (kind < 92) {
                command = phase(buffer, random);
            } else {
                final ClockCommand c = (ClockCommand) new ClockCommand().wrap(buffer, 0);
                c.init();
                now += random.nextLong(180_000_000_000L);
                command = c;
            }
            command.sequence(sequence).timestampNs(now);
            final byte[] bytes = new byte[command.length()];
            buffer.getBytes(0, bytes);
            commands.add(bytes);
        }
        return commands;
    }

    /**
     * A rare command: a phase change (now and then a scheduled one), an end of day, a kill switch, or an
     * order restored from an earlier day.
     */
    private static Command special(final UnsafeBuffer buffer, final SplittableRandom random, final List<long[]> orders,
                                   final long sequence, final long now) {
        final int which = random.nextInt(10);
        if (which < 4) {
            return phase(buffer, random);
        }
        if (which < 5) {
            final EndOfDayCommand c = (EndOfDayCommand) new EndOfDayCommand().wrap(buffer, 0);
            c.init();
            c.tradingDate(20261127);
            if (random.nextBoolean()) { // the next day's start, GTD orders expiring before it expiring with this day
                c.gtdHorizonSeconds(now / 1_000_000_000L + random.nextLong(0, 600));
            }
            return c;
        }
        if (which < 6) {
            final SetKillSwitchCommand c = (SetKillSwitchCommand) new SetKillSwitchCommand().wrap(buffer, 0);
            c.init();
            final int a = random.nextInt(20);
            c.action(a < 10 ? SetKillSwitchCommand.ACTION_ON : a < 17 ? SetKillSwitchCommand.ACTION_OFF
                : a < 19 ? SetKillSwitchCommand.ACTION_RESTATE : 9);
            c.accountId(random.nextInt(3)).firmId(random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3));
            return c;
        }
        final RestoreOrderCommand c = (RestoreOrderCommand) new RestoreOrderCommand().wrap(buffer, 0);
        c.init();
        final int firm = 1 + random.nextInt(3);
        final long orderId = random.nextInt(4) == 0 && !orders.isEmpty()
            ? orders.get(random.nextInt(orders.size()))[0] : 1_000_000_000L + sequence;
        final long qty = quantity(random);
        final TimeInForce tif = random.nextBoolean() ? TimeInForce.GTC : TimeInForce.GTD;
        c.instrumentId(random.nextInt(20) == 0 ? INSTRUMENTS + 1 : 1 + random.nextInt(INSTRUMENTS)).firmId(firm)
            .sessionId(firm * 10);
        final int kind = random.nextInt(10);
        final OrderType type = kind < 7 ? OrderType.LIMIT : kind < 9 ? OrderType.STOP_LIMIT : OrderType.STOP;
        c.orderId(orderId).accountId(random.nextInt(3)).side(random.nextBoolean() ? Side.BUY : Side.SELL)
            .orderType(type).timeInForce(tif).price(type == OrderType.STOP ? 0 : price(random)).orderQty(qty)
            .cumQty(qty > 2 ? random.nextLong(qty / 2) : 0)
            .expireTimeNs(tif == TimeInForce.GTD ? now + random.nextLong(1, 600_000_000_000L) : 0);
        c.cumNotional(c.cumQty() * MID);
        if (type.isStop()) {
            c.stopPrice(stopPrice(random));
            if (random.nextInt(3) == 0) {
                c.flags(RestoreOrderCommand.TRIGGERED);
            } else {
                c.cumQty(0).cumNotional(0);
            }
        }
        if (random.nextInt(4) == 0) {
            c.displayQty(random.nextInt(10) == 0 ? -1 : 1 + random.nextLong(Math.max(1, qty)));
        }
        c.context(("G" + orderId).getBytes());
        return c;
    }

    /**
     * An earlier order to cancel, replace or ask about: mostly a recent one (likely still live), some
     * from anywhere in the stream (likely gone).
     */
    private static long[] target(final List<long[]> orders, final SplittableRandom random) {
        final int recent = Math.min(orders.size(), 40);
        return random.nextInt(10) < 7 ? orders.get(orders.size() - 1 - random.nextInt(recent))
            : orders.get(random.nextInt(orders.size()));
    }

    /** A phase change of one instrument or all: often back to continuous trading, often to a call phase. */
    private static Command phase(final UnsafeBuffer buffer, final SplittableRandom random) {
        final SetPhaseCommand c = (SetPhaseCommand) new SetPhaseCommand().wrap(buffer, 0);
        c.init();
        c.instrumentId(random.nextInt(INSTRUMENTS + 1));
        final int p = random.nextInt(100);
        c.phase(p < 40 ? TradingPhase.CONTINUOUS : p < 60 ? TradingPhase.PRE_OPEN : p < 70 ? TradingPhase.PRE_CLOSE
            : p < 80 ? TradingPhase.VOLATILITY_AUCTION : p < 90 ? TradingPhase.HALTED : TradingPhase.CLOSED);
        c.scheduled(c.instrumentId() == 0 && random.nextInt(3) == 0);
        return c;
    }

    /**
     * @param command an encoded command
     * @return its fields as text, for failure messages
     */
    public static String describe(final byte[] command) {
        final UnsafeBuffer buffer = new UnsafeBuffer(command);
        final Command flyweight = switch (CommandType.fromCode(buffer.getByte(2) & 0xFF)) {
            case NEW_ORDER -> new NewOrderCommand();
            case REJECT_ORDER -> new RejectOrderCommand();
            case CANCEL -> new CancelCommand();
            case REPLACE -> new ReplaceCommand();
            case STATUS -> new StatusCommand();
            case MASS_CANCEL -> new MassCancelCommand();
            case CLOCK -> new ClockCommand();
            case SET_PHASE -> new SetPhaseCommand();
            case END_OF_DAY -> new EndOfDayCommand();
            case RESTORE_ORDER -> new RestoreOrderCommand();
            case SET_KILL_SWITCH -> new SetKillSwitchCommand();
        };
        flyweight.wrap(buffer, 0);
        return flyweight.toString();
    }

    private static long price(final SplittableRandom random) {
        final int r = random.nextInt(100);
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return MID + 37; // off tick
        }
        return MID + (random.nextInt(11) - 5) * TICK;
    }

    /** Around the mid, so that many stops trigger and some are already reached on entry. */
    private static long stopPrice(final SplittableRandom random) {
        final int r = random.nextInt(100);
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return MID + 37; // off tick
        }
        return MID + (random.nextInt(13) - 6) * TICK;
    }

    private static long quantity(final SplittableRandom random) {
        final int r = random.nextInt(100);
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return -random.nextInt(10);
        }
        return 1 + random.nextInt(50);
    }

    /** Post-only on some orders (a few of a kind that cannot rest); a self-trade prevention code on some. */
    private static void instructions(final NewOrderCommand c, final SplittableRandom random) {
        if (random.nextInt(8) == 0) {
            c.postOnly(true);
        }
        final int stp = random.nextInt(100);
        if (stp < 30) {
            c.selfTradePreventionCode(stp < 29 ? 1 + random.nextInt(5) : 6 + random.nextInt(2));
        }
    }

    private static void newOrder(final NewOrderCommand c, final SplittableRandom random, final long now) {
        final int firm = 1 + random.nextInt(3);
        c.instrumentId(random.nextInt(50) == 0 ? INSTRUMENTS + 1 : 1 + random.nextInt(INSTRUMENTS));
        c.firmId(firm).sessionId(firm * 10 + random.nextInt(2));
        c.accountId(random.nextInt(3));
        c.side(random.nextBoolean() ? Side.BUY : Side.SELL);
        final int type = random.nextInt(100);
        c.orderType(type < 75 ? OrderType.LIMIT : type < 87 ? OrderType.MARKET : type < 94 ? OrderType.STOP_LIMIT
            : OrderType.STOP);
        final int tif = random.nextInt(100);
        c.timeInForce(tif < 45 ? TimeInForce.DAY : tif < 65 ? TimeInForce.GTC : tif < 80 ? TimeInForce.IOC
            : tif < 88 ? TimeInForce.FOK : tif < 97 ? TimeInForce.GTD : tif < 99 ? TimeInForce.AT_THE_OPEN
            : TimeInForce.AT_THE_CLOSE);
        c.price(c.orderType().hasLimitPrice() ? price(random) : 0);
        if (c.orderType().isStop()) {
            c.stopPrice(stopPrice(random));
        }
        c.quantity(quantity(random));
        if (c.timeInForce() == TimeInForce.GTD) {
            c.expireTimeNs(now + random.nextLong(-1_000_000_000L, 600_000_000_000L));
        }
        instructions(c, random);
        if (random.nextInt(7) == 0) {
            // icebergs: mostly a valid peak, a few too large or negative, a few on types that cannot rest
            c.displayQuantity(random.nextInt(20) == 0 ? -1 : 1 + random.nextLong(Math.max(1, c.quantity() + 1)));
        }
        if (c.timeInForce() == TimeInForce.IOC && random.nextInt(3) == 0) {
            c.minQuantity(random.nextInt(20) == 0 ? -1 : 1 + random.nextLong(Math.max(1, c.quantity() + 5)));
        } else if (random.nextInt(200) == 0) {
            c.minQuantity(1); // not an IOC: refused
        }
        if (random.nextInt(2) == 0) {
            c.context(("N" + random.nextInt(1000)).getBytes());
        }
    }
}
