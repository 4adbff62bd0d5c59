package exchange.marketdata.moldudp64;

import exchange.marketdata.testing.CapturingSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoldUdp64PacketiserTest {
    private static final MoldSession SESSION = MoldSession.of("PKTTEST");
    private static final long HEARTBEAT_NS = 1_000_000_000L;
    private static final int MESSAGE_LENGTH = 36;
    /** Header plus exactly two 36-byte messages with their length fields. */
    private static final int TWO_MESSAGES = MoldUdp64.HEADER_LENGTH + 2 * (2 + MESSAGE_LENGTH);

    private final CapturingSink sink = new CapturingSink();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);

    private MoldUdp64Packetiser packetiser(final int maxPacketLength) {
        return new MoldUdp64Packetiser(SESSION, maxPacketLength, HEARTBEAT_NS, 1, 0, sink);
    }

    private long append(final MoldUdp64Packetiser packetiser, final int tag, final long nowNs) {
        message.setMemory(0, MESSAGE_LENGTH, (byte)tag);
        return packetiser.append(message, 0, MESSAGE_LENGTH, nowNs);
    }

    @Test
    void shouldNumberMessagesFromOneAndSendThemOnFlush() {
        final MoldUdp64Packetiser packetiser = packetiser(1400);

        assertThat(append(packetiser, 1, 0)).isEqualTo(1);
        assertThat(append(packetiser, 2, 0)).isEqualTo(2);
        assertThat(sink.packets()).isEmpty();
        assertThat(packetiser.flush(0)).isTrue();

        assertThat(sink.packets()).hasSize(1);
        assertThat(decode(sink.packet(0))).containsExactly("1:1", "2:2");
        assertThat(packetiser.flush(0)).as("nothing left to flush").isFalse();
    }

    @Test
    void shouldSendThePacketWhenTheNextMessageWouldNotFit() {
        final MoldUdp64Packetiser packetiser = packetiser(TWO_MESSAGES);

        append(packetiser, 1, 0);
        append(packetiser, 2, 0);
        assertThat(sink.packets()).as("two messages fit exactly").isEmpty();
        append(packetiser, 3, 0);

        assertThat(sink.packets()).hasSize(1);
        assertThat(sink.packet(0)).hasSize(TWO_MESSAGES);
        assertThat(decode(sink.packet(0))).containsExactly("1:1", "2:2");
        packetiser.flush(0);
        assertThat(decode(sink.packet(1))).containsExactly("3:3");
    }

    @Test
    void shouldSendHeartbeatsWithTheNextSequenceNumberOnlyWhenIdleForTheInterval() {
        final MoldUdp64Packetiser packetiser = packetiser(1400);
        append(packetiser, 1, 0);
        packetiser.flush(10);

        assertThat(packetiser.sendHeartbeatIfIdle(10 + HEARTBEAT_NS - 1)).isFalse();
        assertThat(packetiser.sendHeartbeatIfIdle(10 + HEARTBEAT_NS)).isTrue();
        assertThat(packetiser.sendHeartbeatIfIdle(10 + HEARTBEAT_NS + 1)).as("interval restarts").isFalse();

        final DownstreamPacketDecoder heartbeat = wrap(sink.last());
        assertThat(heartbeat.isHeartbeat()).isTrue();
        assertThat(heartbeat.sequenceNumber()).isEqualTo(2);
        assertThat(packetiser.heartbeatsSent()).isEqualTo(1);
    }

    @Test
    void shouldNotHeartbeatWhileMessagesAreWaiting() {
        final MoldUdp64Packetiser packetiser = packetiser(1400);
        append(packetiser, 1, 0);

        assertThat(packetiser.sendHeartbeatIfIdle(5 * HEARTBEAT_NS)).isFalse();
        assertThat(sink.packets()).isEmpty();
    }

    @Test
    void shouldFlushThenMarkEndOfSessionAndRepeatItWhenIdle() {
        final MoldUdp64Packetiser packetiser = packetiser(1400);
        append(packetiser, 1, 0);

        packetiser.endSession(0);

        assertThat(sink.packets()).hasSize(2);
        assertThat(decode(sink.packet(0))).containsExactly("1:1");
        assertThat(wrap(sink.packet(1)).isEndOfSession()).isTrue();
        assertThat(wrap(sink.packet(1)).sequenceNumber()).isEqualTo(2);
        assertThat(packetiser.sendHeartbeatIfIdle(HEARTBEAT_NS)).isTrue();
        assertThat(wrap(sink.last()).isEndOfSession()).isTrue();
        assertThatThrownBy(() -> append(packetiser, 2, HEARTBEAT_NS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldResumeFromAGivenSequenceNumber() {
        final MoldUdp64Packetiser packetiser = new MoldUdp64Packetiser(SESSION, 1400, HEARTBEAT_NS, 501, 0, sink);

        assertThat(append(packetiser, 1, 0)).isEqualTo(501);
        packetiser.flush(0);
        assertThat(decode(sink.packet(0))).containsExactly("501:1");
    }

    @Test
    void shouldRefuseAMessageThatCannotFitAnEmptyPacket() {
        final MoldUdp64Packetiser packetiser = packetiser(60);
        final UnsafeBuffer big = new UnsafeBuffer(new byte[39]);

        assertThat(packetiser.maxMessageLength()).isEqualTo(38);
        assertThatThrownBy(() -> packetiser.append(big, 0, 39, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotAllocatePerMessageOrPacket() {
        final MoldUdp64Packetiser packetiser = new MoldUdp64Packetiser(
            SESSION, 1400, HEARTBEAT_NS, 1, 0, (buffer, offset, length) -> { });
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        run(packetiser, 0);

        final long before = threads.getThreadAllocatedBytes(threadId);
        run(packetiser, 100_000 * HEARTBEAT_NS);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        // 100,000 messages: any allocation per message or per packet would show as megabytes. The JVM
        // itself may charge the thread a few hundred bytes (deoptimisation, class initialisation).
        assertThat(allocated).isLessThan(1024);
    }

    private void run(final MoldUdp64Packetiser packetiser, final long startNs) {
        long nowNs = startNs;
        for (int i = 0; i < 100_000; i++) {
            packetiser.append(message, 0, MESSAGE_LENGTH, nowNs);
            if (i % 100 == 0) {
                packetiser.flush(nowNs);
                nowNs += HEARTBEAT_NS;
                packetiser.sendHeartbeatIfIdle(nowNs);
            }
        }
    }

    private static DownstreamPacketDecoder wrap(final byte[] packet) {
        return new DownstreamPacketDecoder().wrap(new UnsafeBuffer(packet), 0, packet.length);
    }

    /** "sequence:first byte" per message, after checking framing and session. */
    private static List<String> decode(final byte[] packet) {
        final DownstreamPacketDecoder decoder = wrap(packet);
        assertThat(decoder.isWellFormed()).isTrue();
        assertThat(decoder.sessionMatches(SESSION)).isTrue();
        final List<String> messages = new ArrayList<>();
        decoder.forEachMessage((seq, buffer, offset, length) -> {
            assertThat(length).isEqualTo(MESSAGE_LENGTH);
            messages.add(seq + ":" + buffer.getByte(offset));
        });
        return messages;
    }
}
