package exchange.marketdata.store;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageStoreTest {
    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final UnsafeBuffer readBuffer = new UnsafeBuffer(new byte[1024]);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private MessageStore open(final String kind) {
        final MessageStore store = "chronicle".equals(kind) ?
            new ChronicleMessageStore(folder.resolve("session"), 64) : new InMemoryMessageStore(64);
        toClose.add(store);
        return store;
    }

    private MessageStoreReader reader(final MessageStore store) {
        final MessageStoreReader reader = store.newReader();
        toClose.add(reader);
        return reader;
    }

    private static long append(final MessageStore store, final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return store.append(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private String read(final MessageStoreReader reader, final long sequence) {
        final int length = reader.read(sequence, readBuffer, 3);
        return length == MessageStoreReader.NOT_FOUND ? null : readBuffer.getStringWithoutLengthAscii(3, length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "in-memory"})
    void shouldNumberMessagesFromOne(final String kind) {
        final MessageStore store = open(kind);

        assertThat(store.lastSequence()).isEqualTo(MessageStore.NULL_SEQUENCE);
        assertThat(append(store, "first")).isEqualTo(1);
        assertThat(append(store, "second")).isEqualTo(2);
        assertThat(store.lastSequence()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "in-memory"})
    void shouldReadAnyMessageBySequenceInAnyOrder(final String kind) {
        final MessageStore store = open(kind);
        for (int i = 1; i <= 1000; i++) {
            append(store, "message-" + i);
        }
        final MessageStoreReader reader = reader(store);

        for (int i = 1; i <= 1000; i++) {
            assertThat(read(reader, i)).isEqualTo("message-" + i);
        }
        for (final long sequence : new long[] {500, 1, 1000, 999, 2, 737, 738, 3}) {
            assertThat(read(reader, sequence)).isEqualTo("message-" + sequence);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "in-memory"})
    void shouldFindNothingOutsideTheLog(final String kind) {
        final MessageStore store = open(kind);
        append(store, "only");
        final MessageStoreReader reader = reader(store);

        assertThat(reader.read(0, readBuffer, 0)).isEqualTo(MessageStoreReader.NOT_FOUND);
        assertThat(reader.read(-5, readBuffer, 0)).isEqualTo(MessageStoreReader.NOT_FOUND);
        assertThat(reader.read(2, readBuffer, 0)).isEqualTo(MessageStoreReader.NOT_FOUND);
        assertThat(reader.read(1_000_000, readBuffer, 0)).isEqualTo(MessageStoreReader.NOT_FOUND);
        assertThat(read(reader, 1)).isEqualTo("only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "in-memory"})
    void shouldSeeMessagesAppendedAfterTheReaderCaughtUp(final String kind) {
        final MessageStore store = open(kind);
        final MessageStoreReader reader = reader(store);
        append(store, "a");
        assertThat(read(reader, 1)).isEqualTo("a");
        assertThat(read(reader, 2)).isNull();

        append(store, "b");

        assertThat(read(reader, 2)).isEqualTo("b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "in-memory"})
    void shouldRefuseMessagesLongerThanItsLimit(final String kind) {
        final MessageStore store = open(kind);

        assertThatThrownBy(() -> store.append(new UnsafeBuffer(new byte[65]), 0, 65))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.lastSequence()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chronicle", "in-memory"})
    void shouldServeReadersOnOtherThreadsWhileAppending(final String kind) throws Exception {
        final MessageStore store = open(kind);
        final int count = 20_000;

        final CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> {
            try (MessageStoreReader reader = store.newReader()) {
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
                long next = 1;
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (next <= count && System.nanoTime() < deadline) {
                    final int length = reader.read(next, buffer, 0);
                    if (length != MessageStoreReader.NOT_FOUND) {
                        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo("m" + next);
                        next++;
                    } else {
                        Thread.onSpinWait();
                    }
                }
                return (int)(next - 1);
            }
        });
        for (int i = 1; i <= count; i++) {
            append(store, "m" + i);
        }

        assertThat(tail.get(40, TimeUnit.SECONDS)).isEqualTo(count);
    }

    @Test
    void chronicleStoreShouldReopenAfterARestartWithTheSameLastSequence() {
        final Path directory = folder.resolve("restart");
        try (ChronicleMessageStore store = new ChronicleMessageStore(directory, 64)) {
            for (int i = 1; i <= 300; i++) {
                append(store, "before-" + i);
            }
        }

        try (ChronicleMessageStore reopened = new ChronicleMessageStore(directory, 64);
             MessageStoreReader reader = reopened.newReader()) {
            assertThat(reopened.lastSequence()).isEqualTo(300);
            assertThat(read(reader, 1)).isEqualTo("before-1");
            assertThat(read(reader, 300)).isEqualTo("before-300");
            assertThat(append(reopened, "after")).isEqualTo(301);
            assertThat(read(reader, 301)).isEqualTo("after");
        }
    }

    @Test
    void chronicleStoreShouldShowABatchOnlyOnceCommitted() {
        final MessageStore store = open("chronicle");
        final MessageStoreReader reader = reader(store);
        final byte[] bytes = "batched".getBytes(StandardCharsets.US_ASCII);

        assertThat(store.appendToBatch(new UnsafeBuffer(bytes), 0, bytes.length)).isEqualTo(1);
        assertThat(store.appendToBatch(new UnsafeBuffer(bytes), 0, bytes.length)).isEqualTo(2);
        assertThat(store.lastSequence()).as("not committed").isZero();
        assertThat(read(reader, 1)).isNull();

        store.commit();

        assertThat(store.lastSequence()).isEqualTo(2);
        assertThat(read(reader, 1)).isEqualTo("batched");
        assertThat(read(reader, 2)).isEqualTo("batched");
    }

    @Test
    void chronicleStoreShouldFindAnyMessageAcrossBatchesOfEverySizeAndAfterReopening() {
        final Path directory = folder.resolve("batches");
        final java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        final int total = 10_000;
        try (ChronicleMessageStore store = new ChronicleMessageStore(directory, 64, 1_024)) {
            int appended = 0;
            while (appended < total) {
                final int batch = Math.min(total - appended, 1 + random.nextInt(300)); // some overflow 1 KB: committed early
                for (int i = 0; i < batch; i++) {
                    final byte[] bytes = ("m" + ++appended).getBytes(StandardCharsets.US_ASCII);
                    assertThat(store.appendToBatch(new UnsafeBuffer(bytes), 0, bytes.length)).isEqualTo(appended);
                }
                store.commit();
            }
            assertThat(store.lastSequence()).isEqualTo(total);
        }
        try (ChronicleMessageStore reopened = new ChronicleMessageStore(directory, 64, 1_024);
             MessageStoreReader reader = reopened.newReader()) {
            assertThat(reopened.lastSequence()).isEqualTo(total);
            for (int i = 1; i <= total; i++) {
                assertThat(read(reader, i)).isEqualTo("m" + i);
            }
            for (int i = 0; i < 2_000; i++) {
                final long sequence = 1 + random.nextInt(total);
                assertThat(read(reader, sequence)).isEqualTo("m" + sequence);
            }
            assertThat(read(reader, total + 1)).isNull();
        }
    }
}
