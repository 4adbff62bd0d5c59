package exchange.sequencer;

import exchange.matching.TradingPhase;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The trading day's timetable, in one time zone: when the day starts (GTC orders come back), when the
 * call phases and continuous trading begin, when trading closes and when the day ends (Day orders
 * expire, GTC orders are saved). Times are local times of the zone; a day not in {@code days} has no
 * trading. Each property has a default and is validated once.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th></tr>
 *   <tr><td>{@value #ZONE}</td><td>UTC</td></tr>
 *   <tr><td>{@value #DAYS}</td><td>MON,TUE,WED,THU,FRI,SAT,SUN</td></tr>
 *   <tr><td>{@value #START_OF_DAY}</td><td>00:00</td></tr>
 *   <tr><td>{@value #PRE_OPEN}</td><td>(none)</td></tr>
 *   <tr><td>{@value #OPEN}</td><td>00:00</td></tr>
 *   <tr><td>{@value #PRE_CLOSE}</td><td>(none)</td></tr>
 *   <tr><td>{@value #CLOSE}</td><td>23:55</td></tr>
 *   <tr><td>{@value #END_OF_DAY}</td><td>23:56</td></tr>
 *   <tr><td>{@value #CLOCK_INTERVAL_MS}</td><td>1000</td></tr>
 * </table>
 * The defaults trade around the clock, every day, so that a newcomer's exchange is open whenever it is
 * started; a real venue sets its own hours.
 */
public final class TradingSchedule {
    public static final String ZONE = "exchange.schedule.zone";
    public static final String DAYS = "exchange.schedule.days";
    public static final String START_OF_DAY = "exchange.schedule.start-of-day";
    public static final String PRE_OPEN = "exchange.schedule.pre-open";
    public static final String OPEN = "exchange.schedule.open";
    public static final String PRE_CLOSE = "exchange.schedule.pre-close";
    public static final String CLOSE = "exchange.schedule.close";
    public static final String END_OF_DAY = "exchange.schedule.end-of-day";
    public static final String CLOCK_INTERVAL_MS = "exchange.schedule.clock-interval-ms";

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime startOfDay;
    private final LocalTime preOpen;
    private final LocalTime open;
    private final LocalTime preClose;
    private final LocalTime close;
    private final LocalTime endOfDay;
    private final long clockIntervalMs;

    private TradingSchedule(final ZoneId zone, final Set<DayOfWeek> days, final LocalTime startOfDay,
                            final LocalTime preOpen, final LocalTime open, final LocalTime preClose,
                            final LocalTime close, final LocalTime endOfDay, final long clockIntervalMs) {
        this.zone = zone;
        this.days = days;
        this.startOfDay = startOfDay;
        this.preOpen = preOpen;
        this.open = open;
        this.preClose = preClose;
        this.close = close;
        this.endOfDay = endOfDay;
        this.clockIntervalMs = clockIntervalMs;
    }

    /**
     * @param p the operator's settings; absent ones take their default
     * @return the schedule
     * @throws IllegalArgumentException naming the property and the problem
     */
    public static TradingSchedule fromProperties(final Properties p) {
        final ZoneId zone;
        try {
            zone = ZoneId.of(p.getProperty(ZONE, "UTC").trim());
        } catch (final RuntimeException e) {
            throw new IllegalArgumentException(ZONE + " is not a time zone: '" + p.getProperty(ZONE) + "'");
        }
        final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (final String day : p.getProperty(DAYS, "MON,TUE,WED,THU,FRI,SAT,SUN").split(",")) {
            final String d = day.trim().toUpperCase(Locale.ROOT);
            final DayOfWeek found = java.util.Arrays.stream(DayOfWeek.values())
                .filter(w -> w.name().startsWith(d) && d.length() >= 3).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(DAYS + " has an unknown day: '" + day + "'"));
            days.add(found);
        }
        final TradingSchedule s = new TradingSchedule(zone, days,
            time(p, START_OF_DAY, "00:00"), optionalTime(p, PRE_OPEN), time(p, OPEN, "00:00"),
            optionalTime(p, PRE_CLOSE), time(p, CLOSE, "23:55"), time(p, END_OF_DAY, "23:56"),
            clockInterval(p.getProperty(CLOCK_INTERVAL_MS, "1000").trim()));
        s.validate();
        return s;
    }

    private static long clockInterval(final String value) {
        try {
            return Long.parseLong(value);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(CLOCK_INTERVAL_MS + " must be a whole number of milliseconds: '" + value + "'");
        }
    }

    private static LocalTime time(final Properties p, final String name, final String defaultValue) {
        final String value = p.getProperty(name, defaultValue).trim();
        try {
            return LocalTime.parse(value);
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a time like 09:30: '" + value + "'");
        }
    }

    private static LocalTime optionalTime(final Properties p, final String name) {
        final String value = p.getProperty(name, "").trim();
        return value.isEmpty() ? null : time(p, name, value);
    }

    private void validate() {
        if (open.isBefore(startOfDay)) {
            throw new IllegalArgumentException(OPEN + " (" + open + ") is before " + START_OF_DAY + " (" + startOfDay + ")");
        }
        if (preOpen != null && (preOpen.isBefore(startOfDay) || preOpen.isAfter(open))) {
            throw new IllegalArgumentException(PRE_OPEN + " must be between start of day and open: " + preOpen);
        }
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException(CLOSE + " (" + close + ") must be after " + OPEN + " (" + open + ")");
        }
        if (preClose != null && (!preClose.isAfter(open) || preClose.isAfter(close))) {
            throw new IllegalArgumentException(PRE_CLOSE + " must be between open and close: " + preClose);
        }
        if (endOfDay.isBefore(close)) {
            throw new IllegalArgumentException(END_OF_DAY + " (" + endOfDay + ") is before " + CLOSE + " (" + close + ")");
        }
        if (clockIntervalMs < 10) {
            throw new IllegalArgumentException(CLOCK_INTERVAL_MS + " must be at least 10: " + clockIntervalMs);
        }
    }

    /** @return the trading date (in the schedule's zone) at an instant, as yyyymmdd */
    public int tradingDate(final long epochNs) {
        final LocalDate d = localDate(epochNs);
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private LocalDate localDate(final long epochNs) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, epochNs), zone).toLocalDate();
    }

    private LocalTime localTime(final long epochNs) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, epochNs), zone).toLocalTime();
    }

    /**
     * @param tradingDate a trading date, yyyymmdd
     * @return when the first trading day after it starts (its start of day in the zone), seconds since the epoch
     */
    public long nextStartOfDaySeconds(final int tradingDate) {
        LocalDate d = LocalDate.of(tradingDate / 10_000, tradingDate / 100 % 100, tradingDate % 100).plusDays(1);
        while (!days.contains(d.getDayOfWeek())) {
            d = d.plusDays(1);
        }
        return d.atTime(startOfDay).atZone(zone).toEpochSecond();
    }

    /** @return true when the day of this instant has trading */
    public boolean isTradingDay(final long epochNs) {
        return days.contains(localDate(epochNs).getDayOfWeek());
    }

    /** @return true when, on a trading day, the day has started and not yet ended */
    public boolean withinDay(final long epochNs) {
        final LocalTime t = localTime(epochNs);
        return isTradingDay(epochNs) && !t.isBefore(startOfDay) && t.isBefore(endOfDay);
    }

    /** @return true when, on a trading day, it is end of day or later */
    public boolean pastEndOfDay(final long epochNs) {
        return !localTime(epochNs).isBefore(endOfDay);
    }

    /** @return the phase the schedule asks for at this instant of a trading day */
    public TradingPhase phaseAt(final long epochNs) {
        final LocalTime t = localTime(epochNs);
        if (t.isBefore(open)) {
            return preOpen != null && !t.isBefore(preOpen) ? TradingPhase.PRE_OPEN : TradingPhase.CLOSED;
        }
        if (t.isBefore(close)) {
            return preClose != null && !t.isBefore(preClose) ? TradingPhase.PRE_CLOSE : TradingPhase.CONTINUOUS;
        }
        return TradingPhase.CLOSED;
    }

    /** @return the schedule's time zone: trading dates, and the market-data feed's timestamps */
    public ZoneId zone() {
        return zone;
    }

    public long clockIntervalMs() {
        return clockIntervalMs;
    }

    /** @return every setting, resolved, for the start-up log */
    public Map<String, String> describe() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(ZONE, zone.getId());
        m.put(DAYS, days.toString());
        m.put(START_OF_DAY, startOfDay.toString());
        m.put(PRE_OPEN, preOpen == null ? "(none)" : preOpen.toString());
        m.put(OPEN, open.toString());
        m.put(PRE_CLOSE, preClose == null ? "(none)" : preClose.toString());
        m.put(CLOSE, close.toString());
        m.put(END_OF_DAY, endOfDay.toString());
        m.put(CLOCK_INTERVAL_MS, Long.toString(clockIntervalMs));
        return m;
    }
}
