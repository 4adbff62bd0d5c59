package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the messages a server sent are held to the specification's tables. */
class SentTagsTest {
    private static final String SPECIFICATION = String.join("\n",
            "# A specification",
            "### Heartbeat (0): exchange to broker",
            "",
            "| Tag | Field | When |",
            "| --- | --- | --- |",
            "| 112 | TestReqID | answers |",
            "",
            "### ExecutionReport (8): exchange to broker",
            "",
            "| Tag | Field | FIX 4.2 | FIX 4.4 | FIX 5.0 SP2 | When |",
            "| --- | --- | --- | --- | --- | --- |",
            "| 37 | OrderID | Y | Y | Y | always |",
            "| 20 | ExecTransType | Y | - | - | FIX 4.2 |",
            "| 851 | LastLiquidityInd | - | Y | Y | fills |",
            "",
            "### NewOrderSingle (D): broker to exchange",
            "",
            "| Tag | Field | Req | Values |",
            "| --- | --- | --- | --- |",
            "| 11 | ClOrdID | Y | unique |",
            "");

    @TempDir
    Path directory;

    @Test
    void shouldAgreeWhenEveryTagSentIsDocumentedForItsVersionAndEveryDocumentedTagWasSent() throws IOException {
        SentTags sent = sent("1< 8=FIX.4.4|9=10|35=8|34=2|49=EXCH|52=x|56=B|37=1|851=1|10=000|",
                "2< 8=FIX.4.2|9=10|35=8|34=2|49=EXCH|52=x|56=B|37=1|20=0|10=000|",
                "1< 8=FIX.4.4|9=10|35=0|34=3|49=EXCH|52=x|56=B|112=T|10=000|",
                "1> 8=FIX.4.4|9=10|35=D|34=2|49=B|52=x|56=EXCH|11=C|10=000|");

        assertThat(sent.differencesFrom(specification())).isEmpty();
    }

    @Test
    void shouldNameATagSentInAVersionWhoseColumnDoesNotHaveIt() throws IOException {
        SentTags sent = sent("1< 8=FIX.4.2|9=10|35=8|34=2|49=EXCH|52=x|56=B|37=1|20=0|851=1|10=000|",
                "1< 8=FIX.4.4|9=10|35=8|34=2|49=EXCH|52=x|56=B|37=1|851=1|10=000|",
                "1< 8=FIX.4.4|9=10|35=0|34=3|49=EXCH|52=x|56=B|112=T|10=000|");

        assertThat(sent.differencesFrom(specification()))
                .containsExactly("ExecutionReport (8) in FIX 4.2: sent tags [851] that the table does not give to FIX 4.2");
    }

    @Test
    void shouldNameADocumentedTagNeverSentAndAMessageWithoutATable() throws IOException {
        SentTags sent = sent("1< 8=FIX.4.4|9=10|35=8|34=2|49=EXCH|52=x|56=B|37=1|10=000|",
                "1< 8=FIX.4.4|9=10|35=j|34=3|49=EXCH|52=x|56=B|45=2|10=000|");

        assertThat(sent.differencesFrom(specification())).containsExactly(
                "the exchange sent j in FIX 4.4, which has no \"### ... (j): exchange to broker\" table; tags [45]",
                "Heartbeat (0): documented tags [112] that no script saw the exchange send",
                "ExecutionReport (8): documented tags [20, 851] that no script saw the exchange send");
    }

    @Test
    void shouldReadTheTablesOfMessagesTheBrokerSends() throws IOException {
        assertThat(specification().inbound().get("D").tags()).containsExactly(11);
        assertThat(specification().outbound().keySet()).containsExactly("0", "8");
    }

    private FixSpecification specification() throws IOException {
        Path file = directory.resolve("spec.md");
        Files.writeString(file, SPECIFICATION);
        return FixSpecification.read(file);
    }

    private static SentTags sent(String... transcript) {
        SentTags sent = new SentTags();
        sent.record(new ScriptResult("s", true, null, List.of(), Duration.ZERO, List.of(transcript)));
        return sent;
    }
}
