package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import quickfix.ConfigError;

/** The runner against a real QuickFIX/J acceptor with two sessions, ISLD->TW and ISLD->TW2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ScriptRunnerTest {
    private static final String LOGON_TW = "I8=FIX.4.4|35=A|34=1|49=TW|52=<TIME>|56=ISLD|98=0|108=30|";
    private static final String LOGON_REPLY_TW = "E8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|";

    private QuickFixAcceptor acceptor;
    private ScriptRunner runner;

    @BeforeAll
    void startAcceptor() throws ConfigError {
        acceptor = QuickFixAcceptor.start(List.of("TW", "TW2"));
        runner = acceptor.runner(RunOptions.defaults());
    }

    @AfterAll
    void stopAcceptor() {
        if (acceptor != null) {
            acceptor.close();
        }
    }

    @Test
    void shouldReportTheFirstDifferenceOfAWrongExpectationFieldByField() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "iCONNECT",
                LOGON_TW,
                LOGON_REPLY_TW,
                "I8=FIX.4.4|35=1|34=2|49=TW|52=<TIME>|56=ISLD|112=HELLO|",
                "E8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW|112=GOODBYE|"));

        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).isEqualTo("line 5: field 112: expected \"GOODBYE\", received \"HELLO\"");
        assertThat(result.details()).hasSize(2);
        assertThat(result.details().get(0)).isEqualTo("expected: 8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW|112=GOODBYE|");
        assertThat(result.details().get(1)).startsWith("received: 8=FIX.4.4|9=").contains("|35=0|34=2|").contains("|112=HELLO|");
        assertThat(result.summaryLine()).startsWith("FAILED inline (").endsWith(
                " ms): line 5: field 112: expected \"GOODBYE\", received \"HELLO\"");
        assertThat(result.report()).contains("1> 8=FIX.4.4|9=").contains("1< 8=FIX.4.4|9=");
    }

    @Test
    void shouldReuseACapturedValueInALaterMessage() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "iCONNECT",
                LOGON_TW,
                "E8=FIX.4.4|35=A|34=1|49=ISLD|52=<CAPTURE:logonTime>|56=TW|98=0|108=30|",
                "I8=FIX.4.4|35=1|34=2|49=TW|52=<TIME>|56=ISLD|112=<logonTime>|",
                "E8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW|112=<logonTime>|",
                "I8=FIX.4.4|35=5|34=3|49=TW|52=<TIME>|56=ISLD|",
                "E8=FIX.4.4|35=5|34=3|49=ISLD|52=<TIME>|56=TW|58=<ABSENT>|",
                "eDISCONNECT"));

        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.transcript()).anyMatch(line -> line.matches("1> .*\\|112=\\d{8}-\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\|.*"));
    }

    @Test
    void shouldPlayTwoSessionsWithDifferentCompIdsInOneScript() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "i1,CONNECT",
                "I1,8=FIX.4.4|35=A|34=1|49=TW|52=<TIME>|56=ISLD|98=0|108=30|",
                "E1,8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|",
                "i2,CONNECT",
                "I2,8=FIX.4.4|35=A|34=1|49=TW2|52=<TIME>|56=ISLD|98=0|108=30|",
                "E2,8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW2|98=0|108=30|",
                "I2,8=FIX.4.4|35=1|34=2|49=TW2|52=<TIME>|56=ISLD|112=SECOND|",
                "E2,8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW2|112=SECOND|",
                "I1,8=FIX.4.4|35=1|34=2|49=TW|52=<TIME>|56=ISLD|112=FIRST|",
                "E1,8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW|112=FIRST|",
                "I2,8=FIX.4.4|35=5|34=3|49=TW2|52=<TIME>|56=ISLD|",
                "E2,8=FIX.4.4|35=5|34=3|49=ISLD|52=<TIME>|56=TW2|",
                "e2,DISCONNECT",
                "I1,8=FIX.4.4|35=5|34=3|49=TW|52=<TIME>|56=ISLD|",
                "E1,8=FIX.4.4|35=5|34=3|49=ISLD|52=<TIME>|56=TW|",
                "e1,DISCONNECT"));

        assertThat(result.passed()).as(result.report()).isTrue();
    }

    @Test
    void shouldMapTheScriptsCompIdsOntoAnotherSession() throws IOException {
        ScriptRunner mapped = acceptor.runner(RunOptions.defaults().withCompIds(Map.of("TW", "TW2")));

        ScriptResult result = mapped.run(AcceptanceDialect.FIX44.scripts().resolve("8_OnlyAdminMessages.def"));

        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.transcript()).anyMatch(line -> line.startsWith("1> ") && line.contains("|49=TW2|"));
    }

    @Test
    void shouldReconnectAfterTheScriptDropsTheConnection() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "iCONNECT",
                LOGON_TW,
                LOGON_REPLY_TW,
                "iDISCONNECT",
                "iCONNECT",
                LOGON_TW,
                LOGON_REPLY_TW));

        assertThat(result.passed()).as(result.report()).isTrue();
    }

    /**
     * The noisy script's quiet period is long: it ends at the first message, the Heartbeat that answers the
     * TestRequest, however long a slow host takes to send it, so that only a runner that misses it passes.
     */
    @Test
    void shouldPassAQuietPeriodAndFailWhenAMessageArrivesInIt() throws ScriptSyntaxException {
        ScriptResult quiet = runner.run(Scripts.parse("iCONNECT", LOGON_TW, LOGON_REPLY_TW, "eNOTHING 200"));
        ScriptResult noisy = runner.run(Scripts.parse(
                "iCONNECT",
                LOGON_TW,
                LOGON_REPLY_TW,
                "I8=FIX.4.4|35=1|34=2|49=TW|52=<TIME>|56=ISLD|112=PING|",
                "eNOTHING 20000"));

        assertThat(quiet.passed()).as(quiet.report()).isTrue();
        assertThat(noisy.failure()).isEqualTo("line 5: expected no message on connection 1 for 20000 ms");
        assertThat(noisy.details()).singleElement().asString().startsWith("received: ").contains("|112=PING|");
    }

    /**
     * The short timeout is set after the Logon answer, which a slow host may take longer than 300 ms to send;
     * the run ends well before the default timeout would have let it.
     */
    @Test
    void shouldFailWithinTheScriptsTimeoutWhenNoMessageArrives() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "iCONNECT",
                LOGON_TW,
                LOGON_REPLY_TW,
                "eTIMEOUT 300",
                "E8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW|"));

        assertThat(result.failure()).isEqualTo("line 5: no message on connection 1 within 300 ms");
        assertThat(result.elapsed()).isLessThan(RunOptions.DEFAULT_EXPECT_TIMEOUT);
    }

    @Test
    void shouldFailWhenTheServerClosesInsteadOfAnswering() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "iCONNECT",
                "I8=FIX.4.4|35=A|34=1|49=WT|52=<TIME>|56=ISLD|98=0|108=30|",
                LOGON_REPLY_TW));

        assertThat(result.failure()).isEqualTo(
                "line 3: connection 1 closed by the server instead of sending the expected message");
    }

    /** The script's timeout leaves room for the connection however slow the host: only the pause outlives it. */
    @Test
    void shouldStopAScriptThatOutlivesItsTimeout() throws ScriptSyntaxException {
        ScriptRunner impatient = acceptor.runner(RunOptions.defaults().withScriptTimeout(Duration.ofSeconds(30)));

        ScriptResult result = impatient.run(Scripts.parse("iCONNECT", "iWAIT 60000"));

        assertThat(result.failure()).isEqualTo("line 2: the script's timeout leaves less than the 60000 ms pause asked for");
    }

    @Test
    void shouldSetServerSessionsThroughServerControl() throws ScriptSyntaxException {
        ScriptResult result = runner.run(Scripts.parse(
                "iCONNECT",
                "iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000",
                LOGON_TW,
                "E8=FIX.4.4|35=A|34=2000|49=ISLD|52=<TIME>|56=TW|98=0|108=30|",
                "I8=FIX.4.4|35=5|34=2|49=TW|52=<TIME>|56=ISLD|",
                "E8=FIX.4.4|35=5|34=2001|49=ISLD|52=<TIME>|56=TW|",
                "eDISCONNECT"));

        assertThat(result.passed()).as(result.report()).isTrue();
    }

    @Test
    void shouldFailSetSessionOverPlainTcp() throws ScriptSyntaxException {
        ScriptRunner tcpOnly = new ScriptRunner("127.0.0.1", acceptor.port(), RunOptions.defaults(),
                ServerControl.tcpOnly(Duration.ZERO));

        ScriptResult result = tcpOnly.run(Scripts.parse("iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000"));

        assertThat(result.failure()).isEqualTo("line 1: iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000: "
                + "iSET_SESSION needs control of the server's sessions, which a plain TCP connection does not give");
    }

    @Test
    void shouldFailWhenNothingListensOnThePort() throws IOException, ScriptSyntaxException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ScriptRunner nowhere = new ScriptRunner("127.0.0.1", closedPort, RunOptions.defaults(),
                ServerControl.tcpOnly(Duration.ZERO));

        ScriptResult result = nowhere.run(Scripts.parse("iCONNECT"));

        assertThat(result.failure()).startsWith("line 1: cannot connect to 127.0.0.1:" + closedPort + ": ");
    }

    @Test
    void shouldReportAScriptThatCannotBeParsedAsFailed(@TempDir Path directory) throws IOException {
        Path script = Files.writeString(directory.resolve("typo.def"), "iCONNECT\n\niDISCONECT\n",
                StandardCharsets.ISO_8859_1);

        ScriptResult result = runner.run(script);

        assertThat(result.name()).isEqualTo("typo");
        assertThat(result.failure()).isEqualTo("cannot read " + script + ": line 3: not a comment, message or known step: "
                + "\"iDISCONECT\"");
    }
}
