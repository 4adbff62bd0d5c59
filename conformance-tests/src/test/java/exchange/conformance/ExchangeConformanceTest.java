package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
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
    /** How long the slow acceptance scripts may take, played at the same time (about 43 s). */
    private static final long SLOW_SCRIPTS_TIMEOUT_S = 180;

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
     * FIXT.1.1): a test per script but the two slow ones, then one that none of their orders reached the
     * exchange. Then the slow scripts of the three versions, played at the same time, and the check of
     * every message the exchange sent in all of them.
     */
    @TestFactory
    Stream<DynamicNode> shouldPassEveryQuickFixJAcceptanceScriptUnchanged() throws IOException {
        ScriptRunner runner = exchange.runner(RunOptions.defaults());
        List<DynamicNode> nodes = new ArrayList<>();
        for (AcceptanceDialect dialect : AcceptanceDialect.values()) {
            nodes.add(DynamicContainer.dynamicContainer(dialect.folder, Stream.concat(
                    dialect.tests(runner, script -> !AcceptanceDialect.isSlow(script), sentMessages::afterScript),
                    Stream.of(DynamicTest.dynamicTest("no order of theirs reached the exchange",
                            () -> assertThat(exchange.server().fix().registry().size(sessionNumber(dialect.session())))
                                    .isZero())))));
        }
        nodes.add(slowAcceptanceScriptsAtOnce());
        nodes.add(everySentMessageValid());
        return nodes.stream();
    }

    /**
     * The slow acceptance scripts (4a, about 11 s, and 6, about 31 s), a test each: they mostly wait for
     * heartbeat intervals, one after the other they took 129 s. Each version's session is its own, so the
     * three versions play at the same time, each version's two in turn, and each script waits for its own
     * session only ({@link ExchangeUnderTest#forSession}). The first test plays them all; the messages the
     * exchange sent meanwhile are checked together.
     */
    private DynamicContainer slowAcceptanceScriptsAtOnce() throws IOException {
        Map<AcceptanceDialect, List<Path>> scripts = new EnumMap<>(AcceptanceDialect.class);
        for (AcceptanceDialect dialect : AcceptanceDialect.values()) {
            scripts.put(dialect, dialect.slowScripts());
        }
        ScriptsAtOnce atOnce = new ScriptsAtOnce(scripts);
        List<DynamicTest> tests = new ArrayList<>();
        scripts.forEach((dialect, files) -> files.forEach(file -> tests.add(DynamicTest.dynamicTest(
                dialect.folder + "/" + ScriptFiles.nameOf(file), file.toUri(), () -> {
                    ScriptResult result = atOnce.result(file);
                    if (!result.passed()) {
                        Assertions.fail(result.report());
                    }
                }))));
        return DynamicContainer.dynamicContainer("slow scripts of every version at once", tests.stream());
    }

    /**
     * Plays each version's scripts on a thread of its own, once, when the first result is asked for; a run
     * that did not end (a timeout) fails every test of the group, without playing again.
     */
    private final class ScriptsAtOnce {
        private final Map<AcceptanceDialect, List<Path>> scripts;
        private Map<Path, ScriptResult> results;
        private Exception failure;

        ScriptsAtOnce(Map<AcceptanceDialect, List<Path>> scripts) {
            this.scripts = scripts;
        }

        synchronized ScriptResult result(Path script) throws Exception {
            if (results == null && failure == null) {
                try {
                    results = playAll();
                } catch (Exception e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException("the slow scripts did not end", failure);
            }
            return results.get(script);
        }

        private Map<Path, ScriptResult> playAll() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(scripts.size());
            try {
                Map<AcceptanceDialect, Future<List<ScriptResult>>> versions = new EnumMap<>(AcceptanceDialect.class);
                scripts.forEach((dialect, files) -> {
                    ScriptRunner runner = exchange.runner(RunOptions.defaults(), exchange.forSession(dialect.session()));
                    versions.put(dialect, threads.submit(() -> files.stream().map(runner::run).toList()));
                });
                Map<Path, ScriptResult> played = new LinkedHashMap<>();
                for (Map.Entry<AcceptanceDialect, Future<List<ScriptResult>>> version : versions.entrySet()) {
                    List<Path> files = scripts.get(version.getKey());
                    List<ScriptResult> results = version.getValue().get(SLOW_SCRIPTS_TIMEOUT_S, TimeUnit.SECONDS);
                    for (int i = 0; i < files.size(); i++) {
                        played.put(files.get(i), results.get(i));
                    }
                }
                sentMessages.afterScripts(List.copyOf(played.values()));
                return played;
            } finally {
                threads.shutdownNow();
            }
        }
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
