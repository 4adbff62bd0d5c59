package exchange.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an operator's properties file: the syntax of {@link Properties}, with lines, refusing a repeat. */
class PropertiesFileTest {
    private static final Path FILE = Path.of("config/exchange.properties");

    /** Every form {@link Properties#load(java.io.Reader)} reads, to compare with. */
    private static final String EVERY_FORM = String.join("\n",
        "# a comment",
        "! another comment, ending with a backslash \\",
        "plain=1",
        "  spaced   =   2  ",
        "colon: 3",
        "colon.spaced : 4",
        "space.separated 5",
        "continued = one, \\",
        "            two, \\",
        "    # not a comment, the continuation of a value",
        "escaped\\ key = a\\tb \\u0041",
        "ends.with.escaped.backslash = c:\\\\",
        "empty =",
        "",
        "   ",
        "no.value",
        "tab\tseparated",
        "windows = yes\r",
        "last = no newline");

    @Test
    void shouldReadEveryFormAsPropertiesDoes() throws IOException {
        final PropertiesFile file = PropertiesFile.parse(FILE, EVERY_FORM);

        assertThat(file.values()).isEqualTo(propertiesOf(EVERY_FORM));
        assertThat(file.values()).containsKeys("plain", "escaped key", "windows", "last")
            .containsEntry("continued", "one, two, # not a comment, the continuation of a value")
            .containsEntry("escaped key", "a\tb A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../config/exchange.properties", "../config/risk.properties"})
    void shouldReadTheShippedFilesAsPropertiesDoes(final String name) throws IOException {
        final Path path = Path.of(name);

        assertThat(PropertiesFile.read(path).values())
            .isNotEmpty()
            .isEqualTo(propertiesOf(Files.readString(path, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldKeepTheLineEachSettingStartsOn() {
        final PropertiesFile file = PropertiesFile.parse(FILE, EVERY_FORM);

        assertThat(file.line("plain")).isEqualTo(3);
        assertThat(file.line("continued")).isEqualTo(8);
        assertThat(file.line("escaped key")).isEqualTo(11);
        assertThat(file.line("last")).isEqualTo(19);
        assertThat(file.line("absent")).isEqualTo(PropertiesFile.NO_LINE);
    }

    @Test
    void shouldRefuseASettingGivenTwiceNamingTheFileTheSettingAndBothLines() {
        final String text = """
            exchange.engine.orders = 1048576
            exchange.engine.levels = 65536
            # added later, at the bottom
            exchange.engine.orders=2000000
            """;

        assertThatThrownBy(() -> PropertiesFile.parse(FILE, text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(FILE + ": exchange.engine.orders is given twice, on line 1 and line 4; keep one");
    }

    @Test
    void shouldRefuseARepeatWrittenDifferentlyAndAfterAContinuedLine() {
        final String text = """
            exchange.risk.account.1.creditLimit = 50_000_000
            exchange.risk.account.1.name = \\
                ACC1
            exchange.risk.account.1.creditLimit: 60_000_000
            """;

        assertThatThrownBy(() -> PropertiesFile.parse(FILE, text))
            .hasMessage(FILE + ": exchange.risk.account.1.creditLimit is given twice, on line 1 and line 4; keep one");
    }

    @Test
    void shouldNotCountACommentedOutSettingAsARepeat() {
        final PropertiesFile file = PropertiesFile.parse(FILE, "a = 1\n# a = 2\n  ! a = 3\n");

        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void shouldNameTheLineOfAMalformedEscape() {
        assertThatThrownBy(() -> PropertiesFile.parse(FILE, "a = 1\nb = \\u12\n"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(FILE + " line 2: ");
    }

    private static Map<String, String> propertiesOf(final String text) throws IOException {
        final Properties properties = new Properties();
        properties.load(new StringReader(text));
        final Map<String, String> values = new HashMap<>();
        for (final String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return values;
    }
}
