package exchange.sequencer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/** Polls a condition until it holds or a deadline passes; never asserts on timing itself. */
public final class Await {
    private Await() {
    }

    public static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> whatWasExpected) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("gave up after " + timeout + " waiting for " + whatWasExpected.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
