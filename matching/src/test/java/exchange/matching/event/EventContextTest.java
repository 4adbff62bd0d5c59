package exchange.matching.event;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An event written over the bytes of an earlier one keeps none of the earlier one's context. */
class EventContextTest {

    @Test
    void shouldHaveAnEmptyContextUnlessOneIsWrittenEvenOverAnEarlierEventsBytes() {
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[512]);
        final UnsafeBuffer context = new UnsafeBuffer("ClOrdID-1".getBytes(StandardCharsets.US_ASCII));
        final CancelledEvent cancelled = new CancelledEvent();
        cancelled.wrap(scratch, 0);
        cancelled.init(1, 7, 0).context(context, 0, context.capacity());
        assertThat(cancelled.contextLength()).isEqualTo(9);

        // the engine cancels on its own (a mass cancel, cancel on disconnect): no context
        cancelled.wrap(scratch, 0);
        cancelled.init(1, 8, 0);

        assertThat(cancelled.contextLength()).isZero();
        assertThat(cancelled.contextStart() + cancelled.contextLength())
            .as("the context ends within the record").isLessThanOrEqualTo(cancelled.offset() + cancelled.length());
    }
}
