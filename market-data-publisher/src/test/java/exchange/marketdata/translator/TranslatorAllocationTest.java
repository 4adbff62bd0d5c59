package exchange.marketdata.translator;

import exchange.matching.EngineConfig;
import exchange.matching.MatchingEngine;
import exchange.matching.event.Event;
import exchange.matching.event.EventDecoder;
import exchange.matching.testing.CommandStream;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translator allocates nothing after warm-up: the events of a long random stream (every event
 * type, sessions ending and starting) go through it twice as fast as they can, and the second half
 * leaves the thread's allocated-bytes counter where it was.
 */
class TranslatorAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void shouldNotAllocateWhileTranslatingAfterWarmUp() {
        final int commands = 200_000;
        final ExpandableArrayBuffer recorded = new ExpandableArrayBuffer(1 << 24);
        final int[] ends = new int[2];
        final int[] length = {0};
        final MatchingEngine engine = new MatchingEngine(TranslatorAgreementProperties.INSTRUMENTS,
            EngineConfig.defaults().orderCapacity(1 << 16), (buffer, offset, eventLength) -> {
                recorded.putBytes(length[0], buffer, offset, eventLength);
                length[0] += eventLength;
            });
        final List<byte[]> stream = CommandStream.generate(77L, 2 * commands);
        for (int i = 0; i < stream.size(); i++) {
            engine.onCommand(new UnsafeBuffer(stream.get(i)), 0);
            if (i == commands - 1) {
                ends[0] = length[0];
            }
        }
        ends[1] = length[0];
        final UnsafeBuffer events = new UnsafeBuffer(recorded.byteArray(), 0, ends[1]);
        final long[] bytesOut = {0};
        final ItchTranslator translator = new ItchTranslator(TranslatorAgreementProperties.INSTRUMENTS, 1 << 16,
            (buffer, offset, messageLength) -> bytesOut[0] += messageLength);
        final EventDecoder decoder = new EventDecoder();
        final long threadId = Thread.currentThread().getId();

        translate(events, 0, ends[0], translator, decoder);
        THREADS.getThreadAllocatedBytes(threadId);
        final long before = THREADS.getThreadAllocatedBytes(threadId);
        final long messagesBefore = translator.messages();
        translate(events, ends[0], ends[1], translator, decoder);
        final long allocated = THREADS.getThreadAllocatedBytes(threadId) - before;

        assertThat(translator.messages() - messagesBefore).as("the stream did work").isGreaterThan(commands / 4);
        assertThat(allocated).as("bytes allocated translating %d commands' events", commands).isLessThan(1024);
    }

    private static void translate(final UnsafeBuffer events, final int from, final int to, final ItchTranslator translator,
        final EventDecoder decoder) {
        int at = from;
        while (at < to) {
            if (!translator.isSessionOpen()) {
                translator.startSession(TranslatorAgreementProperties.MIDNIGHT, events.getLong(at + Event.TIMESTAMP_OFFSET));
            }
            at += decoder.decode(events, at, translator);
        }
    }
}
