package exchange.marketdata.moldudp64;

import exchange.marketdata.testing.Hex;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Packet layouts against fixtures written from the MoldUDP64 Protocol Specification V1.00. */
@DisplayName("MoldUDP64 1.00 framing")
class MoldUdp64FramingTest {
    private static final MoldSession SESSION = MoldSession.of("TESTSESS01");
    private static final String SESSION_HEX = "54455354534553533031";

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void downstreamPacketIsHeaderThenLengthPrefixedMessageBlocks() {
        final DownstreamPacketEncoder encoder = new DownstreamPacketEncoder().wrap(buffer, 0)
            .session(SESSION).sequenceNumber(1000)
            .appendMessage(ascii("abc"), 0, 3)
            .appendMessage(ascii("x"), 0, 1);

        assertThat(Hex.of(buffer, 0, encoder.encodedLength())).isEqualTo(Hex.of(Hex.bytes(
            SESSION_HEX,          // Session
            "00000000000003e8",   // Sequence Number 1000
            "0002",               // Message Count 2
            "0003 616263",        // Message Length 3, "abc"
            "0001 78")));         // Message Length 1, "x"
    }

    @Test
    void shouldDecodeEachMessageWithItsSequenceNumber() {
        final UnsafeBuffer packet = new UnsafeBuffer(Hex.bytes(
            SESSION_HEX, "00000000000003e8", "0002", "0003 616263", "0001 78"));
        final List<String> messages = new ArrayList<>();

        final DownstreamPacketDecoder decoder = new DownstreamPacketDecoder().wrap(packet, 0, packet.capacity());

        assertThat(decoder.isWellFormed()).isTrue();
        assertThat(decoder.sessionMatches(SESSION)).isTrue();
        assertThat(decoder.session()).isEqualTo(SESSION);
        assertThat(decoder.sequenceNumber()).isEqualTo(1000);
        assertThat(decoder.messageCount()).isEqualTo(2);
        assertThat(decoder.nextSequenceNumber()).isEqualTo(1002);
        decoder.forEachMessage((seq, buf, offset, length) -> messages.add(seq + ":" + text(buf, offset, length)));
        assertThat(messages).containsExactly("1000:abc", "1001:x");
    }

    @Test
    void heartbeatIsAHeaderWithCountZeroAndTheNextSequenceNumber() {
        final DownstreamPacketEncoder encoder = new DownstreamPacketEncoder().wrap(buffer, 0)
            .session(SESSION).sequenceNumber(42).heartbeat();

        assertThat(Hex.of(buffer, 0, encoder.encodedLength()))
            .isEqualTo(Hex.of(Hex.bytes(SESSION_HEX, "000000000000002a", "0000")));
        final DownstreamPacketDecoder decoder = new DownstreamPacketDecoder().wrap(buffer, 0, 20);
        assertThat(decoder.isWellFormed()).isTrue();
        assertThat(decoder.isHeartbeat()).isTrue();
        assertThat(decoder.messagesCarried()).isZero();
        assertThat(decoder.nextSequenceNumber()).isEqualTo(42);
    }

    @Test
    void endOfSessionIsAHeaderWithCountFfff() {
        final DownstreamPacketEncoder encoder = new DownstreamPacketEncoder().wrap(buffer, 0)
            .session(SESSION).sequenceNumber(42).endOfSession();

        assertThat(Hex.of(buffer, 0, encoder.encodedLength()))
            .isEqualTo(Hex.of(Hex.bytes(SESSION_HEX, "000000000000002a", "ffff")));
        final DownstreamPacketDecoder decoder = new DownstreamPacketDecoder().wrap(buffer, 0, 20);
        assertThat(decoder.isWellFormed()).isTrue();
        assertThat(decoder.isEndOfSession()).isTrue();
        assertThat(decoder.messagesCarried()).isZero();
        assertThat(decoder.nextSequenceNumber()).isEqualTo(42);
    }

    @Test
    void requestPacketIsSessionSequenceNumberAndRequestedCount() {
        final RequestPacketEncoder encoder = new RequestPacketEncoder().wrap(buffer, 0)
            .session(SESSION).sequenceNumber(1000).requestedMessageCount(50);

        assertThat(Hex.of(buffer, 0, encoder.encodedLength()))
            .isEqualTo(Hex.of(Hex.bytes(SESSION_HEX, "00000000000003e8", "0032")));
        final RequestPacketDecoder decoder = new RequestPacketDecoder().wrap(buffer, 0, 20);
        assertThat(decoder.isWellFormed()).isTrue();
        assertThat(decoder.sessionMatches(SESSION)).isTrue();
        assertThat(decoder.sessionName()).isEqualTo("TESTSESS01");
        assertThat(decoder.sequenceNumber()).isEqualTo(1000);
        assertThat(decoder.requestedMessageCount()).isEqualTo(50);
    }

    @Test
    void shouldPadShortSessionsWithSpaces() {
        new RequestPacketEncoder().wrap(buffer, 0).session(MoldSession.of("MD"));

        assertThat(Hex.of(buffer, 0, 10)).isEqualTo("4d442020202020202020");
    }

    @Test
    void shouldRejectPacketsWhoseBlocksDoNotMatchTheDatagram() {
        assertThat(wellFormed(SESSION_HEX, "0000000000000001")).as("truncated header").isFalse();
        assertThat(wellFormed(SESSION_HEX, "0000000000000001", "0002", "0003 616263")).as("missing block").isFalse();
        assertThat(wellFormed(SESSION_HEX, "0000000000000001", "0001", "0009 616263")).as("block overruns").isFalse();
        assertThat(wellFormed(SESSION_HEX, "0000000000000001", "0001", "0001 61", "ff")).as("trailing bytes").isFalse();
        assertThat(wellFormed(SESSION_HEX, "0000000000000001", "0000", "00")).as("heartbeat with a body").isFalse();
        assertThat(wellFormed(SESSION_HEX, "8000000000000001", "0000")).as("negative sequence").isFalse();
        assertThat(wellFormed(SESSION_HEX, "0000000000000001", "0001", "0000")).as("empty message").isTrue();
        assertThat(new RequestPacketDecoder().wrap(buffer, 0, 19).isWellFormed()).as("short request").isFalse();
    }

    @Test
    void shouldRefuseSessionsThatAreNotTenPrintableCharacters() {
        assertThatThrownBy(() -> MoldSession.of("ELEVENCHARS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MoldSession.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MoldSession.of("   ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MoldSession.of("tab\t")).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean wellFormed(final String... parts) {
        final UnsafeBuffer packet = new UnsafeBuffer(Hex.bytes(parts));
        return new DownstreamPacketDecoder().wrap(packet, 0, packet.capacity()).isWellFormed();
    }

    private static UnsafeBuffer ascii(final String text) {
        return new UnsafeBuffer(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String text(final DirectBuffer buffer, final int offset, final int length) {
        return buffer.getStringWithoutLengthAscii(offset, length);
    }
}
