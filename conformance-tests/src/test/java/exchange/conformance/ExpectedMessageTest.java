package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpectedMessageTest {
    private static final RunOptions STRICT = RunOptions.defaults().withHeartbeatOverride(RunOptions.NO_HEARTBEAT_OVERRIDE);
    private static final String REJECT =
            "8=FIX.4.4|9=96|35=3|34=2|49=ISLD|52=20240102-03:04:05.678|56=TW|45=2|58=Invalid tag number|"
                    + "371=999|372=0|373=0|10=123|";

    private final Captures captures = new Captures();

    @Test
    void shouldIgnoreBodyLengthCheckSumAndTimeValues() {
        assertThat(difference(
                "8=FIX.4.4|9=1|35=3|34=2|49=ISLD|52=00000000-00:00:00.000|56=TW|45=2|58=Invalid tag number|"
                        + "371=999|372=0|373=0|10=0|",
                REJECT)).isNull();
    }

    @Test
    void shouldReportADifferentMsgTypeBeforeAnythingElse() {
        assertThat(difference("8=FIX.4.4|35=0|34=3|", REJECT)).isEqualTo("field 35: expected \"0\", received \"3\"");
    }

    @Test
    void shouldNameTheFirstFieldThatDiffers() {
        assertThat(difference(
                "8=FIX.4.4|35=3|34=2|49=ISLD|52=x|56=TW|45=2|58=Invalid tag number|371=999|372=0|373=1|", REJECT))
                .isEqualTo("field 373: expected \"1\", received \"0\"");
    }

    @Test
    void shouldCompareTextAsAPrefix() {
        String received = "8=FIX.4.4|9=9|35=5|34=2|49=ISLD|52=x|56=TW|58=MsgSeqNum too low, expecting 5 but received 2|10=1|";

        assertThat(difference("8=FIX.4.4|35=5|34=2|49=ISLD|56=TW|58=MsgSeqNum too low|", received)).isNull();
        assertThat(difference("8=FIX.4.4|35=5|34=2|49=ISLD|56=TW|58=MsgSeqNum too high|", received))
                .isEqualTo("field 58: expected a value starting \"MsgSeqNum too high\", "
                        + "received \"MsgSeqNum too low, expecting 5 but received 2\"");
    }

    @Test
    void shouldFailOnAReceivedFieldTheScriptDoesNotList() {
        assertThat(difference("8=FIX.4.4|35=3|34=2|49=ISLD|56=TW|45=2|58=Invalid tag number|371=999|372=0|", REJECT))
                .isEqualTo("unexpected field 373=0");
    }

    @Test
    void shouldToleratePossibleTimeFieldsTheScriptDoesNotList() {
        String received = "8=FIX.4.4|9=9|35=8|34=2|49=ISLD|52=x|56=TW|60=20240102-03:04:05|122=y|10=1|";

        assertThat(difference("8=FIX.4.4|35=8|34=2|49=ISLD|56=TW|", received)).isNull();
    }

    @Test
    void shouldFailOnAMissingField() {
        assertThat(difference("8=FIX.4.4|35=3|34=2|49=ISLD|56=TW|45=2|58=Invalid tag number|371=999|372=0|373=0|"
                + "112=HELLO|", REJECT)).isEqualTo("missing field 112, expected \"HELLO\"");
    }

    @Test
    void shouldAcceptAnyValueForAnyAndCaptureIt() {
        String received = "8=FIX.4.4|9=9|35=8|34=2|49=ISLD|52=x|56=TW|37=ORD-42|17=EXEC-1|60=t|10=1|";
        ExpectedMessage expected = ExpectedMessage.parse(
                Scripts.soh("8=FIX.4.4|35=8|34=2|49=ISLD|56=TW|37=<CAPTURE:oid1>|17=<ANY>|60=<ANY>|"));

        assertThat(expected.firstDifference(message(received), captures, STRICT)).isNull();
        expected.capture(message(received), captures);

        assertThat(captures.get("oid1")).isEqualTo("ORD-42");
        assertThat(difference("8=FIX.4.4|35=8|34=2|49=ISLD|56=TW|37=<oid1>|17=EXEC-1|", received)).isNull();
        assertThat(difference("8=FIX.4.4|35=8|34=2|49=ISLD|56=TW|37=<oid1>|17=EXEC-1|",
                received.replace("ORD-42", "ORD-43")))
                .isEqualTo("field 37: expected \"ORD-42\" (captured as <oid1>), received \"ORD-43\"");
    }

    @Test
    void shouldFillTheRunTokenAndCapturedValuesInsideAValue() {
        Captures run = new Captures("RUN42");
        run.put("oid1", "7");
        String received = "8=FIX.4.4|9=9|35=8|34=2|49=ISLD|56=TW|11=C-RUN42-7|41=RUN42|58=ClOrdID C-RUN42-7 was used|10=1|";
        String expected = "8=FIX.4.4|35=8|34=2|49=ISLD|56=TW|11=C-<RUN>-<oid1>|41=<RUN>|58=ClOrdID C-<RUN>-<oid1>|";

        assertThat(ExpectedMessage.parse(Scripts.soh(expected)).firstDifference(message(received), run, STRICT)).isNull();
        assertThat(ExpectedMessage.parse(Scripts.soh(expected)).references()).containsExactly("RUN", "oid1");
        assertThat(ExpectedMessage.parse(Scripts.soh(expected.replace("11=C-", "11=D-")))
                .firstDifference(message(received), run, STRICT))
                .isEqualTo("field 11: expected \"D-RUN42-7\" (written D-<RUN>-<oid1>), received \"C-RUN42-7\"");
    }

    @Test
    void shouldGiveEveryRunItsOwnToken() {
        String first = Captures.newRunToken();
        String second = Captures.newRunToken();

        assertThat(first).matches("[0-9A-Z]{10}");
        assertThat(second).matches("[0-9A-Z]{10}").isNotEqualTo(first);
        assertThat(new Captures().get("RUN")).matches("[0-9A-Z]{10}");
    }

    @Test
    void shouldStillRequireAFieldWhoseValueIsAny() {
        assertThat(difference("8=FIX.4.4|35=3|34=2|49=ISLD|56=TW|45=2|58=Invalid tag number|371=999|372=0|373=0|"
                + "17=<ANY>|", REJECT)).isEqualTo("missing field 17, expected any value");
    }

    @Test
    void shouldCheckThatAnAbsentFieldIsNotThere() {
        String expected = "8=FIX.4.4|35=3|34=2|49=ISLD|56=TW|45=2|371=999|372=0|373=0|58=<ABSENT>|";

        assertThat(difference(expected, REJECT)).isEqualTo("field 58 should be absent, received 58=Invalid tag number");
        assertThat(difference(expected.replace("58=<ABSENT>", "112=<ABSENT>|58=Invalid"), REJECT)).isNull();
    }

    @Test
    void shouldCompareARepeatedTagOccurrenceByOccurrence() {
        String received = "8=FIX.4.4|9=9|35=8|453=2|448=A|447=D|448=B|447=D|10=1|";

        assertThat(difference("8=FIX.4.4|35=8|453=2|448=A|447=D|448=B|447=D|", received)).isNull();
        assertThat(difference("8=FIX.4.4|35=8|453=2|448=B|447=D|448=A|447=D|", received))
                .isEqualTo("field 448 (occurrence 1): expected \"B\", received \"A\"");
        assertThat(difference("8=FIX.4.4|35=8|453=2|448=A|447=D|", received))
                .isEqualTo("field 448 received 2 times, expected once");
    }

    @Test
    void shouldCompareALogonReplyLenientlyUnderTheHeartbeatOverride() {
        String logon = "8=FIX.4.4|9=9|35=A|34=1|49=ISLD|52=x|56=TW|98=0|108=5|789=2|10=1|";
        String expected = "8=FIX.4.4|35=A|34=1|49=ISLD|56=TW|98=0|108=30|";
        RunOptions overridden = STRICT.withHeartbeatOverride(5);

        assertThat(ExpectedMessage.parse(Scripts.soh(expected)).firstDifference(message(logon), captures, overridden))
                .isNull();
        assertThat(ExpectedMessage.parse(Scripts.soh(expected.replace("34=1", "34=2")))
                .firstDifference(message(logon), captures, overridden))
                .isEqualTo("field 34: expected \"2\", received \"1\"");
        assertThat(difference(expected, logon)).isEqualTo("field 108: expected \"30\", received \"5\"");
    }

    @Test
    void shouldMapExpectedCompIds() {
        String received = "8=FIX.4.4|9=9|35=0|34=2|49=EXCH|52=x|56=BROKER1|10=1|";
        RunOptions mapped = STRICT.withCompIds(Map.of("ISLD", "EXCH", "TW", "BROKER1"));

        assertThat(ExpectedMessage.parse(Scripts.soh("8=FIX.4.4|35=0|34=2|49=ISLD|56=TW|"))
                .firstDifference(message(received), captures, mapped)).isNull();
    }

    private String difference(String expected, String received) {
        return ExpectedMessage.parse(Scripts.soh(expected)).firstDifference(message(received), captures, STRICT);
    }

    private static FixMessage message(String text) {
        return FixMessage.parse(Scripts.soh(text));
    }
}
