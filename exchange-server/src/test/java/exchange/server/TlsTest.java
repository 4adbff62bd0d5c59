package exchange.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import exchange.fix.ConnectionGuard;
import exchange.server.logging.ClosedConnectionWrites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static exchange.server.ExchangeClientTest.REPORTS_WAIT_SECONDS;
import static exchange.server.ExchangeClientTest.run;
import static exchange.server.ExchangeClientTest.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exchange's FIX sessions over TLS, set up as the README says: a key store made with the JDK's
 * keytool, QuickFIX/J's SSL keys in fix-sessions.cfg, and bin/exchange-client with --tls. A client that
 * does not speak TLS, or that does not trust the exchange's certificate, does not get a session, and the
 * exchange goes on serving the others.
 */
@Timeout(180)
class TlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> guardLog = new ListAppender<>();
    private final ListAppender<ILoggingEvent> quickFixLog = new ListAppender<>();
    private final ListAppender<ILoggingEvent> serverLog = new ListAppender<>();

    private final ClosedConnectionWrites closedConnectionWrites = new ClosedConnectionWrites();

    @BeforeEach
    void listen() {
        // as config/logback.xml does: QuickFIX/J's error for TLS's closing message after a Logout is dropped
        closedConnectionWrites.start();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).addTurboFilter(closedConnectionWrites);
        guardLog.start();
        quickFixLog.start();
        ((Logger) LoggerFactory.getLogger(ConnectionGuard.class)).addAppender(guardLog);
        ((Logger) LoggerFactory.getLogger("quickfix.mina")).addAppender(quickFixLog);
        serverLog.start();
        ((Logger) LoggerFactory.getLogger(ExchangeServer.class)).addAppender(serverLog);
    }

    @AfterEach
    void stopListening() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList().remove(closedConnectionWrites);
        ((Logger) LoggerFactory.getLogger(ConnectionGuard.class)).detachAppender(guardLog);
        ((Logger) LoggerFactory.getLogger("quickfix.mina")).detachAppender(quickFixLog);
        ((Logger) LoggerFactory.getLogger(ExchangeServer.class)).detachAppender(serverLog);
    }

    /** @return QuickFIX/J's socket-level errors: a refused or closed TLS connection should have none */
    private List<String> quickFixErrors() {
        return quickFixLog.list.stream().filter(e -> e.getLevel() == Level.ERROR)
            .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    private List<String> guardWarnings() {
        return guardLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void keytool(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    /** A self-signed key pair for the exchange, and a trust store holding only its certificate. */
    private Path[] exchangeKeys(final String name) throws Exception {
        final Path keys = dir.resolve(name + ".p12");
        final Path cert = dir.resolve(name + ".crt");
        final Path trust = dir.resolve(name + "-trust.p12");
        keytool("-genkeypair", "-alias", "exchange", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
            "-keystore", keys.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "exchange", "-keystore", keys.toString(), "-storepass", PASSWORD,
            "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "exchange", "-file", cert.toString(), "-storetype", "PKCS12",
            "-keystore", trust.toString(), "-storepass", PASSWORD);
        return new Path[] {keys, trust};
    }

    @Test
    void shouldTradeOverTlsAndRefuseClientsThatDoNotSpeakItOrDoNotTrustTheExchange() throws Exception {
        final Path[] exchange = exchangeKeys("exchange");
        final Path[] stranger = exchangeKeys("stranger");
        // the key store beside the session file, named relative to it
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        Files.copy(exchange[0], config.resolve("exchange.p12"));
        withDefaults(config, "SocketUseSSL=Y\nSocketKeyStore=exchange.p12\nSocketKeyStorePassword=" + PASSWORD);
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir))) {
            final String port = Integer.toString(server.fixPort());
            final int[] code = new int[1];
            assertThat(serverLog.list).map(ILoggingEvent::getFormattedMessage)
                .contains("FIX acceptor listening on 0.0.0.0:" + port + " (TLS)");

            final String plain = run(code, "--port", port, "--store", dir.resolve("c0").toString(), "--wait", "0",
                "--logon-timeout", "3", "buy", "1", "AAPL", "190");
            assertThat(code[0]).isEqualTo(1);
            assertThat(plain).contains("could not log on");
            assertThat(guardWarnings()).anySatisfy(w -> assertThat(w).startsWith("connection from ")
                .contains("127.0.0.1:").contains(": TLS failed: "));
            final int refusedSoFar = guardWarnings().size();

            final String distrustful = run(code, "--port", port, "--store", dir.resolve("c1").toString(), "--wait", "0",
                "--logon-timeout", "3", "--tls", "--trust-store", stranger[1].toString(), "--trust-store-password",
                PASSWORD, "buy", "1", "AAPL", "190");
            assertThat(code[0]).isEqualTo(1);
            assertThat(distrustful).contains("could not log on");
            assertThat(guardWarnings().subList(refusedSoFar, guardWarnings().size()))
                .anySatisfy(w -> assertThat(w).contains("TLS failed").containsIgnoringCase("certificate"));

            final String bid = "<< NEW +C-\\S+ BUY 100 AAPL @190.25 +cum 0 leaves 100";
            final String buyer = runUntil(code, java.util.List.of(bid), "--port", port, "--store",
                dir.resolve("c2").toString(), "--wait", REPORTS_WAIT_SECONDS, "--tls", "--trust-store",
                exchange[1].toString(), "--trust-store-password", PASSWORD, "buy", "100", "AAPL", "190.25");
            assertThat(code[0]).isZero();
            assertThat(buyer).contains("logged on as FIX.4.4:BROKER1->EXCH").containsPattern(bid);

            final String fill = "<< FILL +C-\\S+ SELL 100 AAPL @190 +filled 100 @190.25 +cum 100 leaves 0";
            final String seller = runUntil(code, java.util.List.of(fill), "--port", port, "--store",
                dir.resolve("c3").toString(), "--wait", REPORTS_WAIT_SECONDS, "--tls", "--sender", "BROKER2", "--user",
                "broker2", "--password", "broker2-demo", "sell", "100", "AAPL", "190");
            assertThat(code[0]).isZero();
            assertThat(seller).containsPattern(fill);
        }
        assertThat(quickFixErrors()).as("QuickFIX/J socket errors").isEmpty();
    }

    @Test
    void shouldAskBrokersForTheirCertificateWhenConfiguredTo() throws Exception {
        final Path[] exchange = exchangeKeys("exchange");
        final Path[] broker = exchangeKeys("broker"); // the broker's key pair; its trust store is the exchange's to use
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        withDefaults(config, "SocketUseSSL=Y\nSocketKeyStore=" + exchange[0] + "\nSocketKeyStorePassword=" + PASSWORD
            + "\nNeedClientAuth=Y\nSocketTrustStore=" + broker[1] + "\nSocketTrustStorePassword=" + PASSWORD);
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir))) {
            final String port = Integer.toString(server.fixPort());
            final int[] code = new int[1];

            final String anonymous = run(code, "--port", port, "--store", dir.resolve("c1").toString(), "--wait", "0",
                "--logon-timeout", "3", "--tls", "--trust-store", exchange[1].toString(), "--trust-store-password",
                PASSWORD, "buy", "1", "AAPL", "190");
            assertThat(code[0]).isEqualTo(1);
            assertThat(anonymous).contains("could not log on");
            assertThat(guardWarnings()).anySatisfy(w -> assertThat(w).contains(": TLS failed: "));

            final String bid = "<< NEW +C-\\S+ BUY 100 AAPL @190.25 +cum 0 leaves 100";
            final String known = runUntil(code, java.util.List.of(bid), "--port", port, "--store",
                dir.resolve("c2").toString(), "--wait", REPORTS_WAIT_SECONDS, "--tls", "--trust-store",
                exchange[1].toString(), "--trust-store-password", PASSWORD, "--key-store", broker[0].toString(),
                "--key-store-password", PASSWORD, "buy", "100", "AAPL", "190.25");
            assertThat(code[0]).isZero();
            assertThat(known).containsPattern(bid);
        }
        assertThat(quickFixErrors()).as("QuickFIX/J socket errors").isEmpty();
    }

    /** Adds lines to the [DEFAULT] section of the copy's fix-sessions.cfg. */
    private static void withDefaults(final Path config, final String lines) throws IOException {
        final Path sessions = config.resolve("fix-sessions.cfg");
        final String cfg = Files.readString(sessions);
        assertThat(cfg).contains("[DEFAULT]\n");
        Files.writeString(sessions, cfg.replace("[DEFAULT]\n", "[DEFAULT]\n" + lines + "\n"));
    }

    /** A TLS socket to the exchange that trusts the certificate in {@code trustStore}, handshake done. */
    private static SSLSocket tlsSocket(final int port, final Path trustStore) throws Exception {
        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        final SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        final SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    @Test
    void shouldHoldTlsConnectionsToTheGuardsLimits() throws Exception {
        final Path[] exchange = exchangeKeys("exchange");
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        withDefaults(config, "SocketUseSSL=Y\nSocketKeyStore=" + exchange[0] + "\nSocketKeyStorePassword=" + PASSWORD);
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir))) {
            // TLS done, no Logon: closed after LogonWaitSeconds (the shipped 10: a shorter one also closed, on a slow
            // host, the connections below before their handshake and Logon were through), as a plain connection is
            try (RawFixConnection c = new RawFixConnection(tlsSocket(server.fixPort(), exchange[1]), "NOBODY")) {
                assertThat(c.closedWithin(30_000)).isTrue();
            }
            // logged on over TLS, then a message that never ends: closed at MaxPendingBytes of plaintext
            try (RawFixConnection c = new RawFixConnection(tlsSocket(server.fixPort(), exchange[1]), "BROKER1")) {
                assertThat(c.logon("broker1", "broker1-demo")).as("Logon answer").isNotNull().containsEntry(35, "A");
                assertThat(c.sendsAMessageThatNeverEnds()).isTrue();
            }
            assertThat(guardWarnings()).anySatisfy(w -> assertThat(w).contains("without the end of a FIX message"));

            final int[] code = new int[1];
            final String bid = "<< NEW +C-\\S+ BUY 10 AAPL @190 +cum 0 leaves 10";
            final String buyer = runUntil(code, java.util.List.of(bid), "--port", Integer.toString(server.fixPort()),
                "--store", dir.resolve("c1").toString(), "--wait", REPORTS_WAIT_SECONDS, "--tls", "--trust-store",
                exchange[1].toString(), "--trust-store-password", PASSWORD, "--sender", "BROKER2", "--user", "broker2",
                "--password", "broker2-demo", "buy", "10", "AAPL", "190");
            assertThat(code[0]).isZero();
            assertThat(buyer).containsPattern(bid);
        }
    }

    @Test
    void shouldNotStartWithAKeyStoreItCannotReadOrTlsWithoutOne() throws Exception {
        final Path missing = ShippedConfig.copyTo(dir.resolve("missing"));
        withDefaults(missing, "SocketUseSSL=Y\nSocketKeyStore=no-such.p12\nSocketKeyStorePassword=" + PASSWORD);
        assertThatThrownBy(() -> ExchangeServer.start(missing, ShippedConfig.isolated(dir.resolve("d1"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("SocketKeyStore=no-such.p12")
            .hasMessageContaining("cannot read " + missing.toAbsolutePath().resolve("no-such.p12"));

        final Path none = ShippedConfig.copyTo(dir.resolve("none"));
        withDefaults(none, "SocketUseSSL=Y");
        assertThatThrownBy(() -> ExchangeServer.start(none, ShippedConfig.isolated(dir.resolve("d2"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("SocketUseSSL=Y but no SocketKeyStore");
    }

    @Test
    void shouldRefuseStoresWithoutTlsAndStoresItCannotRead() {
        final int[] code = new int[1];
        run(code, "--port", "1", "--store", dir.resolve("c").toString(), "--trust-store", dir.resolve("x").toString(),
            "buy", "1", "AAPL", "190");
        assertThat(code[0]).isEqualTo(2);
        run(code, "--port", "1", "--store", dir.resolve("c").toString(), "--tls", "--key-store",
            dir.resolve("no-such.p12").toString(), "buy", "1", "AAPL", "190");
        assertThat(code[0]).isEqualTo(2);
    }
}
