package exchange.marketdata.subscriber;

import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.MoldUdp64Packetiser;
import exchange.marketdata.testing.CapturingSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscriber's sequencing logic, packet by packet, without a network. */
class SequencedReceiverTest {
    private static final MoldSession SESSION = MoldSession.of("RECVTEST");
    private static final long TIMEOUT_NS = 100;
    private static final int MAX_PER_REQUEST = 50;

    /** Packets of the session as the publisher would send them: packet i holds messages 3i+1..3i+3. */
    private final List<byte[]> packets = new ArrayList<>();
    private final List<Long> delivered = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private SequencedReceiver receiver;

    @BeforeEach
    void publishThirtyMessagesInTenPackets() {
        final CapturingSink sink = new CapturingSink();
        final MoldUdp64Packetiser packetiser = new MoldUdp64Packetiser(SESSION, 1400, 1_000, 1, 0, sink);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        for (long sequence = 1; sequence <= 30; sequence++) {
            message.putLong(0, sequence);
            packetiser.append(message, 0, 8, 0);
            if (sequence % 3 == 0) {
                packetiser.flush(0);
            }
        }
        packetiser.endSession(0);
        packets.addAll(sink.packets());
        receiver = receiver(SESSION);
    }

    private SequencedReceiver receiver(final MoldSession session) {
        return new SequencedReceiver(
            session,
            (sequence, buffer, offset, length) -> {
                assertThat(buffer.getLong(offset)).as("payload of %d", sequence).isEqualTo(sequence);
                delivered.add(sequence);
            },
            (requested, from, count) -> requests.add(from + "+" + count),
            MAX_PER_REQUEST,
            TIMEOUT_NS,
            32,
            64);
    }

    private void receive(final long nowNs, final int... packetIndexes) {
        for (final int index : packetIndexes) {
            final byte[] packet = packets.get(index);
            receiver.onPacket(new UnsafeBuffer(packet), 0, packet.length, nowNs);
        }
    }

    private static List<Long> range(final long from, final long to) {
        final List<Long> sequences = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            sequences.add(sequence);
        }
        return sequences;
    }

    @Test
    void shouldRefuseAReorderBufferTooLargeForOneArray() {
        // 2^22 slots of 1,024 bytes: 4 GiB, which an int size overflowed to an empty buffer.
        assertThatThrownBy(() -> new SequencedReceiver(SESSION, (sequence, buffer, offset, length) -> { },
            (requested, from, count) -> { }, MAX_PER_REQUEST, TIMEOUT_NS, 1 << 22, 1024))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("reorder buffer");
    }

    @Test
    void shouldDeliverPacketsReceivedInOrder() {
        receive(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        assertThat(delivered).isEqualTo(range(1, 30));
        assertThat(requests).isEmpty();
        assertThat(receiver.isComplete()).isTrue();
        assertThat(receiver.deliveredUpTo()).isEqualTo(30);
    }

    @Test
    void shouldDeliverEachMessageOnceWhenPacketsRepeat() {
        receive(0, 0, 1, 0, 1, 2, 1);

        assertThat(delivered).isEqualTo(range(1, 9));
        assertThat(receiver.duplicateMessages()).isEqualTo(9);
    }

    @Test
    void shouldAskForAMissingPacketAndHoldWhatFollowsUntilItArrives() {
        receive(0, 0, 2, 3);

        assertThat(delivered).isEqualTo(range(1, 3));
        assertThat(requests).containsExactly("4+3");

        receive(1, 1);

        assertThat(delivered).isEqualTo(range(1, 12));
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldStartFromSequenceOneWhenJoiningLate() {
        receive(0, 5, 6);

        assertThat(delivered).isEmpty();
        assertThat(requests).containsExactly("1+15");

        receive(1, 0, 1, 2, 3, 4);
        assertThat(delivered).isEqualTo(range(1, 21));
    }

    @Test
    void shouldAskAgainFromWhereDeliveryStandsWhenARequestTimesOut() {
        receive(0, 0, 3);
        assertThat(requests).containsExactly("4+6");

        receiver.onTimer(TIMEOUT_NS - 1);
        assertThat(requests).as("not yet timed out").hasSize(1);

        receive(TIMEOUT_NS - 1, 1);
        receiver.onTimer(2 * TIMEOUT_NS - 2);
        assertThat(requests).as("progress restarts the timeout").hasSize(1);

        receiver.onTimer(2 * TIMEOUT_NS - 1);
        assertThat(requests).containsExactly("4+6", "7+3");
    }

    @Test
    void shouldLearnOfALostLastPacketFromTheEndOfSession() {
        receive(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10);

        assertThat(delivered).isEqualTo(range(1, 27));
        assertThat(requests).containsExactly("28+3");
        assertThat(receiver.isEndOfSessionSeen()).isTrue();
        assertThat(receiver.isComplete()).isFalse();

        receive(1, 9);
        assertThat(receiver.isComplete()).isTrue();
    }

    @Test
    void shouldAskAgainForMessagesTooFarAheadToHold() {
        receiver = new SequencedReceiver(SESSION, (s, b, o, l) -> delivered.add(s),
            (session, from, count) -> requests.add(from + "+" + count), MAX_PER_REQUEST, TIMEOUT_NS, 16, 64);

        receive(0, 5);
        assertThat(receiver.unbufferedMessages()).as("17 and 18 are 16 or more ahead of 1").isEqualTo(2);
        assertThat(requests).containsExactly("1+15");

        receive(1, 0, 1, 2, 3, 4);
        assertThat(delivered).isEqualTo(range(1, 16));
        assertThat(requests).containsExactly("1+15", "17+2");
    }

    @Test
    void shouldCapRequestsAtTheMaximumPerRequest() {
        receiver = new SequencedReceiver(SESSION, (s, b, o, l) -> delivered.add(s),
            (session, from, count) -> requests.add(from + "+" + count), 4, TIMEOUT_NS, 16, 64);

        receive(0, 9);

        assertThat(requests).containsExactly("1+4");
    }

    @Test
    void shouldIgnoreOtherSessionsAndMalformedPackets() {
        final byte[] malformed = {1, 2, 3};
        receiver.onPacket(new UnsafeBuffer(malformed), 0, malformed.length, 0);
        receive(0, 0);
        final CapturingSink otherSink = new CapturingSink();
        final MoldUdp64Packetiser other = new MoldUdp64Packetiser(MoldSession.of("OTHER"), 1400, 1_000, 4, 0, otherSink);
        other.append(new UnsafeBuffer(new byte[8]), 0, 8, 0);
        other.flush(0);
        receiver.onPacket(new UnsafeBuffer(otherSink.packet(0)), 0, otherSink.packet(0).length, 0);

        assertThat(delivered).isEqualTo(range(1, 3));
        assertThat(receiver.malformedPackets()).isEqualTo(1);
        assertThat(receiver.otherSessionPackets()).isEqualTo(1);
    }

    @Test
    void shouldFollowTheFirstSessionSeenWhenNoneIsConfigured() {
        receiver = receiver(null);

        receive(0, 0, 1);

        assertThat(receiver.session()).isEqualTo(SESSION);
        assertThat(delivered).isEqualTo(range(1, 6));
    }
}
