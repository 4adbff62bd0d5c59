package exchange.matching;

import exchange.matching.event.EventSink;
import exchange.matching.testing.CommandStream;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path allocates nothing after warm-up: a long random stream of every command type, applied
 * after a warm-up stream, leaves the thread's allocated-bytes counter where it was.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final class CountingSink implements EventSink {
        long events;
        long bytes;

        @Override
        public void onEvent(final MutableDirectBuffer buffer, final int offset, final int length) {
            events++;
            bytes += length;
        }
    }

    private static UnsafeBuffer concatenate(final List<byte[]> commands, final int[] offsets) {
        final int total = commands.stream().mapToInt(c -> c.length).sum();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[total]);
        int at = 0;
        for (int i = 0; i < commands.size(); i++) {
            offsets[i] = at;
            buffer.putBytes(at, commands.get(i));
            at += commands.get(i).length;
        }
        return buffer;
    }

    @Test
    void shouldNotAllocateWhileMatchingAfterWarmUp() {
        final int n = 200_000;
        final List<byte[]> commands = CommandStream.generate(42L, 2 * n);
        final int[] offsets = new int[commands.size()];
        final UnsafeBuffer buffer = concatenate(commands, offsets);
        final CountingSink sink = new CountingSink();
        final MatchingEngine engine = new MatchingEngine(CommandStream.instruments(), CommandStream.config(), sink);
        final long threadId = Thread.currentThread().getId();

        for (int i = 0; i < n; i++) {
            engine.onCommand(buffer, offsets[i]);
        }
        THREADS.getThreadAllocatedBytes(threadId);
        final long before = THREADS.getThreadAllocatedBytes(threadId);
        for (int i = n; i < 2 * n; i++) {
            engine.onCommand(buffer, offsets[i]);
        }
        final long allocated = THREADS.getThreadAllocatedBytes(threadId) - before;

        assertThat(sink.events).as("the stream did work").isGreaterThan(n);
        assertThat(allocated).as("bytes allocated for %d commands", n).isLessThan(1024);
    }
}
