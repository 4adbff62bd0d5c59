package exchange.sequencer;

import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * For tests that run a real exchange on the wall clock: a schedule time zone ({@link TradingSchedule#ZONE}) in which
 * the trading day cannot close or end, nor Day orders expire, in the middle of a test, whatever the time of the build.
 */
public final class NoonZone {
    private NoonZone() {
    }

    /** @return a whole-hour offset from UTC (-11 to +12) at which the local time is now between 12:00 and 13:00 */
    public static ZoneOffset now() {
        return ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour());
    }
}
