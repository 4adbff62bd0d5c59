package exchange.server;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM flags live in two places, {@code bin/jvm-flags} (every launcher) and the root pom's
 * {@code exchange.jvm.flags} (Surefire): they must be the same list, and the tests must run with it.
 */
class JvmFlagsTest {
    private static List<String> tokens(final String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).sorted().toList();
    }

    private static String match(final String text, final String regex) {
        final Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("pattern %s", regex).isTrue();
        return m.group(1);
    }

    @Test
    void shouldGiveLaunchersAndTestsTheSameFlags() throws Exception {
        final List<String> launchers = tokens(match(Files.readString(Path.of("..", "bin", "jvm-flags")),
            "EXCHANGE_JVM_FLAGS=\"([^\"]*)\""));
        final List<String> surefire = tokens(match(Files.readString(Path.of("..", "pom.xml")),
            "<exchange\\.jvm\\.flags>([^<]*)</exchange\\.jvm\\.flags>"));
        assertThat(launchers).isNotEmpty().isEqualTo(surefire);
        assertThat(launchers).contains("-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true");
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(surefire);
    }
}
