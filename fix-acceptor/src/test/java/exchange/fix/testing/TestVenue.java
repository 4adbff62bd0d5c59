package exchange.fix.testing;

import exchange.fix.FirmDirectory;
import exchange.fix.FixGateway;
import exchange.fix.FixObserver;
import exchange.fix.Instruments;
import exchange.fix.Passwords;
import exchange.fix.RiskChecks;
import exchange.risk.RiskConfig;
import exchange.risk.RiskGateway;
import exchange.fix.ExchangeApplication;
import exchange.fix.FixSession;
import exchange.matching.EngineConfig;
import exchange.matching.Instrument;
import exchange.sequencer.Sequencer;
import exchange.sequencer.SequencerConfig;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A small exchange for FIX tests: a real sequencer on files in a temporary folder and the FIX gateway
 * on a free port, with these sessions (all TargetCompID EXCH):
 * <ul>
 *   <li>BROKER1 (FIX.4.4, firm BROKER1, session 1, user broker1 / secret1)</li>
 *   <li>BROKER2 (FIX.4.4, firm BROKER2, session 2, user broker2 / secret2)</li>
 *   <li>BROKER3 (FIX.4.2, firm BROKER1, session 3, no password)</li>
 *   <li>BROKER4 (FIXT.1.1 / FIX 5.0 SP2, firm BROKER2, session 4, no password)</li>
 *   <li>COD1 (FIX.4.4, firm BROKER1, session 5, cancel on disconnect)</li>
 *   <li>DROPALL (FIX.4.4 drop copy of every firm, session 6) and DROPB1 (drop copy of BROKER1 only,
 *       with TradeCaptureReports, session 7), DROP50 (FIXT.1.1 / FIX 5.0 SP2 drop copy of BROKER1 only, with
 *       TradeCaptureReports, session 8); their feeds are started by the drop-copy module</li>
 * </ul>
 * Instruments: AAA (tick 0.01, lot 1) and BBB (tick 0.05, lot 100).
 */
public final class TestVenue implements AutoCloseable {
    public static final List<Instrument> INSTRUMENTS = List.of(
        Instrument.builder(1, "AAA").tickSize(100).lotSize(1).referencePrice(100_0000).build(),
        Instrument.builder(2, "BBB").tickSize(500).lotSize(100).referencePrice(50_0000).build());

    /**
     * The risk settings of the venue: firms BROKER1 (1; accounts ACC1 and ACC2, other Account values
     * refused) and BROKER2 (2; account ACC3, other values go to its default account), the default
     * limits, and a throttle high enough for load tests.
     */
    public static Properties riskSettings() {
        final Properties p = new Properties();
        p.setProperty("exchange.risk.firm.1.name", "BROKER1");
        p.setProperty("exchange.risk.firm.1.unlistedAccounts", "reject");
        p.setProperty("exchange.risk.firm.2.name", "BROKER2");
        p.setProperty("exchange.risk.firm.2.unlistedAccounts", "default");
        p.setProperty("exchange.risk.account.1.firm", "1");
        p.setProperty("exchange.risk.account.1.name", "ACC1");
        p.setProperty("exchange.risk.account.2.firm", "1");
        p.setProperty("exchange.risk.account.2.name", "ACC2");
        p.setProperty("exchange.risk.account.3.firm", "2");
        p.setProperty("exchange.risk.account.3.name", "ACC3");
        p.setProperty("exchange.risk.throttle.messagesPerSecond", "100000");
        return p;
    }

    private final Path dir;
    private final SessionSettings settings;
    private final Sequencer sequencer;
    private final RiskChecks checks;
    private final FixGateway gateway;

    public TestVenue(final Path dir) {
        this(dir, riskSettings());
    }

    /** @param risk the risk settings, {@link #riskSettings()} with changes */
    public TestVenue(final Path dir, final Properties risk) {
        this(dir, risk, FixObserver.NONE);
    }

    /** @param observer told of the gateway's messages and timings */
    public TestVenue(final Path dir, final Properties risk, final FixObserver observer) {
        this(dir, risk, observer, new SystemEpochNanoClock());
    }

    /** @param clock the FIX gateway's wall clock, which a test may set back or forward */
    public TestVenue(final Path dir, final Properties risk, final EpochNanoClock clock) {
        this(dir, risk, FixObserver.NONE, clock);
    }

    /** @param marketZone the exchange's time zone (its trading dates: ExpireDate), UTC in the others */
    public TestVenue(final Path dir, final java.time.ZoneId marketZone) {
        this(dir, riskSettings(), FixObserver.NONE, new SystemEpochNanoClock(), marketZone);
    }

    private TestVenue(final Path dir, final Properties risk, final FixObserver observer, final EpochNanoClock clock) {
        this(dir, risk, observer, clock, java.time.ZoneOffset.UTC);
    }

    private TestVenue(final Path dir, final Properties risk, final FixObserver observer, final EpochNanoClock clock,
                      final java.time.ZoneId marketZone) {
        this.dir = dir;
        this.sequencer = Sequencer.start(SequencerConfig.builder(dir.resolve("data")).idleStrategy("backoff")
                .engine(EngineConfig.defaults().orderCapacity(1 << 14).levelCapacity(1 << 10)).build(),
            INSTRUMENTS, new SystemEpochNanoClock());
        this.checks = new RiskChecks(new RiskGateway(RiskConfig.from(risk), INSTRUMENTS));
        this.settings = settings(dir);
        this.gateway = FixGateway.start(settings, checks, new Instruments(INSTRUMENTS), sequencer.commands(),
            sequencer.eventLog(), checks, dir.resolve("data"), clock,
            new ExchangeApplication.SessionListener() {
                @Override
                public void onLogon(final FixSession session) {
                }

                @Override
                public void onLogout(final FixSession session) {
                }
            }, observer, marketZone);
    }

