package exchange.fix;

import org.junit.jupiter.api.Test;
import quickfix.ConfigError;
import quickfix.SessionSettings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedDictionariesTest {
    private static final String DEFAULT = """
        [DEFAULT]
        ConnectionType=acceptor
        SenderCompID=EXCH
        ValidateUserDefinedFields=N
        """;

    private static SessionSettings settings(final String text) throws ConfigError {
        return new SessionSettings(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String session(final String begin, final String target, final String extra) {
        return "[SESSION]\nBeginString=" + begin + "\nTargetCompID=" + target + "\n" + extra;
    }

    @Test
    void shouldTakeSessionsThatShareADictionaryAndItsSettings() throws Exception {
        assertThatCode(() -> SharedDictionaries.check(settings(DEFAULT
            + session("FIX.4.4", "B1", "DataDictionary=FIX44.xml\n")
            + session("FIX.4.4", "B2", "")
            + session("FIX.4.2", "B3", "ValidateUserDefinedFields=Y\n")
            + session("FIX.4.4", "B4", "ValidateUserDefinedFields=Y\nDataDictionary=FIX44.copy.xml\n")
            + session("FIX.4.4", "B5", "ValidateUserDefinedFields=Y\nUseDataDictionary=N\n"))))
            .as("the same file with the same settings; another version's file; a copy; no dictionary")
            .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseSessionsThatShareADictionaryButNotItsSettingsNamingThemTheFileAndTheSetting() {
        assertThatThrownBy(() -> SharedDictionaries.check(settings(DEFAULT
            + session("FIX.4.4", "B1", "")
            + session("FIX.4.4", "B2", "ValidateUserDefinedFields=Y\n"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("FIX.4.4:EXCH->B1 and FIX.4.4:EXCH->B2 share the data dictionary FIX44.xml but not "
                + "ValidateUserDefinedFields (N and Y)");
        assertThatThrownBy(() -> SharedDictionaries.check(settings("[DEFAULT]\nConnectionType=acceptor\nSenderCompID=EXCH\n"
            + session("FIXT.1.1", "B1", "DefaultApplVerID=FIX.5.0SP2\nAppDataDictionary=FIX50SP2.xml\n")
            + session("FIXT.1.1", "B2", "DefaultApplVerID=FIX.5.0SP2\nAppDataDictionary=FIX50SP2.xml\nAllowUnknownMsgFields=Y\n"))))
            .as("a FIXT session's transport dictionary, unset: QuickFIX/J's default file")
            .hasMessageContaining("share the data dictionary FIXT11.xml but not AllowUnknownMsgFields (N and Y)");
    }
}
