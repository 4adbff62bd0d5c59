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
 *       two-core machine where the core is shared;</li>
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
            return new DoorbellIdleStrategy(doorbell, SPINS, YIELDS, MIN_PARK_NS, MAX_PARK_NS);
        }
        return create(name);
    }
}
