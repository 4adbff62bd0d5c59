package exchange.fix;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The configured sessions, by QuickFIX/J id and by engine session number, and the way to send to
 * them. Immutable after construction (but for the QuickFIX/J sessions it remembers); thread-safe.
 */
public final class FixSessions {
    private final Map<SessionID, FixSession> byId = new HashMap<>();
    private final FixSession[] byNumber = new FixSession[0x10000];
    private final List<FixSession> all;
    private final AtomicReferenceArray<Session> qfjSessions = new AtomicReferenceArray<>(0x10000);
    private volatile boolean remembering = true;

    public FixSessions(final List<FixSession> sessions) {
        for (final FixSession s : sessions) {
            if (byNumber[s.number()] != null) {
                throw new IllegalArgumentException("SessionNumber " + s.number() + " is used by both "
                    + byNumber[s.number()].sessionId() + " and " + s.sessionId());
            }
            byNumber[s.number()] = s;
            byId.put(s.sessionId(), s);
        }
        all = List.copyOf(sessions);
    }

    /**
     * Reads every session of a QuickFIX/J settings file, the exchange's own keys included.
     *
     * @throws IllegalArgumentException naming the session and key of the first mistake (a slip of a
     *                                  known key's name included, {@link SessionKeys}), two sessions given
     *                                  one SessionNumber, or two sharing a data dictionary file but not its
     *                                  validation settings ({@link SharedDictionaries})
     */
    public static FixSessions from(final SessionSettings settings, final FirmDirectory firms) {
        SessionKeys.check(settings);
        SharedDictionaries.check(settings);
        final List<FixSession> sessions = new ArrayList<>();
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); ) {
            sessions.add(FixSession.from(settings, it.next(), firms));
        }
        return new FixSessions(sessions);
    }

    /** @return the session, or {@code null} */
    public FixSession byId(final SessionID id) {
        return byId.get(id);
    }

    /** @return the session, or {@code null} */
    public FixSession byNumber(final int number) {
        return number > 0 && number < byNumber.length ? byNumber[number] : null;
    }

    /** @return the dialect of a session number (FIX 4.4 when unknown) */
    public FixVersion version(final int number) {
        final FixSession s = byNumber(number);
        return s == null ? FixVersion.FIX44 : FixVersion.of(s.sessionId());
    }

    /** @return every session */
    public List<FixSession> all() {
        return all;
    }

    /**
     * Hands a message to a session: sent now when it is logged on, stored for resend when not.
     *
     * @return false when QuickFIX/J has no such session
     */
    public boolean send(final FixSession session, final Message message) {
        final Session s = qfjSession(session);
        if (s == null) {
            return false;
        }
        s.send(message);
        return true;
    }

    /**
     * QuickFIX/J's session, remembered after the first lookup: the ExecutionReport sender sends every
     * report through here, and QuickFIX/J's registry lookup (a hash of the SessionID's text) cost 5% of
     * its time. An acceptor creates its sessions once, when it starts; {@link #forgetQuickFixSessions()}
     * is called before it stops (and unregisters and closes them), after which every send looks up again.
     */
    private Session qfjSession(final FixSession session) {
        final int number = session.number();
        if (!remembering || byNumber(number) != session) {
            return Session.lookupSession(session.sessionId());
        }
        Session s = qfjSessions.get(number);
        if (s == null) {
            s = Session.lookupSession(session.sessionId());
            if (s != null && remembering) {
                qfjSessions.set(number, s);
            }
        }
        return s;
    }

    /** Stops remembering QuickFIX/J's sessions: their acceptor is about to stop. */
    public void forgetQuickFixSessions() {
        remembering = false;
        for (int i = 0; i < qfjSessions.length(); i++) {
            qfjSessions.set(i, null);
        }
    }
}
