package exchange.sequencer;

import exchange.matching.event.EventSink;
import exchange.matching.testing.RecordedEvents;
import org.agrona.MutableDirectBuffer;

/**
 * Hands an engine's events straight to a {@link GtcRecorder} as the event log would, each with its index
 * in its command, so that a test can run days through a real recorder without a matching thread.
 */
final class RecorderFeed implements EventSink {
    private final GtcRecorder recorder;
    private long commandSequence = -1;
    private int eventIndex;

    RecorderFeed(final GtcRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onEvent(final MutableDirectBuffer buffer, final int offset, final int length) {
        final long sequence = RecordedEvents.decode(copy(buffer, offset, length)).commandSequence();
        eventIndex = sequence == commandSequence ? eventIndex + 1 : 0;
        commandSequence = sequence;
        recorder.onEvent(0, sequence, eventIndex, buffer, offset, length);
    }

    private static byte[] copy(final MutableDirectBuffer buffer, final int offset, final int length) {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}
