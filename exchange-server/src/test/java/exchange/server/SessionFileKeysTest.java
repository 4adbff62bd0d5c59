package exchange.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key given twice in one section of the FIX session file, which QuickFIX/J would take the last of. */
class SessionFileKeysTest {
    private static final Path FILE = Path.of("config/fix-sessions.cfg");

    @Test
    void shouldRefuseAKeyGivenTwiceInOneSessionNamingItsSectionAndBothLines() {
        final String text = """
            [DEFAULT]
            ConnectionType=acceptor

            [SESSION]
            TargetCompID=BROKER1
            # a comment
            PasswordHash=a
              PasswordHash = b
            """;

        assertThatThrownBy(() -> SessionFileKeys.refuseRepeats(FILE, text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(FILE + ": PasswordHash is given twice in the [SESSION] section of line 4, on line 7 and line 8;"
                + " keep one");
    }

    @Test
    void shouldRefuseAKeyGivenTwiceInTheDefaultSection() {
        assertThatThrownBy(() -> SessionFileKeys.refuseRepeats(FILE, "[DEFAULT]\r\nSocketAcceptPort=1\r\nSocketAcceptPort=2\r\n"))
            .hasMessage(FILE + ": SocketAcceptPort is given twice in the [DEFAULT] section of line 1, on line 2 and line 3;"
                + " keep one");
    }

    @Test
    void shouldLetEachSectionHaveItsOwnValueOfAKeyAndIgnoreComments() {
        assertThatCode(() -> SessionFileKeys.refuseRepeats(FILE, """
            [DEFAULT]
            SenderCompID=EXCH
            [SESSION]
            TargetCompID=BROKER1
            #TargetCompID=OLD
            [SESSION]
            TargetCompID=BROKER2
            """)).doesNotThrowAnyException();
        assertThatCode(() -> SessionFileKeys.refuseRepeats(FILE, java.nio.file.Files.readString(Path.of("../config/fix-sessions.cfg"))))
            .as("the shipped file").doesNotThrowAnyException();
    }
}
