package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScriptParserTest {

    @Test
    void shouldReadQuickFixJStepsAndSkipCommentsAndBlankLines() throws ScriptSyntaxException {
        Script script = Scripts.parse(
                "# a comment",
                "  # an indented comment",
                "",
                "iCONNECT",
                "I8=FIX.4.4|35=A|34=1|49=TW|52=<TIME>|56=ISLD|98=0|108=30|",
                "E8=FIX.4.4|9=61|35=A|34=1|49=ISLD|52=00000000-00:00:00.000|56=TW|98=0|108=30|10=0|",
                "eDISCONNECT");

        assertThat(script.steps()).extracting(Step::getClass).containsExactly(
                ConnectStep.class, SendStep.class, ExpectStep.class, ExpectDisconnectStep.class);
        assertThat(script.steps()).extracting(Step::line).containsExactly(4, 5, 6, 7);
    }

    @Test
    void shouldGiveEveryStepConnectionOneUnlessTheLineNamesAnother() throws ScriptSyntaxException {
        Script script = Scripts.parse(
                "iCONNECT",
                "i2,CONNECT",
                "I2,8=FIX.4.4|35=0|34=2|49=TW|52=<TIME>|56=ISLD|",
                "E12,8=FIX.4.4|35=0|",
                "e2,DISCONNECT",
                "I8=FIX.4.4|35=0|34=2|49=TW|52=<TIME>|56=ISLD|");

        assertThat(script.steps()).containsExactly(
                new ConnectStep(1, 1),
                new ConnectStep(2, 2),
                new SendStep(3, 2, ((SendStep) script.steps().get(2)).message()),
                new ExpectStep(4, 12, ((ExpectStep) script.steps().get(3)).expected()),
                new ExpectDisconnectStep(5, 2),
                new SendStep(6, 1, ((SendStep) script.steps().get(5)).message()));
    }

    @Test
    void shouldReadScriptsWithWindowsLineEnds() throws ScriptSyntaxException {
        Script script = ScriptParser.parse("crlf", Scripts.soh("# comment\r\niCONNECT\r\nE8=FIX.4.4|35=0|\r\neDISCONNECT"));

        assertThat(script.steps()).hasSize(3);
        ExpectedMessage expected = ((ExpectStep) script.steps().get(1)).expected();
        assertThat(expected.fields()).containsExactly(
                new ExpectedField(8, new ValueRule.Exact("FIX.4.4")),
                new ExpectedField(35, new ValueRule.Exact("0")));
    }

    @Test
    void shouldReadTheExtensionDirectives() throws ScriptSyntaxException {
        Script script = Scripts.parse(
                "iCONNECT",
                "eTIMEOUT 30000",
                "iWAIT 250",
                "eNOTHING 500",
                "e2,NOTHING 100",
                "i1,DISCONNECT",
                "iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000");

        assertThat(script.steps()).containsExactly(
                new ConnectStep(1, 1),
                new TimeoutStep(2, Duration.ofSeconds(30)),
                new WaitStep(3, Duration.ofMillis(250)),
                new ExpectNothingStep(4, 1, Duration.ofMillis(500)),
                new ExpectNothingStep(5, 2, Duration.ofMillis(100)),
                new DisconnectStep(6, 1),
                new SetSessionStep(7, "FIX.4.4:ISLD->TW", "NEXTSENDERSEQNUM", "2000"));
    }

    @Test
    void shouldRejectALineItDoesNotUnderstandInsteadOfSkippingIt() {
        assertThatThrownBy(() -> Scripts.parse("iCONNECT", "", "iCONECT"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("line 3: not a comment, message or known step: \"iCONECT\"");
    }

    @Test
    void shouldRejectAnExpectedFieldThatIsNotTagEqualsValue() {
        assertThatThrownBy(() -> Scripts.parse("E8=FIX.4.4|35=0|garbage|"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("line 1: not a tag=value field: \"garbage\"");
    }

    @Test
    void shouldRejectAReferenceToAValueNoEarlierLineCaptures() {
        assertThatThrownBy(() -> Scripts.parse(
                "iCONNECT",
                "I8=FIX.4.4|35=F|34=3|49=TW|52=<TIME>|56=ISLD|37=<oid1>|",
                "E8=FIX.4.4|35=8|37=<CAPTURE:oid1>|"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessageStartingWith("line 2: <oid1> is used before any earlier line captures it");
    }

    @Test
    void shouldAcceptAReferenceAfterTheLineThatCapturesIt() throws ScriptSyntaxException {
        Script script = Scripts.parse(
                "iCONNECT",
                "E8=FIX.4.4|35=8|37=<CAPTURE:oid1>|",
                "I8=FIX.4.4|35=F|34=3|49=TW|52=<TIME>|56=ISLD|37=<oid1>|",
                "E2,8=FIX.4.4|35=8|37=<oid1>|");

        assertThat(((SendStep) script.steps().get(2)).message().references()).containsExactly("oid1");
        assertThat(((ExpectStep) script.steps().get(3)).expected().references()).containsExactly("oid1");
    }

    @Test
    void shouldKnowTheRunTokenWithoutACaptureAndNeverCaptureIntoIt() throws ScriptSyntaxException {
        Script script = Scripts.parse(
                "I8=FIX.4.4|35=D|34=2|49=TW|52=<TIME>|56=ISLD|11=B1-<RUN>|",
                "E8=FIX.4.4|35=8|11=B1-<RUN>|41=<RUN>|");

        assertThat(((SendStep) script.steps().get(0)).message().references()).containsExactly("RUN");
        assertThat(((ExpectStep) script.steps().get(1)).expected().references()).containsExactly("RUN");
        assertThatThrownBy(() -> Scripts.parse("E8=FIX.4.4|35=8|37=<CAPTURE:RUN>|"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("line 1: not a capture name: <CAPTURE:RUN>");
    }

    @Test
    void shouldRejectAPlaceholderThatCanOnlyBeAWholeValueInsideAValue() {
        assertThatThrownBy(() -> Scripts.parse("E8=FIX.4.4|35=8|11=B1-<ANY>|"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessageStartingWith("line 1: <ANY> cannot be part of a value");
    }

    @Test
    void shouldRejectExpectationPlaceholdersInASentMessage() {
        assertThatThrownBy(() -> Scripts.parse("I8=FIX.4.4|35=0|34=2|49=TW|52=<TIME>|56=ISLD|112=<ANY>|"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("line 1: <ANY> belongs in expected (E) lines only");
    }

    @Test
    void shouldRejectAFieldThatIsBothAbsentAndListed() {
        assertThatThrownBy(() -> Scripts.parse("E8=FIX.4.4|35=0|58=<ABSENT>|58=x|"))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("line 1: tag 58 is both <ABSENT> and listed");
    }
}
