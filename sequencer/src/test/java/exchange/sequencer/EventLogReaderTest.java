package exchange.sequencer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link EventLogReader}: what a consumer that fails on an event is given next. */
class EventLogReaderTest {
    private static final int EVENT_BYTES = 16;

    @TempDir
    Path dir;

    /**
     * The report sender and the drop copy go on after an error: the events after the one that failed, in the
     * same document, must still reach them, and those before it not twice.
     */
    @Test
    void shouldDeliverAgainTheEventAConsumerFailedOnAndEveryOneAfterItInTheSameDocument() {
        try (EventLog log = EventLog.open(dir.resolve("events"));
             EventLogWriter writer = new EventLogWriter(log, 1 << 16)) {
            final UnsafeBuffer event = new UnsafeBuffer(new byte[EVENT_BYTES]);
            event.putShort(0, (short) EVENT_BYTES);
            for (long sequence = 1; sequence <= 5; sequence++) {
                writer.beginCommand(sequence);
                for (int i = 0; i < 2; i++) {
                    event.putLong(8, sequence * 10 + i);
                    writer.onEvent(event, 0, EVENT_BYTES);
                }
                writer.endCommand();
            }
            writer.flush(); // one document: five commands of two events
            final List<Long> seen = new ArrayList<>();
            final boolean[] failed = {false};
            final EventLogConsumer consumer = (doc, seq, index, buffer, offset, length) -> {
                final long id = buffer.getLong(offset + 8);
                if (id == 31 && !failed[0]) {
                    failed[0] = true;
                    throw new IllegalStateException("a bug, once");
                }
                seen.add(id);
            };
            try (EventLogReader reader = log.newReader()) {
                assertThatThrownBy(() -> reader.poll(consumer, 10)).hasMessage("a bug, once");
                assertThat(seen).containsExactly(10L, 11L, 20L, 21L, 30L);
                assertThat(reader.poll(consumer, 10)).isEqualTo(5);
                assertThat(seen).containsExactly(10L, 11L, 20L, 21L, 30L, 31L, 40L, 41L, 50L, 51L);
                assertThat(reader.poll(consumer, 10)).isZero();
            }
        }
    }
}
