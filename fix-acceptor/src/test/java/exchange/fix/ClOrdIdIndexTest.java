package exchange.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ClOrdIdIndex}: a session's ClOrdIDs in primitive arrays, read without a lock. */
class ClOrdIdIndexTest {
    private static final long PENDING = OrderRegistry.PENDING;

    @Test
    void shouldTakeAClOrdIdOnceAndGiveItBackOnlyWhileItHasTheExpectedValue() {
        final ClOrdIdIndex index = new ClOrdIdIndex(4);
        assertThat(index.get("A")).isEqualTo(ClOrdIdIndex.ABSENT);
        assertThat(index.putIfAbsent("A", PENDING)).isTrue();
        assertThat(index.putIfAbsent("A", PENDING)).as("used already").isFalse();
        assertThat(index.get("A")).isEqualTo(PENDING);
        index.put("A", 0);
        assertThat(index.get("A")).as("0 is a value like any other").isZero();
        assertThat(index.putIfAbsent("A", PENDING)).isFalse();
        index.removeIf("A", PENDING);
        assertThat(index.get("A")).as("not given back: its value is no longer the one expected").isZero();
        index.put("A", PENDING);
        index.removeIf("A", PENDING);
        assertThat(index.get("A")).isEqualTo(ClOrdIdIndex.ABSENT);
        assertThat(index.size()).isZero();
        assertThat(index.putIfAbsent("A", 7)).as("given back: a new ClOrdID again").isTrue();
        assertThat(index.get("A")).isEqualTo(7);
        assertThat(index.size()).isOne();
    }

    @Test
    void shouldTellApartClOrdIdsWithTheSameHashAndPrefixes() {
        final ClOrdIdIndex index = new ClOrdIdIndex(4);
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        index.put("Aa", 1);
        index.put("BB", 2);
        index.put("AaAa", 3);
        index.put("", 4);
        assertThat(index.get("Aa")).isEqualTo(1);
        assertThat(index.get("BB")).isEqualTo(2);
        assertThat(index.get("AaAa")).isEqualTo(3);
        assertThat(index.get("AaBB")).as("same hash as AaAa, never put").isEqualTo(ClOrdIdIndex.ABSENT);
        assertThat(index.get("")).isEqualTo(4);
        assertThat(index.get("A")).isEqualTo(ClOrdIdIndex.ABSENT);
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void shouldKeepEveryClOrdIdAsTheTableDoublesAndForgetThemAllOnClear() {
        final ClOrdIdIndex index = new ClOrdIdIndex(4);
        final int n = 100_000;
        for (int i = 0; i < n; i++) {
            assertThat(index.putIfAbsent("ORD-" + i, i)).isTrue();
        }
        assertThat(index.size()).isEqualTo(n);
        assertThat(index.capacity()).as("at most half full").isGreaterThanOrEqualTo(2 * n);
        for (int i = 0; i < n; i++) {
            assertThat(index.get("ORD-" + i)).isEqualTo(i);
        }
        final int capacity = index.capacity();
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get("ORD-1")).isEqualTo(ClOrdIdIndex.ABSENT);
        assertThat(index.capacity()).as("the arrays are kept for the next day").isEqualTo(capacity);
        assertThat(index.putIfAbsent("ORD-1", 9)).isTrue();
        assertThat(index.get("ORD-1")).isEqualTo(9);
    }

    /** Random operations on ClOrdIDs from a small alphabet (many collisions, many repeats) against a HashMap. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261128})
    void shouldAgreeWithAHashMapOverRandomOperations(final long seed) {
        final Random random = new Random(seed);
        final ClOrdIdIndex index = new ClOrdIdIndex(2);
        final Map<String, Long> model = new HashMap<>();
        for (int step = 0; step < 50_000; step++) {
            final String id = randomId(random);
            final long value = random.nextInt(5) - 2;
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> assertThat(index.putIfAbsent(id, value)).as("seed %d step %d putIfAbsent %s", seed, step, id)
                    .isEqualTo(model.putIfAbsent(id, value) == null);
                case 4, 5 -> {
                    index.put(id, value);
                    model.put(id, value);
                }
                case 6 -> {
                    index.removeIf(id, value);
                    model.remove(id, value);
                }
                case 7 -> {
                    if (random.nextInt(500) == 0) {
                        index.clear();
                        model.clear();
                    }
                }
                default -> assertThat(index.get(id)).as("seed %d step %d get %s", seed, step, id)
                    .isEqualTo(model.getOrDefault(id, ClOrdIdIndex.ABSENT));
            }
            assertThat(index.size()).as("seed %d step %d", seed, step).isEqualTo(model.size());
        }
        model.forEach((id, value) -> assertThat(index.get(id)).isEqualTo(value));
    }

    private static String randomId(final Random random) {
        final int length = random.nextInt(4);
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = "AaBb\u00e9"/* a Latin-1 letter too */.charAt(random.nextInt(5));
        }
        return new String(chars);
    }

    /**
     * A reader on another thread (the sender) never misses a ClOrdID put before it looked, nor sees another's
     * value, while the session's thread keeps putting new ones and the table doubles under it.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLetAnotherThreadReadWhileTheTableDoubles() throws Exception {
        final ClOrdIdIndex index = new ClOrdIdIndex(2);
        final int n = 400_000;
        final long[] published = new long[1];
        final AtomicReference<String> wrong = new AtomicReference<>();
        final Thread reader = new Thread(() -> {
            final Random random = new Random(7);
            while (true) {
                final long upTo;
                synchronized (published) {
                    upTo = published[0];
                }
                if (upTo == n || wrong.get() != null) {
                    return;
                }
                if (upTo > 0) {
                    final int i = random.nextInt((int) upTo);
                    final long got = index.get("C" + i);
                    if (got != i * 3L) {
                        wrong.set("C" + i + " read as " + got + " with " + upTo + " put");
                    }
                }
            }
        }, "reader");
        reader.start();
        for (int i = 0; i < n; i++) {
            index.put("C" + i, i * 3L);
            if ((i & 63) == 63 || i == n - 1) {
                synchronized (published) {
                    published[0] = i + 1;
                }
            }
        }
        reader.join(TimeUnit.SECONDS.toMillis(50));
        assertThat(reader.isAlive()).isFalse();
        assertThat(wrong.get()).isNull();
    }
}
