package exchange.server;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code --version} prints for {@code bin/exchange} and {@code bin/exchange-client}: the command's name and the
 * project's version, which Maven writes into {@code version.properties} when it builds the module.
 */
public final class Version implements CommandLine.IVersionProvider {
    /** The command asking (picocli injects it). */
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public String[] getVersion() {
        return new String[] {spec.qualifiedName() + " " + projectVersion()};
    }

    /** @return the project's version, as built */
    public static String projectVersion() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "(unknown: version.properties is missing from the build)";
            }
            final Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown)");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
    }
}
