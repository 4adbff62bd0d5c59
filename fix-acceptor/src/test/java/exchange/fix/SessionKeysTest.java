package exchange.fix;

import org.junit.jupiter.api.Test;
import quickfix.SessionSettings;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionKeysTest {
    private static SessionSettings settings(final String text) throws Exception {
        return new SessionSettings(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldRefuseASlipOfAKnownKeyNamingTheSectionAndTheKeyMeant() throws Exception {
        assertThatThrownBy(() -> SessionKeys.check(settings("[DEFAULT]\nConnectionType=acceptor\n[SESSION]\n"
            + "BeginString=FIX.4.4\nSenderCompID=EXCH\nTargetCompID=B1\nCancelOnDisconect=Y\n")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("FIX.4.4:EXCH->B1: CancelOnDisconect is not a setting; did you mean CancelOnDisconnect?");
        assertThatThrownBy(() -> SessionKeys.check(settings("[DEFAULT]\nConnectionType=acceptor\nlogonWaitSeconds=5\n")))
            .hasMessage("[DEFAULT]: logonWaitSeconds is not a setting; did you mean LogonWaitSeconds?");
        assertThat(SessionKeys.slipOf("ValidateUserDefinedField")).as("QuickFIX/J's keys too")
            .isEqualTo("ValidateUserDefinedFields");
        assertThat(SessionKeys.slipOf("SocketAceptPort")).isEqualTo("SocketAcceptPort");
    }

    @Test
    void shouldTakeEveryKnownKeyAndLeaveUnrelatedOnesAlone() {
        for (final String key : new String[] {"CancelOnDisconnect", "MaxFailedLogonsPerMinute", "StartDay", "EndDay",
            "StartTime", "EndTime", "TimeStampPrecision", "SocketKeyStorePassword", "AppDataDictionary.FIX.4.4",
            "ResetOnLogon", "ResetOnLogout", "SenderLocationID", "SocketTcpNoDelay", "FileStoreSync",
            "RejectGarbledMessage", "ValidateSequenceNumbers", "MaxScheduledWriteRequests", "SessionQualifier",
            "MyOwnTool.Setting", "Comment"}) {
            assertThat(SessionKeys.slipOf(key)).as(key).isNull();
        }
    }

    /** Every shipped session file, the demo's and the conformance exchange's, holds no slip. */
    @Test
    void shouldFindNoSlipInTheShippedSessionFiles() throws Exception {
        for (final String file : new String[] {"config/fix-sessions.cfg", "config/conformance/fix-sessions.cfg"}) {
            Path path = Path.of(file);
            for (int up = 0; up < 3 && !Files.exists(path); up++) {
                path = Path.of("..").resolve(path);
            }
            try (InputStream in = Files.newInputStream(path)) {
                final SessionSettings settings = new SessionSettings(in);
                assertThatCode(() -> SessionKeys.check(settings)).as(file).doesNotThrowAnyException();
            }
        }
    }
}
