package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import quickfix.ConfigError;

/**
 * QuickFIX/J's session-level acceptance scripts (category A) of FIX 4.2, FIX 4.4 and FIX 5.0, unchanged,
 * against a bare QuickFIX/J acceptor: the proof that the runner reads and plays them as QuickFIX/J does,
 * and that none of them needs an application (none reaches it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class QuickFixJAcceptanceScriptsTest {
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
        for (AcceptanceDialect dialect : AcceptanceDialect.values()) {
            assertThat(ScriptFiles.collect(List.of(dialect.scripts()))).as(dialect.folder)
                    .hasSize(dialect.categoryAScripts);
        }
    }

    /**
     * A container per FIX version: a test per script, then one that no script reached the application. The
     * two slow scripts (4a_NoDataSentDuringHeartBtInt, about 11 s, and 6_SendTestRequest, about 31 s) play in
     * FIX 4.4 only: in FIX 4.2 and 5.0 they are the same conversation of Logon, Heartbeats, TestRequests and
     * Logout, timed by the same QuickFIX/J session timer, and ExchangeConformanceTest plays them in every
     * version against the exchange.
     */
    @TestFactory
    Stream<DynamicNode> shouldPassEveryQuickFixJAcceptanceScriptUnchanged() throws IOException {
        ScriptRunner runner = acceptor.runner(RunOptions.defaults());
        List<DynamicNode> versions = new ArrayList<>();
        for (AcceptanceDialect dialect : AcceptanceDialect.values()) {
            Predicate<Path> which = dialect == AcceptanceDialect.FIX44
                    ? script -> true : script -> !AcceptanceDialect.isSlow(script);
            versions.add(DynamicContainer.dynamicContainer(dialect.folder, Stream.concat(
                    dialect.tests(runner, which, result -> { }),
                    Stream.of(DynamicTest.dynamicTest("no script reached the application",
                            () -> assertThat(acceptor.applicationMessages(dialect.session())).isZero())))));
        }
        return versions.stream();
    }
}
