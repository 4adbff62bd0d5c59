package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** SCRIPTS.md's example must stay a script the parser reads (and, see ExchangeConformanceTest, one that passes). */
class ScriptsDocumentationTest {

    /** The example script of SCRIPTS.md, parsed; ExchangeConformanceTest plays it against the exchange. */
    static Script example() throws IOException, ScriptSyntaxException {
        String documentation = Files.readString(ModulePaths.moduleDirectory().resolve("SCRIPTS.md"), StandardCharsets.UTF_8);
        int example = documentation.indexOf("## An exchange script, for example");
        int start = documentation.indexOf("```\n", example) + 4;
        String script = documentation.substring(start, documentation.indexOf("```", start));
        return ScriptParser.parse("SCRIPTS.md example", Scripts.soh(script));
    }

    @Test
    void shouldParseTheExampleScriptOfTheFormatDocumentation() throws IOException, ScriptSyntaxException {
        Script parsed = example();

        assertThat(parsed.steps()).extracting(Step::getClass).containsExactly(
                ConnectStep.class, SendStep.class, ExpectStep.class,
                SendStep.class, ExpectStep.class, ExpectNothingStep.class,
                SendStep.class, ExpectStep.class,
                SendStep.class, ExpectStep.class, ExpectDisconnectStep.class);
    }
}
