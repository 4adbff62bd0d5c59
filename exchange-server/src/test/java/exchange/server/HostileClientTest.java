package exchange.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import exchange.fix.ExchangeApplication;
import exchange.fix.FixSession;
import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.sequencer.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import quickfix.Session;
import quickfix.SessionID;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile clients on the FIX port: each gets the FIX answer (a session Reject, an
 * ExecutionReport reject with a reason) or loses its own connection; the exchange keeps running and
 * a well-behaved broker trading at the same time notices nothing.
 */
@Timeout(120)
class HostileClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * How long the exchange may take to answer or to close a connection: long enough for a slow host, and more than
     * the shipped LogonWaitSeconds (10), after which it closes a connection that has not logged on. A shorter
     * LogonWaitSeconds would make the test quicker but closed the well-behaved broker's own connection, before its
     * Logon was through, on a slow host.
     */
    private static final long ANSWER_MS = 30_000;
    private static final String TIME = "60=20260101-00:00:00";
    private static final int FAILED_LOGONS_PER_MINUTE = 3;

    @TempDir
    Path dir;

    private ExchangeServer server;
    private FixTestClient broker2;
    private int orders;

    @BeforeEach
    void start() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        final Path sessions = config.resolve("fix-sessions.cfg");
        Files.writeString(sessions, Files.readString(sessions)
            .replace("MaxFailedLogonsPerMinute=10", "MaxFailedLogonsPerMinute=" + FAILED_LOGONS_PER_MINUTE));
        server = ExchangeServer.start(config, ShippedConfig.isolated(dir));
        broker2 = ShippedConfig.connect(server.fixPort(), "BROKER2", dir.resolve("clients"));
        assertThat(broker2.awaitLogon(WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        broker2.close();
        server.close();
    }

    /** The well-behaved broker still trades: an order in, its acknowledgement back. */
    private void assertOthersUnaffected() throws Exception {
        broker2.send(FixOrders.limit("OK" + orders++, "AAPL", '2', "1", "195"));
        assertThat(broker2.next("8", WAIT).getChar(150)).isEqualTo('0');
        assertThat(server.sequencer().failure()).isNull();
    }

    private RawFixConnection loggedOnBroker1() throws Exception {
        final RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1");
        final Map<Integer, String> logon = c.logon("broker1", "broker1-demo");
        assertThat(logon).as("Logon answer").isNotNull().containsEntry(35, "A");
        return c;
    }

    @Test
    void shouldDropAConnectionThatSendsRandomBytes() throws Exception {
        final byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "NOBODY")) {
            c.send(junk);
            assertThat(c.closedWithin(ANSWER_MS)).isTrue();
        }
        assertOthersUnaffected();
    }

    @Test
    void shouldDropAConnectionThatNeverLogsOn() throws Exception {
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "NOBODY")) {
            assertThat(c.closedWithin(ANSWER_MS)).isTrue();
        }
        assertOthersUnaffected();
    }

    @Test
    void shouldDropASessionThatClaimsAHugeBodyLengthInsteadOfBufferingIt() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            assertThat(c.sendsAMessageThatNeverEnds()).isTrue();
        }
        assertOthersUnaffected();
    }

    @Test
    void shouldIgnoreGarbledMessagesWithoutUsingTheirSequenceNumber() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            final int seq = c.nextSeq();
            final String good = c.message("D", "11=G1", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0");
            // a wrong checksum, then a wrong body length, both with the sequence number of the good one
            c.send(good.replaceAll("10=\\d{3}\u0001$", "10=000\u0001"));
            c.send(good.replaceFirst("\u00019=\\d+\u0001", "\u00019=5\u0001"));
            assertThat(c.next(1_000)).as("garbled messages are ignored").isNull();
            c.send(good);
            final Map<Integer, String> ack = c.next("8", ANSWER_MS);
            assertThat(ack).containsEntry(150, "0").containsEntry(11, "G1");
            assertThat(c.nextSeq()).isEqualTo(seq + 1);
        }
        assertOthersUnaffected();
    }

    /**
     * Each ResendRequest makes QuickFIX/J read, parse and send the asked-for messages again; an engine asking
     * again and again would take the cores from every other session. The shipped sessions admit 10 a minute.
     */
    @Test
    void shouldLogOutASessionThatSendsMoreResendRequestsThanItsLimitWithAReason() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            c.send(c.message("D", "11=R1", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0"));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "0").containsEntry(11, "R1");
            for (int i = 1; i <= FixSession.DEFAULT_RESEND_REQUESTS_PER_MINUTE; i++) {
                c.send(c.message("2", "7=1", "16=0"));
                assertThat(c.next("8", ANSWER_MS)).as("resend %d", i).containsEntry(43, "Y").containsEntry(11, "R1");
            }
            c.send(c.message("2", "7=1", "16=0"));
            final Map<Integer, String> logout = c.next("5", ANSWER_MS);
            assertThat(logout).as("Logout").isNotNull();
            assertThat(logout.get(58)).isEqualTo("Too many ResendRequests: at most 10 a minute (MaxResendRequestsPerMinute)");
            assertThat(c.closedWithin(ANSWER_MS)).isTrue();
        }
        assertOthersUnaffected();
    }

    /**
     * BeginSeqNo is a SeqNum, a positive number. QuickFIX/J looks each number of the range up in the store
     * and keeps those it does not find: from minus two billion that is billions of them, an OutOfMemoryError
     * that took down threads all over the exchange. Such a request gets a session Reject (373=5, 371=7).
     */
    @Test
    void shouldRejectAResendRequestFromASequenceNumberBelowOne() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            for (final String begin : new String[] {"-2000000000", "0"}) {
                c.send(c.message("2", "7=" + begin, "16=0"));
                assertThat(c.next("3", ANSWER_MS)).as("BeginSeqNo " + begin).containsEntry(373, "5").containsEntry(371, "7");
            }
            c.send(c.message("1", "112=STILL-THERE"));
            assertThat(c.next("0", ANSWER_MS)).containsEntry(112, "STILL-THERE");
        }
        assertOthersUnaffected();
    }

    /**
     * PossResend (97=Y): the broker's engine sends again, under a new MsgSeqNum, a message it is not sure
     * went out. FIX asks the receiver to look at the ClOrdID to know whether it had it: an order already
     * taken must not be answered with a Rejected ExecutionReport (a broker reads that as "this order is
     * not live" while it rests on the book), and one never received is taken as any other.
     */
    @Test
    void shouldIgnoreAPossResendOfAnOrderAlreadyTakenAndTakeANewOne() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            final String[] order = {"11=PR1", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0"};
            c.send(c.message("D", order));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "0").containsEntry(11, "PR1");
            c.send(RawFixConnection.withHeaderField(c.message("D", order), "97=Y"));
            c.send(RawFixConnection.withHeaderField(c.message("F", "41=PR1", "11=PR1", "55=AAPL", "54=1", TIME, "38=10"),
                "97=Y"));
            c.send(c.message("1", "112=AFTER-RESENDS"));
            assertThat(c.next(ANSWER_MS)).as("nothing for the resent order and the resent cancel")
                .containsEntry(35, "0").containsEntry(112, "AFTER-RESENDS");
            c.send(RawFixConnection.withHeaderField(
                c.message("D", "11=PR2", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0"), "97=Y"));
            assertThat(c.next("8", ANSWER_MS)).as("a PossResend never received is taken").containsEntry(150, "0")
                .containsEntry(11, "PR2");
        }
        assertOthersUnaffected();
    }

    /**
     * QuickFIX/J takes a SequenceReset to NewSeqNo by walking every number from 1 to it: one to two billion
     * kept a core busy for seconds, and a broker's engine never has that many messages to skip. A jump of up
     * to a million is taken; more gets a Logout that says why.
     */
    @Test
    void shouldLogOutASessionWhoseSequenceResetJumpsTooFarAhead() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            final int skipTo = c.nextSeq() + 1_000_000;
            c.send(c.message("4", "123=Y", "36=" + skipTo));
            c.continuingAt(skipTo);
            c.send(c.message("1", "112=SKIPPED"));
            assertThat(c.next("0", ANSWER_MS)).as("a jump of a million is taken").containsEntry(112, "SKIPPED");
            c.send(c.message("4", "123=Y", "36=2000000000"));
            final Map<Integer, String> logout = c.next("5", ANSWER_MS);
            assertThat(logout).as("Logout").isNotNull();
            assertThat(logout.get(58)).isEqualTo("SequenceReset NewSeqNo 2000000000 is more than 1000000 ahead of "
                + (skipTo + 1));
            assertThat(c.closedWithin(ANSWER_MS)).isTrue();
        }
        assertOthersUnaffected();
    }

    @Test
    void shouldAnswerMalformedAndAbsurdOrdersWithTheRightReject() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            // missing required tag Side(54): session Reject, reason 1, naming the tag
            c.send(c.message("D", "11=M1", "21=1", "55=AAPL", TIME, "38=10", "40=2", "44=190"));
            assertThat(c.next("3", ANSWER_MS)).containsEntry(373, "1").containsEntry(371, "54");
            // a quantity that is not a number: reason 6, incorrect data format
            c.send(c.message("D", "11=M2", "21=1", "55=AAPL", "54=1", TIME, "38=abc", "40=2", "44=190"));
            assertThat(c.next("3", ANSWER_MS)).containsEntry(373, "6").containsEntry(371, "38");
            // a Side outside the enumeration: reason 5, value incorrect
            c.send(c.message("D", "11=M3", "21=1", "55=AAPL", "54=Z", TIME, "38=10", "40=2", "44=190"));
            assertThat(c.next("3", ANSWER_MS)).containsEntry(373, "5").containsEntry(371, "54");
            // an absurd quantity: an ExecutionReport reject that says what is wrong
            c.send(c.message("D", "11=M4", "21=1", "55=AAPL", "54=1", TIME, "38=1000000000000000000000000000000",
                "40=2", "44=190"));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "8").containsEntry(103, "13")
                .containsEntry(58, "OrderQty 1000000000000000000000000000000 is out of range");
            // an absurd price
            c.send(c.message("D", "11=M5", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=99999999999999999"));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "8").containsEntry(58, "Price 99999999999999999 is out of range");
            // a negative price
            c.send(c.message("D", "11=M6", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=-5"));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "8").containsEntry(39, "8");
            // a ClOrdID far too long
            c.send(c.message("D", "11=" + "X".repeat(300), "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190"));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "8").extracting(m -> m.get(58)).asString()
                .contains("ClOrdID may have at most");
            // a message type FIX 4.4 does not have: session Reject, reason 11
            c.send(c.message("ZZ", "11=M7"));
            assertThat(c.next("3", ANSWER_MS)).containsEntry(373, "11");
            // a FIX message type the exchange does not support: BusinessMessageReject, reason 3
            c.send(c.message("R", "131=Q1", "146=1", "55=AAPL"));
            assertThat(c.next("j", ANSWER_MS)).containsEntry(380, "3").containsEntry(372, "R");
            // after all that, the session still trades
            c.send(c.message("D", "11=M8", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190"));
            assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "0").containsEntry(11, "M8");
        }
        assertOthersUnaffected();
    }

    @Test
    void shouldRefuseAWrongPasswordWithAReasonAndCloseTheConnection() throws Exception {
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
            final Map<Integer, String> answer = c.logon("broker1", "guess");
            assertThat(answer).containsEntry(35, "5");
            assertThat(answer.get(58)).isEqualTo("Invalid username or password");
            assertThat(c.closedWithin(ANSWER_MS)).isTrue();
        }
        assertOthersUnaffected();
    }

    /**
     * A client guessing passwords: once its address has had MaxFailedLogonsPerMinute Logons refused for
     * their password in a minute, its Logons are refused without a check (no password hash to pay for),
     * the right password's too, with a reason; a broker from another address logs on as ever.
     */
    @Test
    void shouldRefuseLogonsUncheckedFromAnAddressThatGuessedWrongTooOften() throws Exception {
        for (int i = 0; i < FAILED_LOGONS_PER_MINUTE; i++) {
            try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
                final Map<Integer, String> answer = c.logon("broker1", "guess" + i);
                assertThat(answer).containsEntry(35, "5").containsEntry(58, "Invalid username or password");
                assertThat(c.closedWithin(ANSWER_MS)).isTrue();
            }
            awaitOnlyBroker2Connected();
        }
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
            final Map<Integer, String> answer = c.logon("broker1", "broker1-demo");
            assertThat(answer).as("the right password from the same address").containsEntry(35, "5");
            assertThat(answer.get(58)).startsWith("Too many failed logons from 127.0.0.1: at most 3 a minute "
                + "(MaxFailedLogonsPerMinute); try again in ").endsWith(" s");
            assertThat(c.closedWithin(ANSWER_MS)).isTrue();
        }
        awaitOnlyBroker2Connected();
        final Socket elsewhere = new Socket();
        elsewhere.bind(new InetSocketAddress("127.0.0.2", 0));
        elsewhere.connect(new InetSocketAddress("127.0.0.1", server.fixPort()));
        try (RawFixConnection c = new RawFixConnection(elsewhere, "BROKER1")) {
            assertThat(c.logon("broker1", "broker1-demo")).as("from another address").containsEntry(35, "A");
        }
        assertOthersUnaffected();
    }

    /**
     * QuickFIX/J resets a session (both sequence numbers back to 1, the messages kept for resending thrown
     * away) as soon as it reads ResetSeqNumFlag=Y on a Logon, before the exchange checks the password. A
     * stranger who knows a broker's CompID could so throw away the ExecutionReports waiting for it and
     * put its sequence numbers out of step. A refused Logon changes nothing of the session, flag or not.
     */
    @Test
    void shouldNotLetARefusedLogonResetTheSession() throws Exception {
        final int brokerSeq;
        final int exchangeSeq;
        try (RawFixConnection c = loggedOnBroker1()) {
            c.send(c.message("D", "11=KEEP1", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0"));
            final Map<Integer, String> ack = c.next("8", ANSWER_MS);
            assertThat(ack).containsEntry(150, "0");
            brokerSeq = c.nextSeq();
            exchangeSeq = Integer.parseInt(ack.get(34)) + 1;
        }
        awaitOnlyBroker2Connected();
        try (RawFixConnection stranger = new RawFixConnection(server.fixPort(), "BROKER1")) {
            stranger.send(stranger.message("A", "98=0", "108=30", "141=Y", "553=broker1", "554=guess"));
            final Map<Integer, String> answer = stranger.next(ANSWER_MS);
            assertThat(answer).containsEntry(35, "5").containsEntry(58, "Invalid username or password");
            assertThat(stranger.closedWithin(ANSWER_MS)).isTrue();
        }
        awaitOnlyBroker2Connected();
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1").continuingAt(brokerSeq)) {
            final Map<Integer, String> logon = c.logon("broker1", "broker1-demo");
            assertThat(logon).as("the broker logs on again with its own numbers").containsEntry(35, "A")
                .containsEntry(34, Integer.toString(exchangeSeq));
            c.send(c.message("2", "7=1", "16=0"));
            assertThat(c.next("8", ANSWER_MS)).as("its acknowledgement can still be resent").containsEntry(11, "KEEP1")
                .containsEntry(43, "Y");
        }
        assertOthersUnaffected();
    }

    /** A Logon with ResetSeqNumFlag=Y and the right password is taken, and what the broker sent right behind it. */
    @Test
    void shouldTakeALogonWithResetAndTheMessagesRightBehindItInOrder() throws Exception {
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
            c.send(c.message("A", "98=0", "108=30", "141=Y", "553=broker1", "554=broker1-demo")
                + c.message("D", "11=BEHIND1", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0")
                + c.message("D", "11=BEHIND2", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0"));
            assertThat(c.next(ANSWER_MS)).containsEntry(35, "A").containsEntry(34, "1").containsEntry(141, "Y");
            assertThat(c.next("8", ANSWER_MS)).containsEntry(11, "BEHIND1").containsEntry(150, "0");
            assertThat(c.next("8", ANSWER_MS)).containsEntry(11, "BEHIND2").containsEntry(150, "0");
        }
        assertOthersUnaffected();
    }

    /**
     * ResetSeqNumFlag=Y starts both sides again at 1 (FIX): what the exchange sent the broker while it was away
     * is not resent after that. The exchange says so in its log, with how many, so that an operator asked
     * about a missing report finds why.
     */
    @Test
    void shouldLogWhatALogonWithResetDiscards() throws Exception {
        final ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        final Logger logger = (Logger) LoggerFactory.getLogger(ExchangeApplication.class);
        logger.addAppender(log);
        try {
            try (RawFixConnection c = loggedOnBroker1()) {
                c.send(c.message("D", "11=AWAY1", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190", "59=0"));
                assertThat(c.next("8", ANSWER_MS)).containsEntry(150, "0");
                c.send(c.message("5"));
                assertThat(c.next("5", ANSWER_MS)).isNotNull();
            }
            awaitOnlyBroker2Connected();
            final SessionID broker1 = new SessionID("FIX.4.4", "EXCH", "BROKER1");
            final int before = Session.lookupSession(broker1).getStore().getNextSenderMsgSeqNum();
            broker2.send(FixOrders.limit("HIT1", "AAPL", '2', "10", "190"));
            assertThat(broker2.next("8", WAIT).getChar(150)).isEqualTo('0');
            assertThat(broker2.next("8", WAIT).getChar(150)).as("traded with BROKER1's order").isEqualTo('F');
            Await.until(() -> nextSenderMsgSeqNum(broker1) != before, Duration.ofMillis(ANSWER_MS),
                () -> "BROKER1's fill stored for it");
            try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
                c.send(c.message("A", "98=0", "108=30", "141=Y", "553=broker1", "554=broker1-demo"));
                assertThat(c.next(ANSWER_MS)).containsEntry(35, "A").containsEntry(34, "1");
            }
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).contains("session " + broker1
                + ": Logon with ResetSeqNumFlag=Y: 1 message sent while it was away (MsgSeqNum " + before + " to "
                + before + ") will not be resent");
        } finally {
            logger.detachAppender(log);
        }
    }

    /**
     * A stranger who knows a CompID but not its password must not be able to disturb the session: not by
     * using up the MsgSeqNum the broker's next Logon will carry (QuickFIX/J counts a refused Logon that
     * arrives at the expected number), nor learn that number from a "MsgSeqNum too low" answer before the
     * password is checked.
     */
    @Test
    void shouldLetARefusedLogonUseNoSequenceNumberAndTellNothingBeforeThePasswordCheck() throws Exception {
        final int next;
        try (RawFixConnection broker = loggedOnBroker1()) {
            broker.send(broker.message("5"));
            assertThat(broker.next("5", ANSWER_MS)).as("Logout answer").isNotNull();
            next = broker.nextSeq();
        }
        awaitOnlyBroker2Connected();
        // at a number below the expected one: refused for the password, the expected number not given away
        try (RawFixConnection stranger = new RawFixConnection(server.fixPort(), "BROKER1")) {
            final Map<Integer, String> answer = stranger.logon("broker1", "guess");
            assertThat(answer).containsEntry(35, "5");
            assertThat(answer.get(58)).isEqualTo("Invalid username or password");
            assertThat(stranger.closedWithin(ANSWER_MS)).isTrue();
        }
        awaitOnlyBroker2Connected();
        // at exactly the expected number
        try (RawFixConnection stranger = new RawFixConnection(server.fixPort(), "BROKER1").continuingAt(next)) {
            final Map<Integer, String> answer = stranger.logon("broker1", "guess");
            assertThat(answer).containsEntry(35, "5");
            assertThat(answer.get(58)).isEqualTo("Invalid username or password");
            assertThat(stranger.closedWithin(ANSWER_MS)).isTrue();
        }
        awaitOnlyBroker2Connected();
        // the broker logs on with the number it would have used anyway
        try (RawFixConnection broker = new RawFixConnection(server.fixPort(), "BROKER1").continuingAt(next)) {
            final Map<Integer, String> logon = broker.logon("broker1", "broker1-demo");
            assertThat(logon).as("the broker's Logon answer").isNotNull().containsEntry(35, "A");
        }
        assertOthersUnaffected();
    }

    /** Waits until the acceptor holds BROKER2's connection alone and its sessions have seen every close. */
    private void awaitOnlyBroker2Connected() {
        Await.until(() -> server.fix().openConnections() == 1 && server.fix().queuedEvents() == 0,
            Duration.ofMillis(ANSWER_MS), () -> "the acceptor to see the connections close");
    }

    /** The MsgSeqNum the exchange's store gives its next message to a session. */
    private static int nextSenderMsgSeqNum(final SessionID session) {
        try {
            return Session.lookupSession(session).getStore().getNextSenderMsgSeqNum();
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * HeartBtInt 0 turns QuickFIX/J's heartbeat timeout off, and a huge one puts it hours away: a session
     * whose connection then dies silently would stay logged on, its orders live despite cancel on
     * disconnect. Such a Logon is refused with a reason.
     */
    @Test
    void shouldRefuseALogonWithoutAUsableHeartbeatInterval() throws Exception {
        // a refused Logon uses no sequence number: each comes at 1, as does the Logon taken at the end
        for (final long heartBtInt : new long[] {0, 100_000, -1}) {
            try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
                final Map<Integer, String> answer = c.logon("broker1", "broker1-demo", heartBtInt);
                assertThat(answer).as("answer to HeartBtInt " + heartBtInt).isNotNull().containsEntry(35, "5");
                assertThat(answer.get(58)).as("reason").contains("HeartBtInt");
                assertThat(c.closedWithin(ANSWER_MS)).isTrue();
            }
            // QuickFIX/J hands the session the end of the old connection after it closed it; a new connection
            // that logs on before then is closed by that end of stream (a broker would simply log on again)
            awaitOnlyBroker2Connected();
        }
        try (RawFixConnection c = new RawFixConnection(server.fixPort(), "BROKER1")) {
            assertThat(c.logon("broker1", "broker1-demo", 60)).as("the longest interval taken").containsEntry(35, "A")
                .containsEntry(34, "1");
        }
        assertOthersUnaffected();
    }

    /**
     * A second connection logging on to a session that is already logged on (with the right password,
     * even) is closed; the session's own connection stays logged on and keeps trading.
     */
    @Test
    void shouldRefuseASecondConnectionForALoggedOnSessionWithoutDisturbingIt() throws Exception {
        try (RawFixConnection second = new RawFixConnection(server.fixPort(), "BROKER2")) {
            second.send(second.message("A", "98=0", "108=30", "553=broker2", "554=broker2-demo"));
            assertThat(second.closedWithin(ANSWER_MS)).isTrue();
        }
        assertOthersUnaffected();
        assertThat(broker2.isLoggedOn()).isTrue();
    }

    /**
     * A logged-on session that sends an order in another firm's name (SenderCompID of a session it did
     * not log on as) gets a session Reject for the CompID and is logged out; no order enters the book in
     * either name, and the impersonated session trades on.
     */
    @Test
    void shouldNotTakeAnOrderInTheNameOfAnotherSession() throws Exception {
        try (RawFixConnection c = loggedOnBroker1()) {
            final String spoofed = c.message("D", "11=SPOOF", "21=1", "55=AAPL", "54=1", TIME, "38=10", "40=2", "44=190",
                "59=0", "1=ACC3");
            c.send(RawFixConnection.frame(spoofed.substring(spoofed.indexOf("35="), spoofed.lastIndexOf("10="))
                .replace("\u000149=BROKER1\u0001", "\u000149=BROKER2\u0001")));
            assertThat(c.next("3", ANSWER_MS)).as("session Reject").containsEntry(373, "9");
            assertThat(c.next("5", ANSWER_MS)).as("Logout").isNotNull();
        }
        assertThat(broker2.nothingWithin(Duration.ofMillis(500))).as("nothing in BROKER2's name").isTrue();
        assertOthersUnaffected();
    }
}
