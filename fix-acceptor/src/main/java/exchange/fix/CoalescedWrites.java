package exchange.fix;

import quickfix.Responder;
import quickfix.Session;
import quickfix.SessionStateListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets one thread, the ExecutionReport sender, hand a session many messages and have them leave in one
 * socket write when it {@link #flush() flushes} at the end of its batch, instead of one write (and one
 * wake-up of the socket's I/O thread, and one read at the broker) per message.
 *
 * <p>QuickFIX/J does everything else as before, message by message: it numbers each one, stores it for
 * resend and logs it before handing it to the session's responder. Only the responder's writes are held:
 * {@link #install(Session)} wraps each connection's responder as QuickFIX/J sets it (under QuickFIX/J's
 * own responder lock, so never on a connection that has gone). What the owner thread sends waits there
 * until its flush; what any other thread sends (a heartbeat, a session Reject, an answer the acceptor
 * gives at once, a Logout) first sends what waits, so messages leave in the order QuickFIX/J numbered
 * them. A connection that drops with messages waiting loses them as it would lose those in its socket
 * buffer: QuickFIX/J has stored them, and the broker gets them by resend.
 *
 * <p>Thread-safe: {@link #flush()} is for the owner thread only.
 */
public final class CoalescedWrites {
    /** Held text beyond which the owner's next message goes out at once with it. */
    private static final int MAX_HELD_CHARS = 64 * 1024;

    private final List<HeldResponder> holding = new ArrayList<>();
    private volatile Thread owner;

    /** @param thread the thread whose messages are held until it flushes */
    public void ownedBy(final Thread thread) {
        owner = thread;
    }

    /** Wraps the responder of each connection the session gets from now on. */
    public void install(final Session session) {
        session.addStateListener(new SessionStateListener() {
            @Override
            public void onConnect() {
                // called by Session.setResponder, under its responder lock: no disconnect in between
                final Responder responder = session.getResponder();
                if (responder != null && !(responder instanceof HeldResponder)) {
                    session.setResponder(new HeldResponder(responder));
                }
            }
        });
    }

    /** Writes what the owner thread's messages are waiting for. Owner thread only. */
    public void flush() {
        for (int i = 0; i < holding.size(); i++) {
            holding.get(i).flush();
        }
        holding.clear();
    }

    private final class HeldResponder implements Responder {
        private final Responder connection;
        private final StringBuilder held = new StringBuilder(8192);

        HeldResponder(final Responder connection) {
            this.connection = connection;
        }

        @Override
        public synchronized boolean send(final String data) {
            if (Thread.currentThread() == owner && held.length() + data.length() <= MAX_HELD_CHARS) {
                if (held.length() == 0) {
                    holding.add(this);
                }
                held.append(data);
                return true;
            }
            writeHeld();
            return connection.send(data);
        }

        synchronized void flush() {
            writeHeld();
        }

        private void writeHeld() {
            if (held.length() > 0) {
                final String text = held.toString();
                held.setLength(0);
                connection.send(text);
            }
        }

        /**
         * Not synchronized: QuickFIX/J calls it holding its responder lock, which a write that finds a slow
         * consumer takes while this responder's lock is held. What waits is dropped with the connection.
         */
        @Override
        public void disconnect() {
            connection.disconnect();
        }

        @Override
        public String getRemoteAddress() {
            return connection.getRemoteAddress();
        }
    }
}
