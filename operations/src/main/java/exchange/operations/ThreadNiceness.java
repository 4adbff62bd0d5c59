package exchange.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The calling thread's OS scheduling priority, its nice value (Linux: each thread has its own). A thread
 * that no order waits for runs at a higher nice value than the trading path, so that when every core is
 * busy the scheduler gives the orders' threads the time first and this one what is left: it falls behind
 * in a burst and catches up after, instead of taking its share from the order flow.
 *
 * <p>Java has no call for it ({@code Thread.setPriority} is ignored on Linux unless the JVM runs as root
 * with {@code -XX:ThreadPriorityPolicy=1}), so the thread names itself to {@code renice} (util-linux,
 * on every Debian system) by its thread id, read from {@code /proc/thread-self}. Any user may raise the
 * nice value of its own threads; lowering it again needs privileges, so a thread cannot take it back.
 */
public final class ThreadNiceness {
    /** The highest nice value, the lowest priority. */
    public static final int LOWEST_PRIORITY = 19;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    /** Field 19 of {@code /proc/<tid>/stat}, the 17th after the command name in parentheses. */
    private static final int NICE_FIELD_AFTER_NAME = 16;

    private ThreadNiceness() {
    }

    /**
     * Sets the calling thread's nice value.
     *
     * @param nice 1 to {@value #LOWEST_PRIORITY}
     * @return the calling thread's nice value afterwards; empty when it could not be set (not Linux, no
     *         {@code renice}, refused)
     */
    public static OptionalInt setForCurrentThread(final int nice) {
        if (nice < 1 || nice > LOWEST_PRIORITY) {
            throw new IllegalArgumentException("nice must be from 1 to " + LOWEST_PRIORITY + ": " + nice);
        }
        try {
            if (!Files.isSymbolicLink(THREAD_SELF)) {
                return OptionalInt.empty();
            }
            // "<pid>/task/<tid>"
            final String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            final Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", threadId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return OptionalInt.empty();
            }
            return renice.exitValue() == 0 ? currentThreadNice() : OptionalInt.empty();
        } catch (final IOException e) {
            return OptionalInt.empty();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** @return the calling thread's nice value; empty when the system does not say (not Linux) */
    public static OptionalInt currentThreadNice() {
        return niceOf(THREAD_SELF);
    }

    /**
     * @param task a thread's folder under {@code /proc}: {@code /proc/<pid>/task/<tid>}, {@code /proc/thread-self}
     * @return that thread's nice value; empty when the system does not say (not Linux, a thread that ended)
     */
    public static OptionalInt niceOf(final Path task) {
        try {
            final String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            // the command name may hold spaces and parentheses: the fields follow its last ')'
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(fields[NICE_FIELD_AFTER_NAME]));
        } catch (final IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
