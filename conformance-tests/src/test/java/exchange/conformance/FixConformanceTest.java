package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import quickfix.ConfigError;

/** The command line against a real QuickFIX/J acceptor, over TCP only, as a user runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FixConformanceTest {
    private static final String PASSING_SCRIPT = "1a_ValidLogonWithCorrectMsgSeqNum.def";

    private QuickFixAcceptor acceptor;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    void startAcceptor() throws ConfigError {
        acceptor = QuickFixAcceptor.start();
    }

    @BeforeEach
    void newOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    @AfterAll
    void stopAcceptor() {
        if (acceptor != null) {
            acceptor.close();
        }
    }

    @Test
    void shouldPrintOneLinePerScriptAndTheCountsAndExitOneWhenAScriptFails(@TempDir Path directory) throws IOException {
        copyQuickFixJScript(PASSING_SCRIPT, directory);
        Files.writeString(directory.resolve("2_wrong.def"), Scripts.text(
                "iCONNECT",
                "I8=FIX.4.4|35=A|34=1|49=TW|52=<TIME>|56=ISLD|98=0|108=30|",
                "E8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|",
                "I8=FIX.4.4|35=1|34=2|49=TW|52=<TIME>|56=ISLD|112=HELLO|",
                "# the server answers 112=HELLO",
                "E8=FIX.4.4|35=0|34=2|49=ISLD|52=<TIME>|56=TW|112=HELLO WORLD|"), StandardCharsets.ISO_8859_1);

        int exitCode = run("--host", "127.0.0.1", "--port", String.valueOf(acceptor.port()),
                "--connect-delay-ms", "200", directory.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(3).satisfiesExactly(
                first -> assertThat(first).matches("PASSED 1a_ValidLogonWithCorrectMsgSeqNum \\(\\d+ ms\\)"),
                second -> assertThat(second).matches("FAILED 2_wrong \\(\\d+ ms\\): line 6: field 112: "
                        + "expected \"HELLO WORLD\", received \"HELLO\""),
                last -> assertThat(last).isEqualTo("1 passed, 1 failed"));
    }

    @Test
    void shouldExitZeroWhenEveryScriptPasses(@TempDir Path directory) throws IOException {
        Path script = copyQuickFixJScript(PASSING_SCRIPT, directory);

        int exitCode = run("--port", String.valueOf(acceptor.port()), "--host", "127.0.0.1",
                "--connect-delay-ms", "200", script.toString(), script.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString().lines()).last().isEqualTo("2 passed, 0 failed");
    }

    @Test
    void shouldNameAScriptWithItsFolderWhenAnotherHasTheSameName(@TempDir Path directory) throws IOException {
        Path fix42 = Files.createDirectory(directory.resolve("fix42"));
        Path fix44 = Files.createDirectory(directory.resolve("fix44"));
        Files.copy(AcceptanceDialect.FIX42.scripts().resolve(PASSING_SCRIPT), fix42.resolve(PASSING_SCRIPT));
        copyQuickFixJScript(PASSING_SCRIPT, fix44);
        copyQuickFixJScript("4b_ReceivedTestRequest.def", fix44);

        int exitCode = run("--port", String.valueOf(acceptor.port()), "--host", "127.0.0.1",
                "--connect-delay-ms", "200", directory.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString().lines()).hasSize(4).satisfiesExactly(
                first -> assertThat(first).matches("PASSED fix42/1a_ValidLogonWithCorrectMsgSeqNum \\(\\d+ ms\\)"),
                second -> assertThat(second).matches("PASSED fix44/1a_ValidLogonWithCorrectMsgSeqNum \\(\\d+ ms\\)"),
                third -> assertThat(third).matches("PASSED 4b_ReceivedTestRequest \\(\\d+ ms\\)"),
                last -> assertThat(last).isEqualTo("3 passed, 0 failed"));
    }

    @Test
    void shouldApplyCompIdMappingsGivenOnTheCommandLine(@TempDir Path directory) throws IOException {
        Path script = copyQuickFixJScript(PASSING_SCRIPT, directory);

        int exitCode = run("--port", String.valueOf(acceptor.port()), "--host", "127.0.0.1",
                "--comp-id", "TW=NOBODY", "--connect-delay-ms", "200", script.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString().lines()).first().asString().endsWith(
                "line 5: connection 1 closed by the server instead of sending the expected message");
        assertThat(err.toString()).contains("compIds={TW=NOBODY}");
    }

    @Test
    void shouldPrintTheMessagesAndTranscriptOfAFailedScriptWhenVerbose(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("refused.def"), Scripts.text(
                "iCONNECT",
                "I8=FIX.4.4|35=A|34=1|49=WT|52=<TIME>|56=ISLD|98=0|108=30|",
                "E8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|"), StandardCharsets.ISO_8859_1);

        int exitCode = run("--port", String.valueOf(acceptor.port()), "--host", "127.0.0.1", "--verbose",
                "--connect-delay-ms", "200", directory.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .contains("line 3: connection 1 closed by the server instead of sending the expected message")
                .contains("    expected: 8=FIX.4.4|35=A|34=1|49=ISLD|")
                .contains("      1> 8=FIX.4.4|9=60|35=A|34=1|49=WT|")
                .endsWith("0 passed, 1 failed" + System.lineSeparator());
    }

    @Test
    void shouldExitTwoWhenThereIsNoScript(@TempDir Path directory) {
        int exitCode = run("--port", String.valueOf(acceptor.port()), directory.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("no .def scripts in");
    }

    @Test
    void shouldExitTwoWithoutAPort(@TempDir Path directory) {
        int exitCode = run(directory.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--port=<port>'");
    }

    private int run(String... args) {
        return new CommandLine(new FixConformance())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private static Path copyQuickFixJScript(String name, Path directory) throws IOException {
        return Files.copy(AcceptanceDialect.FIX44.scripts().resolve(name), directory.resolve(name));
    }
}
