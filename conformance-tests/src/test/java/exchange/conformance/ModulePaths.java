package exchange.conformance;

import java.nio.file.Path;

/** Where this module's files are, for tests run by Maven (which sets basedir) or an IDE. */
final class ModulePaths {
    private ModulePaths() {
    }

    /** The conformance-tests module directory. */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** QuickFIX/J's acceptance scripts vendored in this repository, a folder per FIX version ({@link AcceptanceDialect}). */
    static Path quickFixJAcceptanceScripts() {
        return moduleDirectory().resolve("src/test/resources/quickfixj-acceptance");
    }

    /** The exchange's own conformance suite. */
    static Path exchangeScripts() {
        return moduleDirectory().resolve("src/test/resources/scripts");
    }

    /** The configuration the conformance exchange runs with: the repository's {@code config/conformance}. */
    /** Scripts that move instruments between trading phases ({@code iSET_PHASE}): in-process only. */
    static Path operatorScripts() {
        return moduleDirectory().resolve("src/test/resources/operator-scripts");
    }

    static Path conformanceConfig() {
        return moduleDirectory().resolveSibling("config").resolve("conformance");
    }

    /** The exchange's FIX specification, {@code docs/FIX-SPEC.md} in the repository. */
    static Path fixSpecification() {
        return moduleDirectory().resolveSibling("docs").resolve("FIX-SPEC.md");
    }
}
