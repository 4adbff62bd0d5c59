package exchange.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link ThreadNiceness}: on Linux (where the exchange runs and CI tests), a real thread's nice value. */
class ThreadNicenessTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldSetTheCallingThreadsNiceValueAndNoOtherThreads() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "nice values per thread are Linux's");
        final OptionalInt before = ThreadNiceness.currentThreadNice();
        assertThat(before).as("read from /proc/thread-self/stat").isPresent();
        final int target = Math.min(ThreadNiceness.LOWEST_PRIORITY, before.getAsInt() + 7);
        final AtomicReference<OptionalInt> set = new AtomicReference<>();
        final AtomicReference<OptionalInt> readAgain = new AtomicReference<>();
        final Thread thread = new Thread(() -> {
            set.set(ThreadNiceness.setForCurrentThread(target));
            readAgain.set(ThreadNiceness.currentThreadNice());
        }, "niced");
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(set.get()).isEqualTo(OptionalInt.of(target));
        assertThat(readAgain.get()).isEqualTo(OptionalInt.of(target));
        assertThat(ThreadNiceness.currentThreadNice()).as("the test's own thread is untouched").isEqualTo(before);
    }

    @Test
    void shouldRefuseAValueOutsideOneToNineteen() {
        assertThatThrownBy(() -> ThreadNiceness.setForCurrentThread(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadNiceness.setForCurrentThread(20)).isInstanceOf(IllegalArgumentException.class);
    }
}
