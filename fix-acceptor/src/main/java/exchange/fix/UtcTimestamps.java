package exchange.fix;

import quickfix.UtcTimestampPrecision;
import quickfix.field.converter.UtcTimestampConverter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * FIX UTCTimestamp text ({@code yyyyMMdd-HH:mm:ss.SSS} or {@code .SSSSSS}) from an epoch nanosecond time
 * stamp, exactly as QuickFIX/J's {@link UtcTimestampConverter} writes it (the fraction truncated), but
 * by arithmetic: one small array and the String, where the converter builds a {@code LocalDateTime} and
 * runs a {@code DateTimeFormatter}. Stateless; any thread.
 */
final class UtcTimestamps {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;
    private static final long DAYS_PER_400_YEARS = 146_097;
    private static final int MAX_FOUR_DIGIT_YEAR = 9999;

    private UtcTimestamps() {
    }

    /**
     * @param epochNs nanoseconds since 1970-01-01T00:00Z
     * @param micros  true for microseconds ({@code .SSSSSS}), false for milliseconds ({@code .SSS})
     * @return the FIX UTCTimestamp text
     */
    static String format(final long epochNs, final boolean micros) {
        final long seconds = Math.floorDiv(epochNs, NANOS_PER_SECOND);
        final int nanos = (int) Math.floorMod(epochNs, NANOS_PER_SECOND);
        final long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        final int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil date from a day count (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms")
        final long z = days + DAYS_0000_03_01_TO_EPOCH;
        final long era = Math.floorDiv(z, DAYS_PER_400_YEARS);
        final long dayOfEra = z - era * DAYS_PER_400_YEARS;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
        final int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        final int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > MAX_FOUR_DIGIT_YEAR) {
            return slow(epochNs, micros);
        }
        final byte[] text = new byte[micros ? 24 : 21];
        digits(text, 0, (int) year, 4);
        digits(text, 4, month, 2);
        digits(text, 6, day, 2);
        text[8] = '-';
        digits(text, 9, secondOfDay / 3600, 2);
        text[11] = ':';
        digits(text, 12, secondOfDay / 60 % 60, 2);
        text[14] = ':';
        digits(text, 15, secondOfDay % 60, 2);
        text[17] = '.';
        if (micros) {
            digits(text, 18, nanos / 1_000, 6);
        } else {
            digits(text, 18, nanos / 1_000_000, 3);
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static void digits(final byte[] text, final int at, final int value, final int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }

    /** QuickFIX/J's own conversion, for years outside 0000-9999. */
    static String slow(final long epochNs, final boolean micros) {
        final LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(0, epochNs), ZoneOffset.UTC);
        return UtcTimestampConverter.convert(t, micros ? UtcTimestampPrecision.MICROS : UtcTimestampPrecision.MILLIS);
    }
}
