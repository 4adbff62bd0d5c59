package exchange.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import quickfix.SessionID;

/**
 * The FIX versions of QuickFIX/J's server acceptance scripts vendored under
 * {@code src/test/resources/quickfixj-acceptance/}: one folder each, with the session-level (category A)
 * scripts and a README.md that says which were left out and why. The server is ISLD, the client TW.
 */
enum AcceptanceDialect {
    FIX42("fix42", "FIX.4.2", 45, Map.of("DataDictionary", "FIX42.xml")),
    FIX44("fix44", "FIX.4.4", 48, Map.of("DataDictionary", "FIX44.xml")),
    /** QuickFIX/J's acceptance server gives FIXT.1.1 DefaultApplVerID 7 (FIX 5.0); the scripts expect it in the Logon reply. */
    FIX50("fix50", "FIXT.1.1", 47, Map.of("TransportDataDictionary", "FIXT11.xml",
            "AppDataDictionary", "FIX50.xml", "DefaultApplVerID", "FIX.5.0"));

    static final String SERVER_COMP_ID = "ISLD";
    static final String CLIENT_COMP_ID = "TW";
    /**
     * The scripts that mostly wait for heartbeat intervals: 4a_NoDataSentDuringHeartBtInt (about 11 s) and
     * 6_SendTestRequest (about 31 s), in every version.
     */
    private static final Set<String> SLOW_SCRIPTS = Set.of("4a_NoDataSentDuringHeartBtInt", "6_SendTestRequest");

    /** The folder under quickfixj-acceptance/, named as QuickFIX/J names it. */
    final String folder;
    final String beginString;
    /** How many scripts the folder holds. */
    final int categoryAScripts;
    /** The dictionary settings a bare QuickFIX/J acceptor's session of this version has. */
    final Map<String, String> dictionarySettings;

    AcceptanceDialect(String folder, String beginString, int categoryAScripts, Map<String, String> dictionarySettings) {
        this.folder = folder;
        this.beginString = beginString;
        this.categoryAScripts = categoryAScripts;
        this.dictionarySettings = dictionarySettings;
    }

    /** The scripts' folder. */
    Path scripts() {
        return ModulePaths.quickFixJAcceptanceScripts().resolve(folder);
    }

    /**
     * A test per script of the folder, in path order, named {@code fix42/14b_RequiredFieldMissing}: the
     * folders have the same script names, and a report that names tests without their container must tell
     * them apart.
     *
     * @param which the scripts to play
     */
    Stream<DynamicTest> tests(ScriptRunner runner, Predicate<Path> which, Consumer<ScriptResult> onResult)
            throws IOException {
        List<Path> files = ScriptFiles.collect(List.of(scripts())).stream().filter(which).toList();
        return DynamicScriptTests.of(files, runner, onResult).map(test -> DynamicTest.dynamicTest(
                folder + "/" + test.getDisplayName(), test.getTestSourceUri().orElse(null), test.getExecutable()));
    }

    /** The folder's scripts that {@link #isSlow} says are slow, in path order. */
    List<Path> slowScripts() throws IOException {
        return ScriptFiles.collect(List.of(scripts())).stream().filter(AcceptanceDialect::isSlow).toList();
    }

    /** Whether a script is one of the two that take 11 s and more, waiting for heartbeat intervals. */
    static boolean isSlow(Path script) {
        return SLOW_SCRIPTS.contains(ScriptFiles.nameOf(script));
    }

    /** The server's session ISLD->client in this version. */
    SessionID session(String clientCompId) {
        return new SessionID(beginString, SERVER_COMP_ID, clientCompId);
    }

    /** The server's session ISLD->TW that the scripts talk to. */
    SessionID session() {
        return session(CLIENT_COMP_ID);
    }
}
