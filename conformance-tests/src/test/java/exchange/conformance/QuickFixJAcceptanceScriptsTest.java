package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import quickfix.ConfigError;

/**
 * The 48 session-level QuickFIX/J acceptance scripts (category A), unchanged, against a bare
 * QuickFIX/J acceptor: the proof that the runner reads and plays them as QuickFIX/J does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class QuickFixJAcceptanceScriptsTest {
    private static final int CATEGORY_A_SCRIPTS = 48;

    private QuickFixAcceptor acceptor;

    @BeforeAll
    void startAcceptor() throws ConfigError {
        acceptor = QuickFixAcceptor.start();
    }

    @AfterAll
    void stopAcceptor() {
        if (acceptor != null) {
            acceptor.close();
        }
    }

    @Test
    void shouldFindAllCategoryAScriptsInTheRepository() throws IOException {
        assertThat(ScriptFiles.collect(List.of(ModulePaths.quickFixJAcceptanceScripts())))
                .hasSize(CATEGORY_A_SCRIPTS);
    }

    @TestFactory
    Stream<DynamicTest> shouldPassEveryQuickFixJAcceptanceScriptUnchanged() throws IOException {
        Path scripts = ModulePaths.quickFixJAcceptanceScripts();
        return Stream.concat(
                DynamicScriptTests.of(List.of(scripts), acceptor.runner(RunOptions.defaults())),
                Stream.of(DynamicTest.dynamicTest("no script reached the application",
                        () -> assertThat(acceptor.applicationMessages()).isZero())));
    }
}
