package exchange.fix;

import org.apache.mina.core.session.IoSession;
import org.slf4j.LoggerFactory;
import quickfix.Responder;
import quickfix.Session;
import quickfix.SessionStateListener;
import quickfix.mina.IoSessionResponder;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
 * buffer: QuickFIX/J has stored them, and the broker gets them by resend. A slow consumer is disconnected
 * as QuickFIX/J's responder does it, once {@code MaxScheduledWriteRequests} messages wait for its socket,
 * counting the messages in each held write; a resend, which can be larger than that, waits for the socket
 * instead ({@link HeldResponder#awaitRoomForResend()}). A connection whose responder is not QuickFIX/J's own socket
 * responder, or writes with {@code SocketSynchronousWrites}, is written message by message.
 *
 * <p>Thread-safe: {@link #flush()} is for the owner thread only.
 */
public final class CoalescedWrites {
    /** Most text held for a connection: a message that would take it further first sends what is held. */
    private static final int MAX_HELD_CHARS = 64 * 1024;
    /** In every message of a resend: PossDupFlag(43)=Y (a gap fill's too). */
    private static final String POSS_DUP = "\u000143=Y\u0001";
    /** How long a resend waits for a broker that reads nothing at all before the slow-consumer rule applies. */
    private static final long RESEND_PATIENCE_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long RESEND_PAUSE_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /** QuickFIX/J's responder keeps its socket and its SocketSynchronousWrites to itself. */
    private static final MethodHandle IO_SESSION;
    private static final MethodHandle SYNCHRONOUS;

    static {
        MethodHandle ioSession = null;
        MethodHandle synchronous = null;
        try {
            final var getter = IoSessionResponder.class.getDeclaredMethod("getIoSession");
            getter.setAccessible(true);
            final var field = IoSessionResponder.class.getDeclaredField("synchronousWrites");
            field.setAccessible(true);
            ioSession = MethodHandles.lookup().unreflect(getter);
            synchronous = MethodHandles.lookup().unreflectGetter(field);
        } catch (final ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(CoalescedWrites.class).warn("QuickFIX/J's responder has changed: every message "
                + "is written by itself ({})", e.toString());
        }
        IO_SESSION = ioSession;
        SYNCHRONOUS = synchronous;
    }

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
                final IoSession socket = socketOf(responder);
                if (socket != null) {
                    session.setResponder(new HeldResponder(session, responder, socket));
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

    /** The socket of QuickFIX/J's responder, when it writes to one without waiting; else {@code null}. */
    static IoSession socketOf(final Responder responder) {
        if (!(responder instanceof IoSessionResponder) || IO_SESSION == null) {
            return null;
        }
        try {
            return (boolean) SYNCHRONOUS.invoke((IoSessionResponder) responder)
                ? null : (IoSession) IO_SESSION.invoke((IoSessionResponder) responder);
        } catch (final Throwable e) {
            return null;
        }
    }

    private final class HeldResponder implements Responder {
        private final Session session;
        private final Responder connection;
        private final IoSession socket;
        private final StringBuilder held = new StringBuilder(8192);
        private int heldMessages;
        /** Messages in the writes this responder handed the socket that it has not written yet. */
        private final AtomicInteger unwritten = new AtomicInteger();

        HeldResponder(final Session session, final Responder connection, final IoSession socket) {
            this.session = session;
            this.connection = connection;
            this.socket = socket;
        }

        @Override
        public boolean send(final String data) {
            if (Thread.currentThread() != owner && data.contains(POSS_DUP)) {
                awaitRoomForResend();
            }
            return sendNow(data);
        }

        private synchronized boolean sendNow(final String data) {
            if (Thread.currentThread() == owner && held.length() + data.length() <= MAX_HELD_CHARS) {
                if (heldMessages == 0) {
                    holding.add(this);
                }
                held.append(data);
                heldMessages++;
                return true;
            }
            writeHeld();
            return connection.send(data);
        }

        synchronized void flush() {
            writeHeld();
        }

        /**
         * A resend (QuickFIX/J answering a ResendRequest on the session's own thread, every message with
         * PossDupFlag=Y) can hand the socket tens of thousands of messages in a moment, far faster than a
         * WAN link takes them: past {@code MaxScheduledWriteRequests} it would be cut off as a slow
         * consumer, every time the broker asked. So while half of that many wait for the socket, the resend
         * waits (outside this responder's lock: the report sender never waits) for a quarter to be left. A
         * broker that stops reading altogether is let go after {@link #RESEND_PATIENCE_NS} and the
         * slow-consumer rule applies as before.
         */
        private void awaitRoomForResend() {
            final int max = session.getMaxScheduledWriteRequests();
            if (max <= 0 || backlog() <= max / 2) {
                return;
            }
            final long deadline = System.nanoTime() + RESEND_PATIENCE_NS;
            while (backlog() > max / 4 && socket.isConnected() && !socket.isClosing()
                && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(RESEND_PAUSE_NS);
            }
        }

        private int backlog() {
            return unwritten.get() + socket.getScheduledWriteMessages();
        }

        /**
         * Hands what is held to the socket, or, like QuickFIX/J's responder, disconnects a slow consumer: one
         * that has {@code MaxScheduledWriteRequests} messages waiting (counted in messages, not in writes).
         */
        private void writeHeld() {
            if (heldMessages == 0) {
                return;
            }
            final String text = held.toString();
            final int messages = heldMessages;
            held.setLength(0);
            heldMessages = 0;
            final int max = session.getMaxScheduledWriteRequests();
            if (max > 0 && backlog() + messages > max) {
                try {
                    session.disconnect("Slow consumer", true);
                } catch (final IOException e) {
                    // the connection is going either way; the messages are in the store for resend
                }
                return;
            }
            unwritten.addAndGet(messages);
            socket.write(text).addListener(written -> unwritten.addAndGet(-messages));
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