    private static final String SECRET1 = Passwords.hash("secret1");
    private static final String SECRET2 = Passwords.hash("secret2");

    private static SessionSettings settings(final Path dir) {
        final SessionSettings s = new SessionSettings();
        s.setString("ConnectionType", "acceptor");
        s.setString("SocketAcceptAddress", "127.0.0.1");
        s.setLong("SocketAcceptPort", 0);
        s.setString("StartTime", "00:00:00");
        s.setString("EndTime", "00:00:00");
        s.setString("NonStopSession", "Y");
        s.setString("FileStorePath", dir.resolve("data").resolve("fix-store").toString());
        s.setString("UseDataDictionary", "Y");
        s.setString("ResetOnLogon", "N");
        s.setString("ResetOnLogout", "N");
        s.setString("ResetOnDisconnect", "N");
        s.setString("PersistMessages", "Y");
        s.setString("ValidateUserDefinedFields", "N"); // as config/fix-sessions.cfg: SelfTradePrevention (8000) comes through
        session(s, "FIX.4.4", "BROKER1", 1, "BROKER1", "broker1", SECRET1, false);
        session(s, "FIX.4.4", "BROKER2", 2, "BROKER2", "broker2", SECRET2, false);
        session(s, "FIX.4.2", "BROKER3", 3, "BROKER1", null, null, false);
        session(s, "FIXT.1.1", "BROKER4", 4, "BROKER2", null, null, false);
        session(s, "FIX.4.4", "COD1", 5, "BROKER1", null, null, true);
        session(s, "FIX.4.4", "DROPALL", 6, "BROKER2", null, null, false);
        dropCopy(s, "DROPALL", "*", false);
        session(s, "FIX.4.4", "DROPB1", 7, "BROKER2", null, null, false);
        dropCopy(s, "DROPB1", "BROKER1", true);
        session(s, "FIXT.1.1", "DROP50", 8, "BROKER2", null, null, false);
        dropCopy(s, new SessionID("FIXT.1.1", "EXCH", "DROP50"), "BROKER1", true);
        return s;
    }

    private static void dropCopy(final SessionSettings s, final String compId, final String firms, final boolean tcr) {
        dropCopy(s, new SessionID("FIX.4.4", "EXCH", compId), firms, tcr);
    }

    private static void dropCopy(final SessionSettings s, final SessionID id, final String firms, final boolean tcr) {
        s.setString(id, "Role", "drop-copy");
        s.setString(id, "DropCopyFirms", firms);
        s.setString(id, "DropCopyTradeCaptureReports", tcr ? "Y" : "N");
    }

    private static void session(final SessionSettings s, final String begin, final String broker, final int number,
                                final String firm, final String user, final String hash, final boolean cancelOnDisconnect) {
        final SessionID id = new SessionID(begin, "EXCH", broker);
        s.setString(id, "BeginString", begin);
        s.setString(id, "SenderCompID", "EXCH");
        s.setString(id, "TargetCompID", broker);
        if ("FIXT.1.1".equals(begin)) {
            s.setString(id, "DefaultApplVerID", "FIX.5.0SP2");
            s.setString(id, "TransportDataDictionary", "FIXT11.xml");
            s.setString(id, "AppDataDictionary", "FIX50SP2.xml");
        } else {
            s.setString(id, "DataDictionary", begin.replace(".", "") + ".xml");
        }
        s.setLong(id, "SessionNumber", number);
        s.setString(id, "Firm", firm);
        if (user != null) {
            s.setString(id, "Username", user);
            s.setString(id, "PasswordHash", hash);
        }
        s.setString(id, "CancelOnDisconnect", cancelOnDisconnect ? "Y" : "N");
    }

    /** @return the port the exchange listens on */
    public int port() {
        final List<InetSocketAddress> addresses = gateway.addresses();
        return addresses.get(0).getPort();
    }

    /** Connects a broker with the right credentials; its message store lives in the test folder. */
    public FixTestClient connect(final String begin, final String broker) {
        final String user = "BROKER1".equals(broker) ? "broker1" : "BROKER2".equals(broker) ? "broker2" : null;
        final String pass = "BROKER1".equals(broker) ? "secret1" : "BROKER2".equals(broker) ? "secret2" : null;
        return FixTestClient.start(new FixTestClient.Options(begin, broker, "EXCH", port(), user, pass,
            dir.resolve("clients").resolve(broker)));
    }

    /** @return the QuickFIX/J settings the gateway runs with */
    public SessionSettings settings() {
        return settings;
    }

    /** @return the data folder */
    public Path dataDir() {
        return dir.resolve("data");
    }

    public Sequencer sequencer() {
        return sequencer;
    }

    public FixGateway gateway() {
        return gateway;
    }

    /** @return the risk gateway the sessions' orders are checked by */
    public RiskGateway risk() {
        return checks.gateway();
    }

    /** @return the firm directory (from the risk settings) */
    public FirmDirectory firms() {
        return checks;
    }

    @Override
    public void close() {
        gateway.close();
        sequencer.close();
    }
}
