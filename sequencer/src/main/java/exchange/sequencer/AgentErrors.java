package exchange.sequencer;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The error handler of an agent thread's {@link org.agrona.concurrent.AgentRunner}, which calls it on the agent's
 * thread when {@code doWork()} throws and then calls {@code doWork()} again at once, without idling. A bug that
 * throws on every call would so spin a core and write an ERROR with a stack trace per call, thousands a second,
 * burying the first one (the one that says what went wrong) and filling the disk.
 *
 * <p>This handler logs the first error with its stack trace, then at most one line per {@link #REPORT_INTERVAL_NS}
 * with how many errors came since the last line: the stack trace again only when the error is not the one last
 * traced (another type, message or throwing line). After each error it parks the thread for
 * {@link #PAUSE_AFTER_ERROR_NS} so a failing loop idles: what it retries (a consumer re-reading the event it
 * could not handle, a send that failed) gets a fair chance of a changed world, and the core goes back to the
 * others. An {@link AgentTerminationException} (the agent has stopped itself) is logged once with its cause's
 * stack trace (an agent that logged it too shows it twice: better than none), without a pause: the runner ends
 * the thread.
 *
 * <p>Whether a thread goes on after a failure is its agent's to decide, not this handler's: the matching, trading-day
 * and market-data agents stop at their first (they throw {@link AgentTerminationException}), because going round
 * again would write twice what they had written before the failure; the others go on, and this handler makes them
 * idle and keeps their log readable.
 *
 * <p>Agent thread only (the runner calls it there); allocates only when it logs.
 */
public final class AgentErrors implements ErrorHandler {
    /** At most one log line per this long while the same thread keeps failing. */
    public static final long REPORT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    /**
     * How long the thread parks after an error before the runner calls {@code doWork()} again: ten retries a second
     * at most, and well inside {@link org.agrona.concurrent.AgentRunner#close()}'s wait for the thread to end.
     */
    public static final long PAUSE_AFTER_ERROR_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Logger log;
    private final String thread;
    private final NanoClock clock;
    private final long pauseNs;

    private volatile long errors; // one writer, the agent thread
    private long unreported;
    private long lastReportNs;
    private String lastTraced;

    /**
     * @param log     where the errors go (the owner's logger)
     * @param thread  what the log lines call the thread: "ExecutionReport sender", "drop copy"
     * @param clock   for the report interval
     * @param pauseNs how long to park after an error; 0 for none (a test that counts calls)
     */
    AgentErrors(final Logger log, final String thread, final NanoClock clock, final long pauseNs) {
        this.log = Objects.requireNonNull(log);
        this.thread = Objects.requireNonNull(thread);
        this.clock = clock;
        this.pauseNs = pauseNs;
    }

    /**
     * @param log    where the errors go (the owner's logger)
     * @param thread what the log lines call the thread: "ExecutionReport sender", "drop copy"
     * @return a handler for one runner (it keeps counts: one per thread)
     */
    public static AgentErrors of(final Logger log, final String thread) {
        return new AgentErrors(log, thread, SystemNanoClock.INSTANCE, PAUSE_AFTER_ERROR_NS);
    }

    @Override
    public void onError(final Throwable error) {
        errors++; // the agent thread is the only writer
        if (error instanceof AgentTerminationException) {
            final Throwable cause = error.getCause() != null ? error.getCause() : error;
            log.error("{} thread stopped: {}", thread, String.valueOf(cause), cause);
            return;
        }
        final long now = clock.nanoTime();
        if (errors == 1 || now - lastReportNs >= REPORT_INTERVAL_NS) {
            final String signature = signature(error);
            final long others = unreported;
            final long sinceReportNs = now - lastReportNs;
            unreported = 0;
            lastReportNs = now;
            if (signature.equals(lastTraced)) {
                log.error("{} error again, {} times in the last {} ms (retried every {} ms): {}", thread, others + 1,
                    TimeUnit.NANOSECONDS.toMillis(sinceReportNs), TimeUnit.NANOSECONDS.toMillis(pauseNs),
                    String.valueOf(error));
            } else {
                lastTraced = signature;
                if (others == 0) {
                    log.error("{} error (retried every {} ms; repeats are counted, at most one line a second)",
                        thread, TimeUnit.NANOSECONDS.toMillis(pauseNs), error);
                } else {
                    log.error("{} error ({} more since the last report; retried every {} ms)", thread, others,
                        TimeUnit.NANOSECONDS.toMillis(pauseNs), error);
                }
            }
        } else {
            unreported++;
        }
        if (pauseNs > 0) {
            LockSupport.parkNanos(pauseNs); // the runner would call doWork() again at once
        }
    }

    /** @return errors handled since the thread started, terminations included; any thread */
    public long errors() {
        return errors;
    }

    /** @return what tells one error from another in the log: type, message and the line that threw */
    private static String signature(final Throwable error) {
        final StackTraceElement[] trace = error.getStackTrace();
        return error.getClass().getName() + ": " + error.getMessage() + " at " + (trace.length > 0 ? trace[0] : "?");
    }
}
