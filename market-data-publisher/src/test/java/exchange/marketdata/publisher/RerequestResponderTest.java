package exchange.marketdata.publisher;

import exchange.marketdata.moldudp64.DownstreamPacketDecoder;
import exchange.marketdata.moldudp64.MoldSession;
import exchange.marketdata.moldudp64.RequestPacketEncoder;
import exchange.marketdata.store.InMemoryMessageStore;
import exchange.marketdata.testing.CapturingSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RerequestResponderTest {
    private static final MoldSession SESSION = MoldSession.of("RESPTEST");
    private static final int MESSAGE_LENGTH = 36;
    /** Ten 36-byte messages per packet. */
    private static final int PACKET_LENGTH = 20 + 10 * (2 + MESSAGE_LENGTH);
    private static final String REQUESTER = "10.0.0.1:5000";

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final CapturingSink reply = new CapturingSink();
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[20]);
    private RerequestResponder responder;

    @BeforeEach
    void logOfHundredMessages() {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);
        for (long sequence = 1; sequence <= 100; sequence++) {
            message.putLong(0, sequence);
            store.append(message, 0, MESSAGE_LENGTH);
        }
        responder = responder(1_000_000);
    }

    private RerequestResponder responder(final long messagesPerSecond) {
        return new RerequestResponder(
            SESSION, store, store.newReader(), PACKET_LENGTH, 25, new RequesterRateLimiter(messagesPerSecond, messagesPerSecond * 16, 16));
    }

    private int ask(final MoldSession session, final long from, final int count, final long nowNs) {
        new RequestPacketEncoder().wrap(request, 0).session(session).sequenceNumber(from).requestedMessageCount(count);
        return responder.onRequest(request, 0, 20, REQUESTER, nowNs, reply);
    }

    /** "first+count" per reply packet, after checking every message is the right one. */
    private List<String> replies() {
        final List<String> described = new ArrayList<>();
        for (final byte[] packet : reply.packets()) {
            final DownstreamPacketDecoder decoder = new DownstreamPacketDecoder().wrap(new UnsafeBuffer(packet), 0, packet.length);
            assertThat(decoder.isWellFormed()).isTrue();
            assertThat(decoder.sessionMatches(SESSION)).isTrue();
            decoder.forEachMessage((sequence, buffer, offset, length) -> assertThat(buffer.getLong(offset)).isEqualTo(sequence));
            described.add(decoder.sequenceNumber() + "+" + decoder.messageCount());
        }
        return described;
    }

    @Test
    void shouldAnswerWithTheRequestedRangeInDownstreamPackets() {
        assertThat(ask(SESSION, 5, 12, 0)).isEqualTo(12);

        assertThat(replies()).containsExactly("5+10", "15+2");
    }

    @Test
    void shouldServeAtMostTheConfiguredMessagesPerRequest() {
        assertThat(ask(SESSION, 1, 60_000, 0)).isEqualTo(25);

        assertThat(replies()).containsExactly("1+10", "11+10", "21+5");
    }

    @Test
    void shouldStopAtTheEndOfTheLog() {
        assertThat(ask(SESSION, 95, 20, 0)).isEqualTo(6);

        assertThat(replies()).containsExactly("95+6");
    }

    @Test
    void shouldIgnoreRequestsOutsideTheLogOrForAnotherSession() {
        assertThat(ask(SESSION, 0, 5, 0)).isZero();
        assertThat(ask(SESSION, 101, 5, 0)).isZero();
        assertThat(ask(SESSION, -1, 5, 0)).isZero();
        assertThat(ask(MoldSession.of("OTHER"), 1, 5, 0)).isZero();
        assertThat(responder.onRequest(request, 0, 19, REQUESTER, 0, reply)).as("19 bytes").isZero();
        request.putShort(18, (short)0);
        assertThat(responder.onRequest(request, 0, 20, REQUESTER, 0, reply)).as("count 0").isZero();

        assertThat(reply.packets()).isEmpty();
        assertThat(responder.requestsRefused()).isEqualTo(6);
    }

    @Test
    void shouldLimitEachRequesterToItsRate() {
        responder = responder(30);

        assertThat(ask(SESSION, 1, 25, 0)).isEqualTo(25);
        assertThat(ask(SESSION, 26, 25, 0)).as("5 tokens left").isEqualTo(5);
        assertThat(ask(SESSION, 31, 25, 0)).as("bucket empty").isZero();
        assertThat(ask(SESSION, 31, 25, 500_000_000L)).as("half a second refills 15").isEqualTo(15);
        assertThat(responder.requestsRefused()).isEqualTo(1);
    }
}
