package exchange.conformance;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How scripts are played: every option with its default in one place, validated on creation.
 * Immutable; the {@code with...} methods return changed copies.
 *
 * @param expectTimeout            how long one expectation ({@code E}, {@code eDISCONNECT}) waits
 *                                 unless the script says otherwise with {@code eTIMEOUT}
 * @param scriptTimeout            how long one whole script may take; no step waits past it
 * @param heartbeatOverrideSeconds when 0 or more, HeartBtInt(108) of every sent Logon is rewritten
 *                                 to this value and expected messages that carry 108 are compared
 *                                 leniently (see SCRIPTS.md); {@link #NO_HEARTBEAT_OVERRIDE} leaves
 *                                 Logons as written and compares everything
 * @param compIds                  SenderCompID/TargetCompID values to replace in sent and expected
 *                                 messages, script value to server value
 * @param connectTimeout           how long opening a TCP connection may take
 * @param clock                    the time for {@code <TIME>} placeholders
 */
public record RunOptions(Duration expectTimeout, Duration scriptTimeout, int heartbeatOverrideSeconds,
                         Map<String, String> compIds, Duration connectTimeout, Clock clock) {
    /** As QuickFIX/J's own runner: an expected message may take up to 10 seconds. */
    public static final Duration DEFAULT_EXPECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for the slowest acceptance script (about 31 s), short enough to notice a hang. */
    public static final Duration DEFAULT_SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    /** As QuickFIX/J's build runs its acceptance scripts ({@code -Datest.heartbeat=5}). */
    public static final int DEFAULT_HEARTBEAT_OVERRIDE_SECONDS = 5;
    /** Value of {@link #heartbeatOverrideSeconds} that turns the override off. */
    public static final int NO_HEARTBEAT_OVERRIDE = -1;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public RunOptions {
        requirePositive(expectTimeout, "expectTimeout");
        requirePositive(scriptTimeout, "scriptTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        if (heartbeatOverrideSeconds < NO_HEARTBEAT_OVERRIDE) {
            throw new IllegalArgumentException("heartbeatOverrideSeconds must be -1 (off) or more: "
                    + heartbeatOverrideSeconds);
        }
        compIds = Map.copyOf(compIds);
        Objects.requireNonNull(clock, "clock");
    }

    /** The defaults: 10 s per expectation, 120 s per script, HeartBtInt=5, no CompID mapping. */
    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_EXPECT_TIMEOUT, DEFAULT_SCRIPT_TIMEOUT, DEFAULT_HEARTBEAT_OVERRIDE_SECONDS,
                Map.of(), DEFAULT_CONNECT_TIMEOUT, Clock.systemUTC());
    }

    public RunOptions withExpectTimeout(Duration timeout) {
        return new RunOptions(timeout, scriptTimeout, heartbeatOverrideSeconds, compIds, connectTimeout, clock);
    }

    public RunOptions withScriptTimeout(Duration timeout) {
        return new RunOptions(expectTimeout, timeout, heartbeatOverrideSeconds, compIds, connectTimeout, clock);
    }

    public RunOptions withHeartbeatOverride(int seconds) {
        return new RunOptions(expectTimeout, scriptTimeout, seconds, compIds, connectTimeout, clock);
    }

    public RunOptions withCompIds(Map<String, String> mapping) {
        return new RunOptions(expectTimeout, scriptTimeout, heartbeatOverrideSeconds, mapping, connectTimeout, clock);
    }

    public RunOptions withClock(Clock newClock) {
        return new RunOptions(expectTimeout, scriptTimeout, heartbeatOverrideSeconds, compIds, connectTimeout, newClock);
    }

    /** True when sent Logons get {@link #heartbeatOverrideSeconds} as their HeartBtInt. */
    public boolean overridesHeartbeat() {
        return heartbeatOverrideSeconds != NO_HEARTBEAT_OVERRIDE;
    }

    /** The resolved options, one line, for printing at start. */
    @Override
    public String toString() {
        return "expectTimeoutMs=" + expectTimeout.toMillis()
                + " scriptTimeoutMs=" + scriptTimeout.toMillis()
                + " heartbeatOverride=" + (overridesHeartbeat() ? heartbeatOverrideSeconds : "off")
                + " compIds=" + compIds
                + " connectTimeoutMs=" + connectTimeout.toMillis();
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
