package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FixFrameDecoderTest {
    private static final String HEARTBEAT = withTrailer("8=FIX.4.4|9=49|35=0|34=2|49=ISLD|52=20240102-03:04:05.678|56=TW|");

    private final FixFrameDecoder decoder = new FixFrameDecoder();

    @Test
    void shouldWaitForTheWholeMessageWhenItArrivesInPieces() throws MalformedMessageException {
        byte[] bytes = bytes(HEARTBEAT);
        for (int i = 0; i < bytes.length - 1; i++) {
            decoder.append(bytes, i, 1);
            assertThat(decoder.next()).isNull();
        }
        decoder.append(bytes, bytes.length - 1, 1);

        FixMessage message = decoder.next();

        assertThat(message.display()).isEqualTo(HEARTBEAT);
        assertThat(message.valuesOf(35)).containsExactly("0");
        assertThat(decoder.hasPartialMessage()).isFalse();
    }

    @Test
    void shouldCutTwoMessagesThatArriveTogether() throws MalformedMessageException {
        append(HEARTBEAT + withTrailer("8=FIX.4.4|9=49|35=0|34=3|49=ISLD|52=20240102-03:04:05.678|56=TW|"));

        assertThat(decoder.next().valuesOf(34)).containsExactly("2");
        assertThat(decoder.next().valuesOf(34)).containsExactly("3");
        assertThat(decoder.next()).isNull();
    }

    @Test
    void shouldRejectAWrongCheckSum() {
        append(HEARTBEAT.substring(0, HEARTBEAT.length() - 4) + "999|");

        assertThatThrownBy(decoder::next).isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("CheckSum(10)=999 but the bytes sum to ");
    }

    @Test
    void shouldRejectABodyLengthThatDoesNotEndAtTheTrailer() {
        append(HEARTBEAT.replace("9=49", "9=48"));

        assertThatThrownBy(decoder::next).isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("BodyLength(9)=48 does not end where CheckSum(10) begins");
    }

    @Test
    void shouldRejectBytesThatDoNotStartAMessage() {
        append("35=0|" + HEARTBEAT);

        assertThatThrownBy(decoder::next).isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("does not start with 8=");
    }

    private void append(String text) {
        byte[] bytes = bytes(text);
        decoder.append(bytes, 0, bytes.length);
    }

    private static byte[] bytes(String text) {
        return Scripts.soh(text).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String withTrailer(String text) {
        return text + "10=" + String.format("%03d", FixFraming.checksum(Scripts.soh(text))) + "|";
    }
}
