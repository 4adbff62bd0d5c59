package exchange.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class BatchingAsyncAppenderTest {
    @TempDir
    Path dir;

    private LoggerContext context;
    private Logger logger;

    @BeforeEach
    void setUp() {
        context = new LoggerContext();
        context.setName("batching-test");
        context.setMDCAdapter(new LogbackMDCAdapter()); // what a configured context gets at start
        logger = context.getLogger("fix");
        logger.setAdditive(false);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private FileAppender<ILoggingEvent> fileAppender(final Path file) {
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        final FileAppender<ILoggingEvent> file1 = new FileAppender<>();
        file1.setContext(context);
        file1.setName("file");
        file1.setFile(file.toString());
        file1.setEncoder(encoder);
        file1.setImmediateFlush(false);
        file1.setBufferSize(new FileSize(1 << 20)); // far more than any line: only a flush writes it out
        file1.start();
        return file1;
    }

    private BatchingAsyncAppender batching(final Appender<ILoggingEvent> target, final int queueSize) {
        final BatchingAsyncAppender appender = new BatchingAsyncAppender();
        appender.setContext(context);
        appender.setName("async");
        appender.setQueueSize(queueSize);
        appender.addAppender(target);
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    @Test
    void shouldWriteEveryLineOfSeveralThreadsEachInItsOrder() throws Exception {
        final Path file = dir.resolve("fix-messages.log");
        final BatchingAsyncAppender appender = batching(fileAppender(file), 1 << 20);
        final int threads = 4;
        final int lines = 20_000;
        final List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int thread = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    logger.info("t{} {}", thread, i);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (final Thread w : writers) {
            w.join();
        }
        appender.stop();

        final List<String> written = Files.readAllLines(file);
        assertThat(written).hasSize(threads * lines);
        final int[] next = new int[threads];
        for (final String line : written) {
            final String[] parts = line.split(" ");
            final int thread = Integer.parseInt(parts[0].substring(1));
            assertThat(Integer.parseInt(parts[1])).as("line of thread %d", thread).isEqualTo(next[thread]);
            next[thread]++;
        }
        assertThat(appender.droppedEvents()).isZero();
    }

    @Test
    void shouldFlushEachBatchToTheFileWhileRunning() throws Exception {
        final Path file = dir.resolve("fix-messages.log");
        final BatchingAsyncAppender appender = batching(fileAppender(file), 1024);
        logger.info("8=FIX.4.4|35=D|11=first|");

        // the file appender buffers up to 1 MB and never flushes by itself: only the batch's flush
        // can bring the line to the file while everything keeps running
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (size(file) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(appender.isStarted()).isTrue();
        assertThat(Files.readAllLines(file)).containsExactly("8=FIX.4.4|35=D|11=first|");
    }

    private static long size(final Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    @Test
    void shouldDropAndCountRatherThanBlockWhenTheQueueIsFull() throws Exception {
        final Blocking target = new Blocking();
        target.setContext(context);
        target.start();
        final BatchingAsyncAppender appender = batching(target, 4);
        logger.info("m0");
        assertThat(target.entered.await(30, TimeUnit.SECONDS)).isTrue(); // the writer holds m0 and waits

        for (int i = 1; i <= 10; i++) {
            logger.info("m{}", i); // returns at once: 4 fit in the queue, 6 do not
        }
        assertThat(appender.droppedEvents()).isEqualTo(6);

        target.release.countDown();
        appender.stop();
        assertThat(target.received).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(context.getStatusManager().getCopyOfStatusList()).extracting(Status::getMessage)
            .anyMatch(m -> m.contains("6 events dropped by async"));
    }

    /** Takes the first event and waits until released. */
    private static final class Blocking extends AppenderBase<ILoggingEvent> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        protected void append(final ILoggingEvent event) {
            received.add(event.getFormattedMessage());
            entered.countDown();
            try {
                release.await();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
