package exchange.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationsConfigTest {
    @TempDir
    Path dir;

    private static Properties with(final String... pairs) {
        final Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void shouldTakeDefaultsThatListenOnLoopbackOnly() {
        final OperationsConfig c = OperationsConfig.fromProperties(new Properties(), Path.of("config"), Path.of("data"));

        assertThat(c.enabled()).isTrue();
        assertThat(c.bind().isLoopbackAddress()).isTrue();
        assertThat(c.port()).isEqualTo(9878);
        assertThat(c.tokenFile()).isEqualTo(Path.of("config", "admin.tokens"));
        assertThat(c.reportsDir()).isEqualTo(Path.of("data", "reports"));
        assertThat(c.depthLevels()).isEqualTo(20);
        assertThat(c.threadNice()).as("the view's thread gives way to the orders'").isEqualTo(19);
        assertThat(c.describe()).containsEntry(OperationsConfig.BIND, "127.0.0.1").containsKeys(OperationsConfig.NAMES
            .toArray(String[]::new));
    }

    @Test
    void shouldRefuseBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> OperationsConfig.fromProperties(with(OperationsConfig.PORT, "70000"), dir, dir))
            .hasMessage(OperationsConfig.PORT + " must be from 0 to 65535: 70000");
        assertThatThrownBy(() -> OperationsConfig.fromProperties(with(OperationsConfig.ENABLED, "yes"), dir, dir))
            .hasMessage(OperationsConfig.ENABLED + " must be true or false: 'yes'");
        assertThatThrownBy(() -> OperationsConfig.fromProperties(with(OperationsConfig.DEPTH_LEVELS, "ten"), dir, dir))
            .hasMessage(OperationsConfig.DEPTH_LEVELS + " must be a whole number: 'ten'");
        assertThatThrownBy(() -> OperationsConfig.fromProperties(with(OperationsConfig.THREAD_NICE, "-5"), dir, dir))
            .as("raising a thread above the others needs privileges the exchange should not have")
            .hasMessage(OperationsConfig.THREAD_NICE + " must be from 0 to 19: -5");
        assertThat(OperationsConfig.fromProperties(with(OperationsConfig.THREAD_NICE, "0"), dir, dir).threadNice()).isZero();
        assertThatThrownBy(() -> OperationsConfig.fromProperties(with(OperationsConfig.BIND, "no such host.invalid"), dir, dir))
            .hasMessageContaining(OperationsConfig.BIND + " is not an address of this machine");
    }

    @Test
    void shouldKnowEachOperatorByTokenAndNoOneByAWrongOne() throws Exception {
        final Path file = dir.resolve("admin.tokens");
        Files.writeString(file, "# operators\n\nalice = alice-token-0123456789\nbob=bob-token-0123456789abc\n");

        final AdminTokens tokens = AdminTokens.load(file);

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.operator("alice-token-0123456789")).isEqualTo("alice");
        assertThat(tokens.operator("bob-token-0123456789abc")).isEqualTo("bob");
        assertThat(tokens.operator("alice-token-012345678")).isNull();
        assertThat(tokens.operator(null)).isNull();
        assertThat(AdminTokens.load(dir.resolve("absent")).isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseATokenFileWithAShortTokenOrABadLineNamingTheLine() throws Exception {
        final Path file = dir.resolve("admin.tokens");
        Files.writeString(file, "alice = short\n");
        assertThatThrownBy(() -> AdminTokens.load(file)).hasMessageContaining("line 1: the token of alice must be at least 16");
        Files.writeString(file, "\njust-a-token-without-a-name\n");
        assertThatThrownBy(() -> AdminTokens.load(file)).hasMessageContaining("line 2: expected 'name = token'");
        Files.writeString(file, "a = alice-token-0123456789\na = other-token-0123456789\n");
        assertThatThrownBy(() -> AdminTokens.load(file)).hasMessageContaining("line 2: a is listed twice");
        Files.writeString(file, "a b = alice-token-0123456789\n");
        assertThatThrownBy(() -> AdminTokens.load(file)).hasMessageContaining("an operator's name");
        // the audit log names who acted by the token: two operators with one token could not be told apart
        Files.writeString(file, "alice = shared-token-0123456789\nbob = shared-token-0123456789\n");
        assertThatThrownBy(() -> AdminTokens.load(file))
            .hasMessageContaining("line 2: bob has the same token as alice; give each operator a token of their own");
    }
}
