package exchange.sequencer;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.Locale;

/**
 * The idle strategies an agent thread may use when it finds no work, by name:
 * <ul>
 *   <li>{@code busy-spin}: never gives the core up; lowest latency, for a dedicated, pinned core;</li>
 *   <li>{@code yield}: {@code Thread.yield()} between polls;</li>
 *   <li>{@code backoff} (default): spins, then yields, then parks from 1 µs up to 1 ms; suits a
 *       two-core machine where the core is shared. A thread that a {@link Doorbell} wakes parks up to
 *       {@link #RUNG_MAX_PARK_NS} instead: the bell, not the timer, ends its park when work comes;</li>
 *   <li>{@code sleep}: sleeps 1 ms; for laptops and CI.</li>
 * </ul>
 */
public final class IdleStrategies {
    private IdleStrategies() {
    }

    /** {@code backoff}: spins, then yields, then parks from 1 µs up to 1 ms; with or without a doorbell. */
    private static final int SPINS = 100;
    private static final int YIELDS = 100;
    private static final long MIN_PARK_NS = 1_000;
    private static final long MAX_PARK_NS = 1_000_000;

    /**
     * The longest park of a thread that a {@link Doorbell} wakes. Its park ends as soon as a writer rings,
     * so this bounds only how often an idle thread wakes for nothing: 50 times a second. At 1 ms, the
     * exchange's idle threads together took a few per cent of a core from whatever else ran on the machine.
     */
    public static final long RUNG_MAX_PARK_NS = 20_000_000;

    /**
     * The longest park of a cold thread (one that no doorbell wakes and that no order waits for: the
     * trading day's clock, the operators' view, the queue prefaulter) once it has been idle a while.
     * What it does is then up to this much late: a schedule's phase change, a console's update.
     */
    public static final long COLD_MAX_PARK_NS = 20_000_000;

    /**
     * @param name one of the names above
     * @return a new strategy instance (strategies keep state: one per thread)
     * @throws IllegalArgumentException for an unknown name
     */
    public static IdleStrategy create(final String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "busy-spin" -> new BusySpinIdleStrategy();
            case "yield" -> new YieldingIdleStrategy();
            case "backoff" -> new BackoffIdleStrategy(SPINS, YIELDS, MIN_PARK_NS, MAX_PARK_NS);
            case "sleep" -> new SleepingMillisIdleStrategy(1);
            default -> throw new IllegalArgumentException(
                "idle strategy must be busy-spin, yield, backoff or sleep: '" + name + "'");
        };
    }

    /**
     * @param name     one of the names above
     * @param doorbell rung by the writers of what the thread reads: {@code backoff} parks until it
     *                 rings (or 1 ms passes) instead of waking on a timer
     * @return a new strategy instance (one per thread)
     * @throws IllegalArgumentException for an unknown name
     */
    public static IdleStrategy create(final String name, final Doorbell doorbell) {
        if ("backoff".equals(name.trim().toLowerCase(Locale.ROOT))) {
            return rung(doorbell, SPINS, YIELDS);
        }
        return create(name);
    }

    /**
     * @param doorbell  rung by the writers of what the thread reads
     * @param maxSpins  polls that only spin before yielding
     * @param maxYields polls that yield before parking
     * @return back-off for a reader that the doorbell wakes: parks from 1 µs up to {@link #RUNG_MAX_PARK_NS}
     */
    public static IdleStrategy rung(final Doorbell doorbell, final int maxSpins, final int maxYields) {
        return rung(doorbell, maxSpins, maxYields, RUNG_MAX_PARK_NS);
    }

    /**
     * As {@link #rung(Doorbell, int, int)}, for a thread that also has work of its own when idle (a heartbeat
     * due): it parks up to {@code maxParkNs} at most.
     */
    public static IdleStrategy rung(final Doorbell doorbell, final int maxSpins, final int maxYields, final long maxParkNs) {
        return new DoorbellIdleStrategy(doorbell, maxSpins, maxYields, MIN_PARK_NS, Math.min(maxParkNs, RUNG_MAX_PARK_NS));
    }

    /**
     * @param minParkNs its first park, how late it sees work that comes while it is busy on and off
     * @return back-off for a cold thread: one spin, one yield, then parks from {@code minParkNs} doubling up
     *         to {@link #COLD_MAX_PARK_NS}
     */
    public static IdleStrategy cold(final long minParkNs) {
        return new BackoffIdleStrategy(1, 1, minParkNs, COLD_MAX_PARK_NS);
    }
}
