package exchange.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scripts as JUnit 5 dynamic tests, one per script, named after it:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; acceptanceScripts() throws IOException {
 *     ScriptRunner runner = new ScriptRunner("localhost", port, RunOptions.defaults(), control);
 *     return DynamicScriptTests.of(List.of(Path.of("src/test/resources/scripts")), runner);
 * }
 * </pre>
 *
 * <p>A failed script fails its test with {@link ScriptResult#report()}: the first difference,
 * the expected and received messages, and the transcript. Every run is bounded by the runner's
 * script timeout. The tests play in order, one at a time.
 */
public final class DynamicScriptTests {
    private DynamicScriptTests() {
    }

    /**
     * One test per script found in the given files and directories (see {@link ScriptFiles#collect}).
     *
     * @throws IOException when a path does not exist or cannot be listed
     */
    public static Stream<DynamicTest> of(List<Path> filesOrDirectories, ScriptRunner runner) throws IOException {
        return of(filesOrDirectories, runner, result -> { });
    }

    /**
     * As {@link #of(List, ScriptRunner)}, and each result, passed or failed, is handed to
     * {@code onResult} before its test ends: for a test that looks at all the conversations
     * afterwards, say at every message the server sent.
     *
     * @throws IOException when a path does not exist or cannot be listed
     */
    public static Stream<DynamicTest> of(List<Path> filesOrDirectories, ScriptRunner runner,
                                         Consumer<ScriptResult> onResult) throws IOException {
        return ScriptFiles.collect(filesOrDirectories).stream()
                .map(file -> DynamicTest.dynamicTest(ScriptFiles.nameOf(file), file.toUri(), () -> {
                    ScriptResult result = runner.run(file);
                    onResult.accept(result);
                    if (!result.passed()) {
                        Assertions.fail(result.report());
                    }
                }));
    }
}
