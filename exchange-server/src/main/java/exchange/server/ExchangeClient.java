package exchange.server;

import exchange.fix.ConnectionGuard;
import exchange.fix.Passwords;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.converter.UtcTimestampConverter;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * {@code bin/exchange-client}: a small FIX client for people. Logs on as a demo broker, sends orders
 * written as words (from the command line or a file), and prints every report readably.
 * <pre>
 *   bin/exchange-client buy 100 AAPL 190.50        limit, Day
 *   bin/exchange-client sell 50 AAPL market ioc    market, IOC
 *   bin/exchange-client cancel C-1 buy AAPL        cancel the order with ClOrdID C-1
 *   bin/exchange-client --file orders.txt          one order per line
 *   bin/exchange-client hash-password              prints a salted hash for the session config
 * </pre>
 */
@Command(name = "exchange-client", mixinStandardHelpOptions = true, versionProvider = Version.class,
    subcommands = {ExchangeClient.HashPassword.class},
    description = "Log on to the exchange as a broker, send orders, print the reports.")
public final class ExchangeClient implements java.util.concurrent.Callable<Integer>, Application {
    @Option(names = "--host", description = "exchange host (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "exchange FIX port (default: ${DEFAULT-VALUE})")
    int port = 9876;

    @Option(names = "--sender", description = "your SenderCompID (default: ${DEFAULT-VALUE})")
    String sender = "BROKER1";

    @Option(names = "--target", description = "the exchange's CompID (default: ${DEFAULT-VALUE})")
    String target = "EXCH";

    @Option(names = "--user", description = "Logon Username (default: ${DEFAULT-VALUE}); with --password, not sent "
        + "in FIX 4.2, which has no such fields")
    String user = "broker1";

    @Option(names = "--password", description = "Logon Password (default: the demo password)")
    String password = "broker1-demo";

    @Option(names = "--fix", description = "FIX version: 4.2, 4.4 or 5.0 (default: ${DEFAULT-VALUE})")
    String fix = "4.4";

    @Option(names = "--file", description = "a file of orders, one per line")
    Path file;

    @Option(names = "--wait", description = "seconds to keep printing reports after the last order (default: ${DEFAULT-VALUE})")
    int waitSeconds = 2;

    @Option(names = "--logon-timeout", description = "seconds to wait for the logon (default: ${DEFAULT-VALUE})")
    int logonTimeoutSeconds = 10;

    static final String ORDER_FORM = "buy|sell QTY SYMBOL PRICE|market [day|gtc|ioc|fok|opg|atc] [stop PRICE] "
        + "[peak QTY] [min QTY] [post-only] [stp A|N|O|B|D], or cancel CLORDID buy|sell SYMBOL";

    @Option(names = "--tls", description = "connect over TLS (the exchange's sessions have SocketUseSSL=Y)")
    boolean tls;

    @Option(names = "--trust-store", description = "with --tls: the key store (JKS or PKCS12) holding the certificate "
        + "the exchange must present; without it the exchange's certificate is not checked")
    Path trustStore;

    @Option(names = "--trust-store-password", description = "the trust store's password, if it has one")
    String trustStorePassword;

    @Option(names = "--key-store", description = "with --tls: your key store (JKS or PKCS12), for an exchange that "
        + "asks for client certificates (NeedClientAuth=Y)")
    Path keyStore;

    @Option(names = "--key-store-password", description = "the key store's password")
    String keyStorePassword;

    @Option(names = "--store", description = "where the session's sequence numbers are kept (default: ${DEFAULT-VALUE})")
    Path store = Path.of("data", "client");

    @Parameters(description = "an order as words: " + ORDER_FORM)
    List<String> words = new ArrayList<>();

    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private SessionID sessionId;
    /** The report lines printed so far, as one text, for {@link #printedEnough}; kept only when a test gives one. */
    private final StringBuilder printed = new StringBuilder();
    /** Null from the command line: the wait after the last order is then always {@code --wait}. */
    private final Predicate<String> printedEnough;
    private final CountDownLatch enoughPrinted = new CountDownLatch(1);

    public ExchangeClient() {
        this.printedEnough = null;
    }

    /**
     * For tests: the wait after the last order ends as soon as the report lines printed so far satisfy
     * {@code printedEnough}, at the latest after {@code --wait} seconds. A test can then give a slow host a long
     * {@code --wait} without every run on a quick one lasting that long; from the command line it never ends early.
     */
    ExchangeClient(final Predicate<String> printedEnough) {
        this.printedEnough = printedEnough;
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new ExchangeClient()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        final List<List<String>> orders = new ArrayList<>();
        if (!words.isEmpty()) {
            orders.add(words);
        }
        if (file != null) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                System.err.println("cannot read the file of orders " + file);
                return 2;
            }
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.trim().startsWith("#")) {
                    orders.add(List.of(line.trim().split("\\s+")));
                }
            }
        }
        final String begin = switch (fix) {
            case "4.2" -> "FIX.4.2";
            case "4.4" -> "FIX.4.4";
            case "5.0" -> "FIXT.1.1";
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "--fix must be 4.2, 4.4 or 5.0");
        };
        final List<Message> messages = new ArrayList<>();
        for (final List<String> order : orders) {
            try {
                messages.add(parse(order));
            } catch (final IllegalArgumentException e) {
                System.err.println("cannot read the order '" + String.join(" ", order) + "': " + e.getMessage()
                    + "\n  write: " + ORDER_FORM);
                return 2;
            }
        }
        sessionId = new SessionID(begin, sender, target);
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", host);
        settings.setLong("SocketConnectPort", port);
        settings.setLong("HeartBtInt", 30);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("FileStorePath", store.toString());
        settings.setString("ScreenLogShowEvents", "N");
        settings.setString("ScreenLogShowIncoming", "N");
        settings.setString("ScreenLogShowOutgoing", "N");
        settings.setString(sessionId, "BeginString", begin);
        settings.setString(sessionId, "SenderCompID", sender);
        settings.setString(sessionId, "TargetCompID", target);
        if ("FIXT.1.1".equals(begin)) {
            settings.setString(sessionId, "DefaultApplVerID", "FIX.5.0SP2");
        }
        if ((trustStore != null || keyStore != null) && !tls) {
            System.err.println("--trust-store and --key-store are for TLS connections: add --tls");
            return 2;
        }
        if (tls) {
            settings.setString("SocketUseSSL", "Y");
            if (trustStore == null) {
                System.err.println("TLS without --trust-store: the exchange's certificate is not checked");
            }
            if (!store(settings, "trust", trustStore, trustStorePassword, "SocketTrustStore")
                || !store(settings, "key", keyStore, keyStorePassword, "SocketKeyStore")) {
                return 2;
            }
        }
        final SocketInitiator initiator = new SocketInitiator(this, new FileStoreFactory(settings), settings,
            new ScreenLogFactory(settings), new DefaultMessageFactory());
        initiator.setIoFilterChainBuilder(chain -> chain.addFirst("exchange-client-errors", new PlainErrors()));
        initiator.start();
        try {
            if (!loggedOn.await(logonTimeoutSeconds, TimeUnit.SECONDS)) {
                System.out.println("could not log on to " + host + ":" + port + " as " + sender);
                return 1;
            }
            for (int i = 0; i < orders.size(); i++) {
                System.out.println(">> " + String.join(" ", orders.get(i)));
                Session.sendToTarget(messages.get(i), sessionId);
            }
            enoughPrinted.await(waitSeconds, TimeUnit.SECONDS);
            return 0;
        } finally {
            initiator.stop();
        }
    }

    /**
     * Sets a key or trust store, when given, as QuickFIX/J's {@code key} and {@code key + "Password"}.
     *
     * @return false, having said so, when the file cannot be read
     */
    private static boolean store(final SessionSettings settings, final String kind, final Path file,
                                 final String password, final String key) {
        if (file == null) {
            return true;
        }
        if (!Files.isReadable(file)) {
            System.err.println("cannot read the " + kind + " store " + file);
            return false;
        }
        settings.setString(key, file.toAbsolutePath().toString());
        if (password != null) {
            settings.setString(key + "Password", password);
        }
        return true;
    }

    private Message parse(final List<String> w) {
        final String verb = w.get(0).toLowerCase(Locale.ROOT);
        final String clOrdId = "C-" + System.currentTimeMillis() % 100_000_000 + "-" + sequence.incrementAndGet();
        final Message m = new Message();
        final String now = UtcTimestampConverter.convert(LocalDateTime.now(ZoneOffset.UTC),
            quickfix.UtcTimestampPrecision.MILLIS);
        if ("cancel".equals(verb)) {
            if (w.size() != 4) {
                throw new IllegalArgumentException("a cancel is four words, cancel CLORDID buy|sell SYMBOL: " + w);
            }
            m.getHeader().setString(MsgType.FIELD, "F");
            m.setString(11, clOrdId);
            m.setString(41, w.get(1));
            m.setChar(54, side(w.get(2)) ? '1' : '2');
            m.setString(55, w.get(3));
            m.setString(60, now);
            return m;
        }
        if (!"buy".equals(verb) && !"sell".equals(verb)) {
            throw new IllegalArgumentException("an order starts with buy, sell or cancel: " + w);
        }
        if (w.size() < 4) {
            throw new IllegalArgumentException("an order needs at least buy|sell QTY SYMBOL PRICE|market: " + w);
        }
        m.getHeader().setString(MsgType.FIELD, "D");
        m.setString(11, clOrdId);
        m.setChar(21, '1');
        m.setChar(54, "buy".equals(verb) ? '1' : '2');
        m.setString(38, quantity(w.get(1), "QTY"));
        m.setString(55, w.get(2));
        m.setString(60, now);
        final boolean market = "market".equalsIgnoreCase(w.get(3));
        if (!market) {
            m.setString(44, price(w.get(3), "PRICE"));
        }
        char ordType = market ? '1' : '2';
        for (int i = 4; i < w.size(); i++) {
            final String word = w.get(i).toLowerCase(Locale.ROOT);
            switch (word) {
                case "day" -> m.setChar(59, '0');
                case "gtc" -> m.setChar(59, '1');
                case "opg" -> m.setChar(59, '2');
                case "ioc" -> m.setChar(59, '3');
                case "fok" -> m.setChar(59, '4');
                case "atc" -> m.setChar(59, '7');
                case "post-only" -> m.setChar(18, '6');
                case "stop" -> {
                    m.setString(99, price(valueAfter(w, i++, "stop PRICE"), "stop PRICE"));
                    ordType = market ? '3' : '4';
                }
                case "peak" -> m.setString(111, quantity(valueAfter(w, i++, "peak QTY"), "peak QTY"));
                case "min" -> m.setString(110, quantity(valueAfter(w, i++, "min QTY"), "min QTY"));
                case "stp" -> m.setString(8000, valueAfter(w, i++, "stp A|N|O|B|D").toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("'" + w.get(i) + "' is not day, gtc, opg, ioc, fok, atc, "
                    + "post-only, stop PRICE, peak QTY, min QTY or stp MODE: " + w);
            }
        }
        m.setChar(40, ordType);
        return m;
    }

    /**
     * The words are checked here because the exchange answers a malformed number with a session-level
     * Reject, which would leave the person at the terminal with no report at all.
     */
    private static String quantity(final String word, final String what) {
        if (!word.matches("[0-9]{1,15}") || Long.parseLong(word) == 0) {
            throw new IllegalArgumentException(what + " must be a whole number above 0: '" + word + "'");
        }
        return word;
    }

    private static String price(final String word, final String what) {
        if (!word.matches("[0-9]{1,12}(\\.[0-9]{1,8})?")) {
            throw new IllegalArgumentException(what + " must be a decimal number like 190.25: '" + word + "'");
        }
        return word;
    }

    private static boolean side(final String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "buy" -> true;
            case "sell" -> false;
            default -> throw new IllegalArgumentException("the side is buy or sell: '" + word + "'");
        };
    }

    private static String valueAfter(final List<String> w, final int i, final String form) {
        if (i + 1 >= w.size()) {
            throw new IllegalArgumentException("'" + w.get(i) + "' needs a value (" + form + "): " + w);
        }
        return w.get(i + 1);
    }

    /** @return one line for a report: what happened, to which order, and its quantities */
    static String describe(final Message m) throws FieldNotFound {
        final String type = m.getHeader().getString(MsgType.FIELD);
        final StringBuilder b = new StringBuilder("<< ");
        switch (type) {
            case "8" -> {
                b.append(String.format("%-13s", execType(m.getChar(150))));
                b.append(m.getString(11)).append(' ');
                b.append(m.isSetField(54) ? (m.getChar(54) == '1' ? "BUY " : "SELL ") : "");
                b.append(m.isSetField(38) ? m.getString(38) + " " : "").append(m.isSetField(55) ? m.getString(55) : "");
                b.append(m.isSetField(44) ? " @" + m.getString(44) : "");
                if (m.isSetField(32) && m.isSetField(31)) {
                    b.append("  filled ").append(m.getString(32)).append(" @").append(m.getString(31));
                }
                b.append("  cum ").append(m.getString(14)).append(" leaves ").append(m.getString(151));
                b.append(" avg ").append(m.getString(6));
                b.append("  (order ").append(m.getString(37)).append(", exec ").append(m.getString(17)).append(')');
                if (m.isSetField(58)) {
                    b.append("  ").append(m.getString(58));
                }
            }
            case "9" -> b.append("CancelReject ").append(m.getString(41)).append(": ")
                .append(m.isSetField(58) ? m.getString(58) : "reason " + m.getString(102));
            case "j" -> b.append("BusinessReject: ").append(m.isSetField(58) ? m.getString(58) : m.getString(380));
            case "r" -> b.append("MassCancelReport ").append(m.getString(11)).append(": ")
                .append(m.isSetField(533) ? m.getString(533) + " orders cancelled" : "rejected");
            default -> b.append(type).append(' ').append(m);
        }
        return b.toString();
    }

    private static String execType(final char c) {
        return switch (c) {
            case '0' -> "NEW";
            case '1', '2', 'F' -> "FILL";
            case '4' -> "CANCELED";
            case '5' -> "REPLACED";
            case '8' -> "REJECTED";
            case 'C' -> "EXPIRED";
            case 'D' -> "RESTATED";
            case 'I' -> "STATUS";
            case 'L' -> "TRIGGERED";
            default -> "EXEC " + c;
        };
    }

    @Override
    public void onCreate(final SessionID id) {
    }

    @Override
    public void onLogon(final SessionID id) {
        System.out.println("logged on as " + id);
        loggedOn.countDown();
    }

    @Override
    public void onLogout(final SessionID id) {
        System.out.println("logged out");
    }

    @Override
    public void toAdmin(final Message message, final SessionID id) {
        try {
            // FIX 4.2 has no Username (553) or Password (554): a Logon carrying them is refused as invalid
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) && user != null && !user.isEmpty()
                && !"FIX.4.2".equals(id.getBeginString())) {
                message.setString(553, user);
                message.setString(554, password);
            }
        } catch (final FieldNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID id) throws FieldNotFound, RejectLogon {
        if (MsgType.LOGOUT.equals(message.getHeader().getString(MsgType.FIELD)) && message.isSetField(58)) {
            System.out.println("logout: " + message.getString(58));
        }
    }

    @Override
    public void toApp(final Message message, final SessionID id) {
    }

    @Override
    public void fromApp(final Message message, final SessionID id) throws FieldNotFound {
        final String line = describe(message);
        System.out.println(line);
        if (printedEnough == null) {
            return;
        }
        synchronized (printed) {
            printed.append(line).append('\n');
            if (printedEnough.test(printed.toString())) {
                enoughPrinted.countDown();
            }
        }
    }

    /** {@code bin/exchange-client hash-password}: prints a salted hash to paste into PasswordHash. */
    @Command(name = "hash-password", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Print a salted hash of a password for a session's PasswordHash setting.")
    static final class HashPassword implements java.util.concurrent.Callable<Integer> {
        @Parameters(arity = "0..1", description = "the password (asked for when not given)")
        String password;

        @Override
        public Integer call() {
            String p = password;
            if (p == null) {
                final Console console = System.console();
                if (console == null) {
                    System.err.println("give the password as an argument, or run in a terminal");
                    return 2;
                }
                p = new String(console.readPassword("password: "));
            }
            System.out.println(Passwords.hash(p));
            return 0;
        }
    }

    /**
     * Says in one line why TLS failed (QuickFIX/J would log the stack trace as an error) and closes the
     * connection once TLS's alert, which tells the exchange why, is out.
     */
    private static final class PlainErrors extends IoFilterAdapter {
        @Override
        public void exceptionCaught(final NextFilter next, final IoSession session, final Throwable cause)
            throws Exception {
            final SSLException tls = ConnectionGuard.tlsCause(cause);
            if (tls != null) {
                System.err.println("TLS failed: " + tls.getMessage());
                session.closeOnFlush();
                return;
            }
            next.exceptionCaught(session, cause);
        }
    }
}
