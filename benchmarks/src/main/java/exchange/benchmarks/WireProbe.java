package exchange.benchmarks;

import exchange.marketdata.itch.ItchHeader;
import exchange.marketdata.itch.ItchWire;
import exchange.marketdata.moldudp64.MoldUdp64;
import exchange.marketdata.moldudp64.PacketSink;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Sees every MoldUDP64 packet right after the sender hands it to the socket, on the sender thread:
 * counts packets and messages, and records for every message its event-to-wire latency, from the
 * command time stamp its ITCH Timestamp carries to now, on the benchmark's own clock (the one that
 * stamped the commands).
 */
final class WireProbe implements PacketSink {
    private final BenchClock clock;
    private final long midnightEpochNs;
    private final Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private volatile long packets;
    private volatile long messages;
    private volatile long lastSendEpochNs;

    WireProbe(final BenchClock clock, final long midnightEpochNs) {
        this.clock = clock;
        this.midnightEpochNs = midnightEpochNs;
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length) {
        final int count = buffer.getShort(offset + MoldUdp64.MESSAGE_COUNT_OFFSET, MoldUdp64.BYTE_ORDER) & 0xFFFF;
        if (count == MoldUdp64.HEARTBEAT_COUNT || count == MoldUdp64.END_OF_SESSION_COUNT) {
            return;
        }
        final long now = clock.epochNs();
        int at = offset + MoldUdp64.HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            final int messageLength = buffer.getShort(at, MoldUdp64.BYTE_ORDER) & 0xFFFF;
            final long itchTimestamp = ItchWire.getUint48(buffer, at + MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH
                + ItchHeader.TIMESTAMP_OFFSET);
            latencies.recordValue(Math.max(0, Math.min(now - (midnightEpochNs + itchTimestamp), latencies.getHighestTrackableValue())));
            at += MoldUdp64.MESSAGE_LENGTH_FIELD_LENGTH + messageLength;
        }
        messages = messages + count; // single writer: the sender thread
        packets = packets + 1;
        lastSendEpochNs = now;
    }

    /** Read once the sender has stopped (or knowing it may still be writing). */
    Histogram latencies() {
        return latencies;
    }

    long packets() {
        return packets;
    }

    long messages() {
        return messages;
    }

    long lastSendEpochNs() {
        return lastSendEpochNs;
    }
}
