package exchange.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.IoSessionResponder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a report sender holds for a session, and when it goes: a real QuickFIX/J session and its own
 * socket responder over MINA's in-memory session, which records each write.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CoalescedWritesTest {
    private final CoalescedWrites writes = new CoalescedWrites();
    private Session session;

    /** A MINA session that records what is written to it, one entry per write. */
    private static final class Socket {
        final DummySession io = new DummySession();
        final List<String> written = new CopyOnWriteArrayList<>();

        Socket() {
            io.getFilterChain().addLast("record", new IoFilterAdapter() {
                @Override
                public void filterWrite(final NextFilter next, final IoSession s, final WriteRequest request) {
                    written.add((String) request.getMessage());
                    next.filterWrite(s, request);
                }
            });
        }
    }

    private static Session session(final String target, final int maxScheduledWrites) throws Exception {
        final SessionID id = new SessionID("FIX.4.4", "EXCHANGE", target);
        final SessionSettings settings = new SessionSettings();
        settings.setString(id, "ConnectionType", "acceptor");
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "UseDataDictionary", "N");
        settings.setLong(id, "MaxScheduledWriteRequests", maxScheduledWrites);
        return new DefaultSessionFactory(new ApplicationAdapter(), new MemoryStoreFactory(),
            new ScreenLogFactory(false, false, false), new DefaultMessageFactory()).create(id, settings);
    }

    @BeforeEach
    void start() throws Exception {
        session = session("BROKER1", 10);
        writes.ownedBy(Thread.currentThread());
        writes.install(session);
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private Socket connect(final boolean synchronousWrites) {
        final Socket socket = new Socket();
        session.setResponder(new IoSessionResponder(socket.io, synchronousWrites, 1000, 10));
        return socket;
    }

    private static void onAnotherThread(final Runnable r) throws InterruptedException {
        final Thread t = new Thread(r);
        t.start();
        t.join();
    }

    @Test
    void theOwnersMessagesLeaveInOneWriteAtItsFlushInTheirOrder() {
        final Socket socket = connect(false);
        assertThat(session.getResponder()).isNotInstanceOf(IoSessionResponder.class);

        session.getResponder().send("8=FIX.4.4|34=1|");
        session.getResponder().send("8=FIX.4.4|34=2|");
        assertThat(socket.written).isEmpty();

        writes.flush();
        assertThat(socket.written).containsExactly("8=FIX.4.4|34=1|8=FIX.4.4|34=2|");
        writes.flush();
        assertThat(socket.written).hasSize(1);
    }

    @Test
    void anotherThreadsMessageGoesAtOnceAfterWhatTheOwnerHolds() throws Exception {
        final Socket socket = connect(false);
        session.getResponder().send("34=1|");
        onAnotherThread(() -> session.getResponder().send("34=2|"));
        assertThat(socket.written).containsExactly("34=1|", "34=2|");

        writes.flush();
        assertThat(socket.written).containsExactly("34=1|", "34=2|");
    }

    @Test
    void quickFixJsOwnSendFromAnotherThreadGoesAfterWhatIsHeld() throws Exception {
        final Socket socket = connect(false);
        final Message logout = new Message();
        logout.getHeader().setString(35, "5"); // QuickFIX/J writes a Logout whether logged on or not
        session.getResponder().send("held|");
        onAnotherThread(() -> session.send(logout));
        assertThat(socket.written).hasSize(2);
        assertThat(socket.written.get(0)).isEqualTo("held|");
        assertThat(socket.written.get(1)).contains("35=5");
    }

    @Test
    void aMessageThatWouldHoldTooMuchGoesAtOnceAfterWhatIsHeld() {
        final Socket socket = connect(false);
        final String big = "x".repeat(40 * 1024);
        session.getResponder().send("34=1|");
        session.getResponder().send(big);
        assertThat(socket.written).isEmpty();
        session.getResponder().send(big + "|34=3|");
        // compared by length and ends: the texts are too long to print when a check fails
        assertThat(socket.written).extracting(String::length).containsExactly(5 + big.length(), big.length() + 6);
        assertThat(socket.written.get(0)).startsWith("34=1|x");
        assertThat(socket.written.get(1)).endsWith("x|34=3|");
        writes.flush();
        assertThat(socket.written).hasSize(2);
    }

    @Test
    void aNewConnectionIsHeldForAndWhatWaitedForTheOldOneIsDroppedWithIt() throws Exception {
        final Socket first = connect(false);
        session.getResponder().send("34=1|");
        session.disconnect("test", false);
        assertThat(session.getResponder()).isNull();
        assertThat(first.io.isClosing()).isTrue();

        final Socket second = connect(false);
        assertThat(session.getResponder()).isNotInstanceOf(IoSessionResponder.class);
        session.getResponder().send("34=2|");
        writes.flush();
        assertThat(second.written).containsExactly("34=2|");
        assertThat(first.written).noneMatch(w -> w.contains("34=2|"));
    }

    @Test
    void aSlowConsumerIsDisconnectedOnceMaxScheduledWriteRequestsMessagesWait() {
        final Socket socket = connect(false);
        socket.io.suspendWrite(); // the broker reads nothing: no write completes
        for (int i = 1; i <= 6; i++) {
            session.getResponder().send("34=" + i + "|");
        }
        writes.flush();
        assertThat(socket.written).hasSize(1);
        assertThat(session.getResponder()).isNotNull();

        for (int i = 7; i <= 12; i++) {
            session.getResponder().send("34=" + i + "|");
        }
        writes.flush(); // 12 messages would wait, in two writes: over the 10 allowed
        assertThat(socket.written).hasSize(1);
        assertThat(session.getResponder()).isNull();
    }

    @Test
    void writtenMessagesNoLongerCountAsWaiting() {
        final Socket socket = connect(false);
        for (int round = 0; round < 5; round++) {
            for (int i = 1; i <= 6; i++) {
                session.getResponder().send("34=" + i + "|");
            }
            writes.flush();
        }
        assertThat(socket.written).hasSize(5);
        assertThat(session.getResponder()).isNotNull();
    }

    @Test
    void synchronousWritesAndSessionsWithoutTheWritesInstalledAreWrittenMessageByMessage() throws Exception {
        connect(true);
        assertThat(session.getResponder()).isInstanceOf(IoSessionResponder.class);

        try (Session other = session("BROKER2", 10)) {
            final IoSessionResponder responder = new IoSessionResponder(new Socket().io, false, 1000, 10);
            other.setResponder(responder);
            assertThat(other.getResponder()).isSameAs(responder);
        }
    }
}
