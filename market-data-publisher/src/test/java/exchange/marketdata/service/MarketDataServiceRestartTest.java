package exchange.marketdata.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import exchange.marketdata.MarketDataConfig;
import exchange.marketdata.store.ChronicleMessageStore;
import exchange.marketdata.store.MessageStore;
import exchange.marketdata.store.MessageStoreReader;
import exchange.sequencer.Await;
import exchange.marketdata.testing.ItchText;
import exchange.marketdata.testing.Network;
import exchange.marketdata.testing.SequencerFixture;
import exchange.matching.TradingPhase;
import exchange.matching.testing.CommandStream;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once across restarts: an event log of three sessions (two trading days ended, a third still
 * open) is published once without interruption, the reference; then again with the service crashing
 * after its k-th message (anywhere: inside a session's prologue, between two messages of one event, at
 * a session's end) and started again. Every session's market-data log must equal the reference's,
 * message for message and byte for byte, and so must the resume point.
 */
@Timeout(300)
class MarketDataServiceRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static SequencerFixture exchange;
    private static Map<String, List<byte[]>> reference;
    private static String referenceResume;

    @BeforeAll
    static void publishOnceWithoutInterruption() throws Exception {
        exchange = SequencerFixture.start(dir.resolve("exchange"));
        final List<byte[]> commands = SequencerFixture.withoutEndsOfDay(CommandStream.generate(31L, 3_600));
        for (int day = 0; day < 3; day++) {
            if (day > 0) {
                exchange.endOfDay();
            }
            exchange.phase(TradingPhase.CONTINUOUS); // the day opens
            exchange.append(commands.subList(day * 1_200, Math.min(commands.size(), (day + 1) * 1_200)));
        }

        final Path storeDir = dir.resolve("reference");
        try (MarketDataService service = start(storeDir, ChronicleMessageStore::new)) {
            awaitCaughtUp(service);
        }
        reference = sessions(storeDir);
        referenceResume = Files.readString(storeDir.resolve(MarketDataAgent.RESUME_FILE));
    }

    @AfterAll
    static void stopTheExchange() {
        exchange.close();
    }

    @Test
    void shouldNameOneSessionPerTradingDayEnded() {
        assertThat(reference.keySet()).containsExactly("261127S01A", "261127S01B", "261127S01C");
        for (final List<byte[]> messages : reference.values()) {
            assertThat(ItchText.of(messages.subList(0, 2))).containsExactly("S O", "S S");
            assertThat(messages.size()).as("a session worth restarting in").isGreaterThan(300);
        }
        assertThat(ItchText.of(last(reference.get("261127S01A"), 2))).containsExactly("S E", "S C");
        assertThat(ItchText.of(last(reference.get("261127S01B"), 2))).containsExactly("S E", "S C");
        assertThat(referenceResume).contains("lastSession=261127S01B");
    }

    /**
     * Where to crash: inside the first prologue; between two messages of one event (an Order Delete
     * and the execution that follows it when a replaced order crosses) in each of the first two
     * sessions; just before and just after a session's last message; in the second prologue; in the
     * open session; just before the end.
     */
    static Stream<Long> crashPoints() {
        final List<String> first = ItchText.of(reference.get("261127S01A"));
        final List<String> second = ItchText.of(reference.get("261127S01B"));
        final long firstSize = first.size();
        final long total = totalMessages(reference);
        return Stream.of(1L, 3L, midEvent(first, 0), firstSize - 1, firstSize, firstSize + 4,
            midEvent(second, firstSize), (total + firstSize + second.size()) / 2, total - 1);
    }

    /** Messages before the first Order Delete that an execution follows, plus an offset. */
    private static long midEvent(final List<String> lines, final long offset) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("D ") && lines.get(i + 1).startsWith("E ")) {
                return offset + i + 1;
            }
        }
        throw new AssertionError("no replace that crosses in " + lines);
    }

    @ParameterizedTest(name = "crash after message {0}")
    @MethodSource("crashPoints")
    void shouldRegenerateEachSessionAndAppendOnlyWhatIsMissingAfterACrash(final long crashAfter) throws Exception {
        final Path storeDir = dir.resolve("crash-" + crashAfter);
        quietly(() -> {
            try (MarketDataService crashing = start(storeDir, new CrashingStores(crashAfter))) {
                Await.until(() -> crashing.failure() != null, PATIENCE, () -> "the simulated crash");
            }
        });
        assertThat(totalMessages(sessions(storeDir))).as("what the crash left").isEqualTo(crashAfter);

        try (MarketDataService restarted = start(storeDir, ChronicleMessageStore::new)) {
            awaitCaughtUp(restarted);
            assertThat(restarted.failure()).isNull();
        }

        assertSameAsReference(storeDir);
    }

    @Test
    void shouldRegenerateCompleteSessionsWhenTheResumePointWasNotSaved() throws Exception {
        final Path storeDir = dir.resolve("lost-resume-point");
        copy(dir.resolve("reference"), storeDir);
        Files.delete(storeDir.resolve(MarketDataAgent.RESUME_FILE)); // as if the crash came just before its save

        try (MarketDataService restarted = start(storeDir, ChronicleMessageStore::new)) {
            awaitCaughtUp(restarted);
            assertThat(restarted.failure()).isNull();
        }

        assertSameAsReference(storeDir);
    }

    @Test
    void shouldRefuseALogThatTheEventLogDoesNotRegenerate() throws Exception {
        final Path storeDir = dir.resolve("foreign-log");
        try (MessageStore foreign = new ChronicleMessageStore(storeDir.resolve("261127S01A"))) {
            final byte[] message = reference.get("261127S01A").get(0).clone();
            message[11] = 'X';
            foreign.append(new UnsafeBuffer(message), 0, message.length);
        }
        quietly(() -> {
            try (MarketDataService service = start(storeDir, ChronicleMessageStore::new)) {
                Await.until(() -> service.failure() != null, PATIENCE, () -> "a refusal");
                assertThat(service.failure()).hasMessageContaining("message 1 regenerated from the event log differs");
            }
        });
    }

    private void assertSameAsReference(final Path storeDir) throws IOException {
        final Map<String, List<byte[]>> published = sessions(storeDir);
        assertThat(published.keySet()).containsExactlyElementsOf(reference.keySet());
        for (final Map.Entry<String, List<byte[]>> session : reference.entrySet()) {
            final List<byte[]> messages = published.get(session.getKey());
            assertThat(messages).as("messages of %s", session.getKey()).hasSameSizeAs(session.getValue());
            for (int i = 0; i < messages.size(); i++) {
                assertThat(messages.get(i)).as("%s message %d", session.getKey(), i + 1).isEqualTo(session.getValue().get(i));
            }
        }
        assertThat(Files.readString(storeDir.resolve(MarketDataAgent.RESUME_FILE))).isEqualTo(referenceResume);
    }

    private static MarketDataService start(final Path storeDir, final MarketDataAgent.StoreFactory stores) throws Exception {
        final MarketDataConfig config = Network.loopbackFeed("UNUSED").with(MarketDataConfig.STORE_DIR, storeDir.toString());
        return MarketDataService.start(config, exchange.eventLog(), SequencerFixture.INSTRUMENTS,
            SequencerFixture.ORDER_CAPACITY, ZoneOffset.UTC, null, stores);
    }

    private static void awaitCaughtUp(final MarketDataService service) {
        final exchange.sequencer.EventLog.End end = exchange.eventLog().lastEntry();
        Await.until(() -> service.isCaughtUpWith(end) || service.failure() != null, PATIENCE,
            () -> "the service to translate up to command " + end.commandSequence() + ", it is at " + service.lastCommandSequence());
        assertThat(service.failure()).isNull();
    }

    /** Every session's messages, sessions in name order (also for {@link MarketDataSessionDayTest}). */
    static Map<String, List<byte[]>> sessions(final Path storeDir) throws IOException {
        final Map<String, List<byte[]>> sessions = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(storeDir)) {
            for (final Path session : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (MessageStore store = new ChronicleMessageStore(session); MessageStoreReader reader = store.newReader()) {
                    final List<byte[]> messages = new ArrayList<>();
                    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[store.maxMessageLength()]);
                    for (long sequence = 1; sequence <= store.lastSequence(); sequence++) {
                        final byte[] message = new byte[reader.read(sequence, buffer, 0)];
                        buffer.getBytes(0, message);
                        messages.add(message);
                    }
                    sessions.put(session.getFileName().toString(), messages);
                }
            }
        }
        return sessions;
    }

    private static long totalMessages(final Map<String, List<byte[]>> sessions) {
        return sessions.values().stream().mapToLong(List::size).sum();
    }

    private static List<byte[]> last(final List<byte[]> messages, final int count) {
        return messages.subList(messages.size() - count, messages.size());
    }

    private static void copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (final Path p : files.toList()) {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Runs something whose failure the translator logs as an error, on purpose: that error is not shown. */
    private static void quietly(final ThrowingRunnable action) throws Exception {
        final Logger agent = (Logger)LoggerFactory.getLogger(MarketDataAgent.class);
        final Logger service = (Logger)LoggerFactory.getLogger(MarketDataService.class);
        agent.setLevel(Level.OFF);
        service.setLevel(Level.OFF);
        try {
            action.run();
        } finally {
            agent.setLevel(null);
            service.setLevel(null);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Market-data logs that die, as the process would, once a number of messages have been appended. */
    private static final class CrashingStores implements MarketDataAgent.StoreFactory {
        private final long crashAfter;
        private final AtomicLong appended = new AtomicLong();

        CrashingStores(final long crashAfter) {
            this.crashAfter = crashAfter;
        }

        @Override
        public MessageStore open(final Path directory) {
            final MessageStore store = new ChronicleMessageStore(directory);
            return new MessageStore() {
                @Override
                public long append(final DirectBuffer buffer, final int offset, final int length) {
                    if (appended.get() == crashAfter) {
                        throw new IllegalStateException("simulated crash after " + crashAfter + " messages");
                    }
                    appended.incrementAndGet();
                    return store.append(buffer, offset, length);
                }

                @Override
                public long lastSequence() {
                    return store.lastSequence();
                }

                @Override
                public int maxMessageLength() {
                    return store.maxMessageLength();
                }

                @Override
                public MessageStoreReader newReader() {
                    return store.newReader();
                }

                @Override
                public void close() {
                    store.close();
                }
            };
        }
    }
}
