/**
 * FIX conformance scripts and their runner.
 *
 * <p>A script is a conversation written in QuickFIX/J's acceptance-test format ({@code .def}
 * files), extended for this exchange as described in {@code conformance-tests/SCRIPTS.md}:
 * {@link exchange.conformance.ScriptParser} reads it into {@link exchange.conformance.Step}s,
 * {@link exchange.conformance.ScriptRunner} plays it over plain TCP against a FIX acceptor and
 * gives a {@link exchange.conformance.ScriptResult}. {@link exchange.conformance.FixConformance}
 * is the command line; {@link exchange.conformance.DynamicScriptTests} makes JUnit tests of a
 * directory of scripts.
 *
 * <p>The runner is a raw TCP client, not a FIX engine: it sends exactly the bytes a script
 * asks for, including malformed ones, and checks the replies field by field.
 */
package exchange.conformance;
