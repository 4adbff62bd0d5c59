package exchange.sequencer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent thread whose work keeps failing: it idles between tries and its log stays readable. */
@Timeout(30)
class AgentErrorsTest {
    private static final Logger LOG = LoggerFactory.getLogger(AgentErrorsTest.class);
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong nowNs = new AtomicLong(1_000);

    /** Fails the same way at every call, as a bug does. */
    private static final class FailingAgent implements Agent {
        final AtomicLong calls = new AtomicLong();

        @Override
        public int doWork() {
            calls.incrementAndGet();
            throw new IllegalStateException("the same bug every time");
        }

        @Override
        public String roleName() {
            return "failing";
        }
    }

    /** @return the same failure, thrown from the same line, as a bug that fails at every call gives */
    private static IllegalStateException sameBug() {
        return new IllegalStateException("the same bug every time");
    }

    @Test
    void shouldLogTheFirstErrorWithItsStackTraceThenAtMostOneCountALine() {
        final AgentErrors errors = new AgentErrors(LOG, "test", nowNs::get, 0);
        try (LogCapture log = LogCapture.of(AgentErrorsTest.class)) {
            for (int i = 0; i < 1_000; i++) {
                errors.onError(sameBug());
                nowNs.addAndGet(SECOND_NS / 1_000 - 1); // a thousand within the first second
            }
            nowNs.addAndGet(SECOND_NS);
            errors.onError(sameBug());

            final List<ILoggingEvent> lines = log.at(Level.ERROR);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).getThrowableProxy()).as("the first one's stack trace").isNotNull();
            assertThat(lines.get(0).getFormattedMessage()).startsWith("test error");
            assertThat(lines.get(1).getThrowableProxy()).as("a repeat's").isNull();
            assertThat(lines.get(1).getFormattedMessage())
                .startsWith("test error again, 1000 times in the last 1999 ms")
                .endsWith("java.lang.IllegalStateException: the same bug every time");
            assertThat(errors.errors()).isEqualTo(1_001);
        }
    }

    @Test
    void shouldGiveAnotherErrorItsStackTraceAtItsTurn() {
        final AgentErrors errors = new AgentErrors(LOG, "test", nowNs::get, 0);
        try (LogCapture log = LogCapture.of(AgentErrorsTest.class)) {
            errors.onError(new IllegalStateException("one bug"));
            errors.onError(new IllegalArgumentException("another bug")); // within the second: counted
            nowNs.addAndGet(SECOND_NS);
            errors.onError(new IllegalArgumentException("another bug"));

            final List<ILoggingEvent> lines = log.at(Level.ERROR);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1).getThrowableProxy()).isNotNull();
            assertThat(lines.get(1).getThrowableProxy().getMessage()).isEqualTo("another bug");
            assertThat(lines.get(1).getFormattedMessage()).startsWith("test error (1 more since the last report");
        }
    }

    @Test
    void shouldLogAnAgentThatStoppedItselfOnceWithTheStackTraceOfWhatStoppedIt() {
        final AgentErrors errors = new AgentErrors(LOG, "test", nowNs::get, 0);
        try (LogCapture log = LogCapture.of(AgentErrorsTest.class)) {
            errors.onError(new AgentTerminationException(new IllegalStateException("said why already")));

            assertThat(log.at(Level.ERROR)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage())
                    .isEqualTo("test thread stopped: java.lang.IllegalStateException: said why already");
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("said why already");
            });
        }
    }

    /**
     * A real runner with a busy-spin idle strategy, whose agent throws at every call. Agrona's runner calls
     * doWork() again at once after an error: millions of calls and as many ERROR lines in half a second. Here
     * the thread parks after each error. The call count is an upper bound a spinning loop would pass by orders
     * of magnitude, not a figure of speed.
     */
    @Test
    void shouldIdleAfterEachErrorAndLogAFewLinesWhileTheAgentKeepsFailing() throws Exception {
        final FailingAgent agent = new FailingAgent();
        try (LogCapture log = LogCapture.of(AgentErrorsTest.class)) {
            final long start = System.nanoTime();
            try (AgentRunner runner = new AgentRunner(new BusySpinIdleStrategy(), AgentErrors.of(LOG, "failing"), null,
                agent)) {
                AgentRunner.startOnThread(runner);
                // the thread's first call, however late a busy host starts it: the window starts there
                Await.until(() -> agent.calls.get() > 0, Duration.ofSeconds(10), () -> "the agent's first call");
                Thread.sleep(500); // the window the calls are counted over
            }
            final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            assertThat(agent.calls.get()).as("doWork() calls in about half a second").isBetween(1L, 100L);
            assertThat(log.at(Level.ERROR)).as("ERROR lines").hasSizeBetween(1, (int) (2 + seconds));
        }
    }
}
