package exchange.marketdata.service;

import exchange.marketdata.moldudp64.MoldUdp64;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * MoldUDP64 session names: the trading date, the shard and the session's letter within the day,
 * exactly the 10 characters of the Session field. {@code 261127S01A} is the first session (A) of
 * shard 1 on 2026-11-27; a second session on the same date (the day was ended and trading went on)
 * is {@code 261127S01B}, and so on to Z.
 *
 * <pre>
 *   yyMMdd  trading date, in the schedule's time zone
 *   S       separator
 *   nn      shard, 00 to 99
 *   L       A for the day's first session, B for the second...
 * </pre>
 *
 * Cold path; allocates.
 */
public final class SessionNames {
    /** Most sessions one shard may open on one trading date (A to Z). */
    public static final int MAX_SESSIONS_PER_DAY = 26;

    private SessionNames() {
    }

    /**
     * @param tradingDate yyyymmdd
     * @param shard       0 to 99
     * @param indexInDay  0 for the day's first session, up to {@value #MAX_SESSIONS_PER_DAY} - 1
     */
    public static String name(final int tradingDate, final int shard, final int indexInDay) {
        if (shard < 0 || shard > 99) {
            throw new IllegalArgumentException("shard must be 0 to 99: " + shard);
        }
        if (indexInDay < 0 || indexInDay >= MAX_SESSIONS_PER_DAY) {
            throw new IllegalStateException("more than " + MAX_SESSIONS_PER_DAY + " sessions on trading date " + tradingDate);
        }
        final String name = String.format("%06dS%02d%c", tradingDate % 1_000_000, shard, (char)('A' + indexInDay));
        if (name.length() != MoldUdp64.SESSION_LENGTH) {
            throw new IllegalArgumentException("not a trading date: " + tradingDate);
        }
        return name;
    }

    /** @return the trading date (yyyymmdd, 21st century) a session name carries. */
    public static int tradingDate(final String name) {
        return 20_000_000 + Integer.parseInt(name.substring(0, 6));
    }

    /** @return the index within its day (0 for A) a session name carries. */
    public static int indexInDay(final String name) {
        return name.charAt(9) - 'A';
    }

    /** @return the trading date (yyyymmdd) of an instant in a time zone. */
    public static int tradingDate(final long epochNs, final ZoneId zone) {
        final LocalDate date = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(0, epochNs), zone);
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** @return midnight starting a trading date (yyyymmdd) in a time zone, ns since the epoch. */
    public static long midnightEpochNs(final int tradingDate, final ZoneId zone) {
        final LocalDate date = LocalDate.of(tradingDate / 10_000, tradingDate / 100 % 100, tradingDate % 100);
        return date.atStartOfDay(zone).toEpochSecond() * 1_000_000_000L;
    }
}
