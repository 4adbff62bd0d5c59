package exchange.dropcopy;

import exchange.fix.FirmDirectory;
import exchange.fix.FixSession;
import exchange.fix.SessionRole;
import org.junit.jupiter.api.Test;
import quickfix.SessionID;
import quickfix.SessionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a drop-copy session's configuration must say. */
class DropCopySessionConfigTest {
    private static final FirmDirectory FIRMS = new FirmDirectory() {
        @Override
        public int firmId(final String name) {
            return "BROKER1".equals(name) ? 1 : UNKNOWN;
        }

        @Override
        public int accountId(final int firmId, final String account) {
            return 0;
        }
    };

    private static SessionID dropCopy(final SessionSettings settings, final String beginString) {
        final SessionID id = new SessionID(beginString, "EXCH", "COMPLIANCE");
        settings.setLong(id, "SessionNumber", 9);
        settings.setString(id, "Role", "drop-copy");
        settings.setString(id, "DropCopyFirms", "BROKER1");
        return id;
    }

    @Test
    void shouldTakeADropCopySessionOfFix44OrFix50() {
        final SessionSettings settings = new SessionSettings();
        for (final String beginString : new String[] {"FIX.4.4", "FIXT.1.1"}) {
            final FixSession session = FixSession.from(settings, dropCopy(settings, beginString), FIRMS);
            assertThat(session.role()).isEqualTo(SessionRole.DROP_COPY);
            assertThat(session.entitledTo("BROKER1")).isTrue();
        }
    }

    /**
     * A copy says it is one with CopyMsgIndicator (797) and whose order it was with Parties (453):
     * FIX 4.2 has neither, and a FIX 4.2 engine rejects a message with a tag its version does not
     * define (Reject, "Invalid tag number"), so it would refuse every copy. Refused at start-up.
     */
    @Test
    void shouldRefuseADropCopySessionOfAVersionWithoutCopyMsgIndicatorAndParties() {
        final SessionSettings settings = new SessionSettings();
        final SessionID id = dropCopy(settings, "FIX.4.2");
        assertThatThrownBy(() -> FixSession.from(settings, id, FIRMS))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("COMPLIANCE")
            .hasMessageContaining("CopyMsgIndicator");
    }
}
