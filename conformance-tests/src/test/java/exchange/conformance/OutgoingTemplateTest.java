package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import quickfix.MessageUtils;

class OutgoingTemplateTest {
    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05.678Z");
    private static final RunOptions AS_WRITTEN = RunOptions.defaults()
            .withHeartbeatOverride(RunOptions.NO_HEARTBEAT_OVERRIDE)
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldFillTimeAndComputeBodyLengthAndCheckSum() {
        String sent = compose("8=FIX.4.4|35=0|34=2|49=TW|52=<TIME>|56=ISLD|", AS_WRITTEN);

        String body = "35=0|34=2|49=TW|52=20240102-03:04:05.678|56=ISLD|";
        String withoutTrailer = "8=FIX.4.4|9=" + body.length() + "|" + body;
        assertThat(sent).isEqualTo(withoutTrailer + "10=" + checksumByQuickFixJ(withoutTrailer) + "|");
        assertThat(body.length()).isEqualTo(49);
    }

    @Test
    void shouldMoveTimeByUnitsOfOnePointOneSecondsAsQuickFixJDoes() {
        assertThat(compose("8=FIX.4.4|35=0|52=<TIME-10>|122=<TIME+121>|", AS_WRITTEN))
                .contains("|52=20240102-03:03:54.678|")
                .contains("|122=20240102-03:06:18.778|");
    }

    @Test
    void shouldWriteWholeSecondsForFixVersionsBeforeFourPointTwo() {
        assertThat(compose("8=FIX.4.1|35=1|52=<TIME>|112=id|", AS_WRITTEN)).contains("|52=20240102-03:04:05|");
    }

    @Test
    void shouldKeepABodyLengthTheScriptWroteEvenWhenItIsWrong() {
        String sent = compose("8=FIX.4.4|9=40|35=A|34=1|49=TW|56=ISLD|98=0|108=30|", AS_WRITTEN);

        String withoutTrailer = "8=FIX.4.4|9=40|35=A|34=1|49=TW|56=ISLD|98=0|108=30|";
        assertThat(sent).isEqualTo(withoutTrailer + "10=" + checksumByQuickFixJ(withoutTrailer) + "|");
    }

    @Test
    void shouldKeepACheckSumTheScriptWroteAndWidenTenEqualsZero() {
        assertThat(compose("8=FIX.4.4|35=0|34=2|10=123|", AS_WRITTEN)).isEqualTo("8=FIX.4.4|9=10|35=0|34=2|10=123|");
        assertThat(compose("8=FIX.4.4|35=0|34=2|10=0|", AS_WRITTEN)).isEqualTo("8=FIX.4.4|9=10|35=0|34=2|10=000|");
    }

    @Test
    void shouldSendACheckSumThatIsWrongWhateverThePlaceholdersBecome() {
        for (int run = 0; run < 300; run++) {
            String sent = compose("8=FIX.4.4|35=1|34=2|112=T" + run + "|10=<WRONG>|", AS_WRITTEN);
            String withoutTrailer = sent.substring(0, sent.lastIndexOf("10="));
            int right = Integer.parseInt(checksumByQuickFixJ(withoutTrailer));
            assertThat(sent).endsWith("|10=" + String.format("%03d", (right + 1) & 0xFF) + "|");
        }
    }

    @Test
    void shouldSendAGarbledLineByteForByteWithoutFillingPlaceholders() {
        String garbled = "35=0|8=FIX.4.4|9=29|34=2|49=TW|52=<TIME>|56=ISLD|10=121|";

        assertThat(compose(garbled, AS_WRITTEN)).isEqualTo(garbled);
    }

    @Test
    void shouldGiveAGarbledLineACheckSumWhenItHasNone() {
        String garbled = "8=FIX.4.4|35=0|34=2";

        assertThat(compose(garbled, AS_WRITTEN)).isEqualTo(garbled + "10=" + checksumByQuickFixJ(garbled) + "|");
    }

    @Test
    void shouldRewriteTheHeartbeatIntervalOfLogonsOnlyUnderTheOverride() {
        RunOptions fiveSeconds = AS_WRITTEN.withHeartbeatOverride(5);

        assertThat(compose("8=FIX.4.4|35=A|34=1|98=0|108=30|", fiveSeconds)).contains("|98=0|108=5|10=");
        assertThat(compose("8=FIX.4.4|35=A|34=1|98=0|108=30|", AS_WRITTEN)).contains("|98=0|108=30|10=");
        assertThat(compose("8=FIX.4.4|35=0|34=1|108=30|", fiveSeconds)).contains("|108=30|10=");
    }

    @Test
    void shouldLeaveANegativeHeartbeatIntervalForTheServerToReject() {
        assertThat(compose("8=FIX.4.4|35=A|34=1|98=0|108=-10|", AS_WRITTEN.withHeartbeatOverride(5)))
                .contains("|108=-10|");
    }

    @Test
    void shouldMapCompIdsAndCountThemInTheBodyLength() {
        RunOptions mapped = AS_WRITTEN.withCompIds(Map.of("TW", "BROKER1", "ISLD", "EXCH"));

        String sent = compose("8=FIX.4.4|35=0|34=2|49=TW|56=ISLD|115=TW|", mapped);

        String body = "35=0|34=2|49=BROKER1|56=EXCH|115=TW|";
        assertThat(sent).startsWith("8=FIX.4.4|9=" + body.length() + "|" + body + "10=");
    }

    @Test
    void shouldFillACapturedValue() {
        Captures captures = new Captures();
        captures.put("oid1", "ORD-7");

        String sent = new String(OutgoingTemplate.parse(Scripts.soh("8=FIX.4.4|35=F|37=<oid1>|41=C-<oid1>|"))
                .compose(captures, AS_WRITTEN, NOW), StandardCharsets.ISO_8859_1);

        assertThat(sent).contains(Scripts.soh("|37=ORD-7|41=C-ORD-7|"));
    }

    @Test
    void shouldFillTheRunToken() {
        String sent = new String(OutgoingTemplate.parse(Scripts.soh("8=FIX.4.4|35=D|11=B1-<RUN>|"))
                .compose(new Captures("K0RUN"), AS_WRITTEN, NOW), StandardCharsets.ISO_8859_1);

        assertThat(sent).contains(Scripts.soh("|11=B1-K0RUN|"));
    }

    private static String compose(String message, RunOptions options) {
        byte[] bytes = OutgoingTemplate.parse(Scripts.soh(message)).compose(new Captures(), options, NOW);
        return new String(bytes, StandardCharsets.ISO_8859_1).replace(FixFraming.SOH, '|');
    }

    private static String checksumByQuickFixJ(String text) {
        return String.format("%03d", MessageUtils.checksum(Scripts.soh(text)));
    }
}
