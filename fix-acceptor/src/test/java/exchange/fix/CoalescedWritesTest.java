package exchange.fix;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Responder;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ExecutionReport sender holds for a session, and when it goes, with a real QuickFIX/J session. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CoalescedWritesTest {
    private final CoalescedWrites writes = new CoalescedWrites();
    private Session session;

    /** A connection: what was written to it, one entry per write. */
    private static final class Connection implements Responder {
        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean disconnected;

        @Override
        public boolean send(final String data) {
            written.add(data);
            return true;
        }

        @Override
        public void disconnect() {
            disconnected = true;
        }

        @Override
        public String getRemoteAddress() {
            return "127.0.0.1:1";
        }
    }

    @BeforeEach
    void session() throws Exception {
        final SessionID id = new SessionID("FIX.4.4", "EXCHANGE", "BROKER1");
        final SessionSettings settings = new SessionSettings();
        settings.setString(id, "ConnectionType", "acceptor");
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "UseDataDictionary", "N");
        final Application app = new quickfix.ApplicationAdapter();
        session = new DefaultSessionFactory(app, new MemoryStoreFactory(), new ScreenLogFactory(false, false, false),
            new DefaultMessageFactory()).create(id, settings);
        writes.ownedBy(Thread.currentThread());
        writes.install(session);
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private Connection connect() {
        final Connection c = new Connection();
        session.setResponder(c);
        return c;
    }

    private static String onAnotherThread(final Runnable r) throws InterruptedException {
        final Thread t = new Thread(r);
        t.start();
        t.join();
        return t.getName();
    }

    @Test
    void theOwnersMessagesLeaveInOneWriteAtItsFlushInTheirOrder() {
        final Connection c = connect();
        assertThat(session.getResponder()).isNotSameAs(c);
        assertThat(session.getResponder().getRemoteAddress()).isEqualTo("127.0.0.1:1");

        session.getResponder().send("8=FIX.4.4|34=1|");
        session.getResponder().send("8=FIX.4.4|34=2|");
        assertThat(c.written).isEmpty();

        writes.flush();
        assertThat(c.written).containsExactly("8=FIX.4.4|34=1|8=FIX.4.4|34=2|");
        writes.flush();
        assertThat(c.written).hasSize(1);
    }

    @Test
    void anotherThreadsMessageGoesAtOnceAfterWhatTheOwnerHolds() throws Exception {
        final Connection c = connect();
        session.getResponder().send("34=1|");
        onAnotherThread(() -> session.getResponder().send("34=2|"));
        assertThat(c.written).containsExactly("34=1|", "34=2|");

        writes.flush();
        assertThat(c.written).containsExactly("34=1|", "34=2|");
    }

    @Test
    void aMessageThatWouldHoldTooMuchGoesAtOnceAfterWhatIsHeld() {
        final Connection c = connect();
        final String big = "x".repeat(40 * 1024);
        session.getResponder().send("34=1|");
        session.getResponder().send(big);
        assertThat(c.written).isEmpty();
        session.getResponder().send(big + "|34=3|");
        // compared by length and end: the texts are too long to print when a check fails
        assertThat(c.written).extracting(String::length).containsExactly(5 + big.length(), big.length() + 6);
        assertThat(c.written.get(0)).startsWith("34=1|x");
        assertThat(c.written.get(1)).endsWith("x|34=3|");
        writes.flush();
        assertThat(c.written).hasSize(2);
    }

    @Test
    void aNewConnectionIsHeldForAndWhatWaitedForTheOldOneDoesNotReachIt() throws Exception {
        final Connection first = connect();
        session.getResponder().send("34=1|");
        session.disconnect("test", false);
        assertThat(first.disconnected).isTrue();
        assertThat(session.getResponder()).isNull();

        final Connection second = connect();
        session.getResponder().send("34=2|");
        writes.flush();
        assertThat(second.written).containsExactly("34=2|");
        assertThat(first.written).allMatch(w -> !w.contains("34=2|"));
    }

    @Test
    void aSessionWithoutTheWritesInstalledIsWrittenAtOnce() throws Exception {
        final SessionID id = new SessionID("FIX.4.4", "EXCHANGE", "BROKER2");
        final SessionSettings settings = new SessionSettings();
        settings.setString(id, "ConnectionType", "acceptor");
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "UseDataDictionary", "N");
        try (Session other = new DefaultSessionFactory(new quickfix.ApplicationAdapter(), new MemoryStoreFactory(),
            new ScreenLogFactory(false, false, false), new DefaultMessageFactory()).create(id, settings)) {
            final Connection c = new Connection();
            other.setResponder(c);
            assertThat(other.getResponder()).isSameAs(c);
        }
    }

    @Test
    void theSessionsOwnSendsThroughQuickFixJGoOutInSequenceOrder() throws Exception {
        final Connection c = connect();
        final Message heartbeat = new Message();
        heartbeat.getHeader().setString(35, "0");
        // not logged on: QuickFIX/J stores the message and does not write it; a Logout is always written
        final Message logout = new Message();
        logout.getHeader().setString(35, "5");
        session.getResponder().send("held|");
        onAnotherThread(() -> session.send(logout));
        assertThat(c.written).hasSize(2);
        assertThat(c.written.get(0)).isEqualTo("held|");
        assertThat(c.written.get(1)).contains("35=5");
    }
}
