package exchange.fix;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Logons refused for a wrong username or password, counted per remote address
 * ({@code MaxFailedLogonsPerMinute}). Each such Logon costs a password hash (tens of milliseconds of
 * CPU, on purpose), so a client guessing passwords in a loop would both try thousands of passwords an
 * hour and keep the Logon checks busy, delaying every broker's Logon behind its own. Once an address has
 * failed the limit in a minute, its Logons are refused without a check until the oldest of those
 * failures is a minute old. A broker that mistyped its password waits a minute at most; a broker behind
 * the same address as a guesser waits with it.
 *
 * <p>Any thread (the Logon checks run on a small pool): each call takes this object's lock for a map
 * lookup. Addresses whose last failure is a minute old are forgotten once many are held.
 */
final class FailedLogons {
    /** How many addresses are held before those with no failure in the last minute are dropped. */
    static final int SWEEP_AT = 4096;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, MinuteLimit> byAddress = new HashMap<>();

    /**
     * @param perMinute failures an address may have in a minute; 0 for no limit
     * @param nanoClock a monotonic clock ({@link System#nanoTime()})
     */
    FailedLogons(final int perMinute, final LongSupplier nanoClock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("failed logons a minute must be 0 (no limit) or more: " + perMinute);
        }
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** @return the host part of a connection's remote address: the unit counted */
    static String address(final Object remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
            ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** @return nanoseconds until the address's Logons are checked again; 0 when they are now */
    synchronized long lockedOutNs(final String address) {
        final MinuteLimit failures = byAddress.get(address);
        return failures == null ? 0 : failures.waitNs(nanoClock.getAsLong());
    }

    /** Counts a Logon from the address refused for its username or password. */
    synchronized void failed(final String address) {
        if (perMinute == 0) {
            return;
        }
        final long now = nanoClock.getAsLong();
        if (byAddress.size() >= SWEEP_AT && !byAddress.containsKey(address)) {
            for (final Iterator<MinuteLimit> it = byAddress.values().iterator(); it.hasNext(); ) {
                if (it.next().idle(now)) {
                    it.remove();
                }
            }
        }
        byAddress.computeIfAbsent(address, a -> new MinuteLimit(perMinute)).admit(now);
    }

    /** @return the failures an address may have in a minute, 0 for no limit */
    int perMinute() {
        return perMinute;
    }

    /** @return addresses held */
    synchronized int addresses() {
        return byAddress.size();
    }
}
