package exchange.benchmarks.fix;

import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The configuration folder both targets of {@code bin/bench fix} run with: a copy of the operator's
 * folder (instruments, schedule, logging, exchange settings) whose FIX session file keeps the
 * operator's {@code [DEFAULT]} section word for word (message store, validation, persistence, logging
 * categories) and lists {@code n} order-entry sessions BENCH1..BENCHn instead of the demo ones, and
 * whose risk limits let the load through: each session is a firm of its own with the largest credit
 * limit and the largest throttle the risk gateway takes. Every check still runs.
 *
 * <p>The bare QuickFIX/J acceptor reads the same session file: QuickFIX/J ignores the exchange's keys.
 */
final class BenchSessions {
    static final String EXCHANGE_COMP_ID = "EXCH";
    /**
     * The bare acceptor's CompID: both acceptors run in the same process at once, and QuickFIX/J keeps one
     * session per SessionID in the process. As long as the exchange's, so that the two send the same bytes.
     */
    static final String BARE_COMP_ID = "BARE";
    static final String BEGIN_STRING = "FIX.4.4";
    /** The largest amount the risk settings take, in currency. */
    static final String LARGEST_AMOUNT = "1_000_000_000_000";
    /** The largest per-session throttle the risk settings take. */
    static final int LARGEST_THROTTLE = 100_000;

    private final Path configDir;
    private final int sessions;

    private BenchSessions(final Path configDir, final int sessions) {
        this.configDir = configDir;
        this.sessions = sessions;
    }

    /**
     * Copies {@code source} into {@code target} and writes the benchmark's session file and risk limits there.
     *
     * @param source   the operator's configuration folder ({@code config/})
     * @param target   a folder to create
     * @param sessions order-entry sessions, 1 or more
     */
    static BenchSessions write(final Path source, final Path target, final int sessions) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (final Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        final String shipped = Files.readString(source.resolve("fix-sessions.cfg"), StandardCharsets.UTF_8);
        final int firstSession = shipped.indexOf("\n[SESSION]");
        final StringBuilder cfg = new StringBuilder("# bin/bench fix: the [DEFAULT] section of ")
            .append(source.resolve("fix-sessions.cfg")).append(" as it is, then the benchmark's sessions.\n")
            .append(firstSession < 0 ? shipped : shipped.substring(0, firstSession + 1));
        final StringBuilder risk = new StringBuilder("# bin/bench fix: limits that let the load through; every check still runs.\n")
            .append("exchange.risk.throttle.messagesPerSecond = ").append(LARGEST_THROTTLE).append('\n')
            .append("exchange.risk.creditLimit = ").append(LARGEST_AMOUNT).append('\n');
        for (int i = 1; i <= sessions; i++) {
            cfg.append("\n[SESSION]\nBeginString=").append(BEGIN_STRING).append("\nTargetCompID=").append(compId(i))
                .append("\nDataDictionary=FIX44.xml\nSessionNumber=").append(i).append("\nFirm=").append(compId(i))
                .append("\nCancelOnDisconnect=N\n");
            risk.append("exchange.risk.firm.").append(i).append(".name = ").append(compId(i)).append('\n')
                .append("exchange.risk.firm.").append(i).append(".unlistedAccounts = default\n")
                .append("exchange.risk.firm.").append(i).append(".creditLimit = ").append(LARGEST_AMOUNT).append('\n');
        }
        Files.writeString(target.resolve("fix-sessions.cfg"), cfg, StandardCharsets.UTF_8);
        Files.writeString(target.resolve("risk.properties"), risk, StandardCharsets.UTF_8);
        return new BenchSessions(target, sessions);
    }

    /** @return the CompID of session {@code i} (from 1): BENCH{@code i} */
    static String compId(final int i) {
        return "BENCH" + i;
    }

    /** @return the broker-side CompIDs, in session order */
    List<String> compIds() {
        final List<String> ids = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            ids.add(compId(i));
        }
        return ids;
    }

    Path configDir() {
        return configDir;
    }

    /**
     * The session file as the exchange reads it (see {@code ExchangeServer}), for a plain QuickFIX/J
     * acceptor: SenderCompID {@link #BARE_COMP_ID}, message stores in {@code storeDir}, an ephemeral port.
     */
    SessionSettings acceptorSettings(final Path storeDir) {
        final String cfg;
        try {
            cfg = Files.readString(configDir.resolve("fix-sessions.cfg"), StandardCharsets.UTF_8)
                .replace("\nSenderCompID=" + EXCHANGE_COMP_ID + "\n", "\nSenderCompID=" + BARE_COMP_ID + "\n");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(cfg.getBytes(StandardCharsets.UTF_8))) {
            final SessionSettings settings = new SessionSettings(in);
            settings.setString("FileStorePath", storeDir.toString());
            settings.setLong("SocketAcceptPort", 0);
            for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); ) {
                settings.setLong(it.next(), "SocketAcceptPort", 0);
            }
            return settings;
        } catch (final ConfigError e) {
            throw new IllegalStateException(e);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
