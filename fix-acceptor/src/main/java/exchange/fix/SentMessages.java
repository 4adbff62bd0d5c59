package exchange.fix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each session's QuickFIX/J store says was sent last, read once at start: the ExecutionReport
 * sender skips a message it finds here, because it was sent just before a crash that came before the
 * sender could save its place. Keys are "17=ExecID" for ExecutionReports and "9:ClOrdID" or
 * "r:ClOrdID" for cancel rejects and mass cancel reports.
 */
final class SentMessages {
    private static final Logger LOG = LoggerFactory.getLogger(SentMessages.class);
    private static final int LOOK_BACK = 2_000;

    private final FixSessions sessions;
    private final Map<Integer, Set<String>> recent = new HashMap<>();

    SentMessages(final FixSessions sessions) {
        this.sessions = sessions;
    }

    /** Reads the last messages of every session's store. */
    void load() {
        recent.clear();
        for (final FixSession s : sessions.all()) {
            final Session session = Session.lookupSession(s.sessionId());
            if (session == null) {
                continue;
            }
            try {
                final int next = session.getStore().getNextSenderMsgSeqNum();
                final List<String> messages = new ArrayList<>();
                session.getStore().get(Math.max(1, next - LOOK_BACK), next - 1, messages);
                final Set<String> keys = new HashSet<>();
                for (final String raw : messages) {
                    final Message m = new Message();
                    try {
                        m.fromString(raw, null, false);
                    } catch (final InvalidMessage e) {
                        continue;
                    }
                    final String type = m.getHeader().isSetField(35) ? m.getHeader().getString(35) : "";
                    if ("8".equals(type) && m.isSetField(17)) {
                        keys.add("17=" + m.getString(17));
                    } else if (("9".equals(type) || "r".equals(type)) && m.isSetField(11)) {
                        keys.add(type + ":" + m.getString(11));
                    }
                }
                recent.put(s.number(), keys);
            } catch (final IOException | quickfix.FieldNotFound e) {
                LOG.warn("cannot read the message store of {}: {}", s.sessionId(), e.toString());
            }
        }
    }

    /** @return true when this message was already sent to the session before a restart */
    boolean alreadySent(final FixSession session, final String key) {
        if (key == null) {
            return false;
        }
        final Set<String> keys = recent.get(session.number());
        return keys != null && keys.contains(key);
    }
}
