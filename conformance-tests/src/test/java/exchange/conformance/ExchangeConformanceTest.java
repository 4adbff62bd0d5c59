package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import quickfix.SessionID;

/**
 * The real exchange, started as {@code bin/exchange --config config/conformance} would start it, plays
 * every script: QuickFIX/J's session-level acceptance scripts unchanged (the session ISLD/TW of FIX 4.2,
 * FIX 4.4 and FIXT.1.1), and the exchange's own suite. One dynamic test per script; then, for each suite,
 * one that checks every message the exchange sent in it against the QuickFIX/J dictionary of its FIX
 * version, as a broker's engine would ({@link DictionaryCheckedMessages}), and one that holds
 * docs/FIX-SPEC.md to what the exchange sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ExchangeConformanceTest {
    @TempDir
    static Path data;

    private ExchangeUnderTest exchange;
    private DictionaryCheckedMessages sentMessages;

    @BeforeAll
    void startExchange() {
        exchange = ExchangeUnderTest.start(ModulePaths.conformanceConfig(), data.resolve("exchange"));
        sentMessages = new DictionaryCheckedMessages(exchange);
    }

    @AfterAll
    void stopExchange() {
        if (sentMessages != null) {
            sentMessages.close();
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    /**
     * A container per FIX version (fix42, fix44, fix50: the session ISLD->TW of FIX.4.2, FIX.4.4 and
     * FIXT.1.1): a test per script, then one that none of their orders reached the exchange; then the check
     * of every message the exchange sent in them.
     */
    @TestFactory
    Stream<DynamicNode> shouldPassEveryQuickFixJAcceptanceScriptUnchanged() throws IOException {
        ScriptRunner runner = exchange.runner(RunOptions.defaults());
        List<DynamicNode> nodes = new ArrayList<>();
        for (AcceptanceDialect dialect : AcceptanceDialect.values()) {
            nodes.add(DynamicContainer.dynamicContainer(dialect.folder, Stream.concat(
                    dialect.tests(runner, script -> true, sentMessages::afterScript),
                    Stream.of(DynamicTest.dynamicTest("no order of theirs reached the exchange",
                            () -> assertThat(exchange.server().fix().registry().size(sessionNumber(dialect.session())))
                                    .isZero())))));
        }
        nodes.add(everySentMessageValid());
        return nodes.stream();
    }

    /**
     * The exchange's own suite (with the scripts that need the server's trading phases), then a check of docs/FIX-SPEC.md against every message the exchange sent
     * in it: each message type has its table, each tag sent is in its table for that FIX version, each
     * documented tag was sent.
     */
    @TestFactory
    Stream<DynamicTest> shouldPassEveryScriptOfTheExchangesOwnSuite() throws IOException {
        SentTags sent = new SentTags();
        return Stream.concat(
                DynamicScriptTests.of(List.of(ModulePaths.exchangeScripts(), ModulePaths.operatorScripts()),
                        exchange.runner(RunOptions.defaults()), result -> {
                            sent.record(result);
                            sentMessages.afterScript(result);
                        }),
                Stream.of(DynamicTest.dynamicTest("SCRIPTS.md's example", () -> {
                    ScriptResult result = exchange.runner(RunOptions.defaults()).run(ScriptsDocumentationTest.example());
                    sentMessages.afterScript(result);
                    assertThat(result.passed()).as(result.report()).isTrue();
                }), everySentMessageValid(), DynamicTest.dynamicTest("docs/FIX-SPEC.md documents every tag the exchange sent, and only those",
                        () -> assertThat(sent.differencesFrom(FixSpecification.read(ModulePaths.fixSpecification())))
                                .as("sent: %s", sent).isEmpty())));
    }

    /**
     * The suite's messages from the exchange, each checked as a broker's QuickFIX/J engine checks what it
     * receives: one it would refuse fails the build with the script, QuickFIX/J's reason and the message.
     */
    private DynamicTest everySentMessageValid() {
        return DynamicTest.dynamicTest("every message the exchange sent passes its FIX version's QuickFIX/J dictionary",
                () -> assertThat(sentMessages.takeProblems()).as("messages a broker's engine would refuse").isEmpty());
    }

    private int sessionNumber(SessionID sessionId) {
        return exchange.server().fix().sessions().byId(sessionId).number();
    }
}
