package exchange.sequencer;

import org.agrona.concurrent.EpochNanoClock;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock that tests set; every read moves it on by a microsecond so time stamps stay distinct. */
public final class TestClock implements EpochNanoClock {
    private final AtomicLong now;

    public TestClock(final String instant) {
        this.now = new AtomicLong(toNanos(instant));
    }

    public static long toNanos(final String instant) {
        final Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    public void set(final String instant) {
        now.set(toNanos(instant));
    }

    @Override
    public long nanoTime() {
        return now.addAndGet(1_000);
    }
}
