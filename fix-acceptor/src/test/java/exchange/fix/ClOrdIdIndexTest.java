package exchange.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void shouldFindEveryClOrdIdAtEachStepOfAMigrationWhetherMovedYetOrNot() {
        final ClOrdIdIndex index = new ClOrdIdIndex(1024);
        for (int i = 0; i < 512; i++) {
            index.put("OLD-" + i, i);
        }
        assertThat(index.capacity()).as("half full, not grown yet").isEqualTo(1024);
        index.put("NEW-0", -1);
        assertThat(index.capacity()).as("grown").isEqualTo(2048);
        assertThat(index.slotsToMigrate()).as("the growing write moved the first slots only")
            .isEqualTo(1024 - ClOrdIdIndex.MIGRATED_SLOTS_PER_WRITE);
        int writes = 1;
        while (index.slotsToMigrate() > 0) {
            for (int i = 0; i < 512; i++) {
                assertThat(index.get("OLD-" + i)).as("OLD-%d after %d writes", i, writes).isEqualTo(i);
            }
            assertThat(index.get("OLD-512")).as("never put").isEqualTo(ClOrdIdIndex.ABSENT);
            index.put("NEW-" + writes, -1 - writes);
            writes++;
        }
        assertThat(writes).as("one write per slots moved").isEqualTo(1024 / ClOrdIdIndex.MIGRATED_SLOTS_PER_WRITE);
        assertThat(index.capacity()).as("the migration ended long before the next growth").isEqualTo(2048);
        for (int i = 0; i < 512; i++) {
            assertThat(index.get("OLD-" + i)).isEqualTo(i);
        }
        for (int j = 0; j < writes; j++) {
            assertThat(index.get("NEW-" + j)).isEqualTo(-1 - j);
        }
        assertThat(index.size()).isEqualTo(512 + writes);
    }

    @Test
    void shouldUpdateGiveBackAndReuseClOrdIdsInTheMiddleOfAMigration() {
        final ClOrdIdIndex index = new ClOrdIdIndex(4096);
        final int old = 2048;
        for (int i = 0; i <= old; i++) {
            index.put("OLD-" + i, i);
        }
        assertThat(index.slotsToMigrate()).as("migrating").isPositive();
        for (int i = 0; i < old; i += 4) {
            if (i % 16 == 0) { // a quarter of them: a write moves slots, and four thousand are to be moved
                index.put("OLD-" + i, 10_000 + i); // updated
            }
            index.removeIf("OLD-" + (i + 1), i + 1); // given back
            index.removeIf("OLD-" + (i + 2), -7); // not given back: another value expected
            assertThat(index.putIfAbsent("OLD-" + (i + 3), -7)).as("held already").isFalse();
        }
        assertThat(index.slotsToMigrate()).as("still migrating").isPositive();
        assertThat(index.size()).isEqualTo(old + 1 - old / 4);
        for (int i = 0; i < old; i += 4) {
            assertThat(index.get("OLD-" + i)).isEqualTo(i % 16 == 0 ? 10_000 + i : i);
            assertThat(index.get("OLD-" + (i + 1))).isEqualTo(ClOrdIdIndex.ABSENT);
            assertThat(index.get("OLD-" + (i + 2))).isEqualTo(i + 2);
            assertThat(index.get("OLD-" + (i + 3))).isEqualTo(i + 3);
        }
        for (int i = 1; i < old; i += 4) {
            assertThat(index.putIfAbsent("OLD-" + i, 20_000 + i)).as("given back: used again").isTrue();
        }
        for (int i = 0; i < 20_000; i++) { // several growths more
            index.put("MORE-" + i, i);
        }
        assertThat(index.capacity()).isGreaterThanOrEqualTo(2 * (20_000 + old + 1));
        for (int i = 0; i < old; i += 4) {
            assertThat(index.get("OLD-" + i)).isEqualTo(i % 16 == 0 ? 10_000 + i : i);
            assertThat(index.get("OLD-" + (i + 1))).isEqualTo(20_000 + i + 1);
            assertThat(index.get("OLD-" + (i + 2))).isEqualTo(i + 2);
            assertThat(index.get("OLD-" + (i + 3))).isEqualTo(i + 3);
        }
        assertThat(index.get("OLD-" + old)).isEqualTo(old);
        for (int i = 0; i < 20_000; i++) {
            assertThat(index.get("MORE-" + i)).isEqualTo(i);
        }
        assertThat(index.size()).isEqualTo(old + 1 + 20_000);
    }

    @Test
    void shouldForgetAMigrationUnderWayOnClearAndKeepTheLargerTable() {
        final ClOrdIdIndex index = new ClOrdIdIndex(1024);
        for (int i = 0; i < 513; i++) {
            index.put("DAY1-" + i, i);
        }
        assertThat(index.slotsToMigrate()).as("migrating").isPositive();
        index.clear();
        assertThat(index.slotsToMigrate()).isZero();
        assertThat(index.capacity()).as("the new table is kept").isEqualTo(2048);
        assertThat(index.size()).isZero();
        for (int i = 0; i < 513; i++) {
            assertThat(index.get("DAY1-" + i)).isEqualTo(ClOrdIdIndex.ABSENT);
        }
        for (int i = 0; i < 1025; i++) {
            assertThat(index.putIfAbsent("DAY2-" + i, i)).isTrue();
        }
        assertThat(index.capacity()).as("grown again when half full").isEqualTo(4096);
        for (int i = 0; i < 1025; i++) {
            assertThat(index.get("DAY2-" + i)).isEqualTo(i);
        }
        assertThat(index.get("DAY1-0")).isEqualTo(ClOrdIdIndex.ABSENT);
    }

    @Test
    void shouldKeepClOrdIdsThatFillSeveralTextChunksOnThisDayAndTheNext() {
        final ClOrdIdIndex index = new ClOrdIdIndex(4, 16, 64); // chunks of 65,536 characters
        final String longest = "Z".repeat(ClOrdIdIndex.MAX_LENGTH); // with its length, a chunk exactly
        for (int day = 0; day < 2; day++) {
            for (int i = 0; i < 40; i++) {
                index.put(longId(day, i), i);
                index.put("S" + day + "-" + i, -i);
            }
            index.put(longest, 77);
            for (int i = 0; i < 40; i++) {
                assertThat(index.get(longId(day, i))).as("day %d id %d", day, i).isEqualTo(i);
                assertThat(index.get("S" + day + "-" + i)).isEqualTo(-i);
            }
            assertThat(index.get(longest)).isEqualTo(77);
            assertThat(index.get(longId(day, 40))).isEqualTo(ClOrdIdIndex.ABSENT);
            assertThat(index.get(longId(day, 3).substring(1))).as("the same characters but the first")
                .isEqualTo(ClOrdIdIndex.ABSENT);
            assertThat(index.size()).isEqualTo(81);
            index.clear();
            assertThat(index.get(longId(day, 0))).isEqualTo(ClOrdIdIndex.ABSENT);
        }
    }

    /** 30,000 characters: two to a chunk of 65,536, so 40 fill 20 chunks. */
    private static String longId(final int day, final int i) {
        return "L" + day + "-" + i + "-" + "x".repeat(30_000);
    }

    @Test
    void shouldRefuseANewClOrdIdWhenTheTextsChunksAreFullSayingSoAndKeepTheOthers() {
        final ClOrdIdIndex index = new ClOrdIdIndex(4, 16, 2);
        for (int i = 0; i < 4; i++) {
            index.put(longId(0, i), i);
        }
        assertThatThrownBy(() -> index.put(longId(0, 4), 4)).isInstanceOf(IllegalStateException.class)
            .hasMessage("a session's ClOrdIDs of the day fill 131072 characters");
        assertThat(index.size()).isEqualTo(4);
        assertThat(index.get(longId(0, 4))).isEqualTo(ClOrdIdIndex.ABSENT);
        for (int i = 0; i < 4; i++) {
            assertThat(index.get(longId(0, i))).isEqualTo(i);
        }
        index.put("short", 5);
        assertThat(index.get("short")).as("room left in the last chunk").isEqualTo(5);
    }

    /**
     * Random operations over several growths, with migrations under way and the text in small chunks:
     * ClOrdIDs from a few thousand, some long, against a HashMap.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6, 20261129})
    void shouldAgreeWithAHashMapOverRandomOperationsAcrossGrowthsAndTextChunks(final long seed) {
        agreesWithAHashMap(seed, new ClOrdIdIndex(2, 16, 1_000), 60_000, 20_000, random -> {
            final int n = random.nextInt(6_000);
            return n % 50 == 0 ? "K" + n + "-" + "y".repeat(n) : "K" + n;
        });
    }

    /** Tables of several segments, the next one made a segment at a time, and kept over a day's end. */
    @Test
    void shouldKeepEveryClOrdIdInTablesOfSeveralSegmentsOnThisDayAndTheNext() {
        final ClOrdIdIndex index = new ClOrdIdIndex(2);
        final int[] perDay = {300_000, 600_000};
        for (int day = 0; day < perDay.length; day++) {
            for (int i = 0; i < perDay[day]; i++) {
                assertThat(index.putIfAbsent(day + "-" + i, i)).isTrue();
            }
            assertThat(index.capacity()).as("several segments")
                .isGreaterThanOrEqualTo(2 << ClOrdIdIndex.SEGMENT_SLOT_BITS);
            for (int i = 0; i < perDay[day]; i++) {
                assertThat(index.get(day + "-" + i)).isEqualTo(i);
            }
            assertThat(index.get(day + "-" + perDay[day])).isEqualTo(ClOrdIdIndex.ABSENT);
            assertThat(index.size()).isEqualTo(perDay[day]);
            index.clear();
            assertThat(index.get(day + "-0")).isEqualTo(ClOrdIdIndex.ABSENT);
        }
        assertThat(index.capacity()).as("grown on the second day").isEqualTo(1 << 21);
    }

    /** Random operations on ClOrdIDs from a small alphabet (many collisions, many repeats) against a HashMap. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261128})
    void shouldAgreeWithAHashMapOverRandomOperations(final long seed) {
        agreesWithAHashMap(seed, new ClOrdIdIndex(2), 50_000, 500, ClOrdIdIndexTest::randomId);
    }

    /**
     * Random putIfAbsent, put, removeIf, get and (one in {@code clearOneIn} of the steps that may) clear on the
     * index and on a HashMap, which must agree after every step and at the end.
     */
    private static void agreesWithAHashMap(final long seed, final ClOrdIdIndex index, final int steps,
                                           final int clearOneIn, final Function<Random, String> ids) {
        final Random random = new Random(seed);
        final Map<String, Long> model = new HashMap<>();
        for (int step = 0; step < steps; step++) {
            final String id = ids.apply(random);
            final long value = random.nextInt(5) - 2;
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> assertThat(index.putIfAbsent(id, value))
                    .as("seed %d step %d putIfAbsent %s", seed, step, id)
                    .isEqualTo(model.putIfAbsent(id, value) == null);
                case 3, 4 -> {
                    index.put(id, value);
                    model.put(id, value);
                }
                case 5 -> {
                    index.removeIf(id, value);
                    model.remove(id, value);
                }
                case 6 -> {
                    if (random.nextInt(clearOneIn) == 0) {
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

    /**
     * A reader on another thread never sees a wrong value of ClOrdIDs whose values do not change while the
     * writer grows the table several times (reads overlapping migrations), adds text chunks, and changes and
     * gives back other ClOrdIDs, in the new table and the old.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLetAnotherThreadReadStableClOrdIdsWhileTheTableMigratesAndTheTextGrows() throws Exception {
        final ClOrdIdIndex index = new ClOrdIdIndex(2, 16, 1_000);
        final int stable = 2_000;
        for (int i = 0; i < stable; i++) {
            index.put(stableId(i), i * 7L);
        }
        final AtomicReference<String> wrong = new AtomicReference<>();
        final AtomicBoolean done = new AtomicBoolean();
        final Thread reader = new Thread(() -> {
            final Random random = new Random(11);
            while (!done.get() && wrong.get() == null) {
                final int i = random.nextInt(stable);
                final long got = index.get(stableId(i));
                if (got != i * 7L) {
                    wrong.set("S" + i + " read as " + got);
                }
            }
        }, "reader");
        reader.start();
        final int capacity = index.capacity();
        final Random random = new Random(12);
        for (int i = 0; i < 300_000 && wrong.get() == null; i++) {
            index.put("W" + i + "-" + "w".repeat(i % 64), i);
            final String earlier = "W" + random.nextInt(i + 1);
            index.put(earlier, -i); // usually a new short ClOrdID, sometimes one changed again
            index.removeIf(earlier, -i);
            assertThat(index.putIfAbsent(stableId(random.nextInt(stable)), 0)).as("held: not changed").isFalse();
        }
        done.set(true);
        reader.join(TimeUnit.SECONDS.toMillis(50));
        assertThat(reader.isAlive()).isFalse();
        assertThat(wrong.get()).isNull();
        assertThat(index.capacity()).as("grown several times").isGreaterThanOrEqualTo(capacity * 64);
        for (int i = 0; i < stable; i++) {
            assertThat(index.get(stableId(i))).isEqualTo(i * 7L);
        }
    }

    /** Up to 100 characters: a few thousand fill several chunks of the text. */
    private static String stableId(final int i) {
        return "S" + i + "-" + "s".repeat(i % 100);
    }
}
